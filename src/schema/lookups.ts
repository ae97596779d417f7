/**
 * The request's DataLoaders, for the lookups that cost something and repeat within one request:
 * what a typed name or topic means, what a search finds, what a question asks, a dated view. Each distinct key is
 * resolved once per request however many fields ask for it, and the loaders of one request never
 * serve another (a fresh set per context). Relations between records are not here: they are
 * plain reads of the immutable graph.
 */
import DataLoader from 'dataloader';
import { ask } from '../graph/ask/ask';
import type { Answer as AskAnswer } from '../graph/ask/answer';
import { graphAt } from '../graph/as-of';
import type { NodeRef } from '../graph/graph-index';
import { nodeNamed } from '../graph/node-by-name';
import type { OrgGraph } from '../graph/org-graph';
import { parsePartialDate } from '../graph/partial-date';
import { responsibilityFor, type ResponsibilityAnswer } from '../graph/search/responsibility';
import { search, type SearchHit, type SearchRequest } from '../graph/search/search';
import { resolveUnitName, type UnitResolution } from '../graph/search/unit-resolution';
import { topicNamed } from '../graph/topic-by-name';
import type { Lang, Topic } from '../graph/types';
import { unitNamed, type UnitMatch } from '../graph/unit-by-name';

/** A question for `ask`, and the language its answer is wanted in (the question's when absent). */
export interface AskRequest {
  readonly question: string;
  readonly lang?: Lang | undefined;
}

/** What each loader answers, from a graph and a key. */
const LOOKUPS = {
  unitNamed: (graph: OrgGraph, name: string): UnitMatch | null => unitNamed(graph, name) ?? null,
  unitResolution: (graph: OrgGraph, name: string): UnitResolution => resolveUnitName(graph, name),
  topicNamed: (graph: OrgGraph, name: string): Topic | null => topicNamed(graph, name) ?? null,
  nodeNamed: (graph: OrgGraph, text: string): NodeRef | null => nodeNamed(graph, text) ?? null,
  responsibility: (graph: OrgGraph, topic: string): ResponsibilityAnswer =>
    responsibilityFor(graph, topic),
  search: (graph: OrgGraph, request: string): readonly SearchHit[] =>
    search(graph, JSON.parse(request) as SearchRequest),
  ask: (graph: OrgGraph, request: string): AskAnswer => {
    const { question, lang } = JSON.parse(request) as AskRequest;
    return ask(graph, question, lang);
  },
  view: (graph: OrgGraph, date: string): OrgGraph => {
    const parsed = parsePartialDate(date);
    if (typeof parsed === 'string') throw new Error(`not a date: ${date}`);
    return graphAt(graph, parsed);
  },
};

export type LookupName = keyof typeof LOOKUPS;
type Answer<N extends LookupName> = ReturnType<(typeof LOOKUPS)[N]>;

export class Lookups {
  /** Keys resolved per lookup in this request (tests count them). */
  readonly resolved = new Map<LookupName, number>();
  private readonly loaders = new Map<OrgGraph, Map<LookupName, DataLoader<string, unknown>>>();

  load<N extends LookupName>(name: N, graph: OrgGraph, key: string): Promise<Answer<N>> {
    return this.loader(name, graph).load(key) as Promise<Answer<N>>;
  }

  unitNamed(graph: OrgGraph, name: string): Promise<UnitMatch | null> {
    return this.load('unitNamed', graph, name);
  }

  search(graph: OrgGraph, request: SearchRequest): Promise<readonly SearchHit[]> {
    return this.load('search', graph, JSON.stringify(request));
  }

  ask(graph: OrgGraph, request: AskRequest): Promise<AskAnswer> {
    return this.load(
      'ask',
      graph,
      JSON.stringify({ question: request.question, lang: request.lang }),
    );
  }

  private loader(name: LookupName, graph: OrgGraph): DataLoader<string, unknown> {
    let byName = this.loaders.get(graph);
    if (!byName) this.loaders.set(graph, (byName = new Map()));
    let loader = byName.get(name);
    if (!loader) {
      const answer = LOOKUPS[name] as (graph: OrgGraph, key: string) => unknown;
      loader = new DataLoader<string, unknown>((keys) => {
        this.resolved.set(name, (this.resolved.get(name) ?? 0) + keys.length);
        // A refused key (an InputError) fails its own load only.
        return Promise.resolve(
          keys.map((key) => {
            try {
              return answer(graph, key);
            } catch (error) {
              return error instanceof Error ? error : new Error(String(error));
            }
          }),
        );
      });
      byName.set(name, loader);
    }
    return loader;
  }
}
