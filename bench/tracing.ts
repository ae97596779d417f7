/**
 * `npm run bench:tracing`: what tracing costs. The built server (dist/server/main.js, production
 * mode, logs on) answers the same workloads with tracing off (no OTEL variables: the default),
 * and on (OTEL_EXPORTER_OTLP_ENDPOINT set to a stand-in collector on loopback that accepts every
 * batch), and, when BENCH_BEFORE_DIR names a built checkout of an earlier commit, as that code
 * did. Rounds alternate the variants so drift on a shared machine spreads over all of them;
 * prints the median req/s, p50 and p99 of the rounds. Environment: BENCH_SECONDS (per round,
 * default 4), BENCH_ROUNDS (default 5), BENCH_BEFORE_DIR.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = 10;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Variant {
  readonly name: string;
  readonly dir: string;
  readonly env: Record<string, string>;
}

interface Workload {
  readonly name: string;
  readonly description: string;
  readonly env: Record<string, string>;
  readonly body: string;
}

const WORKLOADS: readonly Workload[] = [
  {
    name: 'executed',
    description: 'a nested page query run every time (response cache off): 20 units × 10 sub-units',
    env: { RESPONSE_CACHE: 'false' },
    body: JSON.stringify({
      query: `query Structure { units(first: 20) { nodes { key name kind
        units(first: 10) { nodes { key name } } } } }`,
    }),
  },
  {
    name: 'cached',
    description: 'a small query answered from the response cache',
    env: {},
    body: JSON.stringify({
      query: `query ReportingLine { reportingLine(unit: "NATO Security Office") { key name } }`,
    }),
  },
];

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function startServer(
  variant: Variant,
  workload: Workload,
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const clean = { ...process.env };
  for (const name of Object.keys(clean)) if (name.startsWith('OTEL_')) delete clean[name];
  const child = spawn(process.execPath, [join(variant.dir, 'dist/server/main.js')], {
    cwd: variant.dir,
    env: {
      ...clean,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...workload.env,
      ...variant.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { child, url };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`${variant.name} did not become ready`);
}

async function load(url: string, body: string, seconds: number) {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    },
    body,
    connections: CONNECTIONS,
    duration: seconds,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/server/main.js'))) throw new Error('build first: npm run build');
  // The stand-in collector: accepts every OTLP batch, as a collector that keeps up would.
  let batches = 0;
  const collector = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      batches++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;

  const variants: Variant[] = [];
  const before = process.env.BENCH_BEFORE_DIR;
  if (before) variants.push({ name: 'before', dir: before, env: {} });
  variants.push({ name: 'off', dir: ROOT, env: {} });
  variants.push({ name: 'on', dir: ROOT, env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint } });

  console.log(
    `tracing benchmark: ${ROUNDS} rounds of ${SECONDS} s per variant, ${CONNECTIONS} connections`,
  );
  for (const workload of WORKLOADS) {
    const servers = new Map<string, { child: ChildProcess; url: string }>();
    for (const variant of variants) {
      const server = await startServer(variant, workload);
      servers.set(variant.name, server);
      await load(server.url, workload.body, 1); // warm-up: JIT, caches, compiled queries
    }
    const rounds = new Map<string, Awaited<ReturnType<typeof load>>[]>();
    for (let round = 0; round < ROUNDS; round++)
      for (const variant of variants) {
        const server = servers.get(variant.name);
        if (!server) continue;
        const result = await load(server.url, workload.body, SECONDS);
        rounds.set(variant.name, [...(rounds.get(variant.name) ?? []), result]);
      }
    for (const { child } of servers.values()) child.kill('SIGTERM');

    console.log(`\n${workload.name}: ${workload.description}`);
    console.log('variant  req/s (median)  min–max        p50 ms  p99 ms  errors  vs off');
    const offRps = median((rounds.get('off') ?? []).map((r) => r.rps));
    for (const variant of variants) {
      const results = rounds.get(variant.name) ?? [];
      const rps = results.map((r) => r.rps);
      const line = [
        variant.name.padEnd(8),
        median(rps).toFixed(0).padStart(14),
        `${Math.min(...rps).toFixed(0)}–${Math.max(...rps).toFixed(0)}`.padStart(13),
        median(results.map((r) => r.p50))
          .toFixed(1)
          .padStart(7),
        median(results.map((r) => r.p99))
          .toFixed(1)
          .padStart(7),
        String(results.reduce((n, r) => n + r.errors, 0)).padStart(7),
        `${((median(rps) / offRps) * 100).toFixed(1)}%`.padStart(7),
      ];
      console.log(line.join('  '));
    }
  }
  collector.close();
  console.log(`\n(the stand-in collector received ${batches} OTLP batches)`);
}

await main();
