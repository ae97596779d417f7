/**
 * The small pattern language the language files write questions in, and its matcher. A pattern is
 * matched word by word against the question's words as the search module folds them (case,
 * accents and punctuation aside), each word with the search rules (the same word, a stem, or a
 * typo within the word's budget), so "respnsible" still reads as "responsible". Slots take the
 * words between the fixed ones; what they name is decided later, against the data.
 *
 *   word     a word      (a b|c)  one of the alternatives      [a b|c]  optional (alternatives)
 *   <class>  one of a class's phrases   {slot}   words for the data to resolve
 *
 * Why not a parser library (nearley, ohm): those match characters against a fixed grammar, while
 * a question's words must forgive typos and word forms, and its slots are decided by what the
 * graph holds, not by the grammar. The pattern language is this one file.
 */
import { matchWord, wordsOf, type Word, type WordMatch } from '../search/analyze';
import { MAX_MEMO_WORD, TextMemo } from '../text-memo';

export const SLOT_NAMES = ['unit', 'unit2', 'topic', 'kind', 'post', 'event', 'period'] as const;
export type SlotName = (typeof SLOT_NAMES)[number];

export type PatternNode =
  | { readonly type: 'word'; readonly word: Word; readonly skippable: boolean }
  | { readonly type: 'choice'; readonly options: readonly (readonly PatternNode[])[] }
  | { readonly type: 'optional'; readonly body: readonly PatternNode[] }
  | { readonly type: 'slot'; readonly name: SlotName };

export class PatternError extends Error {}

type Token = '(' | ')' | '|' | '[' | ']' | { ref: string } | { slot: string } | { text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:([()|[\]])|<([a-z_]+)>|\{([a-z0-9]+)\}|([^\s()|[\]<>{}]+))/gy;
  let done = 0;
  for (let m = re.exec(source); m !== null && m[0].trim() !== ''; m = re.exec(source)) {
    done = re.lastIndex;
    if (m[1]) tokens.push(m[1] as Token);
    else if (m[2]) tokens.push({ ref: m[2] });
    else if (m[3]) tokens.push({ slot: m[3] });
    else if (m[4]) tokens.push({ text: m[4] });
  }
  if (source.slice(done).trim() !== '') {
    throw new PatternError(`unexpected "${source.slice(done).trim()}" in "${source}"`);
  }
  return tokens;
}

/** Compiles `source`; `classOf` gives a class's node by name (compiled on demand). */
export function compilePattern(
  source: string,
  classOf: (name: string) => PatternNode,
  articles: ReadonlySet<string> = new Set(),
): PatternNode[] {
  const tokens = tokenize(source);
  let at = 0;
  const sequence = (closers: readonly string[]): PatternNode[] => {
    const nodes: PatternNode[] = [];
    while (at < tokens.length) {
      const t = tokens[at]!;
      if (typeof t === 'string' && closers.includes(t)) return nodes;
      at += 1;
      if (t === '(') {
        const options: PatternNode[][] = [sequence(['|', ')'])];
        while (tokens[at] === '|') {
          at += 1;
          options.push(sequence(['|', ')']));
        }
        if (tokens[at] !== ')') throw new PatternError(`unclosed "(" in "${source}"`);
        at += 1;
        nodes.push({ type: 'choice', options });
      } else if (t === '[') {
        const options: PatternNode[][] = [sequence(['|', ']'])];
        while (tokens[at] === '|') {
          at += 1;
          options.push(sequence(['|', ']']));
        }
        if (tokens[at] !== ']') throw new PatternError(`unclosed "[" in "${source}"`);
        at += 1;
        const body = options.length === 1 ? options[0]! : [{ type: 'choice' as const, options }];
        nodes.push({ type: 'optional', body });
      } else if (typeof t === 'string') {
        throw new PatternError(`unexpected "${t}" in "${source}"`);
      } else if ('ref' in t) {
        nodes.push(classOf(t.ref));
      } else if ('slot' in t) {
        if (!(SLOT_NAMES as readonly string[]).includes(t.slot)) {
          throw new PatternError(`unknown slot {${t.slot}} in "${source}"`);
        }
        nodes.push({ type: 'slot', name: t.slot as SlotName });
      } else {
        for (const word of wordsOf(t.text)) {
          nodes.push({ type: 'word', word, skippable: articles.has(word.folded) });
        }
      }
    }
    return nodes;
  };
  const nodes = sequence([]);
  if (at < tokens.length)
    throw new PatternError(`unbalanced "${String(tokens[at])}" in "${source}"`);
  return nodes;
}

/** Alternatives of phrases as one node: how a class is used inside a pattern. */
export function choiceOf(phrases: readonly (readonly PatternNode[])[]): PatternNode {
  return { type: 'choice', options: phrases };
}

export interface SlotSpan {
  readonly name: SlotName;
  /** Indexes into the question's words, end excluded. */
  readonly start: number;
  readonly end: number;
}

export interface PatternMatch {
  readonly slots: readonly SlotSpan[];
  /** Fixed words matched, and the sum of their match qualities (1 each when exact). */
  readonly words: number;
  readonly quality: number;
}

/**
 * Word matches already judged, by question word and pattern word: the patterns' vocabulary is
 * small and questions reuse their words, while a typo check costs an edit distance.
 */
