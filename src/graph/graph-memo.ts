/**
 * Memos of answers computed from a graph, kept per graph: a graph never changes, so an answer stays
 * right for as long as the graph is served, and a reload brings a new graph and new memos. Every
 * memo of the domain (indexes, dated views, resolved names, handler rows) is made here, so each is
 * bounded: one value per graph is bounded by the dataset itself; memos keyed by what clients ask
 * are bounded in bytes (an estimate of what each answer holds), least recently used first out.
 */
import { LRUCache } from 'lru-cache';
import type { OrgGraph } from './org-graph';

export interface PerGraph<V> {
  (graph: OrgGraph): V;
  /** Keeps a value already worked out while building the graph (a view's coverage). */
  remember(graph: OrgGraph, value: V): void;
  /** Whether the value has been made for this graph (a warm-up is checked with it). */
  has(graph: OrgGraph): boolean;
}

/** One value per graph (an index), made on first use and dropped with the graph. */
export function perGraph<V>(compute: (graph: OrgGraph) => V): PerGraph<V> {
  const values = new WeakMap<OrgGraph, V>();
  const get = (graph: OrgGraph): V => {
    if (values.has(graph)) return values.get(graph) as V;
    const value = compute(graph);
    values.set(graph, value);
    return value;
  };
  return Object.assign(get, {
    remember: (graph: OrgGraph, value: V) => void values.set(graph, value),
    has: (graph: OrgGraph) => values.has(graph),
  });
}

/**
 * About how much of a large index one slice of its build does (units, or records): small enough
 * that a request waiting for the slice under way is not held back noticeably, large enough that
 * pausing between slices costs little.
 */
export const SLICE = 2000;

/** A build done in slices: it yields between them and returns the value. */
export type SlicedBuild<V> = Generator<void, V, void>;

export interface PerGraphInSlices<V> extends PerGraph<V> {
  /**
   * The build of the value, one slice per step, for a warm-up that answers requests between
   * slices (at a million units one index is seconds of work). A request that needs the value
   * meanwhile finishes the build under way at once; the steps then end.
   */
  inSlices(graph: OrgGraph): Iterable<void>;
}

/** One value per graph, as `perGraph`, whose build can also be done a slice at a time. */
export function perGraphInSlices<V>(
  build: (graph: OrgGraph) => SlicedBuild<V>,
): PerGraphInSlices<V> {
  const underway = new WeakMap<OrgGraph, SlicedBuild<V>>();
  const memo = perGraph((graph: OrgGraph): V => {
    const steps = underway.get(graph) ?? build(graph);
    underway.delete(graph);
    let step = steps.next();
    while (step.done !== true) step = steps.next();
    return step.value;
  });
  function* inSlices(graph: OrgGraph): Generator<void, void, void> {
    while (!memo.has(graph)) {
      let steps = underway.get(graph);
      if (!steps) underway.set(graph, (steps = build(graph)));
      const step = steps.next();
      if (step.done === true) {
        underway.delete(graph);
        memo.remember(graph, step.value);
        return;
      }
      yield;
    }
  }
  return Object.assign(memo, { inSlices });
}

export interface KeyedMemoOptions<V> {
  /** The most bytes one graph's entries may hold, by `sizeOf`. */
  readonly maxBytes: number;
  /** About how many bytes an entry holds: its key, and what its value keeps alive. */
  readonly sizeOf: (value: V, key: string) => number;
}

/** Values per graph and key (a name asked for, a date), within a byte budget per graph. */
export function perGraphKeyed<V>(
  options: KeyedMemoOptions<V>,
  compute: (graph: OrgGraph, key: string) => V,
): (graph: OrgGraph, key: string) => V {
  // Boxed: lru-cache keeps no undefined values, and "not found" is an answer worth keeping.
  const memos = new WeakMap<OrgGraph, LRUCache<string, { readonly value: V }>>();
  return (graph, key) => {
    let memo = memos.get(graph);
    if (!memo) {
      memo = new LRUCache({
        maxSize: options.maxBytes,
        sizeCalculation: (box, k) => Math.max(1, Math.ceil(options.sizeOf(box.value, k))),
      });
      memos.set(graph, memo);
    }
    const known = memo.get(key);
    if (known) return known.value;
    const value = compute(graph, key);
    memo.set(key, { value });
    return value;
  };
}
