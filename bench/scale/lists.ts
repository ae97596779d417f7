/**
 * The lists of issue 12 at scale, in-process: a page of 100 units filtered and ordered by name, the
 * count of a subtree, and the deepest page of a subtree's descendants; each through the domain
 * (what the resolver calls) and through GraphQL execution. Several rounds of tinybench; the median
 * of the rounds' p50 is compared with the floor.
 *
 * Called by bench/scale/run.ts on its generated organisation; alone:
 *   tsx bench/scale/lists.ts [--dir DIR] [--units N] [--rounds N] [--time MS]
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execute, parse, validate, type DocumentNode } from 'graphql';
import { Bench } from 'tinybench';
import { generateOrgInTemp } from '../../src/cli/seed-generate';
import { loadSeed } from '../../src/graph/load-seed';
import type { OrgGraph } from '../../src/graph/org-graph';
import { pageOf, recordPage } from '../../src/graph/page';
import type { Unit } from '../../src/graph/types';
import { unitList, type UnitFilter, type UnitOrder } from '../../src/graph/unit-list';
import { descendantCount, descendants } from '../../src/graph/unit-tree';
import { warmIndexes } from '../../src/graph/warm-indexes';
import { createContext } from '../../src/schema/context';
import { schema } from '../../src/schema/index';

/** The floors issue 12 sets at 100,000 units (p50, milliseconds). */
const FLOORS_MS = { page: 2, count: 1, deepest: 2 } as const;

const BY_NAME: UnitOrder = { field: 'name', descending: false, lang: 'en' };

interface Case {
  readonly name: string;
  readonly floor?: keyof typeof FLOORS_MS;
  readonly run: () => unknown;
}

/** Calls `run` on each input in turn, one input per call. */
function cycle<T>(inputs: readonly T[], run: (input: T) => unknown): () => unknown {
  let i = 0;
  return () => run(inputs[i++ % inputs.length] as T);
}

/** Runs a GraphQL document in-process on the graph, failing loudly on an error. */
function executor(graph: OrgGraph): (document: DocumentNode, variables: object) => Promise<void> {
  return async (document, variables) => {
    const invalid = validate(schema, document);
    if (invalid.length > 0) throw new Error(invalid.map((e) => e.message).join('; '));
    const context = createContext(graph, 'en');
    const result = await execute({
      schema,
      document,
      variableValues: variables as Record<string, unknown>,
      contextValue: context,
      rootValue: context.root,
    });
    if (result.errors) throw new Error(result.errors.map((e) => e.message).join('; '));
  };
}

const PAGE_QUERY = parse(/* GraphQL */ `
  query ($filter: UnitFilter, $orderBy: UnitOrder) {
    units(first: 100, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
        }
      }
    }
  }
`);
const COUNT_QUERY = parse(/* GraphQL */ `
  query ($under: String!) {
    units(first: 1, filter: { under: $under }) {
      totalCount
    }
  }
`);
const DEEPEST_QUERY = parse(/* GraphQL */ `
  query ($unit: String!, $after: String!) {
    unit(name: $unit) {
      descendants(first: 100, after: $after) {
        edges {
          node {
            depth
            unit {
              id
              name
            }
          }
        }
      }
    }
  }
`);

