/**
 * How a text becomes words to match, and when two words match. Both the index and every matcher
 * use these rules, so "why it matched" is always one of: the same word once folded, the same stem,
 * a prefix (type-ahead) or a typo within an edit budget that grows with the word's length.
 */
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemFrench } from '@orama/stemmers/french';
import osaDistance from 'damerau-levenshtein';
import { foldText, isStopWord } from '../normalize';

/** A word of a text: where it is (for highlighting), its folded form and its stems. */
export interface Word {
  readonly start: number;
  readonly end: number;
  /** Lower-case, accents and ligatures removed ("défense" → "defense"). */
  readonly folded: string;
  /** English and French Snowball stems of the folded word (one entry when they agree). */
  readonly stems: readonly string[];
  /** Grammatical words ("of", "de", "l'") take no part in matching. */
  readonly stop: boolean;
}

export type WordMatchKind = 'exact' | 'stem' | 'prefix' | 'fuzzy';

export interface WordMatch {
  readonly kind: WordMatchKind;
  /** Edits between the two words (fuzzy matches only; 0 otherwise). */
  readonly edits: number;
  /** How much this match is worth, 0–1: an exact word 1, a stem 0.95, a typo less. */
  readonly quality: number;
}

/**
 * Words a question may add that say nothing about what is asked for. They are dropped from search
 * text only, never from names: the unit-name index keeps its own, smaller list (normalize.ts).
 */
const QUERY_STOP_WORDS = new Set([
  'to',
  'in',
  'on',
  'with',
  'by',
  'at',
  'en',
  'sur',
  'dans',
  'avec',
  'par',
  'un',
  'une',
]);

const stemCache = new Map<string, readonly string[]>();
const STEM_CACHE_LIMIT = 200_000;

/** The English and French stems of a folded word, memoised (the vocabulary is small). */
export function stemsOf(folded: string): readonly string[] {
  let stems = stemCache.get(folded);
  if (!stems) {
    const en = stemEnglish(folded);
    const fr = stemFrench(folded);
    stems = en === fr ? [en] : [en, fr];
    if (stemCache.size < STEM_CACHE_LIMIT) stemCache.set(folded, stems);
  }
  return stems;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The words of a text with their positions. Folding is done word by word so positions stay those
 * of the original text; "l'OTAN" gives "l" (a small word) and "otan".
 */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    for (const form of formsOf(m[0])) {
      words.push({ start, end: start + m[0].length, ...form });
    }
  }
  return words;
}

/**
 * Calls `visit` with each folded significant word of a text (small words only when there is
 * nothing else): what the index stores. No positions and no arrays: it runs on every word of
 * every text when a large dataset is indexed.
 */
export function forEachIndexWord(text: string, visit: (folded: string) => void): void {
  const tokens = text.split(NON_WORD);
  let significantSeen = false;
  for (const token of tokens) {
    if (!token) continue;
    for (const form of formsOf(token)) {
      if (form.stop) continue;
      significantSeen = true;
      visit(form.folded);
    }
  }
  if (significantSeen) return;
  for (const token of tokens) if (token) for (const form of formsOf(token)) visit(form.folded);
}

const NON_WORD = /[^\p{L}\p{N}]+/u;

type Form = Pick<Word, 'folded' | 'stems' | 'stop'>;
const formCache = new Map<string, readonly Form[]>();
/** Beyond this many distinct spellings the cache stops growing (a dataset has far fewer). */
const FORM_CACHE_LIMIT = 200_000;

/** The folded forms of one written word, memoised: folding and stemming are the costly part. */
function formsOf(token: string): readonly Form[] {
  let forms = formCache.get(token);
  if (!forms) {
    forms = foldText(token)
      .split(' ')
      .filter(Boolean)
      .map((folded) => ({
        folded,
        stems: stemsOf(folded),
        stop: isStopWord(folded) || QUERY_STOP_WORDS.has(folded),
      }));
    if (formCache.size < FORM_CACHE_LIMIT) formCache.set(token, forms);
  }
  return forms;
}

/** The words that take part in matching: small words are dropped unless nothing else is left. */
export function significant(words: readonly Word[]): Word[] {
  const kept = words.filter((w) => !w.stop);
  return kept.length > 0 ? kept : [...words];
}

/**
 * Typos allowed in a word of this many letters: none up to 3 (acronyms such as NOS and NOR differ
 * by one letter and must never be confused), one up to 7, two from 8 on.
 */
export function editBudget(length: number): number {
  if (length <= 3) return 0;
  return length <= 7 ? 1 : 2;
}

const HAS_LETTER = /\p{L}/u;

/** Prefixes shorter than this would match half the vocabulary. */
export const MIN_PREFIX_LENGTH = 2;

/**
 * Whether the query word `q` matches the indexed word `w`, and how. `prefix` allows `q` to be the
 * start of `w` (the last word of a type-ahead query). Typos count transpositions as one edit and
 * are never allowed on numbers or on words (either side) of 3 letters or fewer.
 */
