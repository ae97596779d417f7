/**
 * One ranked list over units, posts, topics and events. A node is a hit only when every
 * significant word of the question matches one of its texts (the same word, a stem, a typo within
 * the word's budget, or the start of the last word): "missile defence" finds nothing, because no
 * text holds "missile", rather than whatever holds "defence".
 */
import { InputError } from '../input-error';
import type { OrgGraph } from '../org-graph';
import type { Lang, OrgEvent, Post, ResponsibilityBasis, Topic, Unit } from '../types';
import { highlight, matchText, significant, wordsOf, type TextMatch, type Word } from './analyze';
import type { Entry, MatchedField, NodeKind } from './entries';
import { searchIndexOf, type Candidate } from './search-index';

/** A record search can find. */
export type SearchRecord = Unit | Post | Topic | OrgEvent;

export interface SearchHit {
  readonly kind: NodeKind;
  readonly key: string;
  /** What was found, as the searched graph holds it. */
  readonly node: SearchRecord;
  /** Ranking score: confidence weighted by the field that matched. */
  readonly score: number;
  /** How sure the server is that this is what was asked for, 0–1. */
  readonly confidence: number;
  readonly field: MatchedField;
  /** The text that matched (for a unit found through a topic: the topic's text). */
  readonly entry: Entry;
  readonly match: TextMatch;
  /** For units found through a topic they handle: the topic and the responsibility's basis. */
  readonly viaTopic?: { readonly topic: Topic; readonly basis: ResponsibilityBasis } | undefined;
  /** The question's significant words, and whether its last one was taken as a prefix. */
  readonly query: readonly Word[];
  readonly prefix: boolean;
  /** The language asked for, if any: the snippet's default. */
  readonly lang: Lang | undefined;
}

export interface SearchRequest {
  readonly text: string;
  readonly kinds?: readonly NodeKind[] | undefined;
  /** Preferred language: breaks ties in its favour and is the default for snippets. */
  readonly lang?: Lang | undefined;
  /** Treat the last word as a prefix (type-ahead). Default true. */
  readonly prefix?: boolean;
}

/** A question longer than this is not a search: it is refused with a clear error. */
export const MAX_SEARCH_LENGTH = 200;
/** Candidates checked word by word; enough for any page a client can ask for. */
const CANDIDATE_LIMIT = 500;

/** A name matched in full is the strongest evidence, a description the weakest. */
export const FIELD_WEIGHT: Record<MatchedField, number> = {
  name: 1,
  acronym: 1,
  alias: 0.9,
  'event-title': 0.9,
  topic: 0.8,
  related: 0.7,
  description: 0.5,
};

/** A related term is a neighbouring notion, not the topic itself. */
export const RELATED_FACTOR = 0.6;
/** A responsibility derived from a unit's name is weaker evidence than one the source states. */
export const BASIS_FACTOR: Record<ResponsibilityBasis, number> = { stated: 1, 'unit-name': 0.8 };

/** The significant words of a question, each once; refuses one too long to be a search. */
export function queryWords(text: string): Word[] {
  if (text.length > MAX_SEARCH_LENGTH) {
    throw new InputError(
      undefined,
      `the search text is ${text.length} characters long; at most ${MAX_SEARCH_LENGTH} are allowed`,
    );
  }
  // A repeated word ("ESC ESC") asks for nothing more than the word once.
  const seen = new Set<string>();
  return significant(wordsOf(text)).filter((w) => !seen.has(w.folded) && seen.add(w.folded));
}

/**
 * How sure a match of the query against one text is. Every word's match quality counts; so does
 * how much of the text the query names (a query naming a whole name beats one naming half of it),
 * except in descriptions, where a few words of a long text are all one can expect.
 */
