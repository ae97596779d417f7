/**
 * What the per-request DataLoaders cost over reading the graph directly, on the HTTP benchmark's
 * workloads (b) the whole structure and (d) about 1,000 units of a generated 10,000-unit organisation,
 * executed in-process (no HTTP) by graphql-js `execute` and by graphql-jit (as mercurius runs them).
 *
 * "direct" runs the same schema and resolvers with the request's loaders replaced by plain,
 * synchronous graph reads (no batching, no caching, no promises): the floor any loader layer is
 * measured against. Variants run interleaved, in rounds; figures are medians over rounds of the CPU
 * time per request, and each ratio is the median of the ratios measured within one round. Run with
 * NODE_ENV=production (as the npm script does, and the HTTP benchmark): otherwise graphql-js makes
 * development-only checks that cost more than the loaders.
 *
 *   npm run bench:loaders [-- --rounds 41 --ms 100 --only b|d]
 */
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { execute, parse, validate, type DocumentNode, type ExecutionResult } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { loadSeed } from '../../src/graph/load-seed';
import type { OrgGraph } from '../../src/graph/org-graph';
import { createContext, type Context } from '../../src/schema/context';
import { schema } from '../../src/schema/index';
import { directLoaders, totalBatches } from '../../src/schema/loaders';
import { DEFAULT_SEED_DIR } from '../../src/server/config';
import { WORKLOADS, type Request } from '../http/workloads';
import { generateOrgInTemp } from '../../src/cli/seed-generate';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '41' },
    /** Time spent on each variant in each round. */
    ms: { type: 'string', default: '100' },
    /** One workload only: b or d. */
    only: { type: 'string' },
  },
});
if (process.env.NODE_ENV !== 'production') {
  console.warn('NODE_ENV is not "production": graphql-js runs its development checks.');
}
const ROUNDS = Number(values.rounds);
const ROUND_MS = Number(values.ms);

type Run = (request: Request, context: () => Context) => () => unknown;

const viaExecute: Run = (request, context) => {
  const document: DocumentNode = parse(request.query);
  const errors = validate(schema, document);
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
  return () =>
    execute({
      schema,
      document,
      variableValues: request.variables,
      contextValue: context(),
    });
};

const viaJit: Run = (request, context) => {
  const compiled = compileQuery(schema, parse(request.query));
  if (!isCompiledQuery(compiled)) throw new Error(JSON.stringify(compiled.errors));
  return () => compiled.query(undefined, context(), request.variables ?? {});
};

/**
 * Runs `op` for about `ms` milliseconds; returns the CPU time (user + system) of one run, in µs.
 * CPU time, not wall time: other work on the machine takes the CPU away unevenly.
 */
async function timeFor(op: () => unknown, ms: number): Promise<number> {
  let n = 0;
  const until = process.hrtime.bigint() + BigInt(ms * 1e6);
  const start = process.cpuUsage();
  while (process.hrtime.bigint() < until) {
    for (let i = 0; i < 10; i++) await op();
    n += 10;
    // Let timers and process.nextTick callbacks run, as they would between HTTP requests; a loop
    // of awaits alone never lets them, and what they hold piles up.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function answer(op: () => unknown): Promise<string> {
  const result = (await op()) as ExecutionResult;
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return JSON.stringify(result);
}

async function workload(label: string, graph: OrgGraph, request: Request) {
  const loaders = () => createContext(graph);
  const direct = (): Context => ({
    graph,
    loaders: directLoaders(graph),
    stats: { batches: new Map() },
    lang: 'en',
  });
  const variants = {
    'execute, loaders': viaExecute(request, loaders),
    'execute, direct': viaExecute(request, direct),
    'jit, loaders': viaJit(request, loaders),
    'jit, direct': viaJit(request, direct),
  };
  const names = Object.keys(variants) as (keyof typeof variants)[];
  // Every variant must give the same answer, or the comparison means nothing.
  const expected = await answer(variants['execute, loaders']);
  for (const name of names) {
    if ((await answer(variants[name])) !== expected) throw new Error(`${label}: ${name} differs`);
  }
  for (const name of names) await timeFor(variants[name], ROUND_MS); // warm up
  const samples = new Map(names.map((n) => [n, [] as number[]]));
  const ratios = { execute: [] as number[], jit: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order, so neither variant always runs first (GC debt, frequency).
    const order = round % 2 ? [...names].reverse() : names;
    const t = {} as Record<(typeof names)[number], number>;
    for (const name of order) t[name] = await timeFor(variants[name], ROUND_MS);
    for (const name of names) samples.get(name)!.push(t[name]);
    ratios.execute.push(t['execute, loaders'] / t['execute, direct']);
    ratios.jit.push(t['jit, loaders'] / t['jit, direct']);
  }
  const context = loaders();
  await viaExecute(request, () => context)();
  console.log(`\n${label} (${(expected.length / 1024).toFixed(0)} KiB of JSON), ${ROUNDS} rounds`);
  console.log(`  loader batches per request: ${totalBatches(context.stats)}`);
  for (const name of names) {
    console.log(`  ${name.padEnd(18)} ${median(samples.get(name)!).toFixed(1).padStart(9)} µs`);
  }
  console.log(`  loaders / direct   execute ×${median(ratios.execute).toFixed(3)}`);
  console.log(`                     jit     ×${median(ratios.jit).toFixed(3)}`);
}

const workloadNamed = (name: string) => {
  const w = WORKLOADS.find((x) => x.name === name);
  if (!w) throw new Error(`no workload ${name}`);
  return w;
};

if (values.only !== 'd') {
  const graph = await loadSeed(DEFAULT_SEED_DIR);
  const b = workloadNamed('b-structure');
  await workload(`(b) ${b.description}`, graph, b.requests(graph)[0]!);
}
if (values.only !== 'b') {
  const { dir } = await generateOrgInTemp({ units: 10_000 });
  const graph = await loadSeed(dir);
  await rm(dir, { recursive: true });
  const d = workloadNamed('d-1000-units');
  await workload(`(d) ${d.description}`, graph, d.requests(graph)[0]!);
}
