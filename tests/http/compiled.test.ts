/**
 * Compiled operations (graphql-jit, src/server/compile.ts) answer exactly as yoga's executor:
 * every GraphiQL example, the benchmark's queries and some failing ones, byte for byte and with
 * the same status, on the runs that are compiled.
 */
import { describe, expect, it } from 'vitest';
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
];

describe('compiled operations', () => {
  it('answer byte for byte as yoga’s executor, on every run', async () => {
    const compiled = yogaWith(true);
    const interpreted = yogaWith(false);
    expect(ASKS.length).toBeGreaterThan(60);
    for (const ask of ASKS) {
      const expected = await answer(interpreted, ask);
      // The first run is interpreted; the next ones are compiled.
      for (let run = 0; run < 3; run++) expect(await answer(compiled, ask)).toBe(expected);
    }
  });
});
