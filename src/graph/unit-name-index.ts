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

export class UnitNameIndex {
  /**
   * `entries[i]` is `hash × 2^positionBits + position`, sorted, exact in a double because the
   * hash keeps only the bits that leave room for the positions (all 32 up to 2^21 units).
   */
  private constructor(
    private readonly units: readonly Unit[],
    private readonly entries: Float64Array,
    private readonly positionBits: number,
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
    const positionBits = Math.max(1, Math.ceil(Math.log2(units.length + 1)));
    const hashBits = Math.min(32, 53 - positionBits);
    const scale = 2 ** positionBits;
    const made: number[] = [];
    for (let at = 0; at < units.length; at++) {
      forEachUnitName(units[at] as Unit, (text) => {
        const key = nameKey(text);
        if (key !== '') made.push((hashOf(key) >>> (32 - hashBits)) * scale + at);
      });
      if ((at + 1) % SLICE === 0) yield;
    }
    const entries = Float64Array.from(made).sort();
    // A unit whose names fold alike (an English and a French name written the same) is one entry.
    let kept = 0;
    for (let i = 0; i < entries.length; i++)
      if (i === 0 || entries[i] !== entries[i - 1]) entries[kept++] = entries[i] as number;
    return new UnitNameIndex(units, entries.slice(0, kept), positionBits, hashOf);
  }

  /** The unit that `key` (a folded name) names; undefined when none does. */
  unitNamed(key: string): Unit | undefined {
    if (key === '') return undefined;
    const hashBits = Math.min(32, 53 - this.positionBits);
    const scale = 2 ** this.positionBits;
    const lowest = (this.hashOf(key) >>> (32 - hashBits)) * scale;
    const { entries } = this;
    // The first entry at or above the hash's lowest, then every entry of the same hash.
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((entries[middle] as number) < lowest) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < entries.length && (entries[i] as number) < lowest + scale; i++) {
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
