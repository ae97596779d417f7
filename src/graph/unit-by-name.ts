/**
 * Finding a unit from what a person calls it: its key, an official name or acronym in either
 * language, or a recorded alias, compared without case, accents, punctuation, small words or word
 * order. Only exact (folded) matches count: an unknown name gives no unit, never the nearest one
 * (search/unit-resolution.ts is the forgiving lookup that says why it picked what it picked).
 */
import type { UnitNameEntry } from './build-graph';
import { perGraphKeyed } from './graph-memo';
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

/**
 * Names already looked up, per graph: clients ask the same names again and again (bench:scale
 * measures a name with and without it).
 */
const NAME_MEMO_BYTES = 4 * 2 ** 20;

/** The unit this text names exactly, if any. */
export const unitNamed = perGraphKeyed<UnitMatch | undefined>(
  { maxBytes: NAME_MEMO_BYTES, sizeOf: (_, name) => 2 * name.length + 120 },
  (graph, name) => {
    const byKey = graph.unit(name.trim());
    if (byKey) return { unit: byKey, matched: byKey.key, via: 'key' };
    // The index admits one unit per folded name; among that unit's names, prefer the one written
    // in the same word order, so the answer can say which name was used.
    const entries = graph.unitNameEntries(name);
    const ordered = orderedNameKey(name);
    const entry = entries.find((e) => orderedNameKey(e.text) === ordered) ?? entries[0];
    const unit = entry && graph.unit(entry.unitKey);
    return unit && entry ? { unit, matched: entry.text, via: entry.via, entry } : undefined;
  },
);