/** What is asked: big subtrees, the kinds inside them, words of names found in them. */
function casesFor(graph: OrgGraph): Case[] {
  const units = graph.units();
  const tops = [...units].sort((a, b) => descendantCount(b) - descendantCount(a));
  const root = tops[0] as Unit;
  // The second level down: big subtrees (a few thousand units each at 100,000).
  const subtrees = tops.filter((u) => graph.depthOf(u.key) === 1).slice(0, 8);
  const kinds = [...new Set(units.map((u) => u.kind))];
  const filters: UnitFilter[] = subtrees.flatMap((under, i) => {
    const inside = descendants(under);
    const sample = inside.item(Math.floor(inside.length / 2)).unit;
    const word = sample.name.en.split(' ')[0] as string;
    return [
      { under, kinds: [sample.kind] },
      { under, text: word },
      { kinds: [kinds[i % kinds.length] as string], text: word },
    ];
  });
  const variablesOf = (f: UnitFilter) => ({
    filter: {
      under: f.under?.key,
      kind: f.kinds?.map((k) => k.toUpperCase().replace(/-/g, '_')),
      text: f.text,
    },
    orderBy: { field: 'NAME', lang: 'EN' },
  });
  const all = descendants(root);
  const keyOf = (d: { unit: Unit }) => d.unit.key;
  // The cursor of the descendant just before the last 100 of the whole organisation: the last
  // item of the list cut there has the same position and key, so the same cursor.
  const cut = all.length - 101;
  const deepAfter = pageOf(
    { length: cut + 1, item: (i) => all.item(i) },
    { last: 1 },
    {
      graph,
      keyOf,
    },
  ).pageInfo.endCursor as string;
  const run = executor(graph);
  return [
    {
      name: 'units page: filter + orderBy name',
      floor: 'page',
      run: cycle(filters, (f) => recordPage(graph, unitList(graph, f, BY_NAME), { first: 100 })),
    },
    {
      name: '  the same through GraphQL',
      run: cycle(filters, (f) => run(PAGE_QUERY, variablesOf(f))),
    },
    {
      name: 'totalCount of a subtree',
      floor: 'count',
      run: cycle(subtrees, (under) => unitList(graph, { under }).length),
    },
    {
      name: '  the same through GraphQL',
      run: cycle(subtrees, (under) => run(COUNT_QUERY, { under: under.key })),
    },
    {
      name: 'deepest descendants page',
      floor: 'deepest',
      run: () => pageOf(descendants(root), { first: 100, after: deepAfter }, { graph, keyOf }),
    },
    {
      name: '  the same through GraphQL',
      run: () => run(DEEPEST_QUERY, { unit: root.key, after: deepAfter }),
    },
  ];
}

export interface ListRow {
  readonly name: string;
  /** Median over the rounds of each round's p50, in milliseconds. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly floorMs?: number;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;

/** Times the list operations on a graph and prints one row each. */
export async function benchLists(
  graph: OrgGraph,
  { rounds = 3, time = 500 }: { rounds?: number; time?: number } = {},
): Promise<ListRow[]> {
  const cases = casesFor(graph);
  const p50s = new Map<string, number[]>();
  const p99s = new Map<string, number[]>();
  for (let round = 0; round < rounds; round += 1) {
    const bench = new Bench({ time, warmupTime: 100 });
    cases.forEach((c, i) => bench.add(`${i}`, c.run));
    await bench.warmup();
    await bench.run();
    for (const task of bench.tasks) {
      const samples = [...(task.result?.samples ?? [])].sort((a, b) => a - b);
      const at = (p: number) =>
        samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? NaN;
      p50s.set(task.name, [...(p50s.get(task.name) ?? []), at(0.5)]);
      p99s.set(task.name, [...(p99s.get(task.name) ?? []), at(0.99)]);
    }
  }
  const rows = cases.map((c, i): ListRow => {
    const row = {
      name: c.name,
      p50Ms: median(p50s.get(`${i}`) ?? []),
      p99Ms: median(p99s.get(`${i}`) ?? []),
    };
    return c.floor ? { ...row, floorMs: FLOORS_MS[c.floor] } : row;
  });
  console.log(
    `\nlists at ${graph.counts().units} units, in-process (median of ${rounds} rounds of p50 / p99):`,
  );
  for (const row of rows) {
    const verdict =
      row.floorMs === undefined
        ? ''
        : `p50 < ${row.floorMs} ms: ${row.p50Ms < row.floorMs ? 'pass' : 'FAIL'}`;
    console.log(
      `  ${row.name.padEnd(38)} ${`${row.p50Ms.toFixed(3)} ms / ${row.p99Ms.toFixed(3)} ms`.padEnd(26)} ${verdict}`,
    );
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      units: { type: 'string', default: '100000' },
      rounds: { type: 'string', default: '3' },
      time: { type: 'string', default: '500' },
    },
  });
  const dir = values.dir ?? (await generateOrgInTemp({ units: Number(values.units) })).dir;
  const graph = warmIndexes(await loadSeed(dir));
  await benchLists(graph, { rounds: Number(values.rounds), time: Number(values.time) });
  if (!values.dir) await rm(dir, { recursive: true, force: true });
}