export function matchWord(q: Word, w: Word, prefix = false): WordMatch | undefined {
  if (q.folded === w.folded) return { kind: 'exact', edits: 0, quality: 1 };
  // Short words are mostly acronyms: stemming "NOS" to "no" would find every "no".
  const long = q.folded.length > 3 && w.folded.length > 3;
  if (long && q.stems.some((s) => w.stems.includes(s))) {
    return { kind: 'stem', edits: 0, quality: 0.95 };
  }
  if (prefix && q.folded.length >= MIN_PREFIX_LENGTH && w.folded.startsWith(q.folded)) {
    return { kind: 'prefix', edits: 0, quality: 0.6 + 0.3 * (q.folded.length / w.folded.length) };
  }
  const budget = Math.min(editBudget(q.folded.length), editBudget(w.folded.length));
  if (budget === 0 || !HAS_LETTER.test(q.folded)) return undefined;
  if (Math.abs(q.folded.length - w.folded.length) > budget) return undefined;
  const edits = osaDistance(q.folded, w.folded).steps;
  if (edits > budget) return undefined;
  return { kind: 'fuzzy', edits, quality: edits === 1 ? 0.85 : 0.7 };
}

/** A query word's best match among a text's words. */
export interface Pairing {
  readonly query: Word;
  readonly word: Word;
  readonly match: WordMatch;
}

/**
 * Pairs each query word with a distinct word of the text, best matches first (greedy: names are a
 * few words long). Query words without a partner are simply left out of the result.
 */
export function pairWords(
  query: readonly Word[],
  text: readonly Word[],
  prefixLast = false,
): Pairing[] {
  const candidates: Pairing[] = [];
  query.forEach((q, qi) => {
    const prefix = prefixLast && qi === query.length - 1;
    for (const w of text) {
      const match = matchWord(q, w, prefix);
      if (match) candidates.push({ query: q, word: w, match });
    }
  });
  candidates.sort((a, b) => b.match.quality - a.match.quality);
  const usedQuery = new Set<Word>();
  const usedText = new Set<Word>();
  const pairs: Pairing[] = [];
  for (const c of candidates) {
    if (usedQuery.has(c.query) || usedText.has(c.word)) continue;
    usedQuery.add(c.query);
    usedText.add(c.word);
    pairs.push(c);
  }
  return pairs;
}

/** How a query matches one text (a name, a label, a description): every query word did. */
export interface TextMatch {
  readonly pairs: readonly Pairing[];
  /** Every significant word of the text was matched: the query names the whole thing. */
  readonly wholeText: boolean;
  /** Share of the text's significant words the query matched (0–1). */
  readonly coverage: number;
  /** Mean quality of the query words' matches (0–1). */
  readonly quality: number;
  /** The weakest kind of match used: exact < stem < prefix < fuzzy. */
  readonly kind: WordMatchKind;
}

const KIND_ORDER: readonly WordMatchKind[] = ['exact', 'stem', 'prefix', 'fuzzy'];

/**
 * How `query` matches a text, given as its significant words; undefined unless every query word
 * matches a distinct word of it. `candidates`, when given, are the indexed words the index found
 * for the query: only words of the text among them are compared, which spares comparing every
 * word of a long description.
 */
export function matchText(
  query: readonly Word[],
  text: readonly Word[],
  prefixLast = false,
  candidates?: ReadonlySet<string>,
): TextMatch | undefined {
  if (query.length === 0 || text.length < query.length) return undefined;
  const comparable = candidates ? text.filter((w) => candidates.has(w.folded)) : text;
  if (comparable.length < query.length) return undefined;
  const pairs = pairWords(query, comparable, prefixLast);
  if (pairs.length < query.length) return undefined;
  const kind = pairs.reduce<WordMatchKind>(
    (worst, p) =>
      KIND_ORDER.indexOf(p.match.kind) > KIND_ORDER.indexOf(worst) ? p.match.kind : worst,
    'exact',
  );
  return {
    pairs,
    wholeText: pairs.length === text.length,
    coverage: pairs.length / text.length,
    quality: pairs.reduce((sum, p) => sum + p.match.quality, 0) / query.length,
    kind,
  };
}

/**
 * The text with every word that matches the query wrapped in `open`/`close`. A long text is cut
 * to about `window` characters around its first match.
 */
export function highlight(
  text: string,
  query: readonly Word[],
  { open, close, prefixLast = false, window = 160 }: HighlightOptions,
): string {
  const words = wordsOf(text);
  const marked = words.filter(
    (w) =>
      !w.stop &&
      query.some((q, i) => matchWord(q, w, prefixLast && i === query.length - 1) !== undefined),
  );
  let from = 0;
  let to = text.length;
  if (text.length > window) {
    const first = marked[0]?.start ?? 0;
    from = Math.max(0, first - Math.floor(window / 3));
    to = Math.min(text.length, from + window);
    // Cut at word boundaries so no word is shown half.
    from = from === 0 ? 0 : (words.find((w) => w.start >= from)?.start ?? from);
    to = to === text.length ? to : ([...words].reverse().find((w) => w.end <= to)?.end ?? to);
  }
  let out = '';
  let at = from;
  for (const w of marked) {
    if (w.start < from || w.end > to || w.start < at) continue;
    out += text.slice(at, w.start) + open + text.slice(w.start, w.end) + close;
    at = w.end;
  }
  out += text.slice(at, to);
  return (from > 0 ? '…' : '') + out + (to < text.length ? '…' : '');
}

export interface HighlightOptions {
  readonly open: string;
  readonly close: string;
  readonly prefixLast?: boolean;
  readonly window?: number;
}
