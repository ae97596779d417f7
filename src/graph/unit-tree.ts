/**
 * The part-of tree around a unit: its ancestors, its subtree (flattened, so a client rebuilds it in
 * one round trip), its siblings and counts. Depth-bounded walks go through graphology's BFS.
 */
import { bfsFromNode } from 'graphology-traversal';
import { graphIndex, nodeId, parseNodeId } from './graph-index';
import type { OrgGraph } from './org-graph';
import type { Unit } from './types';

/** The deepest any traversal goes, so that one request cannot ask for an unbounded walk. */
export const MAX_DEPTH = 10;

/** Why a depth argument is refused, or undefined when it is allowed. */
export function depthProblem(depth: number, min = 0): string | undefined {
  if (!Number.isInteger(depth) || depth < min || depth > MAX_DEPTH) {
    return `depth must be a whole number from ${min} to ${MAX_DEPTH} (got ${depth})`;
  }
  return undefined;
}

const PART_OF = new Set(['part-of'] as const);

/** The units this one is part of, the top first and the direct parent last (a breadcrumb). */
export function ancestors(graph: OrgGraph, unit: Unit): Unit[] {
  const out: Unit[] = [];
  const seen = new Set([unit.key]);
  for (let p = unit.parent && graph.unit(unit.parent.unitKey); p;) {
    if (seen.has(p.key)) break; // the loader refuses cycles; this only guards a view
    seen.add(p.key);
    out.unshift(p);
    p = p.parent && graph.unit(p.parent.unitKey);
  }
  return out;
}

export interface Descendant {
  readonly unit: Unit;
  /** 1 for a direct sub-unit. */
  readonly depth: number;
  readonly parentKey: string;
}

/** Every unit below this one down to `maxDepth` levels, breadth first, in dataset order per level. */
export function descendants(graph: OrgGraph, unit: Unit, maxDepth = MAX_DEPTH): Descendant[] {
  const out: Descendant[] = [];
  const { directed } = graphIndex(graph).view(PART_OF);
  bfsFromNode(
    directed,
    nodeId('unit', unit.key),
    (id, _, depth) => {
      if (depth > 0) {
        const found = graph.unit(parseNodeId(id)?.key ?? '');
        if (found?.parent) out.push({ unit: found, depth, parentKey: found.parent.unitKey });
      }
      return depth >= maxDepth;
    },
    { mode: 'in' },
  );
  return out;
}

export function descendantCount(graph: OrgGraph, unit: Unit): number {
  return descendants(graph, unit).length;
}

/** The other units with the same parent, in dataset order; none for a unit at the top. */
export function siblings(graph: OrgGraph, unit: Unit): Unit[] {
  if (!unit.parent) return [];
  return graph.childrenOf(unit.parent.unitKey).filter((u) => u.key !== unit.key);
}
