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
