/**
 * Every command, as a person meets it: `--help` says how to call it; an unknown flag, an extra
 * argument or a bad value gets one line and a non-zero exit, never a stack trace; and the
 * commands stay small tools over the domain (src/graph), not the server.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../kit';

/** Each command by its file in src/cli and its npm name. */
const COMMANDS = [
  ['seed-check', 'seed:check'],
  ['seed-generate', 'seed:generate'],
  ['seed-schemas', 'seed:schemas'],
  ['schema-print', 'schema:print'],
  ['export', 'export'],
  ['import', 'import'],
  ['trusted-documents', 'trusted-documents'],
] as const;

const STACK = /\n\s+at /;

describe('every command', () => {
  it('is listed here and in package.json', async () => {
    const scripts = (
      JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    for (const [file, name] of COMMANDS) expect(scripts[name]).toBe(`tsx src/cli/${file}.ts`);
    const files = (await readdir(new URL('../../src/cli/', import.meta.url))).filter(
      (f) => f !== 'command.ts',
    );
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(
      COMMANDS.map(([file]) => file).sort(),
    );
  });

  it.each(COMMANDS)('%s answers --help with its usage', async (file, name) => {
    const { code, stdout, stderr } = await runCli(file, '--help');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(new RegExp(`^Usage: ${name} \\[options\\]`));
    expect(stdout).toContain(`npm run ${name} --`);
  });

  it.each(COMMANDS)('%s refuses an unknown flag in one line', async (file, name) => {
    const { code, stdout, stderr } = await runCli(file, '--no-such-flag');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${name}: unknown option '--no-such-flag' (see --help)\n`);
  });

  // A mistake a person makes, and what the command says: one line, no stack.
  const MISTAKES: [string, string[], number, RegExp][] = [
    ['seed-check', ['a', 'b'], 2, /^seed:check: too many arguments/],
    ['seed-generate', ['--units', 'many'], 2, /--units must be a whole number.*"many"/],
    ['seed-generate', ['--unit', '5'], 2, /unknown option '--unit' \(Did you mean --units\?\)/],
    ['seed-generate', ['--units', '5', '--out', '/dev/null/x'], 1, /^seed:generate: ENOTDIR/],
    ['schema-print', ['out.graphql'], 2, /too many arguments/],
    ['export', [], 2, /--format is required: one of jsonld, popolo, mermaid, dot/],
    ['export', ['--format', 'pdf'], 2, /argument 'pdf' is invalid/],
    ['export', ['--format', 'dot', '--seed', '/nonexistent'], 1, /dataset\.yaml: file not found/],
    ['trusted-documents', ['/nonexistent.graphql'], 1, /^trusted-documents: ENOENT/],
    ['import', ['--from', 'csv', '/nonexistent.csv', '--out', '/tmp/x'], 1, /^import: ENOENT/],
    ['import', ['--from', 'xls', 'a.xls', '--out', '/tmp/x'], 2, /argument 'xls' is invalid/],
    ['import', ['--from', 'csv', 'a.csv'], 2, /--out is required/],
  ];
  it.each(MISTAKES)('%s %j: says what is wrong, in one line', async (file, args, exit, says) => {
    const { code, stderr } = await runCli(file, ...args);
    expect(code).toBe(exit);
    expect(stderr).toMatch(says);
    expect(stderr).not.toMatch(STACK);
    if (exit === 2) expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('import only the domain, except what a command is about', async () => {
    // schema:print prints the schema (a dataset's, with --seed); trusted-documents checks documents against it and
    // defaults to the GraphiQL examples.
    const allowed: Record<string, RegExp> = {
      'schema-print.ts': /^\.\.\/schema\/(print|possible-types|index)$/,
      'trusted-documents.ts': /^\.\.\/(schema\/index|server\/examples)$/,
    };
    const dir = fileURLToPath(new URL('../../src/cli/', import.meta.url));
    for (const file of await readdir(dir)) {
      const text = await readFile(`${dir}${file}`, 'utf8');
      for (const [, from] of text.matchAll(/^import .* from '([^']+)';$/gm)) {
        if (!from?.startsWith('.')) continue;
        const ok = /^\.\/|^\.\.\/graph\//.test(from) || allowed[file]?.test(from) === true;
        expect(ok, `${file} imports ${from}`).toBe(true);
      }
    }
  });
});