export function confidenceOf(match: TextMatch, field: MatchedField): number {
  const coverage = field === 'description' ? 0.5 : match.coverage;
  const related = field === 'related' ? RELATED_FACTOR : 1;
  return round(match.quality * (0.4 + 0.6 * coverage) * related);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** The node's best-matching text, or undefined when no text holds every query word. */
function bestEntry(
  { node, terms }: Candidate,
  words: readonly Word[],
  prefix: boolean,
  lang: Lang | undefined,
): { entry: Entry; match: TextMatch; confidence: number; score: number } | undefined {
  let best: ReturnType<typeof bestEntry>;
  const ordered = words.map((w) => w.folded).join(' ');
  for (const entry of node.entries) {
    // Type-ahead completes names, not words buried in a description.
    const match = matchText(
      words,
      entry.significantWords,
      prefix && entry.field !== 'description',
      terms,
    );
    if (!match) continue;
    const confidence = confidenceOf(match, entry.field);
    // Ties go to the text in the asked language, then to the one written in the asked order
    // ("NATO Security Office" is the alias, not the name with the same words).
    const tieBreak =
      (lang && entry.lang === lang ? 2e-6 : 0) +
      (entry.significantWords.map((w) => w.folded).join(' ') === ordered ? 1e-6 : 0);
    const score = round(confidence * FIELD_WEIGHT[entry.field]) + tieBreak;
    if (!best || score > best.score) best = { entry, match, confidence, score };
  }
  return best;
}

const KIND_ORDER: Record<NodeKind, number> = { unit: 0, topic: 1, post: 2, event: 3 };

export function search(graph: OrgGraph, request: SearchRequest): SearchHit[] {
  const words = queryWords(request.text);
  if (words.length === 0) return [];
  const index = searchIndexOf(graph);
  const prefix = request.prefix ?? true;
  const kinds = request.kinds && request.kinds.length > 0 ? new Set(request.kinds) : undefined;
  const wantUnits = !kinds || kinds.has('unit');
  // Topics are needed for units found through them even when topics are not asked for.
  const fetchKinds = kinds && wantUnits ? new Set([...kinds, 'topic' as const]) : kinds;
  const hits = new Map<string, SearchHit>();
  const keep = (hit: Omit<SearchHit, 'node'>) => {
    // The index may be a dated view's base: what the view does not hold is not found.
    const node = recordIn(graph, hit.kind, hit.key);
    if (!node) return;
    const id = `${hit.kind}:${hit.key}`;
    const old = hits.get(id);
    if (!old || hit.score > old.score) hits.set(id, { ...hit, node });
  };
  for (const candidate of index.candidates(words, {
    prefix,
    kinds: fetchKinds,
    limit: CANDIDATE_LIMIT,
  })) {
    const { node } = candidate;
    const best = bestEntry(candidate, words, prefix, request.lang);
    if (!best) continue;
    if (!kinds || kinds.has(node.kind)) {
      keep({
        kind: node.kind,
        key: node.key,
        field: best.entry.field,
        ...best,
        query: words,
        prefix,
        lang: request.lang,
      });
    }
    const topic = node.kind === 'topic' ? graph.topic(node.key) : undefined;
    if (topic && wantUnits && best.entry.field !== 'description') {
      for (const r of graph.handlersOf(node.key)) {
        const confidence = round(best.confidence * BASIS_FACTOR[r.basis]);
        keep({
          kind: 'unit',
          key: r.unitKey,
          field: 'topic',
          entry: best.entry,
          match: best.match,
          confidence,
          score: round(confidence * FIELD_WEIGHT.topic),
          viaTopic: topic && { topic, basis: r.basis },
          query: words,
          prefix,
          lang: request.lang,
        });
      }
    }
  }
  const ranked = [...hits.values()].sort(
    (a, b) =>
      b.score - a.score ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return ranked.map((h) => ({ ...h, score: round(h.score) }));
}

function recordIn(graph: OrgGraph, kind: NodeKind, key: string): SearchRecord | undefined {
  switch (kind) {
    case 'unit':
      return graph.unit(key);
    case 'post':
      return graph.post(key);
    case 'topic':
      return graph.topic(key);
    case 'event':
      return graph.event(key);
  }
}

/**
 * The matched text in `lang` (when the field exists in both languages; aliases and variants have
 * one), its matching words between `open` and `close`, cut around the first match when long.
 */
export function snippet(hit: SearchHit, lang: Lang, open: string, close: string): string {
  const text = hit.entry.localized ? hit.entry.localized[lang] : hit.entry.text;
  const prefixLast = hit.prefix && hit.entry.field !== 'description';
  return highlight(text, hit.query, { open, close, prefixLast });
}
