/**
 * `npm run build` and the check `npm start` runs first: a copy of the project is built, left
 * alone while its sources stay the same, and built again once one changes.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let copy: string;

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), 'orggraph-build-'));
  for (const entry of [
    'src',
    'web',
    'scripts',
    'seed',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
  ])
    await cp(join(ROOT, entry), join(copy, entry), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
});
afterAll(async () => {
  await rm(copy, { recursive: true, force: true });
});

const build = async (...args: string[]) =>
  (await promisify(execFile)(process.execPath, [join(copy, 'scripts', 'build.mjs'), ...args]))
    .stdout;
const node = async (...args: string[]) =>
  (await promisify(execFile)(process.execPath, args, { cwd: copy })).stdout;

describe('the build', () => {
  it('builds when dist/ is missing, not when it is up to date, again when a source changes', async () => {
    expect(await build('--if-stale')).toMatch(/^dist\/ is not built: building\nbuilt /);
    expect(await build('--if-stale')).toBe('');
    const file = join(copy, 'src', 'cli', 'seed-check.ts');
    await writeFile(file, `${await readFile(file, 'utf8')}\n// changed\n`);
    expect(await build('--if-stale')).toMatch(/^dist\/ is stale: building\nbuilt /);
    expect(await build('--if-stale')).toBe('');
  });

  it('gives commands that find the seed and the chart page from dist/', async () => {
    await build('--if-stale');
    // seed/ relative to dist/cli/seed-check.js, as to src/cli/seed-check.ts.
    expect(await node('dist/cli/seed-check.js')).toMatch(/^seed: ok: 20 units/);
    expect(await readFile(join(copy, 'dist', 'web', 'index.html'), 'utf8')).toContain('<script');
  });

  it('refuses a module whose relative paths would point elsewhere once bundled', async () => {
    const deep = join(copy, 'src', 'graph', 'search', 'deep-path.ts');
    await writeFile(deep, "export const HERE = new URL('../../seed', import.meta.url).href;\n");
    const seedCheck = join(copy, 'src', 'cli', 'seed-check.ts');
    const before = await readFile(seedCheck, 'utf8');
    await writeFile(
      seedCheck,
      `import { HERE } from '../graph/search/deep-path';\nvoid HERE;\n${before}`,
    );
    await expect(build()).rejects.toThrow(
      /src\/graph\/search\/deep-path\.ts uses import\.meta\.url but is bundled into dist\/cli\/seed-check\.js, at another depth/,
    );
    await writeFile(seedCheck, before);
    await rm(deep);
  });
});
