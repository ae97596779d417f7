/**
 * The part-of tree around a unit: its ancestors, its subtree, its siblings and counts.
 *
 * The tree is laid out once per graph in depth-first order (each unit followed by its whole
 * subtree, children in file order), so a subtree is a run of that order: descendants are read as
 * a slice, counted by subtraction, and counted by kind with a binary search, however large the
 * organisation. bench:scale times a subtree's count and the deepest page of descendants at
 * 100,000 units against the walk this replaced.
 */
import { perGraphInSlices, SLICE } from './graph-memo';
import { InputError } from './input-error';
import type { OrgGraph } from './org-graph';
import type { Sequence } from './page';
import { lowerBound } from './sorted';
import type { Unit } from './types';

/** The deepest a neighbourhood walk goes, so that one request cannot ask for an unbounded walk. */
export const MAX_DEPTH = 10;

/** Refuses a depth argument out of bounds. */
export function checkDepth(depth: number): void {
  if (!Number.isInteger(depth) || depth < 0 || depth > MAX_DEPTH) {
    throw new InputError(
      'depth',
      `depth: depth must be a whole number from 0 to ${MAX_DEPTH} (got ${depth}).`,
    );
  }
}

/** The tree of one graph in depth-first order. */
export interface TreeLayout {
  /** Units in depth-first order. */
  readonly order: readonly Unit[];
  /** Position of each unit (by key) in `order`. */
  readonly position: ReadonlyMap<string, number>;
  /** For the unit at each position: the position just past its subtree. */
  readonly subtreeEnd: Int32Array;
  /** For the unit at each position: its depth from the top of its tree (0 at the top). */
  readonly depth: Int32Array;
  /** Per kind, the positions of its units, ascending. */
  readonly positionsByKind: ReadonlyMap<string, Int32Array>;
}

export const treeLayout = perGraphInSlices(function* (
  graph: OrgGraph,
): Generator<void, TreeLayout, void> {
  const units = graph.units();
  const order: Unit[] = [];
  const depths: number[] = [];
  const subtreeEnd = new Int32Array(units.length);
  const position = new Map<string, number>();
  // Iterative, so a very deep organisation cannot overflow the stack.
  for (const top of units) {
    if (graph.parentOf(top)) continue;
    const stack: { unit: Unit; depth: number; exit: boolean }[] = [
      { unit: top, depth: 0, exit: false },
    ];
    while (stack.length > 0) {
      const frame = stack.pop() as { unit: Unit; depth: number; exit: boolean };
      if (frame.exit) {
        subtreeEnd[position.get(frame.unit.key) as number] = order.length;
        continue;
      }
      if (position.has(frame.unit.key)) continue; // the loader refuses cycles; this guards a view
      position.set(frame.unit.key, order.length);
      order.push(frame.unit);
      depths.push(frame.depth);
      stack.push({ ...frame, exit: true });
      const children = graph.childrenOf(frame.unit.key);
      for (let i = children.length - 1; i >= 0; i -= 1) {
        stack.push({ unit: children[i] as Unit, depth: frame.depth + 1, exit: false });
      }
      if (order.length % SLICE === 0) yield;
    }
  }
  const byKind = new Map<string, number[]>();
  order.forEach((unit, at) => {
    const list = byKind.get(unit.kind);
    if (list) list.push(at);
    else byKind.set(unit.kind, [at]);
  });
  return {
    order,
    position,
    subtreeEnd,
    depth: Int32Array.from(depths),
    positionsByKind: new Map([...byKind].map(([kind, list]) => [kind, Int32Array.from(list)])),
  };
});

/** The units this one is part of, the top first and the direct parent last (a breadcrumb). */
export function ancestors(unit: Unit): Unit[] {
  const { graph } = unit;
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
  /** The unit it is part of. */
  readonly parent: Unit;
}

/** Where a unit's subtree lies in the layout: [start, end) past the unit itself. */
function subtreeOf(unit: Unit): { layout: TreeLayout; at: number; start: number; end: number } {
  const layout = treeLayout(unit.graph);
  const at = layout.position.get(unit.key) as number;
  return { layout, at, start: at + 1, end: layout.subtreeEnd[at] as number };
}

/**
 * Every unit below this one, depth first (each sub-unit followed by its own sub-units, in file
 * order), down to `maxDepth` levels (all of them when undefined).
 */
export function descendants(unit: Unit, maxDepth?: number): Sequence<Descendant> {
  if (maxDepth !== undefined && (!Number.isInteger(maxDepth) || maxDepth < 1)) {
    throw new InputError(
      'depth',
      `depth: depth must be a whole number, 1 or more (got ${maxDepth}).`,
    );
  }
  const { layout, at, start, end } = subtreeOf(unit);
  const top = layout.depth[at] as number;
  const describe = (position: number): Descendant => {
    const child = layout.order[position] as Unit;
    return {
      unit: child,
      depth: (layout.depth[position] as number) - top,
      parent: unit.graph.parentOf(child) as Unit,
    };
  };
  if (maxDepth === undefined || end - start === 0) {
    return { length: end - start, item: (i) => describe(start + i) };
  }
  const kept: number[] = [];
  for (let position = start; position < end; position += 1) {
    if ((layout.depth[position] as number) - top <= maxDepth) kept.push(position);
  }
  return { length: kept.length, item: (i) => describe(kept[i] as number) };
}

/** Count of sorted positions within [start, end). */
function countWithin(sorted: Int32Array, start: number, end: number): number {
  return lowerBound(sorted, end) - lowerBound(sorted, start);
}

/** How many units lie below this one at any depth, of the given kinds (all kinds when absent). */
export function descendantCount(unit: Unit, kinds?: readonly string[]): number {
  const { layout, start, end } = subtreeOf(unit);
  if (!kinds || kinds.length === 0) return end - start;
  let count = 0;
  for (const kind of new Set(kinds)) {
    const positions = layout.positionsByKind.get(kind);
    if (positions) count += countWithin(positions, start, end);
  }
  return count;
}

/** How many direct sub-units this one has, of the given kinds (all kinds when absent). */
export function childCount(unit: Unit, kinds?: readonly string[]): number {
  const children = unit.graph.childrenOf(unit.key);
  if (!kinds || kinds.length === 0) return children.length;
  const wanted = new Set(kinds);
  let count = 0;
  for (const child of children) if (wanted.has(child.kind)) count += 1;
  return count;
}

/** True when `unit` lies below `top` (at any depth). */
export function isBelow(unit: Unit, top: Unit): boolean {
  const { layout, start, end } = subtreeOf(top);
  const at = layout.position.get(unit.key);
  return at !== undefined && at >= start && at < end;
}

/** The other units with the same parent, in dataset order; none for a unit at the top. */
export function siblings(unit: Unit): Unit[] {
  if (!unit.parent) return [];
  return unit.graph.childrenOf(unit.parent.unitKey).filter((u) => u.key !== unit.key);
}
