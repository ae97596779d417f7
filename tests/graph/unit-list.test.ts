/**
 * The root units list: every filter and order agrees with a plain reference (filter the dataset's
 * list, then sort it with Intl.Collator), on the default dataset and a generated one.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrgInTemp } from '../../src/cli/seed-generate';
import { graphAt } from '../../src/graph/as-of';
import { foldText } from '../../src/graph/normalize';
import { loadSeed } from '../../src/graph/load-seed';
import type { OrgGraph } from '../../src/graph/org-graph';
import { itemsOf } from '../../src/graph/page';
import {
  comparePartialDates,
  overlaps,
  parsePartialDate,
  type PartialDate,
} from '../../src/graph/partial-date';
import type { Unit } from '../../src/graph/types';
import { unitList, type UnitFilter, type UnitOrder } from '../../src/graph/unit-list';
import { childCount, descendantCount, isBelow } from '../../src/graph/unit-tree';
import { defaultGraph } from '../kit';

const date = (text: string) => parsePartialDate(text) as PartialDate;
const keys = (units: readonly Unit[]) => units.map((u) => u.key);

/** What the list must hold, worked out the slow, obvious way. */
function reference(graph: OrgGraph, filter: UnitFilter, order?: UnitOrder): Unit[] {
  const view = filter.at && graphAt(graph, filter.at);
  const handlers = filter.topic && new Set(keys(graph.unitsHandling(filter.topic.key)));
  const words = filter.text ? foldText(filter.text).split(' ').filter(Boolean) : [];
  const kept = graph.units().filter((u) => {
    if (filter.kinds?.length && !filter.kinds.includes(u.kind)) return false;
    if (filter.parent && u.parent?.unitKey !== filter.parent.key) return false;
    if (filter.under && !isBelow(u, filter.under)) return false;
    if (handlers && !handlers.has(u.key)) return false;
    if (view && !view.unit(u.key)) return false;
    const period = filter.established;
    if (
      period &&
      !(u.established && overlaps(u.established, u.established, period.from, period.to))
    )
      return false;
    if (words.length > 0) {
      const texts = [
        ...Object.values(u.name),
        ...Object.values(u.acronym ?? {}),
        ...u.aliases.map((a) => a.text),
      ].flatMap((t) => foldText(t).split(' '));
      if (!words.every((w) => texts.some((t) => t.startsWith(w)))) return false;
    }
    return true;
  });
  if (!order) return kept;
  const collator = new Intl.Collator(order.lang, { numeric: true });
  const index = new Map(graph.units().map((u, i) => [u.key, i]));
  const sign = order.descending ? -1 : 1;
  const compare = (a: Unit, b: Unit): number => {
    switch (order.field) {
      case 'name':
        return sign * collator.compare(a.name[order.lang], b.name[order.lang]);
      case 'childCount':
        return sign * (childCount(a) - childCount(b));
      case 'descendantCount':
        return sign * (descendantCount(a) - descendantCount(b));
      case 'established':
        if (!a.established || !b.established)
          return (a.established ? 0 : 1) - (b.established ? 0 : 1);
        return sign * comparePartialDates(a.established, b.established);
    }
  };
  return [...kept].sort((a, b) => compare(a, b) || index.get(a.key)! - index.get(b.key)!);
}

