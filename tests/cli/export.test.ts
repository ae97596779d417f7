import { describe, expect, it } from 'vitest';
import { runCli } from '../kit';

const exportCli = (...args: string[]) => runCli('export', ...args);

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
    [
      ['--format', 'pdf'],
      "argument 'pdf' is invalid. Allowed choices are jsonld, popolo, mermaid, dot",
    ],
    [['--format', 'dot', '--as-of', '2010-13'], '--as-of: "2010-13" has an impossible month'],
    [['--format', 'dot', '--lang', 'de'], "argument 'de' is invalid. Allowed choices are en, fr"],
  ])('refuses %j with a clear message', async (args, message) => {
    const { code, stderr } = await exportCli(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
