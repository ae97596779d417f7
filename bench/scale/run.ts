/**
 * `npm run bench:scale`: the graph operations in-process (tinybench, p50/p99), on the default
 * dataset and on a generated organisation of 100,000 units, side by side; then loading and
 * indexing each dataset in a fresh process (median of 3: wall, CPU, memory after a full GC), with
 * the floors of issue 5 marked pass or fail; then the compiled server's start-up from the YAML and
 * from a snapshot (snapshot.ts, issue 13's floors), and the chart page's first view on the
 * generated organisation in chromium (bench/scale/chart.ts, median of 7). With `--million`, also
 * starts the real server on a generated organisation of 1,000,000 units and times it until it
 * answers a query, and its start-up both ways.
 *
 *   npm run bench:scale                          # default + 100,000 (generated: ~20 s)
 *   npm run bench:scale -- --dir DIR             # reuse an organisation from npm run seed:generate
 *   npm run bench:scale -- --million [--million-dir DIR [--million-snapshot DIR]]
 *                                                # also 1,000,000 (generated: ~4 min)
 */
import { execFile, spawn } from 'node:child_process';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { Bench } from 'tinybench';
import { generateOrgInTemp } from '../../src/cli/seed-generate';
import { chartFirstView } from './chart';
import { graphAt } from '../../src/graph/as-of';
import { nodeId, parseNodeId, type NodeRef } from '../../src/graph/graph-index';
import { loadSeed } from '../../src/graph/load-seed';
import type { OrgGraph } from '../../src/graph/org-graph';
import { parsePartialDate, type PartialDate } from '../../src/graph/partial-date';
import { shortestPath } from '../../src/graph/path';
import { reportingLine } from '../../src/graph/reporting-line';
import { unitNamed } from '../../src/graph/unit-by-name';
import { search } from '../../src/graph/search/search';
import { resolveUnitName } from '../../src/graph/search/unit-resolution';
import { warmIndexes } from '../../src/graph/warm-indexes';
import { DEFAULT_SEED_DIR } from '../../src/graph/project-paths';
import { benchLists } from './lists';
import { startFigures } from './snapshot';
import { importBench } from './import';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    units: { type: 'string', default: '100000' },
    million: { type: 'boolean', default: false },
    'million-dir': { type: 'string' },
    /** A snapshot seed:build wrote for --million-dir already (a 1,000,000-unit build is slow). */
    'million-snapshot': { type: 'string' },
    'load-runs': { type: 'string', default: '3' },
    time: { type: 'string', default: '1000' },
  },
});

/** The floors issue 5 sets at 100,000 units. */
const FLOORS = {
  loadMs: 3000,
  rssMb: 500,
  nameUs: 50,
  reportingLineUs: 50,
  searchUs: 5000,
};

const LOAD = fileURLToPath(new URL('./load.ts', import.meta.url));
/** The compiled server, as `npm start` runs it (bench:scale builds it first when stale). */
const MAIN = fileURLToPath(new URL('../../dist/server/main.js', import.meta.url));
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
const ok = (pass: boolean) => (pass ? 'pass' : 'FAIL');

interface Inputs {
  names: string[];
  fuzzyNames: string[];
  lineKeys: string[];
  pairs: [NodeRef, NodeRef][];
  searches: string[];
}

/** A spread of what people ask of a dataset: names (some in French, one unknown), deep units. */
function inputsFor(graph: OrgGraph, extraNames: readonly string[], searches: string[]): Inputs {
  const units = graph.units();
  const every = (n: number) =>
    units.filter((_, i) => i % Math.max(1, Math.floor(units.length / n)) === 0);
  const sample = every(20);
  const deepest = [...units]
    .sort((a, b) => graph.depthOf(b.key) - graph.depthOf(a.key))
    .filter((_, i) => i % 7 === 0)
    .slice(0, 20);
  const names = [
    ...extraNames,
    ...sample.slice(0, 10).map((u) => u.name.en),
    ...sample.slice(10, 14).map((u) => u.name.fr),
    'Ministry of Magic',
  ];
  const fuzzy = names.map((n) => n.replace(/e/, '').toLowerCase());
  const ref = (key: string) => parseNodeId(graph, nodeId('unit', key))!;
  const pairs = deepest
    .slice(0, 10)
    .map(
      (u, i) =>
        [ref(u.key), ref((sample[(i * 7 + 3) % sample.length] ?? u).key)] as [NodeRef, NodeRef],
    );
  return { names, fuzzyNames: fuzzy, lineKeys: deepest.map((u) => u.key), pairs, searches };
}

let variant = 0;
/**
 * The same name in a letter case not asked before, so the per-graph memo of names misses (case
 * is folded away: the answer is the same unit).
 */
function neverAsked(name: string): string {
  variant += 1;
  return name.replace(/./g, (c, j: number) =>
    (variant >> (j % 20)) & 1 ? c.toUpperCase() : c.toLowerCase(),
  );
}

/** Calls `run` on each input in turn, one input per call. */
function cycle<T>(inputs: readonly T[], run: (input: T) => unknown): () => void {
  let i = 0;
  return () => {
    run(inputs[i++ % inputs.length]!);
  };
}

