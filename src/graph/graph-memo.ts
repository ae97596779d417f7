/**
 * A memo of answers computed from a graph, kept per graph: a graph never changes, so an answer
 * stays right for as long as the graph is served, and a reload brings a new graph and a new memo.
 */
import type { OrgGraph } from './org-graph';

/** `max` bounds the answers kept per graph when keys come from clients (the memo starts over). */
export function graphMemo<V>(
  max = Infinity,
): (graph: OrgGraph, key: string, compute: () => V) => V {
  const byGraph = new WeakMap<OrgGraph, Map<string, V>>();
  return (graph, key, compute) => {
    let known = byGraph.get(graph);
    if (!known) byGraph.set(graph, (known = new Map()));
    if (known.has(key)) return known.get(key) as V;
    const value = compute();
    if (known.size >= max) known.clear();
    known.set(key, value);
    return value;
  };
}
