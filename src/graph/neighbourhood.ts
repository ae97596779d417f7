/**
 * The nodes within some distance of a node over chosen kinds of edge and direction, and the edges
 * among them: plain lists a graph-drawing client can use as they are.
 */
import {
  graphIndex,
  parseNodeId,
  type EdgeKind,
  type GraphEdge,
  type NodeRef,
  type WalkMode,
} from './graph-index';
import type { OrgGraph } from './org-graph';
import { ALL_KINDS } from './path';

/** OUT follows edges as they point (a unit to its parent), IN against them, BOTH either way. */
export type WalkDirection = WalkMode;

export interface NeighbourNode {
  readonly node: NodeRef;
  /** Number of edges from the centre (0 for the centre itself). */
  readonly distance: number;
}

export interface Neighbourhood {
  readonly centre: NodeRef;
  /** The centre first, then by distance, in the order found. */
  readonly nodes: readonly NeighbourNode[];
  /** Every edge of the chosen kinds joining two of the nodes. */
  readonly edges: readonly GraphEdge[];
}

export function neighbourhood(
  graph: OrgGraph,
  centre: NodeRef,
  depth: number,
  kinds: ReadonlySet<EdgeKind> = ALL_KINDS,
  direction: WalkDirection = 'both',
): Neighbourhood {
  const index = graphIndex(graph);
  const nodes: NeighbourNode[] = [];
  index.bfs(centre.id, kinds, direction, (id, distance) => {
    const node = parseNodeId(graph, id);
    if (node) nodes.push({ node, distance });
    return distance >= depth;
  });
  const inside = new Set(nodes.map((n) => n.node.id));
  return { centre, nodes, edges: index.edgesAmong(inside, kinds) };
}
