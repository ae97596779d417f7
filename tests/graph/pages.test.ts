/** Pages of a list by Relay's rules, and cursors that refuse to be used on other data. */
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/graph/input-error';
import { graphAt } from '../../src/graph/as-of';
import { loadSeed } from '../../src/graph/load-seed';
import { parsePartialDate, type PartialDate } from '../../src/graph/partial-date';
import { pageOf, recordPage, sequenceOf, type PageArgs } from '../../src/graph/page';
import type { Unit } from '../../src/graph/types';
import { defaultGraph, editFile, seedCopy } from '../kit';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const date = (text: string) => parsePartialDate(text) as PartialDate;

function refusal(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('a page of a list', () => {
  it('lists as its nodes the items of its edges, in the same order', async () => {
    const graph = await defaultGraph();
    const units = graph.units();
    for (const args of [{ first: 3 }, { last: 4 }, { first: 100 }, {}] as PageArgs[]) {
      const page = recordPage(graph, units, args);
      expect(page.nodes.map((u) => u.key)).toEqual(page.edges.map((e) => e.node.key));
      expect(page.nodes.length).toBeGreaterThan(0);
    }
  });

  it('pages forward with first/after through every item once, in order', async () => {
    const graph = await defaultGraph();
    const units = graph.units();
    for (const size of [1, 2, 3, 7, 100]) {
      const seen: string[] = [];
      let args: PageArgs = { first: size };
      for (;;) {
        const page = recordPage(graph, units, args);
        expect(page.totalCount).toBe(units.length);
        expect(page.edges.length).toBeLessThanOrEqual(size);
        seen.push(...page.edges.map((e) => e.node.key));
        expect(page.pageInfo.hasPreviousPage).toBe(seen.length > page.edges.length);
        if (!page.pageInfo.hasNextPage) break;
        expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1]?.cursor);
        args = { first: size, after: page.pageInfo.endCursor };
      }
      expect(seen).toEqual(units.map((u) => u.key));
    }
  });

  it('pages backward with last/before, and cuts both ways', async () => {
    const graph = await defaultGraph();
    const units = graph.units();
    const seen: string[] = [];
    let args: PageArgs = { last: 4 };
    for (;;) {
      const page = recordPage(graph, units, args);
      seen.unshift(...page.edges.map((e) => e.node.key));
      if (!page.pageInfo.hasPreviousPage) break;
      args = { last: 4, before: page.pageInfo.startCursor };
    }
    expect(seen).toEqual(units.map((u) => u.key));

    const all = recordPage(graph, units, { first: 100 });
    const between = recordPage(graph, units, {
      after: all.edges[2]?.cursor,
      before: all.edges[6]?.cursor,
    });
    expect(between.edges.map((e) => e.node.key)).toEqual(units.slice(3, 6).map((u) => u.key));
    expect(between.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it('gives 20 items by default and an empty last page past the end', async () => {
    const graph = await defaultGraph();
    const items = Array.from({ length: 45 }, (_, i) => ({ key: `k${i}` }));
    expect(recordPage(graph, items, {}).edges).toHaveLength(20);
    const last = recordPage(graph, items, { first: 100 });
    const after = recordPage(graph, items, { after: last.pageInfo.endCursor });
    expect(after.edges).toEqual([]);
    expect(after.pageInfo).toMatchObject({ hasNextPage: false, startCursor: null });
  });

  it.each([0, 101, -1, 2.5])('refuses a page size of %s, naming the argument', async (n) => {
    const graph = await defaultGraph();
    expect(refusal(() => recordPage(graph, graph.units(), { first: n })).argument).toBe('first');
    expect(refusal(() => recordPage(graph, graph.units(), { last: n })).argument).toBe('last');
  });

  it('refuses what is not a cursor of this server', async () => {
    const graph = await defaultGraph();
    for (const cursor of ['', 'abc', 'YWJj', '!!!', Buffer.from('c1|x|1').toString('base64url')]) {
      const error = refusal(() => recordPage(graph, graph.units(), { after: cursor }));
      expect(error.argument).toBe('after');
      expect(error.message).toContain('is not a cursor of this server');
    }
  });

  it('refuses a cursor of another list, of another date and of other data', async () => {
    const graph = await defaultGraph();
    const units = recordPage(graph, graph.units(), { first: 3 });
    const topics = recordPage(graph, graph.topics(), { first: 3 });
    expect(
      refusal(() => recordPage(graph, graph.topics(), { after: units.pageInfo.endCursor })).message,
    ).toContain('a cursor from another list');
    expect(
      refusal(() => recordPage(graph, graph.units(), { before: topics.pageInfo.endCursor }))
        .argument,
    ).toBe('before');

    const view = graphAt(graph, date('2009'));
    const inView = recordPage(view, view.units(), { first: 3 });
    expect(
      refusal(() => recordPage(graph, graph.units(), { after: inView.pageInfo.endCursor })).message,
    ).toContain('the view of 2009');
    // The same list of the same view takes its own cursors.
    expect(
      recordPage(view, view.units(), { after: inView.pageInfo.endCursor }).edges[0]?.node.key,
    ).toBe(view.units()[3]?.key);

    const dir = await seedCopy();
    dirs.push(dir);
    await editFile(dir, 'units.yaml', (text) => `${text}\n# an edit that changes the version\n`);
    const reloaded = await loadSeed(dir);
    expect(reloaded.meta.version).not.toBe(graph.meta.version);
    const error = refusal(() =>
      recordPage(reloaded, reloaded.units(), { after: units.pageInfo.endCursor }),
    );
    expect(error.message).toContain('another version of the data');
  });

  it('reads a lazy sequence without copying it', () => {
    let reads = 0;
    const sequence = {
      length: 1_000_000,
      item: (i: number): Unit => {
        reads += 1;
        return { key: `u${i}` } as Unit;
      },
    };
    return defaultGraph().then((graph) => {
      const page = pageOf(sequence, { first: 5 }, { graph, keyOf: (u) => u.key });
      expect(page.totalCount).toBe(1_000_000);
      expect(page.edges.map((e) => e.node.key)).toEqual(['u0', 'u1', 'u2', 'u3', 'u4']);
      expect(reads).toBe(5);
      expect(sequenceOf([1, 2]).item(1)).toBe(2);
    });
  });
});
