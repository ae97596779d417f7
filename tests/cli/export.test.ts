import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../src/cli/export.ts', import.meta.url));
const run = promisify(execFile);

async function exportCli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run export', () => {
  it('writes a chart in French as of a date', async () => {
    const { code, stdout } = await exportCli(
      '--format',
      'mermaid',
      '--lang',
      'fr',
      '--as-of',
      '2009',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Secrétariat international');
    expect(stdout).not.toContain('u_emerging_security_challenges');
    expect(stdout).toContain(
      '%% Pas encore créées le 2009 : Division Défis de sécurité émergents (2010-08).',
    );
  });

  it.each([
    [['--format', 'pdf'], '--format must be one of jsonld|popolo|mermaid|dot'],
    [['--format', 'dot', '--as-of', '2010-13'], '--as-of: "2010-13" has an impossible month'],
    [['--format', 'dot', '--lang', 'de'], '--lang must be en or fr'],
  ])('refuses %j with a clear message', async (args, message) => {
    const { code, stderr } = await exportCli(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
