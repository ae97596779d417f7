/**
 * The full-text index of a graph: for each folded word, the nodes whose names (names, acronyms,
 * aliases, related terms, event titles) or descriptions hold it. Looking words up — other forms
 * by stem, typos within the word's budget, prefixes for type-ahead — goes through MiniSearch's
 * radix tree (`SearchableMap`: `fuzzyGet`, `atPrefix`) over the vocabulary. Every candidate is
 * then checked word by word (analyze.ts), so each hit can say which field matched and how.
 *
 * Why not MiniSearch's own document index: adding 100,000 units to it takes over 2 s even at one
 * term per word (measured), while these postings build in a fraction of that; ranking is ours
 * anyway (confidence × field weight), so its BM25 scores would only order the candidates.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { perGraphInSlices, SLICE } from '../graph-memo';
import type { OrgGraph } from '../org-graph';
import {
  editBudget,
  forEachIndexWord,
  joinWords,
  MIN_PREFIX_LENGTH,
  stemsOf,
  type Word,
} from './analyze';
import { nodeEntries, type NodeEntries, type NodeKind } from './entries';

export interface Candidate {
  readonly node: NodeEntries;
  /** The indexed words the query's words were found as (themselves, by stem, typo or prefix). */
  readonly terms: ReadonlySet<string>;
}

export interface CandidateOptions {
  /** Treat the last word as the start of a word (type-ahead). */
  readonly prefix?: boolean;
  readonly kinds?: ReadonlySet<NodeKind> | undefined;
  /** Look in names only (names, acronyms, aliases, related terms, event titles). */
  readonly namesOnly?: boolean;
  /** At most this many candidates: those found in names first, then in dataset order. */
  readonly limit: number;
}

/** Which texts of a node held a word: its names (names, acronyms, aliases…) or its descriptions. */
const NAMES = 0;
const DESCRIPTIONS = 1;
type Field = typeof NAMES | typeof DESCRIPTIONS;

/**
 * Every word's node ids for one field, in one exactly sized array: word `w`'s are
 * `ids[offsets[w]]` up to `ids[offsets[w + 1]]`, ascending.
 */
interface PostingTable {
  readonly offsets: Uint32Array;
  readonly ids: Uint32Array;
}

/**
 * Counts each word's nodes for one field, then places them. Counting first lets every list be
 * made at its final size: lists grown by push over a million units kept about as much garbage
 * and spare room as the graph itself until the next full collection, while the warm-up ran.
 */
class PostingTableBuilder {
  private counts: Uint32Array = new Uint32Array(1024);
  /** The last node (id + 1) counted or placed for each word, so a node is listed once. */
  private last: Uint32Array = new Uint32Array(1024);
  private table: { offsets: Uint32Array; ids: Uint32Array; next: Uint32Array } | undefined;

  count(word: number, id: number): void {
    if (word >= this.counts.length) {
      this.counts = grown(this.counts, word);
      this.last = grown(this.last, word);
    }
    if (this.last[word] === id + 1) return;
    this.last[word] = id + 1;
    this.counts[word]! += 1;
  }

  /** Lays the table out for `words` words, once every node has been counted. */
  layOut(words: number): void {
    const offsets = new Uint32Array(words + 1);
    for (let w = 0; w < words; w++) offsets[w + 1] = offsets[w]! + (this.counts[w] ?? 0);
    this.table = { offsets, ids: new Uint32Array(offsets[words]!), next: offsets.slice(0, words) };
    this.counts = new Uint32Array(0);
    this.last.fill(0);
  }

  place(word: number, id: number): void {
    const table = this.table;
    if (!table) throw new Error('place() before layOut()');
    if (this.last[word] === id + 1) return;
    this.last[word] = id + 1;
    table.ids[table.next[word]!++] = id;
  }

  finish(): PostingTable {
    const table = this.table;
    if (!table) throw new Error('finish() before layOut()');
    this.last = new Uint32Array(0);
    return { offsets: table.offsets, ids: table.ids };
  }
}

/** A copy of `array` with room for index `needed`, doubling. */
function grown(array: Uint32Array, needed: number): Uint32Array {
  let length = array.length;
  while (length <= needed) length *= 2;
  const copy = new Uint32Array(length);
  copy.set(array);
  return copy;
}

