/**
 * The fast lane answers plain queries without yoga's Fetch objects; its answers must be yoga's,
 * to the byte: the same status, media type, body, ETag, Cache-Control and Vary, for successes and
 * for the errors it takes (validation, execution, the cost limit). What it must not take (parse
 * errors, mutations, persisted queries, extra parameters, other media types, CORS) it leaves to
 * yoga.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../src/server/config';
import { startExchange } from '../../src/server/exchange';
import { createFastLane, regularMediaType, type LaneRequest } from '../../src/server/fast-lane';
import { GraphStore } from '../../src/server/graph-store';
import { createOrgYoga } from '../../src/server/yoga';
import { defaultGraph } from '../kit';

interface Case {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly body?: unknown;
  readonly query?: Record<string, string>;
  readonly headers?: Record<string, string>;
}

const json = { accept: 'application/json' };
const spec = { accept: 'application/graphql-response+json' };

const TAKEN: Case[] = [
  { name: 'a query', method: 'POST', body: { query: '{ divisions { key name } }' }, headers: json },
  {
    name: 'variables and an operation name',
    method: 'POST',
    body: {
      query: 'query L($u: String!) { reportingLine(unit: $u) { key } } query O { offices { key } }',
      variables: { u: 'NOS' },
      operationName: 'L',
    },
    headers: spec,
  },
  { name: 'no Accept header', method: 'POST', body: { query: '{ offices { key } }' } },
  {
    name: 'both media types, in an order',
    method: 'POST',
    body: { query: '{ offices { key } }' },
    headers: { accept: 'application/json, application/graphql-response+json' },
  },
  {
    name: 'French',
    method: 'POST',
    body: { query: '{ unit(name: "NOS") { name } }' },
    headers: { ...json, 'accept-language': 'fr' },
  },
  { name: 'a GET', method: 'GET', query: { query: '{ divisions { key } }' }, headers: json },
  {
    name: 'a GET with variables',
    method: 'GET',
    query: {
      query: 'query($u: String!) { unit(name: $u) { key } }',
      variables: JSON.stringify({ u: 'ESC' }),
    },
    headers: spec,
  },
  {
    name: 'a validation error, for application/json',
    method: 'POST',
    body: { query: '{ divisions { nope } }' },
    headers: json,
  },
  {
    name: 'a validation error, for graphql-response+json',
    method: 'POST',
    body: { query: '{ divisions { nope } }' },
    headers: spec,
  },
  {
    name: 'an execution error (a refused argument)',
    method: 'POST',
    body: { query: '{ neighbourhood(of: "ESC", depth: 11) { nodes { key } } }' },
    headers: spec,
  },
  {
    name: 'an unknown name given as an argument',
    method: 'POST',
    body: { query: '{ events(affecting: "Ministry of Magic") { key } }' },
    headers: json,
  },
  {
    name: 'variables that do not fit',
    method: 'POST',
    body: { query: 'query($u: String!) { unit(name: $u) { key } }', variables: { u: 3 } },
    headers: spec,
  },
  {
    name: 'over the cost limit',
    method: 'POST',
    body: { query: `{ ${'units { '.repeat(5)} key ${'} '.repeat(5)} }` },
    headers: spec,
  },
  {
    name: 'a dated view',
    method: 'POST',
    body: { query: '{ at(date: "2009-06-01") { divisions { id key } } }' },
    headers: json,
  },
];

const LEFT_TO_YOGA: Case[] = [
  { name: 'a syntax error', method: 'POST', body: { query: '{ divisions { key ' }, headers: json },
  {
    name: 'a mutation over GET',
    method: 'GET',
    query: { query: 'mutation { x }' },
    headers: json,
  },
  {
    name: 'a persisted query',
    method: 'POST',
    body: { extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } },
    headers: json,
  },
  { name: 'an extra parameter', method: 'POST', body: { query: '{ offices { key } }', x: 1 } },
  { name: 'a batch', method: 'POST', body: [{ query: '{ offices { key } }' }], headers: json },
  { name: 'not JSON', method: 'POST', body: '{"query": ', headers: json },
  {
    name: 'an event stream',
    method: 'POST',
    body: { query: '{ offices { key } }' },
    headers: { accept: 'text/event-stream' },
  },
];

async function setUp(overrides: Partial<Config> = {}) {
  const graph = await defaultGraph();
  const config = defaultConfig({ maxCost: 5000, ...overrides });
  const store = new GraphStore(graph);
  const yoga = createOrgYoga({ store, config, logging: false });
  const lane = createFastLane(yoga, config);
  const url = (c: Case) =>
    c.method === 'GET' ? `/graphql?${new URLSearchParams(c.query).toString()}` : '/graphql';
  const body = (c: Case) =>
    c.body === undefined ? '' : typeof c.body === 'string' ? c.body : JSON.stringify(c.body);
  const exchange = (c: Case) =>
    startExchange(graph, {
      method: c.method,
      path: '/graphql',
      requestId: undefined,
      acceptLanguage: c.headers?.['accept-language'],
    });
  const byLane = (c: Case, origin?: string) => {
    const request: LaneRequest = {
      method: c.method,
      url: url(c),
      accept: c.headers?.accept,
      ifNoneMatch: c.headers?.['if-none-match'],
      body: Buffer.from(body(c)),
    };
    return lane(request, exchange(c), origin);
  };
  const byYoga = async (c: Case) => {
    const response = await yoga.fetch(
      `http://localhost${url(c)}`,
      {
        method: c.method,
        headers: {
          ...(c.method === 'POST' ? { 'content-type': 'application/json' } : {}),
          ...c.headers,
        },
        ...(c.method === 'POST' ? { body: body(c) } : {}),
      },
      { exchange: exchange(c) },
    );
    return response;
  };
  return { byLane, byYoga };
}

const ANSWER_HEADERS = ['content-type', 'etag', 'cache-control', 'vary'];

/** A header of a raw list of names and values, alternating. */
function rawHeader(raw: readonly string[], name: string): string | null {
  for (let i = 0; i < raw.length; i += 2) if (raw[i] === name) return raw[i + 1] ?? null;
  return null;
}

