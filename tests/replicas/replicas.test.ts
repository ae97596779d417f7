/**
 * Three replicas of what the image runs, on loopback, behind a real nginx configured as
 * compose.yaml's: identical answers and ETags from every replica, the request id passed through,
 * keep-alive to the replicas, a rolling restart under steady load that loses no request, and a
 * dataset rolled out by SIGHUP after which no client sees the old version. ETags are compared as
 * opaque strings: how they are made is the server's business.
 */
import { chmod, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/server/examples';
import { freePort, startImage, whenReady, type ImageProcess } from './image-process';
import { startNginx, type Nginx } from './nginx';

const SEED = fileURLToPath(new URL('../../seed', import.meta.url));
const REPLICAS = 3;
const CONCURRENCY = 6;

let seedDir: string;
let ports: number[];
const replicas: ImageProcess[] = [];
const retired: ImageProcess[] = [];
let nginx: Nginx;

const start = (i: number) =>
  startImage(ports[i] ?? 0, { SEED_DIR: seedDir, SHUTDOWN_GRACE_MS: '5000' });

beforeAll(async () => {
  seedDir = await mkdtemp(join(tmpdir(), 'orggraph-replica-seed-'));
  await cp(SEED, seedDir, { recursive: true });
  await chmod(seedDir, 0o755);
  ports = await Promise.all(Array.from({ length: REPLICAS }, freePort));
  for (let i = 0; i < REPLICAS; i++) replicas.push(start(i));
  await Promise.all(replicas.map((r) => whenReady(r)));
  nginx = await startNginx(ports, await freePort());
});

afterAll(async () => {
  for (const r of [...replicas, ...retired]) r.child.kill('SIGKILL');
  await nginx?.stop();
  if (seedDir) await rm(seedDir, { recursive: true, force: true });
});

/** What the load asks: every GraphiQL example by GET, and the dataset's version by POST. */
interface Ask {
  readonly name: string;
  readonly path: string;
  readonly init: RequestInit;
}
const VERSION_QUERY = '{ dataset { version } unit(name: "NOS") { acronym } }';
const ASKS: Ask[] = [
  ...EXAMPLES.flatMap((e, i) =>
    ['en', 'fr'].map((lang) => ({
      name: `example ${i} (${lang})`,
      path: `/graphql?query=${encodeURIComponent(e.query)}`,
      init: { headers: { 'accept-language': lang } },
    })),
  ),
  {
    name: 'version (POST)',
    path: '/graphql',
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: VERSION_QUERY }),
    },
  },
];

interface Answer {
  readonly status: number;
  readonly etag: string | null;
  readonly body: string;
  readonly requestId: string | null;
  readonly upstream: string | null;
}