describe('the units of the default dataset', () => {
  it('lists every unit in dataset order without a filter', async () => {
    const graph = await defaultGraph();
    expect(keys(itemsOf(unitList(graph)))).toEqual(keys(graph.units()));
  });

  it('filters by kind, parent, subtree, topic, name, dates and validity', async () => {
    const graph = await defaultGraph();
    const staff = graph.unit('international-staff')!;
    const list = (filter: UnitFilter) => keys(itemsOf(unitList(graph, filter)));
    expect(list({ kinds: ['division'] })).toHaveLength(7);
    expect(list({ kinds: ['division', 'office'] })).toHaveLength(11);
    expect(list({ parent: staff })).toEqual(keys(graph.childrenOf(staff.key)));
    expect(list({ under: staff })).toHaveLength(16);
    expect(list({ under: staff, kinds: ['cabinet-unit'] })).toHaveLength(4);
    expect(list({ topic: graph.topic('cyber-defence') })).toEqual(['emerging-security-challenges']);
    expect(list({ text: 'secur off' })).toEqual(['nato-office-of-security']);
    expect(list({ text: 'SÉCURITÉ émergents' })).toEqual(['emerging-security-challenges']);
    expect(list({ text: 'NOS' })).toEqual(['nato-office-of-security']);
    expect(list({ established: { from: date('2010') } })).toEqual(['emerging-security-challenges']);
    expect(list({ at: date('2009-06-01') })).not.toContain('emerging-security-challenges');
    expect(list({ at: date('2009-06-01') })).toEqual(
      keys(graphAt(graph, date('2009-06-01')).units()),
    );
    expect(list({ kinds: ['division'], text: 'zzz' })).toEqual([]);
  });

  it('orders names with each language’s collation, ties in dataset order', async () => {
    const graph = await defaultGraph();
    for (const lang of ['en', 'fr'] as const) {
      for (const descending of [false, true]) {
        const order: UnitOrder = { field: 'name', descending, lang };
        expect(keys(itemsOf(unitList(graph, {}, order)))).toEqual(
          keys(reference(graph, {}, order)),
        );
      }
    }
    const fr = itemsOf(
      unitList(graph, { kinds: ['division'] }, { field: 'name', descending: false, lang: 'fr' }),
    );
    expect(fr[0]?.name.fr).toBe('Division Affaires politiques et politique de sécurité');
  });

  it('puts units without an established date last, whichever the direction', async () => {
    const graph = await defaultGraph();
    for (const descending of [false, true]) {
      const listed = itemsOf(unitList(graph, {}, { field: 'established', descending, lang: 'en' }));
      const dated = listed.filter((u) => u.established);
      expect(listed.slice(0, dated.length)).toEqual(dated);
      expect(keys(listed)).toEqual(
        keys(reference(graph, {}, { field: 'established', descending, lang: 'en' })),
      );
    }
  });
});

describe('the units of a generated organisation', () => {
  let graph: OrgGraph;
  let dir: string;
  beforeAll(async () => {
    dir = (await generateOrgInTemp({ units: 3000, seed: 12 })).dir;
    graph = await loadSeed(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('agrees with the reference for every combination of filters and orders tried', () => {
    const units = graph.units();
    const pick = (i: number) => units[(i * 7919) % units.length]!;
    const kinds = [...new Set(units.map((u) => u.kind))];
    const topics = graph.topics();
    const names = units.slice(0, 40).map((u) => u.name.en.split(' ')[0]!.slice(0, 4));
    const years = units.flatMap((u) => (u.established ? [u.established] : []));
    const orders: (UnitOrder | undefined)[] = [
      undefined,
      ...(['name', 'established', 'childCount', 'descendantCount'] as const).flatMap((field) =>
        [false, true].map((descending) => ({ field, descending, lang: 'en' as const })),
      ),
      { field: 'name', descending: false, lang: 'fr' },
    ];
    let checked = 0;
    let nonEmpty = 0;
    for (let i = 0; i < 60; i += 1) {
      const filter: UnitFilter = {
        kinds:
          i % 3 === 0 ? [kinds[i % kinds.length]!] : i % 5 === 0 ? kinds.slice(0, 2) : undefined,
        parent: i % 7 === 0 ? pick(i) : undefined,
        under: i % 4 === 1 ? pick(i + 1) : i % 11 === 0 ? units[0] : undefined,
        topic: i % 6 === 2 ? topics[i % topics.length] : undefined,
        text: i % 5 === 3 ? names[i % names.length] : undefined,
        established:
          i % 4 === 2
            ? { from: years[i % years.length], to: i % 8 === 2 ? undefined : date('2030') }
            : undefined,
      };
      if (reference(graph, filter).length > 0) nonEmpty += 1;
      for (const order of orders) {
        expect(keys(itemsOf(unitList(graph, filter, order))), JSON.stringify({ i, order })).toEqual(
          keys(reference(graph, filter, order)),
        );
        checked += 1;
      }
    }
    expect(checked).toBe(60 * orders.length);
    // Many of the filters tried find something, so the comparison says something.
    expect(nonEmpty).toBeGreaterThan(20);
  });
});
