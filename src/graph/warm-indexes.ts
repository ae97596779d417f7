/**
 * Builds the indexes that are otherwise made on first use (the search index, the typed
 * multigraph, the depth-first tree layout, the units sorted by name in each language), so a
 * freshly loaded graph answers its first request as fast as the next ones: building them belongs
 * to loading, not to a user's query.
 */
import { graphIndex } from './graph-index';
import type { OrgGraph } from './org-graph';
import { searchIndexOf } from './search/search-index';
import { lang } from './seed-schema';
import { warmUnitOrders } from './unit-list';
import { treeLayout } from './unit-tree';

export function warmIndexes(graph: OrgGraph): OrgGraph {
  searchIndexOf(graph);
  graphIndex(graph);
  treeLayout(graph);
  warmUnitOrders(graph, lang.options);
  return graph;
}
