/**
 * Compiled operations (graphql-jit, src/server/execution.ts) answer exactly as yoga's executor:
 * every GraphiQL example, the benchmark's queries and some failing ones, byte for byte and with
 * the same status, on the runs that are compiled; and documents nesting units deeply, which
 * graphql-jit would take minutes and gigabytes to compile, are answered as quickly as the rest.
 */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index';
import { compiledFields } from '../../src/server/compiled-size';
import { defaultConfig } from '../../src/server/config';
import { EXAMPLES } from '../../src/server/examples';
import { GraphStore } from '../../src/server/graph-store';
import { createOrgYoga, type OrgYoga } from '../../src/server/yoga';
import { WORKLOADS } from '../../bench/http/workloads';
import { defaultGraph } from '../kit';

const graph = await defaultGraph();
const yogaWith = (compileQueries: boolean) =>
  createOrgYoga({
    store: new GraphStore(graph),
    config: defaultConfig({ mode: 'production', responseCache: false, compileQueries }),
    logging: false,
  });

interface Ask {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly accept?: string;
}

async function answer(yoga: OrgYoga, ask: Ask): Promise<string> {
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: ask.accept ?? 'application/graphql-response+json',
      'accept-language': 'fr',
    },
    body: JSON.stringify({ query: ask.query, variables: ask.variables ?? {} }),
  });
  return `${response.status} ${await response.text()}`;
}

const LINE = 'query Line($unit: String!) { reportingLine(unit: $unit) { key name kind } }';
const ASKS: Ask[] = [
  ...EXAMPLES.map((e) => ({ query: e.query })),
  ...WORKLOADS.filter((w) => w.dataset === 'default').flatMap((w) => w.requests(graph)),
  // Failing ones: the compiled run reports errors, and yoga's executor gives the answer.
  { query: LINE, variables: {} },
  { query: LINE, variables: { unit: 5 } },
  { query: LINE, variables: { unit: null }, accept: 'application/json' },
  { query: '{ search(text: "defence", first: 1000) { edges { cursor } } }' },
  { query: `{ whoHandles(topic: "${'x'.repeat(201)}") { name } }` },
  { query: '{ unit(name: "no such unit") { name } divisions { name(lang: FR) acronym } }' },
  // Deep nestings of units: interpreted, however often they run.
  {
    query:
      '{ unit(name: "NOS") { key parent { key parent { key parent { key parent { key parent { key name } } } } } } }',
  },
  {
    query:
      '{ organization { units(first: 3) { nodes { units(first: 3) { nodes { units(first: 3) { nodes { units(first: 3) { nodes { key name } } } } } } } } } }',
  },
];

/** Runs of a document until it has run compiled twice (larger ones wait a run per 100 fields). */
const runsOf = (ask: Ask) =>
  Math.min(Math.ceil(compiledFields(schema, parse(ask.query), undefined, 10_000) / 100), 100) + 3;

describe('compiled operations', () => {
  it('answer byte for byte as yoga’s executor, on every run', async () => {
    const compiled = yogaWith(true);
    const interpreted = yogaWith(false);
    expect(ASKS.length).toBeGreaterThan(60);
    for (const ask of ASKS) {
      const expected = await answer(interpreted, ask);
      // The first runs are interpreted; the next ones are compiled.
      for (let run = 0; run < runsOf(ask); run++)
        expect(await answer(compiled, ask)).toBe(expected);
    }
  });
});
