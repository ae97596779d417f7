/**
 * `npm run bench:compile`: what compiling costs graphql-jit for the benchmark's documents and for
 * documents nesting units, and what the server does with each (execution.ts's compiler): the
 * fields graphql-jit would generate (compiled-size.ts), the time to compile (median of rounds),
 * the heap the compiled form holds after a full collection, and the execution time compiled and
 * interpreted. The figures behind MAX_COMPILED_FIELDS, FIELDS_PER_RUN and COMPILED_FIELDS_KEPT.
 * Never part of `npm test`.
 */
import { execute, parse, type DocumentNode } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { generateOrgInTemp } from '../src/cli/seed-generate';
import { loadSeed } from '../src/graph/load-seed';
import type { OrgGraph } from '../src/graph/org-graph';
import { DEFAULT_SEED_DIR } from '../src/graph/project-paths';
import { createContext } from '../src/schema/context';
import { schema } from '../src/schema/index';
import { compiledFields } from '../src/server/compiled-size';
import { runsBeforeCompiling } from '../src/server/execution';
import { subtrees, WORKLOADS, type Request } from './http/workloads';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Documents past this many fields are not compiled here (they would take minutes). */
const MEASURED_UP_TO = 100_000;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:compile does)');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Milliseconds per run of `run`, the median of ROUNDS rounds of at least 300 ms. */
async function timeOf(run: () => unknown): Promise<number> {
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < 300) {
      await run();
      n += 1;
    }
    rounds.push((performance.now() - start) / n);
  }
  return median(rounds);
}

const nested = (field: string, depth: number, inner: string) => {
  let selection = inner;
  for (let i = 0; i < depth; i++) selection = field.replace('…', selection);
  return selection;
};

const defaultGraph = await loadSeed(DEFAULT_SEED_DIR);
const generated = await loadSeed((await generateOrgInTemp({ units: 10_000 })).dir);
const cases: [string, OrgGraph, Request][] = [
  ['d: 1,076 units of 10,000', generated, subtrees(generated)[0] as Request],
  ...WORKLOADS.filter((w) => w.dataset === 'default').map(
    (w) =>
      [w.name, defaultGraph, w.requests(defaultGraph)[0] as Request] as [string, OrgGraph, Request],
  ),
  ...[1, 2, 3, 4, 6].map(
    (depth) =>
      [
        `parent × ${depth}`,
        defaultGraph,
        { query: `{ unit(name: "NOS") { ${nested('key parent { … }', depth, 'key')} } }` },
      ] as [string, OrgGraph, Request],
  ),
  ...[2, 3, 4].map(
    (depth) =>
      [
        `units { nodes } × ${depth}`,
        defaultGraph,
        {
          query: `{ organization { ${nested('key units(first: 3) { nodes { … } }', depth, 'key')} } }`,
        },
      ] as [string, OrgGraph, Request],
  ),
];

console.log(
  '| document | fields | server | compile | held | run compiled | run interpreted |\n| --- | ---: | --- | ---: | ---: | ---: | ---: |',
);
for (const [label, graph, request] of cases) {
  const document: DocumentNode = parse(request.query);
  const fields = compiledFields(schema, document, undefined, MEASURED_UP_TO);
  const runs = runsBeforeCompiling(fields);
  const server =
    runs === undefined ? 'interpreted' : `compiled after ${runs} run${runs > 1 ? 's' : ''}`;
  const variables = request.variables ?? {};
  const interpret = () => {
    const context = createContext(graph);
    return execute({
      schema,
      document,
      rootValue: context.root,
      contextValue: context,
      variableValues: variables,
    });
  };
  const interpreted = await timeOf(interpret);
  if (fields > MEASURED_UP_TO) {
    console.log(
      `| ${label} | > ${MEASURED_UP_TO.toLocaleString('en')} | ${server} | | | | ${interpreted.toFixed(2)} ms |`,
    );
    continue;
  }
  const compileTimes: number[] = [];
  let held = 0;
  let compiled:
    ReturnType<typeof compileQuery<Record<string, unknown>, Record<string, unknown>>> | undefined;
  for (let r = 0; r < ROUNDS; r++) {
    compiled = undefined; // the previous round's form is garbage before this one is measured
    gc();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    compiled = compileQuery(schema, document);
    compileTimes.push(performance.now() - started);
    gc();
    held = process.memoryUsage().heapUsed - before;
  }
  if (!compiled || !isCompiledQuery(compiled))
    throw new Error(`${label}: graphql-jit cannot compile it`);
  const query = compiled;
  const run = () => {
    const context = createContext(graph);
    return query.query(context.root, context, variables);
  };
  if (JSON.stringify(await run()) !== JSON.stringify(await interpret()))
    throw new Error(`${label}: the answers differ`);
  const fast = await timeOf(run);
  console.log(
    `| ${label} | ${fields.toLocaleString('en')} | ${server} | ${median(compileTimes).toFixed(0)} ms | ${(held / 2 ** 20).toFixed(1)} MB | ${fast.toFixed(2)} ms | ${interpreted.toFixed(2)} ms |`,
  );
}
