/**
 * Builds the indexes that are otherwise made on first use (the unit-name index of a graph read
 * from a snapshot, the search index, the typed multigraph, the depth-first tree layout, the units
 * sorted by name in each language), so a graph answers its first request as fast as the next
 * ones. Each index is a per-graph memo, so an answer never depends on whether it was warmed: a
 * request that comes first builds what it needs itself.
 *
 * A reload warms the new graph before swapping it in (the old one serves meanwhile). At start
 * there is no old graph, so the server is ready as soon as the graph is loaded and warms it just
 * after, one step per turn of the event loop, so requests (and `/readyz`) are answered between
 * steps rather than after all of them. The unit-name index, the tree layout, the typed
 * multigraph and the search index are built a slice of units per step (graph-memo.ts,
 * `perGraphInSlices`), and the name orders a slice of their sort per step.
 */
import { graphIndex } from './graph-index';
import { unitNameIndex, type OrgGraph } from './org-graph';
import { searchIndexInSlices } from './search/search-index';
import { lang } from './seed-schema';
import { warmUnitOrder } from './unit-list';
import { treeLayout } from './unit-tree';

/** The units sorted by name in each language, a slice of the sort per step. */
function* unitOrders(graph: OrgGraph): Generator<void, void, void> {
  for (const language of lang.options) yield* warmUnitOrder(graph, language);
}

/** The warm-up, index by index, cheapest first; each index's steps as an iterable. */
const INDEXES: readonly ((graph: OrgGraph) => Iterable<void>)[] = [
  (graph) => unitNameIndex.inSlices(graph),
  (graph) => treeLayout.inSlices(graph),
  (graph) => graphIndex.inSlices(graph),
  unitOrders,
  (graph) => searchIndexInSlices(graph),
];

export function warmIndexes(graph: OrgGraph): OrgGraph {
  for (const index of INDEXES) for (const _ of index(graph));
  return graph;
}

/** The next turn of the event loop, after pending I/O. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The same warm-up, one step per macrotask, resolving when all are built. Before each step it
 * awaits `pause` (by default the next turn of the event loop; the server's waits until no request
 * is in flight, so a request waits for one step at most, not for every step that starts while it
 * is being answered).
 */
export async function warmIndexesInTurns(
  graph: OrgGraph,
  pause: () => Promise<void> = nextTurn,
): Promise<OrgGraph> {
  for (const index of INDEXES) {
    const steps = index(graph)[Symbol.iterator]();
    for (;;) {
      await pause();
      if (steps.next().done === true) break;
    }
  }
  return graph;
}