async function ask(base: string, a: Ask, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${base}${a.path}`, {
    ...a.init,
    headers: { ...(a.init.headers as Record<string, string>), ...headers },
    signal: AbortSignal.timeout(15_000),
  });
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    body: await response.text(),
    requestId: response.headers.get('x-request-id'),
    upstream: response.headers.get('x-test-upstream'),
  };
}

interface Sample {
  readonly ask: Ask;
  readonly started: number;
  readonly ended: number;
  readonly answer?: Answer;
  readonly error?: string;
}

/** CONCURRENCY clients asking through nginx, one request after another, until stopped. */
function steadyLoad(): { stop(): Promise<Sample[]> } {
  const samples: Sample[] = [];
  let running = true;
  let next = 0;
  const client = async () => {
    while (running) {
      const a = ASKS[next++ % ASKS.length] ?? ASKS[0]!;
      const started = performance.now();
      try {
        const answer = await ask(nginx.base, a);
        samples.push({ ask: a, started, ended: performance.now(), answer });
      } catch (error) {
        samples.push({ ask: a, started, ended: performance.now(), error: String(error) });
      }
    }
  };
  const clients = Array.from({ length: CONCURRENCY }, client);
  return {
    async stop() {
      running = false;
      await Promise.all(clients);
      return samples;
    },
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The answers every replica gave before anything changed, by ask name. */
const baseline = new Map<string, Answer>();

function failures(samples: readonly Sample[]): string[] {
  return samples.flatMap((s) => {
    const expected = baseline.get(s.ask.name);
    if (s.error) return [`${s.ask.name}: ${s.error}`];
    if (s.answer?.status !== 200) return [`${s.ask.name}: status ${s.answer?.status}`];
    if (s.answer.body !== expected?.body) return [`${s.ask.name}: another answer`];
    if (s.answer.etag !== expected.etag) return [`${s.ask.name}: another ETag`];
    return [];
  });
}

const perUpstream = (samples: readonly Sample[]) => {
  const counts: Record<string, number> = {};
  for (const s of samples) {
    const upstream = s.answer?.upstream ?? 'none';
    counts[upstream] = (counts[upstream] ?? 0) + 1;
  }
  return counts;
};

/** Connections to the given local ports in the kernel's table (any state, TIME_WAIT included). */
async function connectionsTo(targetPorts: readonly number[]): Promise<Set<string>> {
  const hex = new Set(targetPorts.map((p) => p.toString(16).toUpperCase().padStart(4, '0')));
  const table = await readFile('/proc/net/tcp', 'utf8');
  const found = new Set<string>();
  for (const line of table.split('\n').slice(1)) {
    const [, local, remote] = line.trim().split(/\s+/);
    if (local && remote && hex.has(remote.split(':')[1] ?? '')) found.add(`${local}>${remote}`);
  }
  return found;
}

describe('three replicas behind nginx', () => {
  it('give identical answers and identical ETags for the same dataset', async () => {
    let compared = 0;
    for (const a of ASKS) {
      const direct = await Promise.all(replicas.map((r) => ask(r.base, a)));
      const proxied = await ask(nginx.base, a);
      for (const answer of [...direct, proxied]) {
        expect(answer.status, a.name).toBe(200);
        expect(answer.etag, a.name).toMatch(/^(W\/)?".+"$/);
        expect(answer.etag, a.name).toBe(direct[0]?.etag);
        expect(answer.body, a.name).toBe(direct[0]?.body);
        compared++;
      }
      baseline.set(a.name, proxied);
    }
    expect(new Set([...baseline.values()].map((b) => b.etag)).size).toBe(ASKS.length);
    console.log(
      `identical answers: ${ASKS.length} queries × ${REPLICAS} replicas and nginx, ${compared} responses`,
    );
  });

  it('passes the request id through, and keeps its connections to the replicas alive', async () => {
    const given = await ask(nginx.base, ASKS[0]!, { 'x-request-id': 'replica-test-given-id' });
    expect(given.requestId).toBe('replica-test-given-id');
    const made = await ask(nginx.base, ASKS[1]!);
    expect(made.requestId).toMatch(/^[0-9a-f]{32}$/);
    const logged = (id: string | null) =>
      replicas.some((r) => r.lines().some((l) => l.reqId === id));
    await expect.poll(() => logged(given.requestId) && logged(made.requestId)).toBe(true);

    const before = await connectionsTo(ports);
    const load = steadyLoad();
    await pause(2000);
    const samples = await load.stop();
    const opened = [...(await connectionsTo(ports))].filter((c) => !before.has(c)).length;
    expect(failures(samples)).toEqual([]);
    expect(samples.length).toBeGreaterThan(100);
    // Without keep-alive every request would open a connection of its own.
    expect(opened).toBeLessThan(samples.length / 5);
    console.log(
      `keep-alive: ${samples.length} requests through nginx opened ${opened} connections to the replicas`,
    );
  });

  it('lose no request in a rolling restart under steady load', async () => {
    const load = steadyLoad();
    await pause(500);
    const exits: (number | null)[] = [];
    const served = (r: ImageProcess) => r.lines().filter((l) => l.path === '/graphql').length;
    for (let i = 0; i < REPLICAS; i++) {
      const old = replicas[i]!;
      old.child.kill('SIGTERM');
      exits.push(await old.exited);
      retired.push(old);
      replicas[i] = start(i);
      await whenReady(replicas[i]!);
      // As a rollout should: the next replica stops only once nginx has this one back in the
      // rotation (it tries it again after fail_timeout). Stopping it while nginx still counts this
      // one as failed leaves a single live upstream, and one failed exchange with it then leaves
      // none: nginx answers 502 until a fail_timeout ends.
      const restarted = replicas[i]!;
      await expect.poll(() => served(restarted) > 0, { timeout: 15_000, interval: 100 }).toBe(true);
    }
    const samples = await load.stop();
    expect(exits).toEqual([0, 0, 0]);
    expect(failures(samples)).toEqual([]);
    const drained = retired.map((r) => r.lines().at(-1)?.outcome);
    expect(drained).toEqual(['drained', 'drained', 'drained']);
    const retried = samples.filter((s) => s.answer?.upstream?.includes(',')).length;
    console.log(
      `rolling restart: ${samples.length} requests, ${failures(samples).length} lost, ${retried} sent again by nginx to another replica; by replica ${JSON.stringify(perUpstream(samples))}`,
    );
  });

  it('move every replica to a new dataset on SIGHUP, and no client sees the old ETags after', async () => {
    const oldEtags = new Set([...baseline.values()].map((b) => b.etag));
    const oldVersion = (await whenReady(replicas[0]!)).version;
    const load = steadyLoad();
    await pause(500);
    const units = join(seedDir, 'units.yaml');
    await writeFile(units, `${await readFile(units, 'utf8')}\n# a new version of the dataset\n`);
    for (const r of replicas) r.child.kill('SIGHUP');
    // Each replica's own /readyz, polled until it reports the new version.
    const newVersions = await Promise.all(
      replicas.map(async (r) => {
        for (;;) {
          const ready = (await (await fetch(`${r.base}/readyz`)).json()) as { version: string };
          if (ready.version !== oldVersion)
            return { version: ready.version, at: performance.now() };
          await pause(10);
        }
      }),
    );
    const lastReady = Math.max(...newVersions.map((v) => v.at));
    await pause(1500);
    const samples = await load.stop();

    expect(new Set(newVersions.map((v) => v.version)).size).toBe(1);
    const newVersion = newVersions[0]?.version ?? '';
    expect(samples.filter((s) => s.error || s.answer?.status !== 200)).toEqual([]);
    const after = samples.filter((s) => s.started > lastReady);
    expect(after.length).toBeGreaterThan(20);
    expect(
      after.filter((s) => oldEtags.has(s.answer?.etag ?? null)).map((s) => s.ask.name),
    ).toEqual([]);
    for (const s of after.filter((s) => s.ask.name === 'version (POST)'))
      expect(JSON.parse(s.answer?.body ?? '{}').data.dataset.version).toBe(newVersion);
    // The new answers are again the same on every replica.
    for (const a of ASKS.slice(0, 4)) {
      const etags = await Promise.all(replicas.map(async (r) => (await ask(r.base, a)).etag));
      expect(new Set(etags).size, a.name).toBe(1);
      expect(oldEtags.has(etags[0] ?? null), a.name).toBe(false);
    }
    const inFlight = samples.filter(
      (s) => s.started <= lastReady && s.ended > lastReady && oldEtags.has(s.answer?.etag ?? null),
    ).length;
    console.log(
      `reload: ${samples.length} requests, ${after.length} started after the last replica reported version ${newVersion}, 0 of them with an old ETag (${inFlight} in flight at that moment finished with the old one)`,
    );
  });
});
