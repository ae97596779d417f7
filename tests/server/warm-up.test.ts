/**
 * A graph the server serves has its indexes built, the units' name orders in every language among
 * them, so the first ordered page does not sort: a reloaded graph before it is swapped in, the
 * first graph just after the server is ready (one index per turn of the event loop).
 */
import { describe, expect, it } from 'vitest';
import { graphIndex } from '../../src/graph/graph-index';
import { loadSeed } from '../../src/graph/load-seed';
import { DEFAULT_SEED_DIR } from '../../src/graph/project-paths';
import { searchIndexBuilt } from '../../src/graph/search/search-index';
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

  it('builds the first graph’s indexes after it is opened, and a reloaded one’s before the swap', async () => {
    const store = await GraphStore.open(DEFAULT_SEED_DIR);
    const first = store.current;
    expect(treeLayout.has(first)).toBe(false);
    const warming = store.warmUp();
    // Not all at once: the first step waits for the event loop's next turn.
    expect(graphIndex.has(first)).toBe(false);
    await warming;
    expect(rankedOrders(first)).toEqual(expect.arrayContaining(WARM));
    expect(treeLayout.has(first)).toBe(true);
    expect(graphIndex.has(first)).toBe(true);
    expect(searchIndexBuilt(first)).toBe(true);

    const reloaded = await store.reload();
    expect(reloaded).not.toBe(first);
    expect(store.current).toBe(reloaded);
    expect(rankedOrders(reloaded)).toEqual(expect.arrayContaining(WARM));
    expect(treeLayout.has(reloaded)).toBe(true);
    expect(searchIndexBuilt(reloaded)).toBe(true);
  });

  it('builds nothing while its pause holds (the server’s: a request in flight), then everything', async () => {
    const store = await GraphStore.open(DEFAULT_SEED_DIR);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let pauses = 0;
    const warming = store.warmUp(() => {
      pauses += 1;
      return held;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pauses).toBe(1);
    expect(treeLayout.has(store.current)).toBe(false);
    expect(graphIndex.has(store.current)).toBe(false);
    release();
    await warming;
    expect(pauses).toBeGreaterThan(1);
    expect(treeLayout.has(store.current)).toBe(true);
    expect(searchIndexBuilt(store.current)).toBe(true);
  });
});
