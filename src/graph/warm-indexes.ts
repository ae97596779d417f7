/**
 * Builds the indexes that are otherwise made on first use (the search index, the typed
 * multigraph, the part-of tree's layout behind every `descendantCount`), so a freshly loaded
 * graph answers its first request as fast as the next ones: the search index's build at 100,000
 * units belongs to loading, not to a user's query, and the chart's first view counts every
 * unit's descendants.
 */
import { graphIndex } from './graph-index';
import type { OrgGraph } from './org-graph';
import { searchIndexOf } from './search/search-index';
import { treeLayout } from './unit-tree';

export function warmIndexes(graph: OrgGraph): OrgGraph {
  searchIndexOf(graph);
  graphIndex(graph);
  treeLayout(graph);
  return graph;
}
