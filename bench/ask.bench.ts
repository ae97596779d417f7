/**
 * `npm run bench:ask`: latency of `ask` in-process (p50/p99 over repeated calls), on the default
 * dataset and on a generated organisation of 100,000 units. Targets: p50 < 2 ms and p99 < 10 ms
 * on the default dataset, p50 < 20 ms at 100,000 units. On the default dataset, the same questions
 * also go through the schema in-process (`ask` with a fresh request context each time), to show
 * what the GraphQL layer adds.
 *
 *   npm run bench:ask                      # both datasets (generating the large one takes a while)
 *   npm run bench:ask -- --skip-large      # the default dataset only
 *   npm run bench:ask -- --large-dir DIR   # reuse an organisation written by npm run seed:generate
 */
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { execute, parse } from 'graphql';
import { ask } from '../src/graph/ask/ask';
import { loadSeed } from '../src/graph/load-seed';
import type { OrgGraph } from '../src/graph/org-graph';
import { generateOrgInTemp } from '../src/cli/seed-generate';
import { createContext } from '../src/schema/context';
import { schema } from '../src/schema/index';
import { DEFAULT_SEED_DIR } from '../src/graph/project-paths';

const { values } = parseArgs({
  options: {
    'skip-large': { type: 'boolean', default: false },
    'large-dir': { type: 'string' },
    units: { type: 'string', default: '100000' },
    iterations: { type: 'string', default: '50' },
  },
});
const ITERATIONS = Number(values.iterations);

const QUESTIONS = [
  'Which division handles cyber defence?',
  'Quelle division s’occupe de la cyberdéfense ?',
  'Quelle est la chaîne hiérarchique du NATO Security Office ?',
  'Could you tell me who heads the ESC, please?',
  'How many divisions does the IS have?',
  'What happened in 1951?',
  'What did the International Staff look like in 2009?',
  'How are the NOS and the ESC connected?',
  'Where is the International Staff located?',
  'Who handles climate change?',
  'Who is responsible for nuclear matters?',
  'Combien de personnes travaillent au Secrétariat international ?',
  'When was the Prague summit?',
  'xyzzy plugh',
];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function bench(title: string, graph: OrgGraph, questions: readonly string[]) {
  for (const q of questions) ask(graph, q); // warm up: JIT, indexes, caches
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    for (const q of questions) {
      const start = process.hrtime.bigint();
      ask(graph, q);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  samples.sort((a, b) => a - b);
  const c = graph.counts();
  console.log(
    `${title} (${c.units} units): ask p50 ${percentile(samples, 50).toFixed(3)} ms, p99 ${percentile(samples, 99).toFixed(3)} ms (${samples.length} calls)`,
  );
}

const ASK_DOCUMENT = parse(`query Ask($q: String!) {
  ask(question: $q) { intent text note units { key name } sources { quote } graphql variables { name value } }
}`);

async function benchSchema(title: string, graph: OrgGraph, questions: readonly string[]) {
  const run = async (q: string) => {
    const context = createContext(graph);
    const result = await execute({
      schema,
      document: ASK_DOCUMENT,
      variableValues: { q },
      contextValue: context,
      rootValue: context.root,
    });
    if (result.errors?.length) throw new Error(`${q}: ${result.errors[0]?.message}`);
  };
  for (const q of questions) await run(q);
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    for (const q of questions) {
      const start = process.hrtime.bigint();
      await run(q);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  samples.sort((a, b) => a - b);
  console.log(
    `${title}: ask through the schema p50 ${percentile(samples, 50).toFixed(3)} ms, p99 ${percentile(samples, 99).toFixed(3)} ms (${samples.length} requests)`,
  );
}

const defaultGraph = await loadSeed(DEFAULT_SEED_DIR);
bench('default dataset', defaultGraph, QUESTIONS);
await benchSchema('default dataset', defaultGraph, QUESTIONS);

if (!values['skip-large']) {
  const dir = values['large-dir'] ?? (await generateOrgInTemp({ units: Number(values.units) })).dir;
  const graph = await loadSeed(dir);
  const names = graph
    .units()
    .filter((_, i) => i % 9973 === 5)
    .map((u) => u.name.en);
  const topics = graph
    .topics()
    .filter((_, i) => i % 197 === 3)
    .map((t) => t.label.en);
  const questions = [
    ...names.slice(0, 4).map((n) => `What is the reporting line of the ${n}?`),
    ...names.slice(4, 6).map((n) => `Who heads the ${n}?`),
    ...names.slice(6, 8).map((n) => `Que fait la ${n} ?`),
    ...topics.slice(0, 4).map((t) => `Who handles ${t}?`),
    'Who handles climate change?',
    'How many divisions are there?',
    'xyzzy plugh',
  ];
  bench(`generated organisation (${dir})`, graph, questions);
  // A generated organisation is large: removed, unless it was the caller's.
  if (!values['large-dir']) await rm(dir, { recursive: true, force: true });
}