/** Calls `visit` for each indexed word of each node in `ids`, pausing after each slice of nodes. */
function* forEachNodeWord(
  nodes: readonly NodeEntries[],
  ids: readonly number[],
  visit: (word: string, id: number, field: Field) => void,
): Generator<void, void, void> {
  let done = 0;
  for (const id of ids) {
    if (++done % SLICE === 0) yield;
    const node = nodes[id];
    if (!node) continue;
    for (const entry of node.freshEntries()) {
      const field = entry.field === 'description' ? DESCRIPTIONS : NAMES;
      forEachIndexWord(entry.text, (word) => visit(word, id, field));
    }
  }
}

/**
 * Builds the postings of a set of nodes and their dictionary, a slice of nodes at a time: once
 * to number the words and count their nodes, once to place the nodes.
 */
function* buildTermIndex(
  nodes: readonly NodeEntries[],
  ids: readonly number[],
  size: number,
): Generator<void, TermIndex, void> {
  const words = new Map<string, number>();
  const fields = [new PostingTableBuilder(), new PostingTableBuilder()] as const;
  yield* forEachNodeWord(nodes, ids, (word, id, field) => {
    let number = words.get(word);
    if (number === undefined) {
      number = words.size;
      words.set(word, number);
    }
    fields[field].count(number, id);
  });
  for (const builder of fields) builder.layOut(words.size);
  yield* forEachNodeWord(nodes, ids, (word, id, field) => {
    const number = words.get(word);
    // The texts are made afresh from the same records, so their words are the same.
    if (number === undefined) throw new Error(`"${word}" was not counted`);
    fields[field].place(number, id);
  });
  const [names, descriptions] = fields.map((builder) => builder.finish()) as [
    PostingTable,
    PostingTable,
  ];
  yield;
  const dictionary = SearchableMap.from([...words.keys()].map((w) => [w, true]));
  yield;
  const byStem = new Map<string, string[]>();
  for (const word of words.keys()) {
    if (word.length <= 3) continue;
    for (const stem of stemsOf(word)) {
      const list = byStem.get(stem);
      if (list) list.push(word);
      else byStem.set(stem, [word]);
    }
  }
  return new TermIndex(words, names, descriptions, dictionary, byStem, size);
}

const idsOf = (table: PostingTable, word: number) =>
  table.ids.subarray(table.offsets[word], table.offsets[word + 1]);

/** The postings of a set of nodes, and the dictionary to look their words up. */
class TermIndex {
  /** Per-node marks for intersecting postings without allocating a set per query word. */
  private readonly marks: Uint32Array;
  private generation = 0;

  constructor(
    /** Each indexed word's number in the posting tables. */
    private readonly words: Map<string, number>,
    private readonly names: PostingTable,
    private readonly descriptions: PostingTable,
    private readonly dictionary: SearchableMap<true>,
    /** Stem → the indexed words having it, so "policies" finds "policy" without a typo. */
    private readonly byStem: Map<string, string[]>,
    size: number,
  ) {
    this.marks = new Uint32Array(size);
  }

  /**
   * The indexed words a query word may stand for: itself, words sharing a stem, words within its
   * typo budget (one more than the check allows for short words, so a transposition, two plain
   * edits, is found and then judged as the one edit it is) and, for a prefix, its completions.
   */
  termsFor(w: Word, prefix: boolean): string[] {
    const terms = new Set<string>();
    if (this.words.has(w.folded)) terms.add(w.folded);
    if (w.folded.length > 3) {
      for (const stem of w.stems) for (const t of this.byStem.get(stem) ?? []) terms.add(t);
    }
    const budget = editBudget(w.folded.length);
    if (budget > 0) {
      for (const t of this.dictionary.fuzzyGet(w.folded, budget === 1 ? 2 : budget).keys()) {
        terms.add(t);
      }
    }
    if (prefix && w.folded.length >= MIN_PREFIX_LENGTH) {
      for (const t of this.dictionary.atPrefix(w.folded).keys()) terms.add(t);
    }
    // A word the data writes as two ("cyberdefense" / "cyber defense").
    for (let i = 3; i <= w.folded.length - 3; i++) {
      const head = w.folded.slice(0, i);
      const tail = w.folded.slice(i);
      if (this.words.has(head) && this.words.has(tail)) terms.add(head).add(tail);
    }
    return [...terms];
  }

  /** Whether the data holds this folded word. */
  has(folded: string): boolean {
    return this.words.has(folded);
  }

