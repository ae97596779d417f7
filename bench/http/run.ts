/**
 * `npm run bench:http`: every workload against every server variant, side by side in one run, with
 * autocannon (20 connections, a warm-up, several rounds). Prints req/s, p50 and p99 with ratios to
 * mercurius + graphql-jit (the reference peer) and to the raw ceiling, and writes them to
 * bench/results/ as markdown and JSON. The ratio that matters is to the plain peer: the server a
 * user would write instead (plain-peer.ts). Environment: BENCH_SECONDS (per round, default 5),
 * BENCH_ROUNDS (default 3), BENCH_WORKLOADS / BENCH_VARIANTS (comma-separated filters).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { loadSeed } from '../../src/graph/load-seed';
import { DEFAULT_SEED_DIR } from '../../src/graph/project-paths';
import { expectedResponse, requestBody, VARIANTS, type Variant } from './variants';
import type { OrgGraph } from '../../src/graph/org-graph';
import { generateOrgInTemp } from '../../src/cli/seed-generate';
import { WORKLOADS, type Request, type Workload } from './workloads';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 20;
const pick = <T extends string>(all: readonly T[], filter: string | undefined): T[] =>
  filter ? all.filter((x) => filter.split(',').includes(x)) : [...all];

const SERVE = fileURLToPath(new URL('./serve.ts', import.meta.url));
const RESULTS = fileURLToPath(new URL('../results/', import.meta.url));

interface Round {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}
interface Row {
  workload: string;
  variant: Variant;
  rps: number;
  rpsMin: number;
  rpsMax: number;
  p50: number;
  p99: number;
  errors: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

function start(variant: Variant, seedDir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVE, variant], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', SEED_DIR: seedDir },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /LISTENING (\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`${variant} exited with ${code}`)));
  });
}

function cannon(port: number, requests: readonly Request[], seconds: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${port}/graphql`,
        connections: CONNECTIONS,
        duration: seconds,
        requests: requests.map((r) => ({
          method: 'POST' as const,
          path: '/graphql',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: requestBody(r),
        })),
      },
      (error, result) => {
        if (error) reject(error);
        else
          resolve({
            rps: result.requests.average,
            p50: result.latency.p50,
            p99: result.latency.p99,
            errors: result.errors + result.non2xx,
          });
      },
    );
  });
}

async function main(): Promise<void> {
  const defaultDir = process.env.SEED_DIR ?? DEFAULT_SEED_DIR;
  const graphs = new Map<string, { dir: string; graph: OrgGraph }>();
  const datasetOf = async (w: Workload) => {
    let entry = graphs.get(w.dataset);
    if (!entry) {
      // The large organisation is generated once per run (deterministic: same files each time).
      const dir =
        w.dataset === 'default' ? defaultDir : (await generateOrgInTemp({ units: 10_000 })).dir;
      entry = { dir, graph: await loadSeed(dir) };
      graphs.set(w.dataset, entry);
    }
    return entry;
  };
  const workloads = WORKLOADS.filter((w) =>
    pick(
      WORKLOADS.map((x) => x.name),
      process.env.BENCH_WORKLOADS,
    ).includes(w.name),
  );
  const variants = pick(VARIANTS, process.env.BENCH_VARIANTS);
  const rows: Row[] = [];
  for (const w of workloads) {
    const { dir, graph } = await datasetOf(w);
    const requests = w.requests(graph);
    const expected = await Promise.all(requests.map((r) => expectedResponse(graph, r)));
    for (const variant of variants) {
      const { child, port } = await start(variant, dir);
      try {
        // Same work everywhere: each server's answers must equal direct execution.
        for (const [i, r] of requests.entries()) {
          const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body: requestBody(r),
          });
          const got: unknown = await response.json();
          if (!isDeepStrictEqual(got, JSON.parse(expected[i] ?? 'null'))) {
            throw new Error(`${variant} answered ${w.name} request ${i} differently`);
          }
        }
        await cannon(port, requests, Math.min(2, SECONDS));
        const rounds: Round[] = [];
        for (let i = 0; i < ROUNDS; i++) rounds.push(await cannon(port, requests, SECONDS));
        const rps = rounds.map((r) => r.rps);
        const row: Row = {
          workload: w.name,
          variant,
          rps: median(rps),
          rpsMin: Math.min(...rps),
          rpsMax: Math.max(...rps),
          p50: median(rounds.map((r) => r.p50)),
          p99: median(rounds.map((r) => r.p99)),
          errors: rounds.reduce((n, r) => n + r.errors, 0),
        };
        rows.push(row);
        console.log(
          `${w.name.padEnd(18)} ${variant.padEnd(14)} ${row.rps.toFixed(0).padStart(7)} req/s (${row.rpsMin.toFixed(0)}–${row.rpsMax.toFixed(0)})  p50 ${row.p50} ms  p99 ${row.p99} ms  errors ${row.errors}`,
        );
      } finally {
        child.kill('SIGKILL');
      }
    }
  }
  await report(rows);
}

async function report(rows: Row[]): Promise<void> {
  const version = (name: string) =>
    (
      JSON.parse(
        readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8'),
      ) as { version: string }
    ).version;
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    versions: Object.fromEntries(
      [
        'graphql',
        'graphql-yoga',
        '@pothos/core',
        'mercurius',
        'graphql-jit',
        'fastify',
        'autocannon',
      ].map((n) => [n, version(n)]),
    ),
    settings: { connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS },
  };
  const ratio = (row: Row, to: Variant) => {
    const ref = rows.find((r) => r.workload === row.workload && r.variant === to);
    return ref ? (row.rps / ref.rps).toFixed(2) : '–';
  };
  const lines = [
    `# HTTP benchmark`,
    '',
    `${meta.date}, Node ${meta.node}, ${meta.machine}; ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s after a warm-up; medians (min–max of req/s).`,
    '',
    `Versions: ${Object.entries(meta.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    '',
    '| workload | server | req/s | p50 ms | p99 ms | × plain peer | × mercurius-jit | × raw | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.workload} | ${r.variant} | ${r.rps.toFixed(0)} (${r.rpsMin.toFixed(0)}–${r.rpsMax.toFixed(0)}) | ${r.p50} | ${r.p99} | ${ratio(r, 'plain-peer')} | ${ratio(r, 'mercurius-jit')} | ${ratio(r, 'raw')} | ${r.errors} |`,
    ),
    '',
  ];
  const markdown = lines.join('\n');
  console.log(`\n${markdown}`);
  await mkdir(RESULTS, { recursive: true });
  await writeFile(`${RESULTS}http.md`, markdown);
  await writeFile(`${RESULTS}http.json`, `${JSON.stringify({ meta, rows }, null, 2)}\n`);
}

await main();
