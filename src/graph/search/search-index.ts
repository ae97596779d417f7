/**
 * The full-text index of a graph (MiniSearch, behind this module): it finds candidates fast, with
 * stems, typos and prefixes; every candidate is then checked word by word (analyze.ts) so that
 * each hit can say which field matched, how, and how sure the server is.
 */
import MiniSearch, { type SearchOptions as MiniSearchOptions } from 'minisearch';
import type { OrgGraph } from '../org-graph';
import { editBudget, MIN_PREFIX_LENGTH, significant, stemsOf, type Word } from './analyze';
import { nodeEntries, type NodeEntries, type NodeKind } from './entries';

/** The index's own fields: entries of several kinds share one (event titles are names). */
type IndexField = 'name' | 'acronym' | 'alias' | 'related' | 'description';

const INDEX_FIELD = {
  name: 'name',
  'event-title': 'name',
  acronym: 'acronym',
  alias: 'alias',
  related: 'related',
  description: 'description',
  topic: undefined,
} as const satisfies Record<string, IndexField | undefined>;

/** Candidate ranking only: the final order comes from the word-by-word check. */
const BOOST: Record<IndexField, number> = {
  name: 3,
  acronym: 3,
  alias: 2,
  related: 1,
  description: 0.5,
};

interface IndexedDoc {
  readonly id: number;
  readonly node: NodeEntries;
}

/** The folded, significant words of a node's entries for one index field, space-separated. */
function fieldText(node: NodeEntries, field: IndexField): string {
  const parts: string[] = [];
  for (const e of node.entries) {
    if (INDEX_FIELD[e.field] !== field) continue;
    for (const w of significant(e.words)) parts.push(w.folded);
  }
  return parts.join(' ');
}

/** Each word is indexed as itself and as its English and French stems. */
function termsOf(folded: string): string[] {
  if (folded.length <= 3) return [folded];
  const stems = stemsOf(folded);
  return stems.includes(folded) ? [...stems] : [folded, ...stems];
}

function createMiniSearch(fields: readonly IndexField[]): MiniSearch<IndexedDoc> {
  return new MiniSearch<IndexedDoc>({
    fields: [...fields],
    idField: 'id',
    extractField: (doc, field) =>
      field === 'id' ? String(doc.id) : fieldText(doc.node, field as IndexField),
    tokenize: (text) => (text ? text.split(' ') : []),
    processTerm: termsOf,
  });
}

export interface CandidateOptions {
  /** Treat the last word as the start of a word (type-ahead). */
  readonly prefix?: boolean;
  readonly kinds?: ReadonlySet<NodeKind> | undefined;
  readonly fields?: readonly IndexField[];
  /** At most this many candidates, best first. */
  readonly limit: number;
}

/**
 * The MiniSearch query for significant query words: every word must match (AND), each as itself
 * or a stem, with the word's typo budget; the retrieval allows one edit more than the check for
 * short words, so that a transposition ("defnece", two plain edits) is still found and then judged
 * as the one edit it is.
 */
function miniSearchQuery(words: readonly Word[], prefix: boolean) {
  return {
    combineWith: 'AND' as const,
    queries: words.map((w, i) => {
      const budget = editBudget(w.folded.length);
      const retrieval = budget === 1 ? 2 : budget;
      const isPrefix = prefix && i === words.length - 1 && w.folded.length >= MIN_PREFIX_LENGTH;
      return {
        queries: [w.folded],
        combineWith: 'OR' as const,
        prefix: isPrefix,
        fuzzy: (term: string) => (term.length <= 3 || retrieval === 0 ? false : retrieval),
      };
    }),
  };
}

export class SearchIndex {
  readonly nodes: readonly NodeEntries[];
  private readonly byKey: ReadonlyMap<string, NodeEntries>;
  private readonly all: MiniSearch<IndexedDoc>;
  /** Topics alone, so resolving a topic never wades through thousands of units. */
  private readonly topicTerms: MiniSearch<IndexedDoc>;

  constructor(graph: OrgGraph) {
    this.nodes = nodeEntries(graph);
    this.byKey = new Map(this.nodes.map((n) => [`${n.kind}:${n.key}`, n]));
    const docs = this.nodes.map((node, id) => ({ id, node }));
    this.all = createMiniSearch(['name', 'acronym', 'alias', 'related', 'description']);
    this.all.addAll(docs);
    this.topicTerms = createMiniSearch(['name', 'alias', 'related']);
    this.topicTerms.addAll(docs.filter((d) => d.node.kind === 'topic'));
  }

  node(kind: NodeKind, key: string): NodeEntries | undefined {
    return this.byKey.get(`${kind}:${key}`);
  }

  /** Nodes whose texts contain every query word (loosely: the caller checks each candidate). */
  candidates(words: readonly Word[], options: CandidateOptions): NodeEntries[] {
    if (words.length === 0) return [];
    const { kinds, fields } = options;
    const searchOptions: MiniSearchOptions = {
      boost: BOOST,
      ...(fields ? { fields: [...fields] } : {}),
      ...(kinds ? { filter: (r) => kinds.has(this.nodes[r.id as number]?.kind ?? 'unit') } : {}),
    };
    const results = this.all.search(miniSearchQuery(words, options.prefix ?? false), searchOptions);
    return results.slice(0, options.limit).flatMap((r) => this.nodes[r.id as number] ?? []);
  }

  /** Topics one of whose label, variants or related terms holds every query word (loosely). */
  topicCandidates(words: readonly Word[]): NodeEntries[] {
    if (words.length === 0) return [];
    return this.topicTerms
      .search(miniSearchQuery(words, false))
      .flatMap((r) => this.nodes[r.id as number] ?? []);
  }
}

const indexes = new WeakMap<OrgGraph, SearchIndex>();

/** The graph's search index, built on first use and kept as long as the graph is. */
export function searchIndexOf(graph: OrgGraph): SearchIndex {
  let index = indexes.get(graph);
  if (!index) {
    index = new SearchIndex(graph);
    indexes.set(graph, index);
  }
  return index;
}