describe('the fast lane', async () => {
  const { byLane, byYoga } = await setUp();

  it.each(TAKEN.map((c) => [c.name, c]))('answers %s as yoga does', async (_, c) => {
    const [lane, yoga] = await Promise.all([byLane(c), byYoga(c)]);
    expect(lane, 'the lane took it').toBeDefined();
    if (!lane) return;
    const laneHeaders = Object.fromEntries(
      ANSWER_HEADERS.map((h) => [h, rawHeader(lane.headers, h)]),
    );
    const yogaHeaders = Object.fromEntries(ANSWER_HEADERS.map((h) => [h, yoga.headers.get(h)]));
    expect({ status: lane.status, headers: laneHeaders, body: lane.body }).toEqual({
      status: yoga.status,
      headers: yogaHeaders,
      body: await yoga.text(),
    });
  });

  it.each(LEFT_TO_YOGA.map((c) => [c.name, c]))('leaves %s to yoga', async (_, c) => {
    expect(await byLane(c)).toBeUndefined();
  });

  it('answers a valid query asked again (its checks remembered) as yoga does', async () => {
    const c: Case = {
      name: 'again',
      method: 'POST',
      body: {
        query: 'query L($u: String!) { reportingLine(unit: $u) { key } }',
        variables: { u: 'NOS' },
      },
      headers: json,
    };
    const other = { ...c, body: { ...(c.body as object), variables: { u: 'ESC' } } };
    for (const asked of [c, c, other, c]) {
      const [lane, yoga] = await Promise.all([byLane(asked), byYoga(asked)]);
      expect([lane?.status, lane?.body]).toEqual([yoga.status, await yoga.text()]);
    }
  });

  it('answers each operation of a document it has seen valid, and leaves an unknown one to yoga', async () => {
    const query = 'query Q { offices { key } } query R { divisions { key } }';
    const asked = (operationName: string): Case => ({
      name: operationName,
      method: 'POST',
      body: { query, operationName },
      headers: json,
    });
    for (const name of ['Q', 'R', 'Q']) {
      const [lane, yoga] = await Promise.all([byLane(asked(name)), byYoga(asked(name))]);
      expect([lane?.status, lane?.body]).toEqual([yoga.status, await yoga.text()]);
    }
    // No such operation: yoga words that error.
    expect(await byLane(asked('Nope'))).toBeUndefined();
  });

  it('answers 304 to a matching If-None-Match, as yoga does', async () => {
    const c: Case = { name: 'first', method: 'GET', query: { query: '{ offices { key } }' } };
    const first = await byLane(c);
    const etag = first?.etag;
    expect(etag).toMatch(/^"/);
    const again = { ...c, headers: { 'if-none-match': String(etag) } };
    const [lane, yoga] = await Promise.all([byLane(again), byYoga(again)]);
    expect([lane?.status, lane?.body]).toEqual([yoga.status, await yoga.text()]);
    expect(lane?.status).toBe(304);
  });

  it('leaves cross-origin requests to yoga when CORS is configured', async () => {
    const cors = await setUp({ corsOrigins: ['https://app.example'] });
    const c = TAKEN[0] as Case;
    expect(await cors.byLane(c, 'https://app.example')).toBeUndefined();
    expect(await cors.byLane(c)).toBeDefined();
  });
});

describe('the media type the lane answers with', () => {
  it.each([
    [undefined, 'application/json'],
    ['*/*', 'application/json'],
    ['application/json', 'application/json'],
    ['application/graphql-response+json', 'application/graphql-response+json'],
    ['application/graphql-response+json, application/json', 'application/graphql-response+json'],
    ['application/json; charset=utf-8, application/graphql-response+json', 'application/json'],
    ['application/json; charset=latin1', undefined],
    ['text/event-stream', undefined],
    ['text/html', undefined],
  ])('for Accept %s is %s, as yoga picks it', (accept, type) => {
    expect(regularMediaType(accept)).toBe(type);
  });
});
