/** The per-request context: the language texts default to, the request's lookups, its root. */
import type { OrgGraph } from '../graph/org-graph';
import type { Lang } from '../graph/types';
import type { Scope } from './builder';
import { Lookups } from './lookups';

export interface Context {
  /** The language names and texts default to (from `Accept-Language`, else the dataset's first). */
  readonly lang: Lang;
  /** Lookups that cost something, each resolved once per request (lookups.ts). */
  readonly lookups: Lookups;
  /**
   * The operation's root value: the graph the request started on, fixed for the whole request
   * so a reload never mixes two datasets in one answer. Only the executor reads it; every field
   * reads the graph of its parent.
   */
  readonly root: Scope;
}

/** A context on `graph`; texts default to `lang`, else the dataset's first language. */
export function createContext(graph: OrgGraph, lang: Lang = graph.dataset.languages[0]): Context {
  return { lang, lookups: new Lookups(), root: { graph } };
}