interface Row {
  name: string;
  p50: number;
  p99: number;
  samples: number;
}

async function operations(graph: OrgGraph, inputs: Inputs): Promise<Map<string, Row>> {
  let month = 0;
  /** Months from 1952 on, more than the 256 dates cached: every call builds a new view. */
  const newDate = () => {
    month = (month + 1) % 800;
    const text = `${1952 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
    return parsePartialDate(text) as PartialDate;
  };
  const bench = new Bench({ time: Number(values.time), warmupTime: 200 });
  bench
    .add(
      'name resolution: unit(name:)',
      cycle(inputs.names, (n) => unitNamed(graph, neverAsked(n))),
    )
    .add(
      'name resolution, remembered',
      cycle(inputs.names, (n) => unitNamed(graph, n)),
    )
    .add(
      'fuzzy name: resolveUnitName',
      cycle(inputs.fuzzyNames, (n) => resolveUnitName(graph, n)),
    )
    .add(
      'reporting line',
      cycle(inputs.lineKeys, (k) => reportingLine(graph, k)),
    )
    .add(
      'path (every kind of edge)',
      cycle(inputs.pairs, ([a, b]) => shortestPath(graph, a, b)),
    )
    .add(
      'search',
      cycle(inputs.searches, (text) => search(graph, { text })),
    )
    .add('as-of view at a new date', () => graphAt(graph, newDate()));
  await bench.warmup();
  await bench.run();
  const rows = new Map<string, Row>();
  for (const task of bench.tasks) {
    const samples = [...(task.result?.samples ?? [])].sort((a, b) => a - b);
    const at = (p: number) =>
      (samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? NaN) * 1000;
    rows.set(task.name, { name: task.name, p50: at(0.5), p99: at(0.99), samples: samples.length });
  }
  return rows;
}

const us = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} ms` : `${x.toFixed(1)} µs`);

async function loadInFreshProcess(dir: string, extraArgs: string[] = []) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...extraArgs, '--expose-gc', '--import', 'tsx', LOAD, dir],
    { maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
    units: number;
    loadMs: number;
    indexMs: number;
    totalMs: number;
    cpuMs: number;
    rssMb: number;
    settledRssMb: number;
    heapMb: number;
  };
}

async function loadFigures(dir: string, runs: number) {
  const all: Awaited<ReturnType<typeof loadInFreshProcess>>[] = [];
  for (let i = 0; i < runs; i++) all.push(await loadInFreshProcess(dir));
  const pick = (k: keyof (typeof all)[number]) => median(all.map((r) => r[k]));
  return {
    units: all[0]?.units ?? 0,
    loadMs: pick('loadMs'),
    indexMs: pick('indexMs'),
    totalMs: pick('totalMs'),
    totalRange: [Math.min(...all.map((r) => r.totalMs)), Math.max(...all.map((r) => r.totalMs))],
    cpuMs: pick('cpuMs'),
    rssMb: pick('rssMb'),
    settledRssMb: pick('settledRssMb'),
    heapMb: pick('heapMb'),
  };
}

/** The key of the last unit in units.yaml (one of the deepest), read from the file's end. */
async function lastUnitKey(dir: string): Promise<string> {
  const file = await open(join(dir, 'units.yaml'));
  try {
    const { size } = await file.stat();
    const length = Math.min(size, 64 * 1024);
    const { buffer } = await file.read(Buffer.alloc(length), 0, length, size - length);
    const keys = [...buffer.toString('utf8').matchAll(/^- key: (\S+)$/gm)];
    return keys.at(-1)?.[1] ?? '';
  } finally {
    await file.close();
  }
}

/** Starts `npm start`'s server on the directory and times it until a query is answered. */
async function serveAndAsk(dir: string, nodeOptions: string[]) {
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeOptions, MAIN], {
    env: { ...process.env, SEED_DIR: dir, PORT: '0', NODE_ENV: 'production', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /"url":"([^"]+)"/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      child.on('exit', (code) =>
        reject(new Error(`server exited with ${code}: ${out.slice(-500)}`)),
      );
    });
    const listening = performance.now();
    const key = await lastUnitKey(dir);
    const askStart = performance.now();
    const answer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ unit(name: "${key}") { name reportingLine { name } } }`,
      }),
    });
    const body = (await answer.json()) as {
      data?: { unit?: { name: string; reportingLine: { name: string }[] } };
    };
    const askMs = performance.now() - askStart;
    const status = await promisify(execFile)('ps', ['-o', 'rss=', '-p', String(child.pid)]);
    return {
      startMs: listening - started,
      askMs,
      rssMb: Number(status.stdout.trim()) / 1024,
      answer: body.data?.unit,
      raw: body,
    };
  } finally {
    child.kill('SIGTERM');
  }
}

// --- the run -------------------------------------------------------------------------------------

console.log(`node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
const small = await loadSeed(DEFAULT_SEED_DIR);
warmIndexes(small);
const smallInputs = inputsFor(
  small,
  ['NATO Security Office', 'NOS', 'Bureau de sécurité de l’OTAN', 'Office of Legal Affairs'],
  ['NATO Security Office', 'cyber defnce', 'bureau securite', 'emerging secu', 'Office', 'prague'],
);

