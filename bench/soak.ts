/**
 * A bounded soak (`npm run soak`, not part of `npm test`): the production server in its own
 * process on loopback, saturated for SOAK_SECONDS (default 60) by concurrent normal queries with
 * hostile requests interleaved. Prints normal-query errors (must be 0), latency percentiles,
 * throughput, and the server's memory before and after (from its /metrics); exits 1 when a normal
 * query failed or memory grew beyond SOAK_MAX_RSS_GROWTH_MB (default 100).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EXAMPLES } from '../src/server/examples';
import { freePort } from '../tests/http-kit';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 32);
const MAX_GROWTH_MB = Number(process.env.SOAK_MAX_RSS_GROWTH_MB ?? 100);
const MAIN = fileURLToPath(new URL('../src/server/main.ts', import.meta.url));

const NAMES = ['NOS', 'ESC', 'Private Office', 'NATO Security Office', 'IBAN', 'no such unit'];
const TOPICS = ['cyber defence', 'cyberdéfense', 'terrorism', 'climate change', 'budget'];

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

/** A normal request: an example tab, or a small query with variables (some never seen before). */
function normalRequest(): { query: string; variables?: Record<string, unknown> } {
  const roll = Math.random();
  if (roll < 0.4) return { query: pick(EXAMPLES).query };
  if (roll < 0.7)
    return {
      query: 'query Line($u: String!) { reportingLine(unit: $u) { name } unit(name: $u) { key } }',
      variables: { u: Math.random() < 0.8 ? pick(NAMES) : `unit ${Math.random()}` },
    };
  return {
    query: 'query Who($t: String!) { whoHandles(topic: $t) { name acronym } }',
    variables: { t: Math.random() < 0.8 ? pick(TOPICS) : `topic ${Math.random()}` },
  };
}

