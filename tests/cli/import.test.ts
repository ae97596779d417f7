/** `npm run import`: a chart to a seed directory, or every problem and nothing written. */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../kit';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orggraph-import-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function importCsv(name: string, text: string, ...args: string[]) {
  const file = join(dir, `${name}.csv`);
  await writeFile(file, text);
  const out = join(dir, `${name}-seed`);
  const result = await runCli('import', '--from', 'csv', file, '--out', out, ...args);
  return { ...result, file, out };
}

describe('npm run import', () => {
  it('writes a seed directory that seed:check passes, and says how to serve it', async () => {
    const { code, stdout, out } = await importCsv(
      'ok',
      'Department,Reports to,Type\nTiny Co,,company\nSales,Tiny Co,department\nShop,Sales,team\n',
      '--columns',
      'name=Department,parent=Reports to,kind=Type',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /ok: 3 units, 0 posts, 0 topics \(dataset tiny-co, kinds Company, Department, Team\); serve it with SEED_DIR=.* npm start/,
    );
    expect((await readdir(out)).sort()).toEqual([
      'dataset.yaml',
      'events.yaml',
      'posts.yaml',
      'sources.yaml',
      'topics.yaml',
      'units.yaml',
    ]);
    expect((await runCli('seed-check', out)).code).toBe(0);
  });

  it('refuses a broken chart with every problem at its row and column, and writes nothing', async () => {
    const { code, stdout, stderr, file, out } = await importCsv(
      'broken',
      'id,name,parent\nco,Tiny Co,\nsales,Sales,nowhere\nsales,Shop,co\nx,,co\n',
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n').slice(1, 4)).toEqual([
      `  ${file}:3:3: parent: unknown parent "nowhere": expected the id or name of another row`,
      `  ${file}:4:1: id: duplicate id "sales" (the key "sales" of row 3): expected an id of its own`,
      `  ${file}:5:2: name: empty name: every row needs a name`,
    ]);
    expect(await readdir(dir)).not.toContain('broken-seed');
    expect(out).toMatch(/broken-seed$/);
  });

  it('places what seed:check refuses at the row it came from', async () => {
    const { code, stderr, file } = await importCsv(
      'clash',
      'id,name,parent,aliases\nco,Tiny Co,,\nsales,Sales,co,Shop\nshop,Shop,co,\n',
    );
    expect(code).toBe(1);
    expect(stderr.split('\n').slice(1)).toEqual([
      `  ${file}:4:2: name: "Shop" also names unit "sales" ("Shop"); a name, acronym or alias may name only one unit`,
      '',
    ]);
    expect((await readdir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('places a kind whose type the schema has at the row that names it', async () => {
    const { code, stderr, file } = await importCsv('kind', 'name,parent,kind\nCo,,\nX,Co,post\n');
    expect(code).toBe(1);
    expect(stderr).toContain(
      `${file}:3:3: kind: "Post" is a type the schema already has: choose another name`,
    );
  });

  it('refuses to write into a directory that holds files', async () => {
    const { code, stderr } = await importCsv('full', 'name\nTiny Co\n', '--out', dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/the directory exists and is not empty/);
  });
});
