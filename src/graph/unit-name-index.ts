/**
 * Which unit a folded name (nameKey) names, for a graph whose names passed the builder's checks
 * (one folded name names one unit). Held as one sorted array of numbers, each a hash of a folded
 * name beside the position of its unit: a map of every folded name (two or three a unit) took a
 * string and an entry per name, most of a large graph's warm-up memory after the multigraph (npm
 * run bench:scale). A lookup finds the positions whose hash matches and keeps the first unit that
 * has a name folding to the text, so two names with one hash never mix.
 */
import { SLICE } from './graph-memo';
import { nameKey } from './normalize';
import { lowerBound } from './sorted';
import type { Unit } from './types';

/** The texts a unit is named by: its names, acronyms and aliases. */
export function forEachUnitName(
  unit: Pick<Unit, 'name' | 'acronym' | 'aliases'>,
  visit: (text: string) => void,
): void {
  visit(unit.name.en);
  visit(unit.name.fr);
  if (unit.acronym) {
    visit(unit.acronym.en);
    if (unit.acronym.fr) visit(unit.acronym.fr);
  }
  for (const alias of unit.aliases) visit(alias.text);
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * How entries are made for `units` positions: `hash × scale + position`, the hash cut to the bits
 * that leave room for the positions so an entry is exact in a double (all 32 up to 2^21 units).
 */
function entryLayout(units: number): { readonly scale: number; readonly hashShift: number } {
  const positionBits = Math.max(1, Math.ceil(Math.log2(units + 1)));
  return { scale: 2 ** positionBits, hashShift: 32 - Math.min(32, 53 - positionBits) };
}

type EntryLayout = ReturnType<typeof entryLayout>;

/** The lowest entry a folded name's unit can have: its hash beside position 0. */
const lowestEntry = (key: string, hashOf: (text: string) => number, layout: EntryLayout) =>
  (hashOf(key) >>> layout.hashShift) * layout.scale;

export class UnitNameIndex {
  /** `entries`: for each folded name, its hash beside its unit's position, sorted (entryLayout). */
  private constructor(
    private readonly units: readonly Unit[],
    private readonly entries: Float64Array,
    private readonly layout: EntryLayout,
    private readonly hashOf: (text: string) => number,
  ) {}

  /**
   * Indexes `units` (in their order: positions are indexes into it), a slice per step. `hashOf`
   * gives a name's 32 bits (a test passes one that makes every name collide).
   */
  static *inSlices(
    units: readonly Unit[],
    hashOf: (text: string) => number = fnv1a,
  ): Generator<void, UnitNameIndex, void> {
    const layout = entryLayout(units.length);
    const made: number[] = [];
    for (let at = 0; at < units.length; at++) {
      forEachUnitName(units[at] as Unit, (text) => {
        const key = nameKey(text);
        if (key !== '') made.push(lowestEntry(key, hashOf, layout) + at);
      });
      if ((at + 1) % SLICE === 0) yield;
    }
    const entries = Float64Array.from(made).sort();
    // A unit whose names fold alike (an English and a French name written the same) is one entry.
    let kept = 0;
    for (let i = 0; i < entries.length; i++)
      if (i === 0 || entries[i] !== entries[i - 1]) entries[kept++] = entries[i] as number;
    return new UnitNameIndex(units, entries.slice(0, kept), layout, hashOf);
  }

  /** The unit that `key` (a folded name) names; undefined when none does. */
  unitNamed(key: string): Unit | undefined {
    if (key === '') return undefined;
    const lowest = lowestEntry(key, this.hashOf, this.layout);
    const { entries } = this;
    // Every entry of the name's hash, from the first at or above its lowest.
    for (
      let i = lowerBound(entries, lowest);
      i < entries.length && (entries[i] as number) < lowest + this.layout.scale;
      i++
    ) {
      const unit = this.units[(entries[i] as number) - lowest] as Unit;
      let names = false;
      forEachUnitName(unit, (text) => {
        names ||= nameKey(text) === key;
      });
      if (names) return unit;
    }
    return undefined;
  }
}