const HOSTILE: { name: string; init: () => RequestInit }[] = [
  { name: 'malformed JSON', init: () => jsonInit('{"query": "{') },
  {
    name: 'form POST',
    init: () => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7B__typename%7D',
    }),
  },
  {
    name: 'deep',
    init: () =>
      jsonInit(JSON.stringify({ query: `{ ${'units { '.repeat(20)} name ${'} '.repeat(20)} }` })),
  },
  {
    name: 'aliases',
    init: () =>
      jsonInit(
        JSON.stringify({
          query: `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: divisions { name }`).join(' ')} }`,
        }),
      ),
  },
  {
    name: 'cost',
    init: () =>
      jsonInit(
        JSON.stringify({
          query:
            '{ divisions { units { units { units { responsibilities { handledBy { units { events { affected { name } } } } } } } } } }',
        }),
      ),
  },
  {
    name: 'huge body',
    init: () =>
      jsonInit(JSON.stringify({ query: `{ unit(name: "${'x'.repeat(150_000)}") { name } }` })),
  },
  {
    name: 'batch',
    init: () =>
      jsonInit(
        JSON.stringify([{ query: '{ divisions { name } }' }, { query: '{ offices { name } }' }]),
      ),
  },
  {
    name: 'fragment cycle',
    init: () =>
      jsonInit(
        JSON.stringify({
          query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
        }),
      ),
  },
];

function jsonInit(body: string): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body,
  };
}

/** The server as `npm start` runs it, with info logs off so that logging does not dominate. */
async function startServer(): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ORGGRAPH_MODE: 'production',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let gone = false;
  void exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (gone || Date.now() > deadline) throw new Error('soak: the server did not start');
    const ready = await fetch(url.replace('/graphql', '/readyz')).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

async function memory(url: string): Promise<{ rssMb: number; heapMb: number }> {
  const text = await (await fetch(url.replace('/graphql', '/metrics'))).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? NaN);
  return {
    rssMb: value('orggraph_process_resident_memory_bytes') / 1e6,
    heapMb: value('orggraph_nodejs_heap_size_used_bytes') / 1e6,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  const server = await startServer();
  console.log(
    `soak: ${SECONDS} s, ${CONCURRENCY} concurrent clients, hostile requests interleaved, server ${server.url}`,
  );
  // Warm up (JIT, caches) before the baseline.
  const warmEnd = Date.now() + 3000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < warmEnd)
        await fetch(server.url, jsonInit(JSON.stringify(normalRequest()))).then((r) =>
          r.arrayBuffer(),
        );
    }),
  );
  const before = await memory(server.url);

  const latencies: number[] = [];
  const failures: string[] = [];
  const hostileStatuses = new Map<string, number>();
  let hostileUnrefused = 0;
  const end = Date.now() + SECONDS * 1000;
  let count = 0;
  // Memory every tenth of the run: a leak climbs steadily, garbage collection saws up and down.
  const samples: string[] = [];
  const sampler = setInterval(
    () => {
      void memory(server.url).then((m) =>
        samples.push(`${m.rssMb.toFixed(0)}/${m.heapMb.toFixed(0)}`),
      );
    },
    (SECONDS * 1000) / 10,
  );
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        count++;
        if (count % 10 === 0) {
          const hostile = pick(HOSTILE);
          try {
            const response = await fetch(server.url, hostile.init());
            await response.arrayBuffer();
            const key = `${hostile.name} → ${response.status}`;
            hostileStatuses.set(key, (hostileStatuses.get(key) ?? 0) + 1);
            if (response.status < 400) hostileUnrefused++;
          } catch {
            hostileStatuses.set(
              `${hostile.name} → connection closed`,
              (hostileStatuses.get(`${hostile.name} → connection closed`) ?? 0) + 1,
            );
          }
          continue;
        }
        const started = performance.now();
        try {
          const response = await fetch(server.url, jsonInit(JSON.stringify(normalRequest())));
          const body = (await response.json()) as { errors?: { message: string }[] };
          if (response.status !== 200 || body.errors?.length)
            failures.push(`${response.status} ${body.errors?.[0]?.message ?? ''}`);
        } catch (error) {
          failures.push(String(error));
        }
        latencies.push(performance.now() - started);
      }
    }),
  );
  clearInterval(sampler);
  const after = await memory(server.url);
  const exitCode = await server.stop();

  latencies.sort((a, b) => a - b);
  const hostileTotal = [...hostileStatuses.values()].reduce((a, b) => a + b, 0);
  console.log(
    `normal queries: ${latencies.length} (${Math.round(latencies.length / SECONDS)}/s), errors: ${failures.length}`,
  );
  for (const failure of failures.slice(0, 5)) console.log(`  ${failure}`);
  console.log(
    `latency ms: p50 ${percentile(latencies, 50).toFixed(1)}, p90 ${percentile(latencies, 90).toFixed(1)}, p99 ${percentile(latencies, 99).toFixed(1)}, max ${(latencies.at(-1) ?? NaN).toFixed(1)}`,
  );
  console.log(`hostile requests: ${hostileTotal}, not refused: ${hostileUnrefused}`);
  for (const [key, n] of [...hostileStatuses].sort()) console.log(`  ${key}: ${n}`);
  const growth = after.rssMb - before.rssMb;
  console.log(
    `server RSS MB: before ${before.rssMb.toFixed(1)}, after ${after.rssMb.toFixed(1)} (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}); heap used MB: ${before.heapMb.toFixed(1)} → ${after.heapMb.toFixed(1)}`,
  );
  console.log(`server RSS/heap MB during the run: ${samples.join(' ')}`);
  console.log(`server exit code after SIGTERM: ${exitCode}`);
  const ok =
    failures.length === 0 && hostileUnrefused === 0 && growth <= MAX_GROWTH_MB && exitCode === 0;
  console.log(ok ? 'soak: ok' : 'soak: FAILED');
  process.exit(ok ? 0 : 1);
}

void main();
