/**
 * Whether the search box holds a question (answered by `ask`) or words to look up (type-ahead
 * search). Decided from the text alone, as it is typed, so the type-ahead stays instant: a
 * question ends with a question mark, or starts (after a preposition, "à qui", "in which") with
 * a question word of English or French. Asking first and searching only when `ask` cannot read the
 * text would not do: `ask` reads a bare name or topic ("NOS", "cyber defence") as a question too,
 * and the reader typing a name wants the list of units, not a sentence.
 */

const QUESTION_WORDS = new Set([
  // English
  'who',
  'whom',
  'whose',
  'what',
  'whats',
  'which',
  'where',
  'when',
  'how',
  'why',
  'are',
  'was',
  'were',
  'do',
  'does',
  'did',
  'has',
  'have',
  'could',
  'would',
  'tell',
  'show',
  'list',
  'give',
  'please',
  // French (folded: no accents, "qu'" as "qu")
  'qui',
  'que',
  'qu',
  'quoi',
  'quel',
  'quelle',
  'quels',
  'quelles',
  'lequel',
  'laquelle',
  'lesquels',
  'lesquelles',
  'ou',
  'quand',
  'comment',
  'combien',
  'pourquoi',
  'est',
  'existe',
  'y',
  'pouvez',
  'pourriez',
  'peux',
  'pourrais',
  'dites',
  'dis',
  'donnez',
  'donne',
  'montrez',
  'montre',
  'listez',
  'liste',
  'indiquez',
]);

/** Words a question may start with before its question word ("à qui", "de quoi", "in which"). */
const PREPOSITIONS = new Set([
  'a',
  'de',
  'du',
  'par',
  'pour',
  'avec',
  'sous',
  'dans',
  'en',
  'depuis',
  'in',
  'to',
  'for',
  'by',
  'from',
  'under',
  'since',
  'at',
  'on',
  'with',
]);

/** Lower case, no accents, words split on anything that is not a letter or a digit. */
function wordsOf(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function isQuestion(text: string): boolean {
  const trimmed = text.trim();
  if (/[?？]$/.test(trimmed)) return true;
  const [first, second] = wordsOf(trimmed);
  if (first === undefined) return false;
  if (QUESTION_WORDS.has(first)) return true;
  return PREPOSITIONS.has(first) && second !== undefined && QUESTION_WORDS.has(second);
}
