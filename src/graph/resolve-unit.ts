/**
 * Finding a unit from what a person calls it: its key, an official name or acronym in either
 * language, or a recorded alias, compared without case, accents, punctuation, small words or word
 * order. Only exact (folded) matches count: an unknown name gives no unit, never the nearest one.
 */
import type { UnitNameEntry } from './build-graph';
import { graphMemo } from './graph-memo';
import { orderedNameKey } from './normalize';
import type { OrgGraph } from './org-graph';
import type { Unit } from './types';

export interface UnitMatch {
  readonly unit: Unit;
  /** The name, acronym or alias that matched, as recorded. */
  readonly matched: string;
  readonly via: UnitNameEntry['via'] | 'key';
  readonly entry?: UnitNameEntry | undefined;
}

/** Names already resolved (clients ask the same names again and again). */
const remembered = graphMemo<UnitMatch | undefined>(10_000);

export function resolveUnit(graph: OrgGraph, name: string): UnitMatch | undefined {
  return remembered(graph, name, () => findUnit(graph, name));
}

/** The same resolution without the memo (benchmarks measure what a first-time name costs). */
export function findUnit(graph: OrgGraph, name: string): UnitMatch | undefined {
  const byKey = graph.unit(name.trim());
  if (byKey) return { unit: byKey, matched: byKey.key, via: 'key' };
  // The index admits one unit per folded name; among that unit's names, prefer the one written in
  // the same word order, so the answer can say which name was used.
  const entries = graph.unitNameEntries(name);
  const ordered = orderedNameKey(name);
  const entry = entries.find((e) => orderedNameKey(e.text) === ordered) ?? entries[0];
  const unit = entry && graph.unit(entry.unitKey);
  return unit && entry ? { unit, matched: entry.text, via: entry.via, entry } : undefined;
}