  /** Node ids holding, for every word, one of its terms (in names only, or anywhere). */
  intersect(termsPerWord: readonly string[][], namesOnly: boolean): number[] {
    const listsPerWord = termsPerWord.map((terms) =>
      terms.flatMap((t) => {
        const word = this.words.get(t);
        if (word === undefined) return [];
        const inNames = idsOf(this.names, word);
        return namesOnly ? [inNames] : [inNames, idsOf(this.descriptions, word)];
      }),
    );
    const sizes = listsPerWord.map((lists) => lists.reduce((n, l) => n + l.length, 0));
    const order = sizes.map((_, i) => i).sort((a, b) => (sizes[a] ?? 0) - (sizes[b] ?? 0));
    let result: number[] | undefined;
    for (const i of order) {
      const gen = this.nextGeneration();
      const lists = listsPerWord[i] ?? [];
      if (!result) {
        result = [];
        for (const list of lists) {
          for (const id of list) {
            if (this.marks[id] !== gen) {
              this.marks[id] = gen;
              result.push(id);
            }
          }
        }
      } else {
        for (const list of lists) for (const id of list) this.marks[id] = gen;
        result = result.filter((id) => this.marks[id] === gen);
      }
      if (result.length === 0) return [];
    }
    return (result ?? []).sort((a, b) => a - b);
  }

  private nextGeneration(): number {
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      this.marks.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }
}

/** Builds a graph's search index, a slice of nodes at a time (graph-memo.ts). */
export function* buildSearchIndex(graph: OrgGraph): Generator<void, SearchIndex, void> {
  const nodes = nodeEntries(graph);
  const ids = nodes.map((_, id) => id);
  const all = yield* buildTermIndex(nodes, ids, nodes.length);
  const topicIds = ids.filter((id) => nodes[id]?.kind === 'topic');
  const topicTerms = yield* buildTermIndex(nodes, topicIds, nodes.length);
  return new SearchIndex(nodes, all, topicTerms);
}

export class SearchIndex {
  constructor(
    readonly nodes: readonly NodeEntries[],
    private readonly all: TermIndex,
    /** Topics alone, so resolving a topic never wades through thousands of units. */
    private readonly topicTerms: TermIndex,
  ) {}

  /** Nodes whose texts hold every query word (loosely: the caller checks each candidate). */
  candidates(words: readonly Word[], options: CandidateOptions): Candidate[] {
    return this.find(this.all, words, options);
  }

  /** Topics one of whose label, variants or related terms holds every query word (loosely). */
  topicCandidates(words: readonly Word[]): Candidate[] {
    return this.find(this.topicTerms, words, { namesOnly: true, limit: Infinity });
  }

  private find(index: TermIndex, words: readonly Word[], options: CandidateOptions): Candidate[] {
    if (words.length === 0) return [];
    const termsPerWord = words.map((w, i) => {
      const terms = index.termsFor(w, (options.prefix ?? false) && i === words.length - 1);
      // Two words the data writes as one ("cyber defense" / "cyberdefense"): either finds it.
      const before = words[i - 1];
      const after = words[i + 1];
      for (const pair of [before && joinWords(before, w), after && joinWords(w, after)]) {
        if (pair && index.has(pair.folded)) terms.push(pair.folded);
      }
      return terms;
    });
    if (termsPerWord.some((t) => t.length === 0)) return [];
    const terms = new Set(termsPerWord.flat());
    const { kinds, limit } = options;
    const wanted = (id: number) => !kinds || kinds.has(this.nodes[id]?.kind ?? 'unit');
    const ids = index.intersect(termsPerWord, true).filter(wanted).slice(0, limit);
    if (!options.namesOnly && ids.length < limit) {
      const inNames = new Set(ids);
      for (const id of index.intersect(termsPerWord, false)) {
        if (ids.length >= limit) break;
        if (!inNames.has(id) && wanted(id)) ids.push(id);
      }
    }
    return ids.flatMap((id) => {
      const node = this.nodes[id];
      return node ? [{ node, terms }] : [];
    });
  }
}

const indexOf = perGraphInSlices(buildSearchIndex);

/**
 * The graph's search index, built on first use and kept as long as the graph is. A dated view
 * uses its base's: its records are copies of the base's, so their texts are the same, and a hit
 * the view does not hold is dropped when the view looks it up.
 */
export function searchIndexOf(graph: OrgGraph): SearchIndex {
  return indexOf(graph.base);
}

/** The build of the graph's search index, a slice at a time, for the warm-up. */
export function searchIndexInSlices(graph: OrgGraph): Iterable<void> {
  return indexOf.inSlices(graph.base);
}

/** Whether the graph's search index has been built (the warm-up is checked with it). */
export function searchIndexBuilt(graph: OrgGraph): boolean {
  return indexOf.has(graph.base);
}
