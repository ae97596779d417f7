import { describe, expect, it } from 'vitest';
import { foldText, nameKey, normalizeQuote } from '../../src/graph/normalize';

describe('name folding', () => {
  it.each([
    ['NATO Office of Security', 'Office of Security, NATO'],
    ['NATO Office of Security', 'nato   office-of-security'],
    ['Bureau de sécurité de l’OTAN', "bureau de securite de l'otan"],
    ['Bureau de sécurité de l’OTAN', 'BUREAU SÉCURITÉ OTAN'],
    ['cyberdéfense', 'CYBERDEFENSE'],
    ['Cyber-Defense', 'cyber defense'],
    ['œuvre', 'oeuvre'],
  ])('"%s" and "%s" have the same key', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each([
    ['NATO Office of Security', 'NATO Office of Resources'],
    ['cyber defence', 'cyber defense'],
    ['air defence', 'defence'],
  ])('"%s" and "%s" stay apart', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it('keeps small words when they are all there is', () => {
    expect(nameKey('The')).toBe('the');
    expect(nameKey('!!!')).toBe('');
  });

  it('folds case, accents and punctuation', () => {
    expect(foldText('Défis de sécurité émergents!')).toBe('defis de securite emergents');
  });

  it('compares quotes regardless of whitespace runs and apostrophe style', () => {
    expect(normalizeQuote('placé sous l’autorité\n  du')).toBe("placé sous l'autorité du");
  });
});
