/**
 * The shortest path between two nodes over chosen kinds of edge, walked in either direction, with
 * the kind and direction of every step; and, between two units, their common superior: the lowest
 * unit on both reporting lines.
 */
import {
  EDGE_KINDS,
  graphIndex,
  parseNodeId,
  type EdgeKind,
  type GraphEdge,
  type NodeRef,
} from './graph-index';
import type { OrgGraph } from './org-graph';
import { reportingLine, type ReportingStep } from './reporting-line';
import type { Unit } from './types';

export type Direction = 'forward' | 'backward';

export interface PathStep {
  readonly node: NodeRef;
  /** The edge walked to reach this node; undefined for the first step. */
  readonly edge?: GraphEdge | undefined;
  /** Forward when the edge points from the previous node to this one (OLA part-of Private Office). */
  readonly direction?: Direction | undefined;
}

export interface CommonSuperior {
  readonly unit: Unit;
  /** Each unit's reporting line, from the unit up to and including the common superior. */
  readonly fromLine: readonly ReportingStep[];
  readonly toLine: readonly ReportingStep[];
}

export interface GraphPath {
  readonly from: NodeRef;
  readonly to: NodeRef;
  readonly steps: readonly PathStep[];
  readonly commonSuperior?: CommonSuperior | undefined;
}

export const ALL_KINDS: ReadonlySet<EdgeKind> = new Set(EDGE_KINDS);

/** Null when no path joins the two nodes over these kinds of edge. */
export function shortestPath(
  graph: OrgGraph,
  from: NodeRef,
  to: NodeRef,
  kinds: ReadonlySet<EdgeKind> = ALL_KINDS,
): GraphPath | null {
  const index = graphIndex(graph);
  const ids = index.shortestPath(from.id, to.id, kinds);
  if (!ids) return null;
  const steps: PathStep[] = [];
  ids.forEach((id, i) => {
    const node = parseNodeId(graph, id);
    if (!node) throw new Error(`graph index holds a malformed node id ${id}`);
    const prev = ids[i - 1];
    if (prev === undefined) {
      steps.push({ node });
      return;
    }
    // Several kinds may join the same two nodes (part-of and reports-to): prefer an edge walked
    // forward, then the kinds in their declared order, so the answer is stable.
    const edge = index
      .edgesBetween(prev, id, kinds)
      .sort(
        (a, b) =>
          Number(a.source !== prev) - Number(b.source !== prev) ||
          EDGE_KINDS.indexOf(a.kind) - EDGE_KINDS.indexOf(b.kind),
      )[0];
    steps.push({ node, edge, direction: edge?.source === prev ? 'forward' : 'backward' });
  });
  const commonSuperior =
    from.type === 'unit' && to.type === 'unit'
      ? commonSuperiorOf(graph, from.key, to.key)
      : undefined;
  return { from, to, steps, commonSuperior };
}

/** The first unit of `a`'s reporting line that is also on `b`'s; undefined when they never meet. */
export function commonSuperiorOf(
  graph: OrgGraph,
  a: string,
  b: string,
): CommonSuperior | undefined {
  const lineA = reportingLine(graph, a);
  const lineB = reportingLine(graph, b);
  if (!lineA || !lineB) return undefined;
  const onB = new Map(lineB.map((s, i) => [s.unit.key, i]));
  const i = lineA.findIndex((s) => onB.has(s.unit.key));
  const step = lineA[i];
  if (!step) return undefined;
  const j = onB.get(step.unit.key) ?? 0;
  return { unit: step.unit, fromLine: lineA.slice(0, i + 1), toLine: lineB.slice(0, j + 1) };
}
