/**
 * The units of a graph that match a filter, in a chosen order: what the root `units` list pages
 * through. The filter narrows to the smallest set it names first (a unit's children, a subtree,
 * the handlers of a topic, the units of some kinds, the units with the rarest word of `text`, read
 * from a word index), then tests the rest on each unit. The orders are computed once per graph and
 * language (at warm-up for names), so a sorted page costs a pass over the candidates, not a sort of
 * the graph; a subtree is counted from the tree layout without being read (bench:scale times a
 * filtered, name-sorted page and a subtree's count at 100,000 units).
 */
import { graphAt } from './as-of';
import { perGraph, SLICE } from './graph-memo';
import { foldText } from './normalize';
import type { OrgGraph } from './org-graph';
import { overlaps, startOf, type PartialDate } from './partial-date';
import { sequenceOf, type Sequence } from './page';
import { lowerBound } from './sorted';
import type { Lang, Topic, Unit } from './types';
import { childCount, descendantCount, treeLayout } from './unit-tree';

export interface UnitFilter {
  /** Units of any of these kinds. */
  readonly kinds?: readonly string[] | undefined;
  /** Direct sub-units of this unit. */
  readonly parent?: Unit | undefined;
  /** Units below this one, at any depth. */
  readonly under?: Unit | undefined;
  /** Units linked to this topic. */
  readonly topic?: Topic | undefined;
  /** Every word is the start of a word of the unit's name, acronym or an alias (any language). */
  readonly text?: string | undefined;
  /** Units established within this period (bounds included); undated units are left out. */
  readonly established?:
    { readonly from?: PartialDate | undefined; readonly to?: PartialDate | undefined } | undefined;
  /** Units the organisation had on this date, as `at(date:)` shows it. */
  readonly at?: PartialDate | undefined;
}

export type UnitOrderField = 'name' | 'established' | 'childCount' | 'descendantCount';

export interface UnitOrder {
  readonly field: UnitOrderField;
  readonly descending: boolean;
  /** The language names are compared in (and with its collation). */
  readonly lang: Lang;
}

interface Ranking {
  /** Positions (in `graph.units()`) of the units, in the order. */
  readonly order: Int32Array;
  /** For each position in `graph.units()`, where the unit comes in the order. */
  readonly place: Int32Array;
}

interface UnitIndex {
  readonly positionOf: ReadonlyMap<string, number>;
  /** For each place in the depth-first tree layout, the unit's position in `graph.units()`. */
  readonly positionAtPlace: Int32Array;
  /** For each position in `graph.units()`, the unit's place in the tree layout. */
  readonly placeInTree: Int32Array;
  /** Positions in `graph.units()` of each kind's units, ascending. */
  readonly positionsByKind: ReadonlyMap<string, Int32Array>;
  /** The rankings already computed, by order. */
  readonly rankings: Map<string, Ranking>;
}

const unitIndex = perGraph((graph: OrgGraph): UnitIndex => {
  const units = graph.units();
  const positionOf = new Map(units.map((u, i) => [u.key, i]));
  const layout = treeLayout(graph);
  const positionAtPlace = Int32Array.from(layout.order, (u) => positionOf.get(u.key) as number);
  const placeInTree = new Int32Array(units.length);
  positionAtPlace.forEach((position, place) => (placeInTree[position] = place));
  const byKind = new Map<string, number[]>();
  units.forEach((u, i) => {
    const list = byKind.get(u.kind);
    if (list) list.push(i);
    else byKind.set(u.kind, [i]);
  });
  return {
    positionOf,
    positionAtPlace,
    placeInTree,
    positionsByKind: new Map([...byKind].map(([kind, list]) => [kind, Int32Array.from(list)])),
    rankings: new Map(),
  };
});

/**
 * Folded words of each unit's names, acronyms and aliases, each word preceded by a space. Apart
 * from the positions: folding every name of a large organisation takes seconds, and only a text
 * filter needs it (the chart's first page of units must not wait for it).
 */
const unitWords = perGraph((graph: OrgGraph): readonly string[] =>
  graph.units().map((u) => {
    const texts = [
      ...Object.values(u.name),
      ...(u.acronym ? Object.values(u.acronym) : []),
      ...u.aliases.map((a) => a.text),
    ];
    return ` ${texts.map((t) => foldText(String(t))).join(' ')}`;
  }),
);

