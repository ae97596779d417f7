/**
 * The part-of tree around a unit: its ancestors, its subtree (flattened, so a client rebuilds it in
 * one round trip), its siblings and counts.
 */
import { InputError } from './input-error';
import type { Unit } from './types';

/** The deepest any traversal goes, so that one request cannot ask for an unbounded walk. */
export const MAX_DEPTH = 10;

/** Refuses a depth argument out of bounds. */
export function checkDepth(depth: number, min = 0): void {
  if (!Number.isInteger(depth) || depth < min || depth > MAX_DEPTH) {
    throw new InputError(
      'depth',
      `depth: depth must be a whole number from ${min} to ${MAX_DEPTH} (got ${depth}).`,
    );
  }
}

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

/** Every unit below this one down to `maxDepth` levels, breadth first, in dataset order per level. */
export function descendants(unit: Unit, maxDepth = MAX_DEPTH): Descendant[] {
  checkDepth(maxDepth, 1);
  const { graph } = unit;
  const out: Descendant[] = [];
  const seen = new Set([unit.key]);
  let level: readonly Unit[] = [unit];
  for (let depth = 1; depth <= maxDepth && level.length > 0; depth += 1) {
    const next: Unit[] = [];
    for (const parent of level) {
      for (const child of graph.childrenOf(parent.key)) {
        if (seen.has(child.key)) continue; // the loader refuses cycles; this only guards a view
        seen.add(child.key);
        next.push(child);
        out.push({ unit: child, depth, parent });
      }
    }
    level = next;
  }
  return out;
}

export function descendantCount(unit: Unit): number {
  return descendants(unit).length;
}

/** The other units with the same parent, in dataset order; none for a unit at the top. */
export function siblings(unit: Unit): Unit[] {
  if (!unit.parent) return [];
  return unit.graph.childrenOf(unit.parent.unitKey).filter((u) => u.key !== unit.key);
}
