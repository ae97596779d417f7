/**
 * The units of a graph that match a filter, in a chosen order: what the root `units` list pages
 * through. The filter narrows to the smallest structural set it names first (a unit's children, a
 * subtree, the handlers of a topic, the units of some kinds), then tests the rest on each unit;
 * the orders are computed once per graph and language, so a page of a sorted list costs a pass
 * over the candidates rather than a sort (bench:scale times a filtered, name-sorted page at
 * 100,000 units).
 */
import { graphAt } from './as-of';
import { perGraph } from './graph-memo';
import { foldText } from './normalize';
import type { OrgGraph } from './org-graph';
import { overlaps, startOf, type PartialDate } from './partial-date';
import { sequenceOf, type Sequence } from './page';
import type { Lang, Topic, Unit } from './types';
import { childCount, descendantCount, isBelow, treeLayout } from './unit-tree';

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
  /** The rankings already computed, by order. */
  readonly rankings: Map<string, Ranking>;
}

const unitIndex = perGraph((graph: OrgGraph): UnitIndex => ({
  positionOf: new Map(graph.units().map((u, i) => [u.key, i])),
  rankings: new Map(),
}));

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

/**
 * The units in one order, ties in dataset order; units with no value (no established date) last
 * in either direction.
 */
function ranking(graph: OrgGraph, order: UnitOrder): Ranking {
  const index = unitIndex(graph);
  const id = `${order.field}:${order.descending ? 'desc' : 'asc'}:${order.field === 'name' ? order.lang : ''}`;
  const known = index.rankings.get(id);
  if (known) return known;
  const units = graph.units();
  const keyOf = sortKeyOf(order);
  const keys = units.map(keyOf);
  const collator = new Intl.Collator(order.lang, { numeric: true });
  const sign = order.descending ? -1 : 1;
  const positions = Array.from(units, (_, i) => i);
  positions.sort((a, b) => {
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
  });
  const place = new Int32Array(units.length);
  positions.forEach((position, i) => (place[position] = i));
  const result = { order: Int32Array.from(positions), place };
  index.rankings.set(id, result);
  return result;
}

/** Computes the orders the chart and clients ask for first, so no request pays for them. */
export function warmUnitOrders(graph: OrgGraph, langs: readonly Lang[]): void {
  for (const lang of langs) ranking(graph, { field: 'name', descending: false, lang });
}

/** The orders already computed for a graph (`name:asc:en`…), for a warm-up to be checked. */
export function rankedOrders(graph: OrgGraph): string[] {
  return [...unitIndex(graph).rankings.keys()];
}

/** The structural set a filter names, smallest first; undefined when it names none. */
function candidatesOf(graph: OrgGraph, filter: UnitFilter): readonly Unit[] | undefined {
  const sets: (readonly Unit[])[] = [];
  if (filter.parent) sets.push(graph.childrenOf(filter.parent.key));
  if (filter.topic) sets.push(graph.unitsHandling(filter.topic.key));
  if (filter.kinds && filter.kinds.length > 0) {
    const kinds = [...new Set(filter.kinds)];
    sets.push(kinds.length === 1 ? graph.units(kinds[0]) : kinds.flatMap((k) => graph.units(k)));
  }
  if (filter.under) {
    const layout = treeLayout(graph);
    const at = layout.position.get(filter.under.key) as number;
    sets.push(layout.order.slice(at + 1, layout.subtreeEnd[at]));
  }
  if (sets.length === 0) return undefined;
  return sets.reduce((a, b) => (b.length < a.length ? b : a));
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
  const under = filter.under;
  if (under) tests.push((u) => isBelow(u, under));
  if (filter.topic) {
    const handlers = new Set(graph.unitsHandling(filter.topic.key).map((u) => u.key));
    tests.push((u) => handlers.has(u.key));
  }
  const words = filter.text === undefined ? [] : foldText(filter.text).split(' ').filter(Boolean);
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
  const index = unitIndex(graph);
  const tests = testsOf(graph, filter);
  const candidates = candidatesOf(graph, filter);
  const rank = order ? ranking(graph, order) : undefined;
  if (tests.length === 0) {
    if (!rank) return sequenceOf(units);
    const inOrder = rank.order;
    return { length: inOrder.length, item: (i) => units[inOrder[i] as number] as Unit };
  }
  const matches: Matcher = (unit, position) => tests.every((test) => test(unit, position));
  let kept: number[];
  if (candidates && (!rank || candidates.length * 16 < units.length)) {
    // A small set: test it, then put it in order.
    kept = [];
    for (const unit of candidates) {
      const position = index.positionOf.get(unit.key) as number;
      if (matches(unit, position)) kept.push(position);
    }
    if (rank) {
      const { place } = rank;
      kept.sort((a, b) => (place[a] as number) - (place[b] as number));
    } else {
      kept.sort((a, b) => a - b);
    }
  } else {
    // A large share of the graph: read the whole order and keep what matches.
    kept = [];
    const inOrder = rank?.order;
    for (let i = 0; i < units.length; i += 1) {
      const position = inOrder ? (inOrder[i] as number) : i;
      if (matches(units[position] as Unit, position)) kept.push(position);
    }
  }
  return { length: kept.length, item: (i) => units[kept[i] as number] as Unit };
}
