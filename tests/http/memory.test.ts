/**
 * Memory no query can exhaust: the production server, in a process of its own, serves a generated
 * organisation of 100,000 units and is asked 200 distinct "everything" queries — the deprecated
 * plain lists, the largest pages the limits allow with pages nested in them, deep descendants,
 * aliases multiplying fields, search, neighbourhoods, dated views, the answers to questions. Every
 * answer must be within the response budget or a clear refusal, the server must still answer
 * afterwards, and its resident memory must stay below 1.5 GB throughout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrgInTemp, type GeneratedOrg } from '../../src/cli/seed-generate';
import { SETTINGS } from '../../src/server/config';
import { everythingQueries } from './everything-queries';

const UNITS = 100_000;
const QUERIES = 200;
const CONCURRENCY = 4;
const MAX_RSS = 1.5 * 2 ** 30;
const BUDGET = SETTINGS.maxResponseBytes.fallback;
/** Refusals that name a limit the client can stay within. */
const REFUSALS = new Set(['RESPONSE_TOO_LARGE', 'COST_LIMIT_EXCEEDED', 'QUERY_LIMIT_EXCEEDED']);

const MAIN = fileURLToPath(new URL('../../src/server/main.ts', import.meta.url));

/** Resident memory of a process now and at its peak, in bytes (Linux's /proc). */
async function rssOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rss: kb('VmRSS') * 1024, peak: kb('VmHWM') * 1024 };
}

function startServer(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SEED_DIR: dir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (out === undefined) return;
      out += chunk.toString();
      const url = /"url":"([^"]+)"/.exec(out)?.[1];
      if (url) {
        out = '';
        resolve({ child, url });
      }
      // The request log lines are not needed: keep nothing of them.
      if (out.length > 1_000_000) out = out.slice(-10_000);
    });
  });
}

interface Outcome {
  readonly status: number;
  readonly bytes: number;
  readonly codes: string[];
  readonly data: boolean;
}

async function ask(url: string, query: string): Promise<Outcome> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as {
    data?: unknown;
    errors?: { extensions?: { code?: string } }[];
  };
  return {
    status: response.status,
    bytes: Buffer.byteLength(text),
    codes: (body.errors ?? []).map((e) => e.extensions?.code ?? 'NONE'),
    data: body.data !== undefined && body.data !== null,
  };
}

describe(`the production server on ${UNITS} units`, () => {
  let org: GeneratedOrg;
  let server: { child: ChildProcess; url: string };

  beforeAll(async () => {
    org = await generateOrgInTemp({ units: UNITS, seed: 12 });
    server = await startServer(org.dir);
  }, 600_000);

  afterAll(async () => {
    server?.child.kill('SIGTERM');
    if (org) await rm(org.dir, { recursive: true, force: true });
  });

  it(`answers ${QUERIES} distinct "everything" queries within the budget and below 1.5 GB`, async () => {
    const pid = server.child.pid!;
    const queries = everythingQueries(org, QUERIES);
    expect(new Set(queries).size).toBe(QUERIES);
    let highest = (await rssOf(pid)).rss;
    const sampler = setInterval(() => {
      rssOf(pid).then(
        ({ rss }) => (highest = Math.max(highest, rss)),
        () => undefined,
      );
    }, 50);
    const outcomes: Outcome[] = new Array<Outcome>(queries.length);
    let next = 0;
    const worker = async () => {
      while (next < queries.length) {
        const i = next++;
        outcomes[i] = await ask(server.url, queries[i]!);
      }
    };
    try {
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    } finally {
      clearInterval(sampler);
    }

    const { peak } = await rssOf(pid);
    const answered = outcomes.filter((o) => o.data && o.codes.length === 0).length;
    const refusals = new Map<string, number>();
    for (const o of outcomes)
      for (const code of o.codes) refusals.set(code, (refusals.get(code) ?? 0) + 1);
    console.info(
      `memory test: ${answered} answered, refused ${JSON.stringify(Object.fromEntries(refusals))}, ` +
        `largest answer ${Math.max(...outcomes.map((o) => o.bytes))} bytes, ` +
        `peak RSS ${(Math.max(peak, highest) / 2 ** 20).toFixed(0)} MiB`,
    );

    for (const [i, o] of outcomes.entries()) {
      const what = `query ${i}: ${queries[i]!.slice(0, 120)}`;
      expect(o.status, what).toBeLessThan(500);
      expect(o.bytes, what).toBeLessThanOrEqual(BUDGET);
      // Either a whole answer, or refused for a limit the client can keep to.
      if (o.codes.length > 0)
        expect(
          o.codes.every((c) => REFUSALS.has(c)),
          `${what}: ${o.codes.join(', ')}`,
        ).toBe(true);
      else expect(o.data, what).toBe(true);
    }
    expect(refusals.get('RESPONSE_TOO_LARGE') ?? 0).toBeGreaterThan(0);
    expect(answered).toBeGreaterThan(QUERIES / 2);
    expect(Math.max(peak, highest)).toBeLessThan(MAX_RSS);

    const health = await ask(server.url, '{ dataset { version } }');
    expect(health).toMatchObject({ status: 200, codes: [], data: true });
  }, 900_000);
});
