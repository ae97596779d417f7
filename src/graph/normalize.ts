/**
 * Text folding for name and topic lookup. People type names without accents, with other
 * punctuation, in another word order ("Office of Security, NATO") and with or without the small
 * words ("Bureau de sécurité de l'OTAN"); all of those must reach the same entry.
 */
import { MAX_MEMO_WORD, TextMemo, wordsBytes } from './text-memo';

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

/**
 * Folded words per written word, memoised: a large dataset's names reuse a small vocabulary, and
 * folding (Unicode normalisation, three regular expressions) is the costly part. Folding a text is
 * folding each of its whitespace-separated tokens: whitespace folds to a separator and no
 * normalisation or case rule reaches across it.
 */
const foldedTokens = new TextMemo<readonly string[]>({
  maxBytes: 8 * 2 ** 20,
  sizeOf: wordsBytes,
  maxKeyLength: MAX_MEMO_WORD,
});

function foldedWords(text: string): string[] {
  const words: string[] = [];
  for (const token of text.split(/\s+/)) {
    if (!token) continue;
    let folded = foldedTokens.get(token);
    if (!folded) {
      folded = foldText(token).split(' ').filter(Boolean);
      foldedTokens.set(token, folded);
    }
    words.push(...folded);
  }
  return words;
}

/** The folded words of a text, small words dropped unless nothing else is left. */
export function significantWords(text: string): string[] {
  const words = foldedWords(text);
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
