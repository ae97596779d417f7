/**
 * `npm run bench`: latency of search and whoHandles (in-process, p50/p99) and the time to build
 * the search index, on the default dataset and on a generated organisation of 100,000 units.
 *
 *   npm run bench                       # both datasets (generating the large one: ~1 min)
 *   npm run bench -- --skip-large       # the default dataset only
 *   npm run bench -- --large-dir DIR    # reuse an organisation written by npm run seed:generate
 *   npm run bench -- --units 20000      # another size
 */
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadSeed } from '../src/graph/load-seed';
import type { OrgGraph } from '../src/graph/org-graph';
import { search } from '../src/graph/search/search';
import { buildSearchIndex, searchIndexOf } from '../src/graph/search/search-index';
import { whoHandles } from '../src/graph/who-handles';
import { DEFAULT_SEED_DIR } from '../src/graph/project-paths';
import { generateOrgInTemp } from '../src/cli/seed-generate';

const { values } = parseArgs({
  options: {
    'skip-large': { type: 'boolean', default: false },
    'large-dir': { type: 'string' },
    units: { type: 'string', default: '100000' },
    iterations: { type: 'string', default: '200' },
  },
});
const ITERATIONS = Number(values.iterations);

const ms = (ns: bigint | number) => Number(ns) / 1e6;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Runs every query `ITERATIONS` times, round robin, and returns the per-call latencies in ms. */
function measure(queries: readonly string[], run: (q: string) => unknown): number[] {
  for (const q of queries) run(q); // warm up: JIT, stem cache
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    for (const q of queries) {
      const start = process.hrtime.bigint();
      run(q);
      samples.push(ms(process.hrtime.bigint() - start));
    }
  }
  return samples.sort((a, b) => a - b);
}

function report(label: string, samples: readonly number[]): { p50: number; p99: number } {
  const p50 = percentile(samples, 50);
  const p99 = percentile(samples, 99);
  console.log(
    `  ${label.padEnd(28)} p50 ${p50.toFixed(3).padStart(8)} ms   p99 ${p99.toFixed(3).padStart(8)} ms   (${samples.length} calls)`,
  );
  return { p50, p99 };
}

/**
 * Builds the index `times` times (the first build is the graph's own); returns the median wall
 * time and the median CPU time in ms. CPU time is what the build costs when the machine is busy
 * with other work, which inflates wall times on a shared machine.
 */
function indexBuild(graph: OrgGraph, times: number): { wall: number; cpu: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    if (i === 0) searchIndexOf(graph);
    else {
      const steps = buildSearchIndex(graph);
      while (steps.next().done !== true);
    }
    const used = process.cpuUsage(cpu);
    walls.push(ms(process.hrtime.bigint() - start));
    cpus.push((used.user + used.system) / 1000);
  }
  const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? NaN;
  return { wall: median(walls), cpu: median(cpus) };
}

/** Typos a person makes: a dropped letter and a swapped pair, in words long enough to allow them. */
function withTypo(text: string, kind: 'drop' | 'swap'): string {
  return text
    .split(' ')
    .map((w, i) => {
      if (i !== 0 || w.length < 6) return w;
      const at = Math.floor(w.length / 2);
      return kind === 'drop'
        ? w.slice(0, at) + w.slice(at + 1)
        : w.slice(0, at) + w.charAt(at + 1) + w.charAt(at) + w.slice(at + 2);
    })
    .join(' ');
}

async function bench(
  title: string,
  graph: OrgGraph,
  searchQueries: string[],
  topicQueries: string[],
  buildTimes: number,
) {
  const c = graph.counts();
  console.log(
    `\n${title}: ${c.units} units, ${c.posts} posts, ${c.topics} topics, ${c.events} events`,
  );
  const build = indexBuild(graph, buildTimes);
  console.log(
    `  ${'index build'.padEnd(28)} median ${build.wall.toFixed(0)} ms wall, ${build.cpu.toFixed(0)} ms CPU (${buildTimes} builds)`,
  );
  const s = report(
    'search',
    measure(searchQueries, (text) => search(graph, { text })),
  );
  const w = report(
    'whoHandles',
    measure(topicQueries, (text) => whoHandles(graph, text)),
  );
  const hits = searchQueries.map((text) => search(graph, { text }).length);
  const handled = topicQueries.map((text) => whoHandles(graph, text).length);
  console.log(`  search hits per query: ${hits.join(' ')}`);
  console.log(`  whoHandles units per query: ${handled.join(' ')}`);
  return { build, search: s, whoHandles: w };
}

const DEFAULT_SEARCHES = [
  'NATO Security Office',
  'NOS',
  'cyber defnce',
  'cyberdéfense',
  'bureau securite',
  'emerging secu',
  'Defense Investment Division',
  'secretaire general adjoint',
  'Office',
  'prague',
  'relations with partner country',
  'climate change',
  'missile defence',
  'Anders Fogh Rasmussen',
];
const DEFAULT_TOPICS = [
  'cyber defence',
  'cyber defnce',
  'Cyber-Defense',
  'terrorisme',
  'weapons of mass destruction',
  'human resources',
  'crisis managment',
  'plans civils d’urgence',
  'cybersecurity',
  'legal affairs',
  'climate change',
  'missile defence',
  'cyber',
  'xyzzy',
];

const defaultGraph = await loadSeed(DEFAULT_SEED_DIR);
const small = await bench('default dataset', defaultGraph, DEFAULT_SEARCHES, DEFAULT_TOPICS, 20);

if (!values['skip-large']) {
  const units = Number(values.units);
  let dir = values['large-dir'];
  let samples: { names: readonly string[]; topics: readonly string[] } | undefined;
  let start = process.hrtime.bigint();
  if (!dir) {
    const org = await generateOrgInTemp({ units });
    dir = org.dir;
    samples = { names: org.sampleUnitNames, topics: org.sampleTopics };
    console.log(
      `\ngenerated ${org.units} units in ${ms(process.hrtime.bigint() - start).toFixed(0)} ms (${dir})`,
    );
  }
  start = process.hrtime.bigint();
  const graph = await loadSeed(dir);
  console.log(`loaded in ${ms(process.hrtime.bigint() - start).toFixed(0)} ms`);
  const names =
    samples?.names ??
    graph
      .units()
      .filter((_, i) => i % 997 === 0)
      .map((u) => u.name.en);
  const topics =
    samples?.topics ??
    graph
      .topics()
      .filter((_, i) => i % 97 === 0)
      .map((t) => t.label.en);
  const frNames = graph
    .units()
    .filter((_, i) => i % 4999 === 0)
    .map((u) => u.name.fr);
  const searches = [
    ...names.slice(0, 8),
    ...names.slice(8, 12).map((n) => withTypo(n, 'drop')),
    ...frNames.slice(0, 4),
    ...topics.slice(0, 4),
    'cyber def',
    'strategic logist',
    'climate change',
    'missile defence',
    'Anders Fogh Rasmussen',
  ];
  const topicQueries = [
    ...topics.slice(0, 12),
    ...topics.slice(12, 18).map((t) => withTypo(t, 'swap')),
    'climate change',
    'missile defence',
    'cyber',
  ];
  const large = await bench(`generated organisation`, graph, searches, topicQueries, 3);
  console.log(
    `\nratios (large / default): search p50 ×${(large.search.p50 / small.search.p50).toFixed(1)}, whoHandles p50 ×${(large.whoHandles.p50 / small.whoHandles.p50).toFixed(1)}`,
  );
  if (!values['large-dir']) await rm(dir, { recursive: true, force: true });
}
