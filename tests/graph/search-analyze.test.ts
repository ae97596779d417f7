import { describe, expect, it } from 'vitest';
import {
  editBudget,
  highlight,
  matchText,
  matchWord,
  significant,
  wordsOf,
  type Word,
} from '../../src/graph/search/analyze';

const word = (text: string): Word => {
  const [w] = wordsOf(text);
  if (!w) throw new Error(`no word in "${text}"`);
  return w;
};
const kindOf = (q: string, w: string, prefix = false) => matchWord(word(q), word(w), prefix)?.kind;

describe('when two words match', () => {
  it.each([
    ['Défense', 'defense', 'exact'],
    ['CYBERDÉFENSE', 'cyberdefense', 'exact'],
    ['policies', 'policy', 'stem'],
    ['organisations', 'organisation', 'stem'],
    ['terrorisme', 'terrorism', 'stem'],
    ['ressources', 'ressource', 'stem'],
    ['defnce', 'defence', 'fuzzy'],
    ['defecne', 'defence', 'fuzzy'],
    ['terorism', 'terrorism', 'fuzzy'],
    ['destrucion', 'destruction', 'fuzzy'],
  ])('"%s" matches "%s" (%s)', (q, w, kind) => {
    expect(kindOf(q, w)).toBe(kind);
  });

  it.each([
    ['nos', 'nor'],
    ['esc', 'esd'],
    ['nos', 'no'],
    ['missile', 'mission'],
    ['defence', 'offence'],
    ['2010', '2011'],
    ['cyber', 'cyberdefense'],
  ])('"%s" does not match "%s"', (q, w) => {
    expect(kindOf(q, w)).toBeUndefined();
  });

  it('allows a prefix only where asked (the last word of a type-ahead query)', () => {
    expect(kindOf('cyber', 'cyberdefense', true)).toBe('prefix');
    expect(kindOf('c', 'cyberdefense', true)).toBeUndefined();
  });

  it.each([
    [3, 0],
    [4, 1],
    [7, 1],
    [8, 2],
    [13, 2],
  ])('allows a word of %i letters %i typos', (length, budget) => {
    expect(editBudget(length)).toBe(budget);
  });
});

describe('words written joined or apart', () => {
  const match = (q: string, t: string) =>
    matchText(significant(wordsOf(q)), significant(wordsOf(t)))?.wholeText ?? false;

  it.each([
    ['cyberdefense', 'cyber-défense'],
    ['cyber défense', 'cyberdefense'],
    ['cyberdefense', 'Cyber Defence'],
    ['peace keeping', 'peacekeeping'],
    ['anti terrorisme', 'antiterrorisme'],
  ])('"%s" names all of "%s"', (q, t) => {
    expect(match(q, t)).toBe(true);
  });

  it('joins only words side by side', () => {
    expect(match('cyberdefence', 'cyber and defence')).toBe(false);
  });

  it('marks a joined word in a snippet', () => {
    const query = significant(wordsOf('cyber defense'));
    expect(highlight('cyberdéfense', query, { open: '[', close: ']' })).toBe('[cyberdéfense]');
  });
});

describe('words and snippets', () => {
  it('drops small words unless nothing else is left', () => {
    expect(significant(wordsOf("Bureau de sécurité de l'OTAN")).map((w) => w.folded)).toEqual([
      'bureau',
      'securite',
      'otan',
    ]);
    expect(significant(wordsOf('the')).map((w) => w.folded)).toEqual(['the']);
  });

  it('marks the matching words in the original spelling', () => {
    const query = significant(wordsOf('securite otan'));
    expect(highlight("Bureau de sécurité de l'OTAN", query, { open: '[', close: ']' })).toBe(
      "Bureau de [sécurité] de l'[OTAN]",
    );
  });

  it('cuts a long text around its first match', () => {
    const text = `${'word '.repeat(60)}needle ${'word '.repeat(60)}`.trim();
    const out = highlight(text, significant(wordsOf('needle')), { open: '[', close: ']' });
    expect(out).toMatch(/^….*\[needle\].*…$/);
    expect(out.length).toBeLessThan(200);
  });
});
