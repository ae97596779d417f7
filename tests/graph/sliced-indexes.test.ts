/**
 * Indexes built a slice at a time (the tree layout, the typed multigraph, the search index): the
 * warm-up's steps make the same index as a build all at once, a request that needs it meanwhile finishes the build under way, and a large graph takes
 * several steps, so the server answers requests in between.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrgInTemp } from '../../src/cli/seed-generate';
import { graphIndex } from '../../src/graph/graph-index';
import { perGraphInSlices, SLICE } from '../../src/graph/graph-memo';
import { loadSeed } from '../../src/graph/load-seed';
import { unitNameIndex, type OrgGraph } from '../../src/graph/org-graph';
import { DEFAULT_SEED_DIR } from '../../src/graph/project-paths';
import { search } from '../../src/graph/search/search';
import { searchIndexBuilt, searchIndexInSlices } from '../../src/graph/search/search-index';
import { rankedOrders, unitList, warmUnitOrder } from '../../src/graph/unit-list';
import { treeLayout } from '../../src/graph/unit-tree';
import { warmIndexesInTurns } from '../../src/graph/warm-indexes';

let large: OrgGraph;
let largeDir = '';
beforeAll(async () => {
  const generated = await generateOrgInTemp({ units: 3 * SLICE + 100, seed: 5 });
  largeDir = generated.dir;
  large = await loadSeed(largeDir);
});
afterAll(() => rm(largeDir, { recursive: true, force: true }));

describe('an index built in slices', () => {
  it('is the same index as one built at once, in several steps', async () => {
    const again = await loadSeed(largeDir);
    const edges = (graph: OrgGraph) =>
      [...graphIndex(graph).edges()].map((e) => [e.id, e.kind, e.basis, e.sources]);
    const layout = (graph: OrgGraph) => {
      const { order, subtreeEnd, depth, positionsByKind } = treeLayout(graph);
      return { order: order.map((u) => u.key), subtreeEnd, depth, positionsByKind };
    };
    for (const index of [treeLayout, graphIndex]) {
      expect([...index.inSlices(large)].length).toBeGreaterThanOrEqual(3);
      expect(index.has(large)).toBe(true);
    }
    expect(layout(large)).toStrictEqual(layout(again));
    expect(edges(large)).toEqual(edges(again));
    expect(edges(large).length).toBeGreaterThan(3 * SLICE);
    expect([...searchIndexInSlices(large)].length).toBeGreaterThanOrEqual(3);
    expect(searchIndexBuilt(large)).toBe(true);
    for (const text of ['cyber defence', 'logistique', 'plannig']) {
      const keys = (graph: OrgGraph) => search(graph, { text }).map((hit) => hit.key);
      expect(keys(large)).toEqual(keys(again));
      expect(keys(large).length).toBeGreaterThan(0);
    }
  });

  it('sorts the units by name in slices, as one sort of them all would', async () => {
    const fresh = await loadSeed(largeDir);
    const steps = [...warmUnitOrder(fresh, 'fr')].length;
    expect(steps).toBeGreaterThanOrEqual(4);
    expect(rankedOrders(fresh)).toEqual(['name:asc:fr']);
    const collator = new Intl.Collator('fr', { numeric: true });
    const units = fresh.units();
    const expected = units
      .map((u, i) => ({ u, i }))
      .sort((a, b) => collator.compare(a.u.name.fr, b.u.name.fr) || a.i - b.i)
      .map(({ u }) => u.key);
    const list = unitList(fresh, {}, { field: 'name', descending: false, lang: 'fr' });
    expect(Array.from({ length: list.length }, (_, i) => list.item(i).key)).toEqual(expected);
    const descending = unitList(fresh, {}, { field: 'name', descending: true, lang: 'en' });
    const english = new Intl.Collator('en', { numeric: true });
    for (let i = 1; i < descending.length; i++)
      expect(
        english.compare(descending.item(i - 1).name.en, descending.item(i).name.en),
      ).toBeGreaterThanOrEqual(0);
  });

  it('is finished at once by a request that needs it meanwhile', () => {
    let builds = 0;
    let slices = 0;
    const memo = perGraphInSlices(function* () {
      builds += 1;
      for (let i = 0; i < 5; i++) {
        slices += 1;
        yield;
      }
      return 'built';
    });
    const steps = memo.inSlices(large)[Symbol.iterator]();
    steps.next();
    steps.next();
    expect(memo.has(large)).toBe(false);
    expect(memo(large)).toBe('built');
    expect(steps.next().done).toBe(true);
    expect([builds, slices]).toEqual([1, 5]);
    expect([...memo.inSlices(large)]).toEqual([]);
  });

  it('lets the warm-up pause between slices of one index', async () => {
    const graph = await loadSeed(largeDir);
    let pauses = 0;
    let pausesInTreeLayout = 0;
    await warmIndexesInTurns(graph, async () => {
      pauses += 1;
      if (unitNameIndex.has(graph) && !treeLayout.has(graph)) pausesInTreeLayout += 1;
    });
    expect(pausesInTreeLayout).toBeGreaterThan(2);
    expect(pauses).toBeGreaterThan(10);
  });

  it('takes one step on a small graph', async () => {
    const graph = await loadSeed(DEFAULT_SEED_DIR);
    expect([...treeLayout.inSlices(graph)]).toEqual([]);
  });
});