const units = Number(values.units);
let dir = values.dir;
let sampleNames: readonly string[] = [];
if (!dir) {
  const start = performance.now();
  const org = await generateOrgInTemp({ units });
  dir = org.dir;
  sampleNames = org.sampleUnitNames.slice(0, 6);
  console.log(
    `generated ${org.units} units in ${((performance.now() - start) / 1000).toFixed(1)} s (${dir})`,
  );
}
const large = await loadSeed(dir);
warmIndexes(large);
const largeNames =
  sampleNames.length > 0
    ? sampleNames
    : large
        .units()
        .filter((_, i) => i % 997 === 0)
        .slice(0, 6)
        .map((u) => u.name.en);
const largeInputs = inputsFor(large, largeNames, [
  ...largeNames.slice(0, 4),
  'cyber def',
  'strategic logist',
  'crisis managment',
  'sécurité énergétique',
  'missile defence',
  'Office',
]);

const c1 = small.counts();
const c2 = large.counts();
console.log(`\nin-process, p50 / p99 (tinybench, ${values.time} ms per operation):`);
console.log(
  `${'operation'.padEnd(34)} ${`default (${c1.units} units)`.padEnd(24)} ${`generated (${c2.units} units)`.padEnd(26)} floor at 100k`,
);
const rowsSmall = await operations(small, smallInputs);
const rowsLarge = await operations(large, largeInputs);
const floorOf: Record<string, number | undefined> = {
  'name resolution: unit(name:)': FLOORS.nameUs,
  'reporting line': FLOORS.reportingLineUs,
  search: FLOORS.searchUs,
};
for (const [name, s] of rowsSmall) {
  const l = rowsLarge.get(name)!;
  const floor = floorOf[name];
  console.log(
    `${name.padEnd(34)} ${`${us(s.p50)} / ${us(s.p99)}`.padEnd(24)} ${`${us(l.p50)} / ${us(l.p99)}`.padEnd(26)} ${floor === undefined ? '' : `p50 < ${us(floor)}: ${ok(l.p50 < floor)}`}`,
  );
}

await benchLists(large);

console.log(`\nload + index in a fresh process (median of ${values['load-runs']}):`);
for (const [label, d] of [
  ['default', DEFAULT_SEED_DIR],
  ['generated', dir],
] as const) {
  const f = await loadFigures(d, Number(values['load-runs']));
  const isLarge = label === 'generated';
  console.log(
    `  ${`${label} (${f.units} units)`.padEnd(28)} load ${f.loadMs.toFixed(0)} ms + index ${f.indexMs.toFixed(0)} ms = ${f.totalMs.toFixed(0)} ms (${f.totalRange.map((x) => x.toFixed(0)).join('–')}), ${f.cpuMs.toFixed(0)} ms CPU; RSS ${f.rssMb.toFixed(0)} MB (${f.settledRssMb.toFixed(0)} MB settled), heap ${f.heapMb.toFixed(0)} MB` +
      (isLarge
        ? `   [< ${FLOORS.loadMs} ms: ${ok(f.totalMs < FLOORS.loadMs)}; RSS < ${FLOORS.rssMb} MB: ${ok(f.rssMb < FLOORS.rssMb)}, settled ${ok(f.settledRssMb < FLOORS.rssMb)}]`
        : ''),
  );
}

await startFigures(dir, { units, rounds: Number(values['load-runs']) });

console.log(`\nchart page (Debian chromium, 1280×800, a fresh context each round):`);
await chartFirstView(dir);

if (values.million) {
  let mdir = values['million-dir'];
  if (!mdir) {
    const start = performance.now();
    mdir = (await generateOrgInTemp({ units: 1_000_000 })).dir;
    console.log(
      `\ngenerated 1,000,000 units in ${((performance.now() - start) / 1000).toFixed(0)} s (${mdir})`,
    );
  }
  const heap = ['--max-old-space-size=4096'];
  const served = await serveAndAsk(mdir, heap);
  console.log(
    `\n1,000,000 units, npm start with NODE_OPTIONS=${heap.join(' ')}: listening after ${(served.startMs / 1000).toFixed(1)} s, RSS ${served.rssMb.toFixed(0)} MB; unit(name:) { reportingLine } answered in ${served.askMs.toFixed(0)} ms: ${served.answer ? served.answer.reportingLine.map((s) => s.name).join(' → ') : JSON.stringify(served.raw)}`,
  );
  await startFigures(mdir, {
    units: 1_000_000,
    rounds: 2,
    yamlRounds: 1,
    nodeOptions: heap,
    snapshotDir: values['million-snapshot'],
  });
  if (!values['million-dir']) await rm(mdir, { recursive: true, force: true });
}

if (!values.dir) await rm(dir, { recursive: true, force: true });

await importBench(units, Number(values['load-runs']));
