/** The per-request context: the graph the request started on, its loaders and its language. */
import type { OrgGraph } from '../graph/org-graph';
import type { Lang } from '../graph/types';
import { createLoaders, type LoaderStats, type Loaders } from './loaders';

export interface Context {
  /** Fixed for the whole request, so a reload never mixes two datasets in one answer. */
  readonly graph: OrgGraph;
  readonly loaders: Loaders;
  readonly stats: LoaderStats;
  /** The language names and texts default to (from `Accept-Language`, else English). */
  readonly lang: Lang;
}

export function createContext(graph: OrgGraph, lang: Lang = 'en'): Context {
  const stats: LoaderStats = { batches: new Map() };
  return { graph, loaders: createLoaders(graph, stats), stats, lang };
}
