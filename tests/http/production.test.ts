/** Caching, persisted queries, metrics, logs and CORS, driven through yoga.fetch. */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { defaultConfig, type Config } from '../../src/server/config';
import { GraphStore } from '../../src/server/graph-store';
import { createLogger, Metrics } from '../../src/server/observability';
import { createOrgYoga, type OrgYoga } from '../../src/server/yoga';
import { defaultGraph, editFile, seedCopy } from '../kit';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function yogaWith(overrides: Partial<Config> = {}, store?: GraphStore) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const config = defaultConfig(overrides);
  const theStore = store ?? new GraphStore(await defaultGraph());
  const yoga = createOrgYoga({
    store: theStore,
    config,
    logger: createLogger('info', sink),
    metrics: new Metrics(() => theStore.current),
  });
  return { yoga, lines, store: theStore };
}

const QUERY = '{ unit(name: "NOS") { name acronym } }';
const getUrl = (query: string) => `http://yoga/graphql?query=${encodeURIComponent(query)}`;
const postInit = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('HTTP caching', () => {
  it('gives GET queries an ETag, Cache-Control and 304 on If-None-Match', async () => {
    const { yoga, store } = await yogaWith();
    const first = await yoga.fetch(getUrl(QUERY));
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(new RegExp(`^"${store.current.meta.version}-[0-9a-f]{32}"$`));
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    expect(first.headers.get('vary')).toContain('Accept-Language');

    const again = await yoga.fetch(getUrl(QUERY), { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('varies the ETag with the language and the variables', async () => {
    const { yoga } = await yogaWith();
    const en = await yoga.fetch(getUrl(QUERY));
    const fr = await yoga.fetch(getUrl(QUERY), { headers: { 'accept-language': 'fr' } });
    expect(await fr.json()).toEqual({
      data: { unit: { name: "Bureau de sécurité de l'OTAN", acronym: 'NOS' } },
    });
    expect(fr.headers.get('etag')).not.toBe(en.headers.get('etag'));
  });

  it('does not let a CDN keep POSTs or errors', async () => {
    const { yoga } = await yogaWith();
    const post = await yoga.fetch('http://yoga/graphql', postInit({ query: QUERY }));
    expect(post.headers.get('cache-control')).toBe('no-store');
    const error = await yoga.fetch(getUrl('{ nope }'));
    expect(error.headers.get('cache-control')).toBe('no-store');
  });

  it('stops matching old ETags once a reload changes the data', async () => {
    const dir = await seedCopy();
    dirs.push(dir);
    const { yoga, store } = await yogaWith({}, await GraphStore.open(dir));
    const before = await yoga.fetch(getUrl(QUERY));
    const etag = before.headers.get('etag') ?? '';
    await editFile(dir, 'units.yaml', (text) => `${text}\n# edited\n`);
    await store.reload();
    const after = await yoga.fetch(getUrl(QUERY), { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(after.headers.get('etag')).toContain(store.current.meta.version);
  });
});

describe('persisted queries', () => {
  it('runs a query sent as a hash once the server has seen it (APQ)', async () => {
    const { yoga } = await yogaWith();
    const sha256Hash = sha256(QUERY);
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const unknown = await yoga.fetch('http://yoga/graphql', postInit({ extensions }));
    expect(await unknown.json()).toMatchObject({
      errors: [{ message: 'PersistedQueryNotFound' }],
    });
    const register = await yoga.fetch(
      'http://yoga/graphql',
      postInit({ query: QUERY, extensions }),
    );
    expect(register.status).toBe(200);
    const byHash = await yoga.fetch('http://yoga/graphql', postInit({ extensions }));
    expect(await byHash.json()).toEqual({
      data: { unit: { name: 'NATO Office of Security', acronym: 'NOS' } },
    });
  });

  it('runs only trusted documents in trusted-documents mode', async () => {
    const dir = await seedCopy();
    dirs.push(dir);
    const file = join(dir, 'trusted.json');
    const id = sha256(QUERY);
    await writeFile(file, JSON.stringify({ [id]: QUERY }));
    const { yoga } = await yogaWith({ mode: 'production', trustedDocuments: file });
    const trusted = await yoga.fetch(
      'http://yoga/graphql',
      postInit({ extensions: { persistedQuery: { version: 1, sha256Hash: id } } }),
    );
    expect(await trusted.json()).toEqual({
      data: { unit: { name: 'NATO Office of Security', acronym: 'NOS' } },
    });
    const arbitrary = await yoga.fetch('http://yoga/graphql', postInit({ query: QUERY }));
    expect(arbitrary.status).toBe(400);
    expect(await arbitrary.json()).toMatchObject({
      errors: [{ message: expect.stringMatching(/Only trusted documents/) }],
    });
    const unknown = await yoga.fetch(
      'http://yoga/graphql',
      postInit({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }),
    );
    expect(unknown.status).toBe(404);
  });
});

describe('observability', () => {
  it('counts requests, operations, errors by phase, refusals by limit and the dataset at /metrics', async () => {
    const { yoga, store } = await yogaWith();
    await yoga.fetch(
      'http://yoga/graphql',
      postInit({ query: 'query Named { divisions { name } }' }),
    );
    await yoga.fetch(
      'http://yoga/graphql',
      postInit({ query: `{ ${'units { '.repeat(13)} name ${'} '.repeat(13)} }` }),
    );
    await yoga.fetch('http://yoga/graphql', postInit({ query: '{ divisions { name' }));
    await yoga.fetch(
      'http://yoga/graphql',
      postInit({ query: `{ whoHandles(topic: "${'x'.repeat(201)}") { name } }` }),
    );
    await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    await yoga.fetch('http://yoga/graphql', postInit([{ query: '{ divisions { name } }' }]));
    await yoga.fetch(
      'http://yoga/graphql',
      postInit({ query: `{ unit(name: "${'x'.repeat(200_000)}") { name } }` }),
    );
    const metrics = await (await yoga.fetch('http://yoga/metrics')).text();
    expect(metrics).toContain(
      'orggraph_graphql_operations_total{operation="Named",outcome="ok"} 1',
    );
    expect(metrics).toContain(
      'orggraph_graphql_operation_duration_seconds_count{operation="Named"} 1',
    );
    expect(metrics).toContain('orggraph_graphql_errors_total{phase="validate"} 1');
    expect(metrics).toContain('orggraph_graphql_errors_total{phase="parse"} 1');
    expect(metrics).toContain('orggraph_graphql_errors_total{phase="execute"} 1');
    expect(metrics).toMatch(
      /orggraph_http_request_duration_seconds_count\{path="\/graphql"\} [1-9]/,
    );
    expect(metrics).toContain('orggraph_refused_requests_total{limit="depth"} 1');
    expect(metrics).toContain('orggraph_refused_requests_total{limit="content-type"} 1');
    expect(metrics).toContain('orggraph_refused_requests_total{limit="batch"} 1');
    expect(metrics).toContain('orggraph_refused_requests_total{limit="body"} 1');
    expect(metrics).toContain(
      `orggraph_dataset_info{dataset="nato-international-staff",version="${store.current.meta.version}"} 1`,
    );
    expect(metrics).toMatch(/orggraph_dataset_loaded_at_seconds \d+/);
    expect(metrics).toContain(
      'orggraph_http_requests_total{path="/graphql",status="200",outcome="ok"} 1',
    );
    expect(metrics).toContain(
      'orggraph_http_requests_total{path="/graphql",status="415",outcome="refused"} 1',
    );
  });

  it('logs one JSON line per request, without the query text', async () => {
    const { yoga, lines } = await yogaWith();
    await yoga.fetch(
      'http://yoga/graphql',
      postInit(
        { query: 'query Secretive { unit(name: "NOS") { name } }' },
        { 'x-request-id': 'abc-123' },
      ),
    );
    const line = lines.find((l) => l.reqId === 'abc-123');
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'POST',
      path: '/graphql',
      status: 200,
      operation: 'Secretive',
      outcome: 'ok',
      ms: expect.any(Number),
    });
    expect(JSON.stringify(lines)).not.toContain('NOS');
  });

  it('echoes the request id, or makes one', async () => {
    const { yoga } = await yogaWith();
    const given = await yoga.fetch(getUrl(QUERY), { headers: { 'x-request-id': 'r-1' } });
    expect(given.headers.get('x-request-id')).toBe('r-1');
    const made = await yoga.fetch(getUrl(QUERY), { headers: { 'x-request-id': 'bad id\u00e9' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('modes and CORS', () => {
  it('suggests fields in development only', async () => {
    const dev = (await yogaWith()).yoga;
    const prod = (await yogaWith({ mode: 'production' })).yoga;
    const ask = async (yoga: OrgYoga) =>
      JSON.stringify(
        await (
          await yoga.fetch('http://yoga/graphql', postInit({ query: '{ divisons { name } }' }))
        ).json(),
      );
    expect(await ask(dev)).toContain('Did you mean');
    expect(await ask(prod)).not.toContain('Did you mean');
  });

  it('answers introspection in development, but not circular introspection', async () => {
    const { yoga } = await yogaWith();
    const ask = async (query: string) =>
      (await yoga.fetch('http://yoga/graphql', postInit({ query }))).json();
    expect(await ask('{ __schema { queryType { name } } }')).toEqual({
      data: { __schema: { queryType: { name: 'Query' } } },
    });
    expect(
      await ask(
        '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
      ),
    ).toMatchObject({ errors: [{ message: 'Maximum introspection depth exceeded' }] });
  });

  it('serves GraphiQL in development only', async () => {
    const page = { headers: { accept: 'text/html' } };
    const dev = await (await yogaWith()).yoga.fetch('http://yoga/graphql', page);
    expect(dev.headers.get('content-type')).toContain('text/html');
    const prod = await (
      await yogaWith({ mode: 'production' })
    ).yoga.fetch('http://yoga/graphql', page);
    expect(prod.headers.get('content-type') ?? '').not.toContain('text/html');
  });

  it('allows only the configured origins', async () => {
    const { yoga } = await yogaWith({
      corsOrigins: ['https://app.example', 'https://other.example'],
    });
    const preflight = (origin: string) =>
      yoga.fetch('http://yoga/graphql', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const simple = await yoga.fetch(getUrl(QUERY), { headers: { origin: 'https://app.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(simple.headers.get('vary')).toMatch(/Origin.*Accept-Language/);
    expect(
      (await preflight('https://app.example')).headers.get('access-control-allow-origin'),
    ).toBe('https://app.example');
    expect(
      (await preflight('https://evil.example')).headers.get('access-control-allow-origin'),
    ).not.toBe('https://evil.example');
  });
});

describe('the cost limit', () => {
  it('counts the variables of each request, not only its document', async () => {
    const { yoga } = await yogaWith({ maxCost: 60, responseCache: false });
    const query = 'query Find($n: Int) { search(text: "defence", first: $n) { edges { cursor } } }';
    const ask = async (n: number) =>
      (await (
        await yoga.fetch('http://yoga/graphql', postInit({ query, variables: { n } }))
      ).json()) as { errors?: { message: string; extensions: { cost: number } }[] };
    expect((await ask(5)).errors).toBeUndefined();
    const refused = await ask(50);
    expect(refused.errors?.[0]?.message).toMatch(/^Query cost \d+ exceeds the limit of 60/);
    expect(refused.errors?.[0]?.extensions.cost).toBeGreaterThan(60);
    // The same document and variables again, then the small page again: each answered by its own cost.
    expect((await ask(50)).errors?.[0]?.extensions.cost).toBe(refused.errors?.[0]?.extensions.cost);
    expect((await ask(5)).errors).toBeUndefined();
  });
});