const judged = new TextMemo<WordMatch | null>({
  maxBytes: 4 * 2 ** 20,
  sizeOf: () => 8,
  maxKeyLength: 2 * MAX_MEMO_WORD,
});

const EXACT: WordMatch = { kind: 'exact', edits: 0, quality: 1 };

function wordMatch(w: Word, literal: Word): WordMatch | undefined {
  if (w.folded === literal.folded) return EXACT;
  const key = `${w.folded} ${literal.folded}`;
  let m = judged.get(key);
  if (m === undefined) {
    m = matchWord(w, literal) ?? null;
    judged.set(key, m);
  }
  return m ?? undefined;
}

/** The words a sequence can start with; null when it can start with any (a slot). */
interface First {
  readonly words: readonly Word[] | null;
  readonly nullable: boolean;
}

function firstOfNode(n: PatternNode): First {
  switch (n.type) {
    case 'word':
      return { words: [n.word], nullable: n.skippable };
    case 'slot':
      return { words: null, nullable: false };
    case 'optional':
      return { words: firstOfSequence(n.body).words, nullable: true };
    case 'choice': {
      const words: Word[] = [];
      let nullable = false;
      for (const option of n.options) {
        const f = firstOfSequence(option);
        if (f.words === null) return { words: null, nullable: false };
        words.push(...f.words);
        nullable ||= f.nullable;
      }
      return { words, nullable };
    }
  }
}

function firstOfSequence(nodes: readonly PatternNode[]): First {
  const words: Word[] = [];
  for (const n of nodes) {
    const f = firstOfNode(n);
    if (f.words === null) return { words: null, nullable: false };
    words.push(...f.words);
    if (!f.nullable) return { words, nullable: false };
  }
  return { words, nullable: true };
}

/**
 * A quick test run before matching: the words a pattern can start with, or null when it can
 * start with anything. Most patterns fail on the question's first word, so most never run.
 */
export function firstWords(nodes: readonly PatternNode[]): readonly Word[] | null {
  const f = firstOfSequence(nodes);
  if (f.words === null || f.nullable) return null;
  const seen = new Map<string, Word>();
  for (const w of f.words) seen.set(w.folded, w);
  return [...seen.values()];
}

export function canStartWith(first: readonly Word[] | null, w: Word | undefined): boolean {
  if (first === null) return true;
  return w !== undefined && first.some((f) => wordMatch(w, f) !== undefined);
}

/** Enough readings of one pattern to choose from; the matcher stops looking beyond. */
const MAX_MATCHES = 24;

/** What is left to match after a sub-sequence: the rest of the enclosing sequence, and so on. */
interface Frame {
  readonly list: readonly PatternNode[];
  readonly i: number;
  readonly next: Frame | null;
}

interface Run {
  readonly words: readonly Word[];
  readonly whole: boolean;
  readonly found: (PatternMatch & { end: number })[];
  readonly slots: SlotSpan[];
}

/*
 * Backtracking over the pattern with explicit frames rather than closures: a question is matched
 * against hundreds of patterns, and a closure per alternative tried was most of the cost.
 */
function step(
  run: Run,
  list: readonly PatternNode[],
  i: number,
  pos: number,
  count: number,
  quality: number,
  next: Frame | null,
): void {
  if (run.found.length >= MAX_MATCHES) return;
  if (i === list.length) {
    if (next) step(run, next.list, next.i, pos, count, quality, next.next);
    else if (!run.whole || pos === run.words.length) {
      run.found.push({ slots: [...run.slots], words: count, quality, end: pos });
    }
    return;
  }
  const node = list[i]!;
  switch (node.type) {
    case 'word': {
      const w = run.words[pos];
      const m = w && wordMatch(w, node.word);
      if (m) step(run, list, i + 1, pos + 1, count + 1, quality + m.quality, next);
      // An article of the pattern ("the", "la") may be missing from the question.
      if (node.skippable && !(m && m.kind === 'exact'))
        step(run, list, i + 1, pos, count, quality, next);
      return;
    }
    case 'choice': {
      const after: Frame = { list, i: i + 1, next };
      for (const option of node.options) step(run, option, 0, pos, count, quality, after);
      return;
    }
    case 'optional':
      step(run, node.body, 0, pos, count, quality, { list, i: i + 1, next });
      step(run, list, i + 1, pos, count, quality, next);
      return;
    case 'slot': {
      let significant = false;
      for (let end = pos + 1; end <= run.words.length; end++) {
        significant ||= !run.words[end - 1]!.stop;
        if (!significant) continue;
        run.slots.push({ name: node.name, start: pos, end });
        step(run, list, i + 1, end, count, quality, next);
        run.slots.pop();
      }
      return;
    }
  }
}

/**
 * Every way `nodes` covers the words from `from` (all of them when `whole`, else any prefix: the
 * end position is then reported). Slots take at least one word that is not a small word.
 */
export function matchNodes(
  nodes: readonly PatternNode[],
  words: readonly Word[],
  whole = true,
  from = 0,
): (PatternMatch & { readonly end: number })[] {
  const run: Run = { words, whole, found: [], slots: [] };
  step(run, nodes, 0, from, 0, 0, null);
  return run.found;
}
