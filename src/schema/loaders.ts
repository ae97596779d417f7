/**
 * The request's DataLoaders: the only way resolvers reach the graph. One set is made per request
 * (in createContext), so batching and caching never leak between requests or across a reload.
 * Every batch call is counted, so tests can prove nested queries cost batches per level, not per node.
 */
import DataLoader from 'dataloader';
import type { OrgGraph } from '../graph/org-graph';
import { reportingLine, type ReportingStep } from '../graph/reporting-line';
import type { OrgEvent, Post, Responsibility, Topic, Unit } from '../graph/types';

export interface LoaderStats {
  /** Batch calls per loader name. */
  readonly batches: Map<string, number>;
}

export function totalBatches(stats: LoaderStats): number {
  let n = 0;
  for (const count of stats.batches.values()) n += count;
  return n;
}

export function createLoaders(graph: OrgGraph, stats: LoaderStats) {
  function loader<V>(name: string, read: (key: string) => V): DataLoader<string, V> {
    return new DataLoader<string, V>((keys) => {
      stats.batches.set(name, (stats.batches.get(name) ?? 0) + 1);
      return Promise.resolve(keys.map(read));
    });
  }
  return {
    unit: loader<Unit | null>('unit', (k) => graph.unit(k) ?? null),
    post: loader<Post | null>('post', (k) => graph.post(k) ?? null),
    topic: loader<Topic | null>('topic', (k) => graph.topic(k) ?? null),
    event: loader<OrgEvent | null>('event', (k) => graph.event(k) ?? null),
    subUnits: loader<readonly Unit[]>('subUnits', (k) => graph.childrenOf(k)),
    unitsHeadedBy: loader<readonly Unit[]>('unitsHeadedBy', (k) => graph.unitsHeadedBy(k)),
    handlers: loader<readonly Responsibility[]>('handlers', (k) => graph.handlersOf(k)),
    narrower: loader<readonly Topic[]>('narrower', (k) => graph.narrowerOf(k)),
    eventsAffecting: loader<readonly OrgEvent[]>('eventsAffecting', (k) =>
      graph.eventsAffecting(k),
    ),
    reportingLine: loader<readonly ReportingStep[]>(
      'reportingLine',
      (k) => reportingLine(graph, k) ?? [],
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Loads many keys and drops the ones that do not exist (a reference the loader already checked). */
export async function loadAll<V>(
  loader: DataLoader<string, V | null>,
  keys: readonly string[],
): Promise<V[]> {
  const values = await loader.loadMany(keys);
  return values.filter((v): v is Awaited<V> => v !== null && !(v instanceof Error)) as V[];
}