interface WordIndex {
  /** Every distinct folded word, sorted (by code unit, for prefix ranges). */
  readonly words: readonly string[];
  /** For each word, the positions of the units whose texts hold it. */
  readonly positions: readonly Int32Array[];
}

/** The units by word, so a `text` filter reads the units it names rather than testing them all. */
const wordIndex = perGraph((graph: OrgGraph): WordIndex => {
  const byWord = new Map<string, number[]>();
  unitWords(graph).forEach((haystack, position) => {
    for (const word of new Set(haystack.split(' '))) {
      if (!word) continue;
      const list = byWord.get(word);
      if (list) list.push(position);
      else byWord.set(word, [position]);
    }
  });
  const words = [...byWord.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { words, positions: words.map((w) => Int32Array.from(byWord.get(w) as number[])) };
});

/** Positions (ascending) of the units with a word starting with `prefix`. */
function positionsWithPrefix(graph: OrgGraph, prefix: string): Int32Array {
  const { words, positions } = wordIndex(graph);
  const lists: Int32Array[] = [];
  for (let i = lowerBound(words, prefix); i < words.length; i += 1) {
    if (!(words[i] as string).startsWith(prefix)) break;
    lists.push(positions[i] as Int32Array);
  }
  if (lists.length === 1) return lists[0] as Int32Array;
  const all = new Int32Array(lists.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const list of lists) {
    all.set(list, at);
    at += list.length;
  }
  all.sort();
  // Drop repeats: a unit may have several words with the prefix.
  let kept = 0;
  for (let i = 0; i < all.length; i += 1) {
    if (i === 0 || all[i] !== all[i - 1]) all[kept++] = all[i] as number;
  }
  return all.subarray(0, kept);
}

function sortKeyOf(order: UnitOrder): (unit: Unit) => string | number | undefined {
  switch (order.field) {
    case 'name':
      return (u) => u.name[order.lang] ?? u.name.en;
    case 'established':
      // Chronological, a coarser date before a finer one on the same first day (as events sort).
      return (u) =>
        u.established
          ? `${startOf(u.established)}${'ymd'.indexOf(u.established.precision[0] as string)}`
          : undefined;
    case 'childCount':
      return (u) => childCount(u);
    case 'descendantCount':
      return (u) => descendantCount(u);
  }
}

/** Items a merge step handles between two pauses of a sort in slices. */
const MERGED_PER_STEP = 10 * SLICE;

/**
 * Sorts `items` by `compare` (a total order), pausing between runs of SLICE items and every
 * MERGED_PER_STEP items merged: a sort of every unit by name takes seconds at a million units,
 * and the warm-up must let requests through meanwhile. A bottom-up merge sort of sorted runs.
 */
function* sortInSlices(
  items: Int32Array<ArrayBuffer>,
  compare: (a: number, b: number) => number,
): Generator<void, Int32Array<ArrayBuffer>, void> {
  for (let start = 0; start < items.length; start += SLICE) {
    items.subarray(start, start + SLICE).sort(compare);
    yield;
  }
  let from = items;
  let to = new Int32Array(items.length);
  let merged = 0;
  for (let width = SLICE; width < items.length; width *= 2) {
    for (let start = 0; start < items.length; start += 2 * width) {
      const middle = Math.min(start + width, items.length);
      const end = Math.min(start + 2 * width, items.length);
      let i = start;
      let j = middle;
      for (let k = start; k < end; k++) {
        if (j >= end || (i < middle && compare(from[i] as number, from[j] as number) <= 0)) {
          to[k] = from[i] as number;
          i += 1;
        } else {
          to[k] = from[j] as number;
          j += 1;
        }
        if (++merged % MERGED_PER_STEP === 0) yield;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

/**
 * The units in one order, ties in dataset order; units with no value (no established date) last
 * in either direction. Made in slices by the warm-up, at once by a request that needs it first.
 */
function* rankingInSlices(graph: OrgGraph, order: UnitOrder): Generator<void, Ranking, void> {
  const index = unitIndex(graph);
  const id = `${order.field}:${order.descending ? 'desc' : 'asc'}:${order.field === 'name' ? order.lang : ''}`;
  const known = index.rankings.get(id);
  if (known) return known;
  const units = graph.units();
  const keyOf = sortKeyOf(order);
  const keys = units.map(keyOf);
  const collator = new Intl.Collator(order.lang, { numeric: true });
  const sign = order.descending ? -1 : 1;
  const positions = yield* sortInSlices(
    Int32Array.from(units, (_, i) => i),
    (a, b) => {
      const ka = keys[a];
      const kb = keys[b];
      if (ka === undefined || kb === undefined) {
        if (ka === kb) return a - b;
        return ka === undefined ? 1 : -1;
      }
      const c =
        typeof ka === 'number' && typeof kb === 'number'
          ? ka - kb
          : collator.compare(String(ka), String(kb));
      return c !== 0 ? sign * c : a - b;
    },
  );
  // A request may have made the same ranking while this one paused.
  const made = index.rankings.get(id);
  if (made) return made;
  const place = new Int32Array(units.length);
  positions.forEach((position, i) => (place[position] = i));
  const result = { order: positions, place };
  index.rankings.set(id, result);
  return result;
}

function ranking(graph: OrgGraph, order: UnitOrder): Ranking {
  const steps = rankingInSlices(graph, order);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * Computes the order the chart and clients ask for first (by name, in one language), so no
 * request pays for it; a slice per step.
 */
export function* warmUnitOrder(graph: OrgGraph, lang: Lang): Generator<void, void, void> {
  yield* rankingInSlices(graph, { field: 'name', descending: false, lang });
}

/** The orders already computed for a graph (`name:asc:en`…), for a warm-up to be checked. */
export function rankedOrders(graph: OrgGraph): string[] {
  return [...unitIndex(graph).rankings.keys()];
}

/**
 * The positions of the smallest set a filter names (a unit's children, the handlers of a topic,
 * the units of some kinds, a subtree, the units with the words); undefined when it names none.
 */
function candidatesOf(graph: OrgGraph, filter: UnitFilter): ArrayLike<number> | undefined {
  const index = unitIndex(graph);
  const positionsOf = (units: readonly Unit[]) =>
    units.map((u) => index.positionOf.get(u.key) as number);
  const sets: (() => ArrayLike<number>)[] = [];
  const sizes: number[] = [];
  const add = (size: number, positions: () => ArrayLike<number>) => {
    sizes.push(size);
    sets.push(positions);
  };
  if (filter.parent) {
    const children = graph.childrenOf(filter.parent.key);
    add(children.length, () => positionsOf(children));
  }
  if (filter.topic) {
    const handlers = graph.unitsHandling(filter.topic.key);
    add(handlers.length, () => positionsOf(handlers));
  }
  if (filter.kinds && filter.kinds.length > 0) {
    const lists = [...new Set(filter.kinds)].map(
      (k) => index.positionsByKind.get(k) ?? new Int32Array(0),
    );
    const size = lists.reduce((n, l) => n + l.length, 0);
    add(size, () => (lists.length === 1 ? (lists[0] as Int32Array) : lists.flatMap((l) => [...l])));
  }
  if (filter.under) {
    const layout = treeLayout(graph);
    const at = layout.position.get(filter.under.key) as number;
    const end = layout.subtreeEnd[at] as number;
    add(end - at - 1, () => index.positionAtPlace.subarray(at + 1, end));
  }
  const words = wordsOf(filter);
  if (words.length > 0) {
    // The rarest word's units; the others are tested.
    const lists = words.map((w) => positionsWithPrefix(graph, w));
    const rarest = lists.reduce((a, b) => (b.length < a.length ? b : a));
    add(rarest.length, () => rarest);
  }
  if (sets.length === 0) return undefined;
  const smallest = sizes.indexOf(Math.min(...sizes));
  return (sets[smallest] as () => ArrayLike<number>)();
}

/** The words of a `text` filter, folded as names are. */
function wordsOf(filter: UnitFilter): string[] {
  return filter.text === undefined ? [] : foldText(filter.text).split(' ').filter(Boolean);
}

type Matcher = (unit: Unit, position: number) => boolean;

/** The filter's tests, none for an empty filter. */
function testsOf(graph: OrgGraph, filter: UnitFilter): Matcher[] {
  const tests: Matcher[] = [];
  if (filter.kinds && filter.kinds.length > 0) {
    const kinds = new Set(filter.kinds);
    tests.push((u) => kinds.has(u.kind));
  }
  const parent = filter.parent;
  if (parent) tests.push((u) => u.parent?.unitKey === parent.key);
  if (filter.under) {
    const layout = treeLayout(graph);
    const at = layout.position.get(filter.under.key) as number;
    const end = layout.subtreeEnd[at] as number;
    const { placeInTree } = unitIndex(graph);
    tests.push((_, position) => {
      const place = placeInTree[position] as number;
      return place > at && place < end;
    });
  }
  if (filter.topic) {
    const handlers = new Set(graph.unitsHandling(filter.topic.key).map((u) => u.key));
    tests.push((u) => handlers.has(u.key));
  }
  const words = wordsOf(filter);
  if (words.length > 0) {
    const haystacks = unitWords(graph);
    tests.push((_, position) => {
      const haystack = haystacks[position] as string;
      return words.every((w) => haystack.includes(` ${w}`));
    });
  }
  const period = filter.established;
  if (period) {
    tests.push(
      (u) =>
        u.established !== undefined &&
        overlaps(u.established, u.established, period.from, period.to),
    );
  }
  if (filter.at) {
    const view = graphAt(graph, filter.at);
    tests.push((u) => view.unit(u.key) !== undefined);
  }
  return tests;
}

/**
 * The units matching `filter`, in `order` (dataset order when absent), as positions to read a page
 * from. An empty filter and no order is the dataset's own list.
 */
export function unitList(
  graph: OrgGraph,
  filter: UnitFilter = {},
  order?: UnitOrder,
): Sequence<Unit> {
  const units = graph.units();
  const tests = testsOf(graph, filter);
  const rank = order ? ranking(graph, order) : undefined;
  if (tests.length === 0) {
    if (!rank) return sequenceOf(units);
    const inOrder = rank.order;
    return { length: inOrder.length, item: (i) => units[inOrder[i] as number] as Unit };
  }
  const select = () => selected(graph, filter, tests, rank);
  const { under, parent, topic, text, established, at } = filter;
  if (under && !parent && !topic && text === undefined && !established && !at) {
    // A subtree (of some kinds): its count is known from the tree layout, so a query of its
    // totalCount alone never reads it.
    let kept: ArrayLike<number> | undefined;
    return {
      length: descendantCount(under, filter.kinds),
      item: (i) => units[(kept ??= select())[i] as number] as Unit,
    };
  }
  const kept = select();
  return { length: kept.length, item: (i) => units[kept[i] as number] as Unit };
}

/** Positions of the units that pass every test, in the order (dataset order when absent). */
function selected(
  graph: OrgGraph,
  filter: UnitFilter,
  tests: readonly Matcher[],
  rank: Ranking | undefined,
): ArrayLike<number> {
  const units = graph.units();
  const matches = (position: number) =>
    tests.every((test) => test(units[position] as Unit, position));
  const candidates = candidatesOf(graph, filter);
  const kept: number[] = [];
  if (!candidates) {
    // Nothing narrows the list: read it all, in the order.
    const inOrder = rank?.order;
    for (let i = 0; i < units.length; i += 1) {
      const position = inOrder ? (inOrder[i] as number) : i;
      if (matches(position)) kept.push(position);
    }
    return kept;
  }
  if (candidates.length * 16 < units.length) {
    // A small set: test it, then sort it.
    for (let i = 0; i < candidates.length; i += 1) {
      const position = candidates[i] as number;
      if (matches(position)) kept.push(position);
    }
    // Sorted as numbers (places in the order, then back to positions): no comparator to call.
    if (!rank) return Int32Array.from(kept).sort();
    const places = Int32Array.from(kept, (position) => rank.place[position] as number).sort();
    return places.map((place) => rank.order[place] as number);
  }
  // A large set: mark where each match comes in the order, then read the marks in order (a pass
  // over bytes rather than a sort).
  const marks = new Uint8Array(units.length);
  for (let i = 0; i < candidates.length; i += 1) {
    const position = candidates[i] as number;
    if (matches(position)) marks[rank ? (rank.place[position] as number) : position] = 1;
  }
  for (let i = 0; i < marks.length; i += 1) {
    if (marks[i]) kept.push(rank ? (rank.order[i] as number) : i);
  }
  return kept;
}
