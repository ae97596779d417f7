/**
 * A graph the server loads (at start and on reload) has its indexes built before it is served,
 * the units' name orders in every language among them, so the first ordered page does not sort.
 */
import { describe, expect, it } from 'vitest';
import { graphIndex } from '../../src/graph/graph-index';
import { loadSeed } from '../../src/graph/load-seed';
import { DEFAULT_SEED_DIR } from '../../src/graph/project-paths';
import { rankedOrders } from '../../src/graph/unit-list';
import { treeLayout } from '../../src/graph/unit-tree';
import { GraphStore } from '../../src/server/graph-store';

const WARM = ['name:asc:en', 'name:asc:fr'];

describe('the index warm-up', () => {
  it('is not done by loading alone', async () => {
    const graph = await loadSeed(DEFAULT_SEED_DIR);
    expect(treeLayout.has(graph)).toBe(false);
    expect(rankedOrders(graph)).toEqual([]);
  });

  it('builds the name orders and the tree layout before a loaded graph is served', async () => {
    const store = await GraphStore.open(DEFAULT_SEED_DIR);
    const first = store.current;
    expect(rankedOrders(first)).toEqual(expect.arrayContaining(WARM));
    expect(treeLayout.has(first)).toBe(true);
    expect(graphIndex.has(first)).toBe(true);

    const reloaded = await store.reload();
    expect(reloaded).not.toBe(first);
    expect(store.current).toBe(reloaded);
    expect(rankedOrders(reloaded)).toEqual(expect.arrayContaining(WARM));
    expect(treeLayout.has(reloaded)).toBe(true);
  });
});
