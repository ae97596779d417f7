/**
 * Text folding for name and topic lookup. People type names without accents, with other
 * punctuation, in another word order ("Office of Security, NATO") and with or without the small
 * words ("Bureau de sécurité de l'OTAN"); all of those must reach the same entry.
 */

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd' };

/** Grammatical words that do not tell one name from another, in English and French. */
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'au',
  'aux',
  'd',
  'de',
  'des',
  'du',
  'et',
  'for',
  'l',
  'la',
  'le',
  'les',
  'of',
  'pour',
  'the',
]);

/** True for a folded grammatical word ("of", "de", "l") that does not tell one name from another. */
export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}

/** Lower-case, without accents or ligatures, punctuation turned into single spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæßøłđ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The folded words of a text, small words dropped unless nothing else is left. */
export function significantWords(text: string): string[] {
  const words = foldText(text).split(' ').filter(Boolean);
  const kept = words.filter((w) => !STOP_WORDS.has(w));
  return kept.length > 0 ? kept : words;
}

/**
 * The lookup key of a name: its significant words, sorted, so that case, accents, punctuation,
 * small words and word order do not matter. Empty when the text has no letters or digits.
 */
export function nameKey(text: string): string {
  return significantWords(text).sort().join(' ');
}

/** Significant words in their original order: tells "NATO Security Office" (an alias) from
 * "NATO Office of Security" (the name) when both have the same `nameKey`. */
export function orderedNameKey(text: string): string {
  return significantWords(text).join(' ');
}

/** Whitespace runs collapsed and typographic apostrophes made plain, for comparing quotes. */
export function normalizeQuote(text: string): string {
  return text.replace(/[’‘ʼ]/g, "'").replace(/\s+/g, ' ').trim();
}
