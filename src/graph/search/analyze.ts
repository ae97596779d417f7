/**
 * How a text becomes words to match, and when two words match. Both the index and every matcher
 * use these rules, so "why it matched" is always one of: the same word once folded, the same stem,
 * a prefix (type-ahead) or a typo within an edit budget that grows with the word's length; two
 * words side by side may stand for one written joined ("cyber defence" / "cyberdéfense").
 */
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemFrench } from '@orama/stemmers/french';
import osaDistance from 'damerau-levenshtein';
import { foldText, isStopWord } from '../normalize';
import { MAX_MEMO_WORD, TextMemo, wordsBytes } from '../text-memo';

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
 * More small words that tell nothing apart ("support to delegations", "relations avec"): ignored
 * in questions and texts alike when searching. The exact-name index (normalize.ts) keeps its own,
 * smaller list, so the names it refuses as duplicates do not change.
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

const stemCache = new TextMemo<readonly string[]>({
  maxBytes: 8 * 2 ** 20,
  sizeOf: wordsBytes,
  maxKeyLength: MAX_MEMO_WORD,
});

/** The English and French stems of a folded word, memoised (the vocabulary is small). */
export function stemsOf(folded: string): readonly string[] {
  let stems = stemCache.get(folded);
  if (!stems) {
    const en = stemEnglish(folded);
    const fr = stemFrench(folded);
    stems = en === fr ? [en] : [en, fr];
    stemCache.set(folded, stems);
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
/** Its stems are shared with stemCache, and counted there. */
const formCache = new TextMemo<readonly Form[]>({
  maxBytes: 16 * 2 ** 20,
  sizeOf: (forms) => 16 + forms.reduce((n, f) => n + 48 + 2 * f.folded.length, 0),
  maxKeyLength: MAX_MEMO_WORD,
});

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
    formCache.set(token, forms);
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
export function matchWord(q: Word, w: Word, prefix = false, typos = true): WordMatch | undefined {
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
  if (!typos || budget === 0 || !HAS_LETTER.test(q.folded)) return undefined;
  if (Math.abs(q.folded.length - w.folded.length) > budget) return undefined;
  const edits = osaDistance(q.folded, w.folded).steps;
  if (edits > budget) return undefined;
  return { kind: 'fuzzy', edits, quality: edits === 1 ? 0.85 : 0.7 };
}

/**
 * Two adjacent words as one, for texts that write them joined ("cyber defence" / "cyberdéfense",
 * "peace keeping" / "peacekeeping"). Small words are never joined.
 */
export function joinWords(a: Word, b: Word): Word | undefined {
  if (a.stop || b.stop || a.folded.length < 2 || b.folded.length < 2) return undefined;
  // Only words written side by side (a space or a hyphen apart), not across other words.
  if (b.start - a.end > 1) return undefined;
  const folded = a.folded + b.folded;
  // Not stemmed: joined forms are compared as written or with typos, and never fill the caches.
  return { start: a.start, end: b.end, folded, stems: [folded], stop: false };
}

/**
 * Query words matched with words of a text: one with one, or two adjacent ones written as one
 * on the other side.
 */
export interface Pairing {
  readonly queries: readonly Word[];
  readonly words: readonly Word[];
  readonly match: WordMatch;
}

/** Joining two words is folding, but a plain word-for-word match is preferred on a tie. */
const JOINED_QUALITY = 0.99;

/**
 * Pairs query words with distinct words of the text, best matches first (greedy: names are a few
 * words long). Query words without a partner are simply left out of the result.
 */
export function pairWords(
  query: readonly Word[],
  text: readonly Word[],
  prefixLast = false,
): Pairing[] {
  const candidates: Pairing[] = [];
  const last = query.length - 1;
  const textPairs = adjacentPairs(text);
  query.forEach((q, qi) => {
    const prefix = prefixLast && qi === last;
    for (const w of text) {
      const match = matchWord(q, w, prefix);
      if (match) candidates.push({ queries: [q], words: [w], match });
    }
    // Never as a prefix: "defense" starts "défense aérienne" joined, but names only one word.
    for (const [a, b, both] of textPairs) {
      const match = matchWord(q, both);
      if (match) candidates.push(joined([q], [a, b], match));
    }
  });
  // Two query words written as one word of the text: as written, by stem or as a prefix, not
  // with typos (the index finds such a word only as written, and comparing every word of every
  // candidate for typos would cost more than it finds).
  adjacentPairs(query).forEach(([a, b, both]) => {
    const prefix = prefixLast && b === query[last];
    for (const w of text) {
      const match = matchWord(both, w, prefix, false);
      if (match) candidates.push(joined([a, b], [w], match));
    }
  });
  candidates.sort((a, b) => b.match.quality - a.match.quality);
  const usedQuery = new Set<Word>();
  const usedText = new Set<Word>();
  const pairs: Pairing[] = [];
  for (const c of candidates) {
    if (c.queries.some((q) => usedQuery.has(q)) || c.words.some((w) => usedText.has(w))) continue;
    c.queries.forEach((q) => usedQuery.add(q));
    c.words.forEach((w) => usedText.add(w));
    pairs.push(c);
  }
  return pairs;
}

/** Each two words side by side, with the word they make joined. */
function adjacentPairs(words: readonly Word[]): [Word, Word, Word][] {
  const pairs: [Word, Word, Word][] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    const both = joinWords(a, b);
    if (both) pairs.push([a, b, both]);
  }
  return pairs;
}

function joined(queries: Word[], words: Word[], match: WordMatch): Pairing {
  return { queries, words, match: { ...match, quality: match.quality * JOINED_QUALITY } };
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
  if (query.length === 0 || text.length === 0) return undefined;
  const comparable = candidates ? text.filter((w) => candidates.has(w.folded)) : text;
  // Fewer words than the query can match it all only where two query words are one in the text.
  if (comparable.length < query.length) {
    const joinable = adjacentPairs(query).some(
      ([, , both]) => !candidates || candidates.has(both.folded),
    );
    if (!joinable || comparable.length === 0) return undefined;
  }
  const pairs = pairWords(query, comparable, prefixLast);
  const queryCovered = pairs.reduce((n, p) => n + p.queries.length, 0);
  if (queryCovered < query.length) return undefined;
  const textCovered = pairs.reduce((n, p) => n + p.words.length, 0);
  const kind = pairs.reduce<WordMatchKind>(
    (worst, p) =>
      KIND_ORDER.indexOf(p.match.kind) > KIND_ORDER.indexOf(worst) ? p.match.kind : worst,
    'exact',
  );
  return {
    pairs,
    wholeText: textCovered === text.length,
    coverage: textCovered / text.length,
    quality: pairs.reduce((sum, p) => sum + p.match.quality * p.queries.length, 0) / query.length,
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
  const last = query.length - 1;
  const matches = (q: Word | undefined, w: Word | undefined, i: number) =>
    q !== undefined && w !== undefined && matchWord(q, w, prefixLast && i === last) !== undefined;
  // Typos are allowed here, unlike in pairWords: a snippet is made for a handful of hits only.
  const joinedMatches = (q: Word | undefined, w: Word, i: number) =>
    q !== undefined && matchWord(q, w, prefixLast && i === last) !== undefined;
  const marked = words.filter((w, wi) => {
    if (w.stop) return false;
    const before = words[wi - 1];
    const after = words[wi + 1];
    return query.some(
      (q, i) =>
        matches(q, w, i) ||
        joinedMatches(i < last ? joinWords(q, query[i + 1]!) : undefined, w, i + 1) ||
        (after !== undefined && matches(q, joinWords(w, after), -1)) ||
        (before !== undefined && matches(q, joinWords(before, w), -1)),
    );
  });
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
