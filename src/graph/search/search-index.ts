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

interface Postings {
  /** Node ids, ascending, whose names hold the word. */
  readonly names: Uint32Array;
  /** Node ids, ascending, whose descriptions hold the word. */
  readonly descriptions: Uint32Array;
}

const NO_IDS = new Uint32Array(0);
/** Typed and exactly sized: a list grown by push keeps room for more, millions of times over. */
const packed = (ids: readonly number[]) => (ids.length === 0 ? NO_IDS : Uint32Array.from(ids));

/** Builds the postings of a set of nodes and their dictionary, a slice of nodes at a time. */
function* buildTermIndex(
  nodes: readonly NodeEntries[],
  ids: readonly number[],
  size: number,
): Generator<void, TermIndex, void> {
  const growing = new Map<string, { names: number[]; descriptions: number[] }>();
  const add = (word: string, id: number, field: keyof Postings) => {
    let p = growing.get(word);
    if (!p) {
      p = { names: [], descriptions: [] };
      growing.set(word, p);
    }
    const list = p[field];
    if (list[list.length - 1] !== id) list.push(id);
  };
  let done = 0;
  for (const id of ids) {
    if (++done % SLICE === 0) yield;
    const node = nodes[id];
    if (!node) continue;
    for (const entry of node.freshEntries()) {
      const field = entry.field === 'description' ? 'descriptions' : 'names';
      forEachIndexWord(entry.text, (word) => add(word, id, field));
    }
  }
  const postings = new Map<string, Postings>();
  for (const [word, p] of growing) {
    postings.set(word, { names: packed(p.names), descriptions: packed(p.descriptions) });
  }
  yield;
  const dictionary = SearchableMap.from([...postings.keys()].map((w) => [w, true]));
  yield;
  const byStem = new Map<string, string[]>();
  for (const word of postings.keys()) {
    if (word.length <= 3) continue;
    for (const stem of stemsOf(word)) {
      const list = byStem.get(stem);
      if (list) list.push(word);
      else byStem.set(stem, [word]);
    }
  }
  return new TermIndex(postings, dictionary, byStem, size);
}

/** The postings of a set of nodes, and the dictionary to look their words up. */
class TermIndex {
  /** Per-node marks for intersecting postings without allocating a set per query word. */
  private readonly marks: Uint32Array;
  private generation = 0;

  constructor(
    private readonly postings: Map<string, Postings>,
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
    if (this.postings.has(w.folded)) terms.add(w.folded);
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
      if (this.postings.has(head) && this.postings.has(tail)) terms.add(head).add(tail);
    }
    return [...terms];
  }

  /** Whether the data holds this folded word. */
  has(folded: string): boolean {
    return this.postings.has(folded);
  }

  /** Node ids holding, for every word, one of its terms (in names only, or anywhere). */
  intersect(termsPerWord: readonly string[][], namesOnly: boolean): number[] {
    const listsPerWord = termsPerWord.map((terms) =>
      terms.flatMap((t) => {
        const p = this.postings.get(t);
        if (!p) return [];
        return namesOnly ? [p.names] : [p.names, p.descriptions];
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
