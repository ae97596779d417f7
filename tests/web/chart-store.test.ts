/**
 * The chart's store of loaded units, on a small made-up tree served by a fake loader: what is
 * drawn where, what expanding, "show more", collapsing, "only this branch" and revealing load
 * and free.
 */
import { describe, expect, it } from 'vitest';
import type { BranchStep, ChartUnit, UnitPage } from '../../web/src/api';
import { ChartStore, type ChartLoader } from '../../web/src/chart-store';

/** root → a, b; a → a1…a5; a1 → a1x; b → b1. */
const PARENT: Record<string, string | null> = {
  root: null,
  a: 'root',
  b: 'root',
  a1: 'a',
  a2: 'a',
  a3: 'a',
  a4: 'a',
  a5: 'a',
  a1x: 'a1',
  b1: 'b',
};
const keys = Object.keys(PARENT);
const childrenOf = (key: string) => keys.filter((k) => PARENT[k] === key);
const below = (key: string): string[] => childrenOf(key).flatMap((k) => [k, ...below(k)]);

function unit(key: string): ChartUnit {
  const parent = PARENT[key] ?? null;
  return {
    key,
    kind: key === 'root' ? 'ORGANIZATION' : 'OFFICE',
    name: key.toUpperCase(),
    acronym: null,
    // As the API gives it: nobody reports to the organisation itself.
    reportsTo: parent && parent !== 'root' ? { key: parent } : null,
    parent: parent ? { key: parent } : null,
    head: null,
    childCount: childrenOf(key).length,
    descendantCount: below(key).length,
  };
}

function page(key: string, after: string | null, first: number): UnitPage {
  const all = childrenOf(key);
  const start = after ? Number(after) : 0;
  const nodes = all.slice(start, start + first).map(unit);
  const end = start + nodes.length;
  return {
    totalCount: all.length,
    pageInfo: { hasNextPage: end < all.length, endCursor: String(end) },
    nodes,
  };
}

function fakeLoader(calls: string[]): ChartLoader {
  return {
    children: async (key, after, first) => {
      calls.push(`children ${key} ${after ?? '-'}`);
      return page(key, after, first);
    },
    childrenOfEach: async (list, first) => {
      calls.push(`childrenOfEach ${list.join(',')}`);
      return new Map(list.map((k) => [k, page(k, null, first)]));
    },
    branch: async (key, first) => {
      calls.push(`branch ${key}`);
      if (!(key in PARENT)) return null;
      const ancestors: BranchStep[] = [];
      for (let up = PARENT[key]; up; up = PARENT[up] ?? null)
        ancestors.unshift({ ...unit(up), units: page(up, null, first) });
      return { unit: unit(key), ancestors };
    },
  };
}

const drawnUnder = (store: ChartStore) =>
  Object.fromEntries(store.all().map((u) => [u.key, store.superiorOf(u)]));

describe('the chart store', () => {
  it('starts a large organisation with the levels that fit the budget, under the root', async () => {
    const calls: string[] = [];
    const store = new ChartStore(fakeLoader(calls), { boxes: 5, page: 3 });
    await store.loadTop(unit('root'), page('root', null, 3));
    // a and b fit; their sub-units (3 + 1, plus a box each) would not.
    expect(drawnUnder(store)).toEqual({ root: null, a: 'root', b: 'root' });
    expect(calls).toEqual([]);
    const roomy = new ChartStore(fakeLoader(calls), { boxes: 50, page: 3 });
    await roomy.loadTop(unit('root'), page('root', null, 3));
    expect(roomy.all().map((u) => u.key)).toEqual([
      'root',
      'a',
      'b',
      'a1',
      'a2',
      'a3',
      'b1',
      'a1x',
    ]);
    expect(roomy.hiddenChildren('a')).toBe(2);
  });

  it('expands a page at a time, shows more, and collapsing frees the branch', async () => {
    const calls: string[] = [];
    const store = new ChartStore(fakeLoader(calls), { boxes: 5, page: 3 });
    await store.loadTop(unit('root'), page('root', null, 3));
    await store.expand('a');
    expect(store.displayChildren().get('a')).toEqual(['a1', 'a2', 'a3']);
    expect(store.hiddenChildren('a')).toBe(2);
    await store.showMore('a');
    expect(store.displayChildren().get('a')).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(store.hiddenChildren('a')).toBe(0);
    await store.expand('a1');
    expect(store.has('a1x')).toBe(true);
    store.collapse('a');
    expect(store.all().map((u) => u.key)).toEqual(['root', 'a', 'b']);
    expect(store.isExpanded('a')).toBe(false);
    expect(store.isExpanded('a1')).toBe(false);
    expect(calls).toEqual(['children a -', 'children a 3', 'children a1 -']);
  });

  it('keeps only the selected branch, the rest a "show more" away', async () => {
    const store = new ChartStore(fakeLoader([]), { boxes: 50, page: 3 });
    await store.loadTop(unit('root'), page('root', null, 3));
    store.onlyBranch('a2');
    expect(drawnUnder(store)).toEqual({ root: null, a: 'root', a2: 'a' });
    expect(store.hiddenChildren('root')).toBe(1);
    expect(store.hiddenChildren('a')).toBe(4);
    await store.showMore('a');
    expect(store.displayChildren().get('a')).toEqual(['a2', 'a1', 'a3']);
    await store.showMore('root');
    expect(store.has('b')).toBe(true);
  });

  it('reveals a deep unit by loading the branches above it', async () => {
    const calls: string[] = [];
    const store = new ChartStore(fakeLoader(calls), { boxes: 5, page: 3 });
    await store.loadTop(unit('root'), page('root', null, 3));
    expect(await store.reveal('a1x')).toBe(true);
    expect(store.pathTo('a1x')).toEqual(['root', 'a', 'a1', 'a1x']);
    expect(store.displayChildren().get('a')).toEqual(['a1', 'a2', 'a3']);
    expect(await store.reveal('a1x')).toBe(true);
    expect(await store.reveal('nowhere')).toBe(false);
    expect(calls).toEqual(['branch a1x', 'branch nowhere']);
  });

  it('draws a small organisation whole, units reporting to nobody at the top', () => {
    const store = new ChartStore(fakeLoader([]), { boxes: 5, page: 3 });
    store.loadWhole(keys.map(unit));
    expect(drawnUnder(store)).toMatchObject({ root: null, a: null, b: null, a1: 'a', a1x: 'a1' });
    expect(store.isExpanded('a')).toBe(true);
    expect(store.isExpanded('root')).toBe(false);
    expect(store.hiddenChildren('a')).toBe(0);
  });
});
