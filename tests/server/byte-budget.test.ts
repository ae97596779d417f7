/**
 * The response byte budget: answers are measured exactly as JSON.stringify writes them, queries
 * whose full pages cannot fit are refused before they run, and any answer over the budget is
 * replaced by one clear error, through yoga and the real server (fast lane, response cache).
 */
import fc from 'fast-check';
import { GraphQLError, parse } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonBytes, shapeBytes, TEXT_BYTES } from '../../src/server/byte-budget';
import { defaultConfig, type Config } from '../../src/server/config';
import { GraphStore } from '../../src/server/graph-store';
import { createOrgYoga } from '../../src/server/yoga';
import { schema } from '../../src/schema/index';
import { startServer, type TestServer } from '../http-kit';
import { defaultGraph } from '../kit';

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '');

describe('jsonBytes', () => {
  it.each<[string, unknown]>([
    ['a plain text', 'NATO Office of Security'],
    ['accents and quotes', 'Bureau de sécurité de l\'OTAN "NOS"'],
    ['escapes', 'tab\tnewline\n\u0001 backslash \\'],
    ['astral characters', 'emoji 🛰️ and 𝄞'],
    ['numbers', [0, -1, 3.25, 1e21, Number.NaN, Number.POSITIVE_INFINITY]],
    ['booleans and null', [true, false, null]],
    ['undefined and functions', { a: undefined, b: () => 1, c: [undefined, () => 1], d: 1 }],
    ['nested objects', { data: { units: { nodes: [{ key: 'nos', name: 'NOS' }, {}] } } }],
    ['an empty answer', { data: {} }],
    ['a GraphQL error', { errors: [new GraphQLError('Nope', { extensions: { code: 'X' } })] }],
    ['a date (toJSON)', { when: new Date(0) }],
  ])('counts %s as JSON.stringify writes it', (_, value) => {
    expect(jsonBytes(value)).toBe(bytesOf(value));
  });

  it('counts any JSON value as JSON.stringify writes it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => jsonBytes(value) === bytesOf(value)),
      { seed: 12, numRuns: 500 },
    );
  });

  it('stops reading once the limit is passed', () => {
    let read = 0;
    const items = Array.from({ length: 10_000 }, () => ({
      get name() {
        read++;
        return 'a unit with a name';
      },
    }));
    expect(jsonBytes({ data: items }, 1000)).toBeGreaterThan(1000);
    expect(read).toBeLessThan(100);
    expect(jsonBytes({ data: items })).toBe(bytesOf({ data: items }));
  });
});

describe('shapeBytes', () => {
  const shape = (query: string, variables: Record<string, unknown> = {}) =>
    shapeBytes(schema, parse(query), undefined, variables);

  it('grows with the page size asked for, from arguments or variables', () => {
    const page = (n: number) => shape(`{ units(first: ${n}) { nodes { key name } } }`);
    expect(page(100)).toBeGreaterThan(9 * page(10));
    expect(shape('query($n: Int) { units(first: $n) { nodes { key } } }', { n: 100 })).toBe(
      shape('{ units(first: 100) { nodes { key } } }'),
    );
    // No size: the default page, as the cost counts it.
    expect(shape('{ units { nodes { key } } }')).toBe(
      shape('{ units(first: 20) { nodes { key } } }'),
    );
  });

  it('multiplies nested pages and counts each alias', () => {
    const nested = (n: number) =>
      shape(`{ units(first: 10) { nodes { descendants(first: ${n}) { nodes { key } } } } }`);
    // 10 × 9 more keys, each at least its name and a text.
    expect(nested(10) - nested(1)).toBeGreaterThan(90 * ('"key":'.length + TEXT_BYTES));
    const one = shape('{ a: units(first: 10) { nodes { key } } }');
    const two = shape(
      '{ a: units(first: 10) { nodes { key } } b: units(first: 10) { nodes { key } } }',
    );
    expect(two).toBe(2 * one - 12); // one `{"data":{}}` less
  });

  it('counts a text at its assumed width and a key at its length', () => {
    const one = shape('{ unit(name: "NOS") { key } }');
    const longer = shape('{ unit(name: "NOS") { aVeryLongAliasForTheKey: key } }');
    expect(longer - one).toBe('aVeryLongAliasForTheKey'.length - 'key'.length);
    expect(one).toBeGreaterThan(TEXT_BYTES);
  });

  it('is 0 for an operation it cannot find', () => {
    expect(shapeBytes(schema, parse('query A { __typename }'), 'B', {})).toBe(0);
  });
});

async function yogaWith(overrides: Partial<Config>) {
  const store = new GraphStore(await defaultGraph());
  return createOrgYoga({ store, config: defaultConfig(overrides), logging: false });
}

const post = (query: string, accept = 'application/json'): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', accept },
  body: JSON.stringify({ query }),
});

interface Answer {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string; maxResponseBytes?: number } }[];
}

const BUDGET = 4096;
/** Small pages, so its shape fits, but long texts, so its answer does not. */
const LONG_ANSWER = '{ units(first: 40) { nodes { key name description } } }';
/** Its full pages alone exceed the budget. */
const LARGE_SHAPE = '{ units(first: 100) { nodes { key name acronym kind } } }';

describe('the budget, through yoga', async () => {
  const yoga = await yogaWith({ maxResponseBytes: BUDGET });

  it('leaves an answer within the budget as it is', async () => {
    const response = await yoga.fetch('http://yoga/graphql', post('{ unit(name: "NOS") { key } }'));
    expect(await response.json()).toEqual({ data: { unit: { key: 'nato-office-of-security' } } });
  });

  it.each([
    ['its full pages cannot fit', LARGE_SHAPE, /could exceed the response budget of 4096 bytes/],
    ['its answer does not fit', LONG_ANSWER, /exceeds the response budget of 4096 bytes/],
  ])('refuses a query when %s, with one clear error', async (_, query, message) => {
    const response = await yoga.fetch('http://yoga/graphql', post(query));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(BUDGET);
    const answer = JSON.parse(text) as Answer;
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors?.[0]?.message).toMatch(message);
    expect(answer.errors?.[0]?.message).toMatch(/smaller pages/);
    expect(answer.errors?.[0]?.extensions).toEqual({
      code: 'RESPONSE_TOO_LARGE',
      maxResponseBytes: BUDGET,
    });
    const spec = await yoga.fetch(
      'http://yoga/graphql',
      post(query, 'application/graphql-response+json'),
    );
    expect(spec.status).toBe(400);
  });

  it('answers the same queries under the default budget', async () => {
    const roomy = await yogaWith({});
    for (const query of [LONG_ANSWER, LARGE_SHAPE]) {
      const answer = (await (
        await roomy.fetch('http://yoga/graphql', post(query))
      ).json()) as Answer;
      expect(answer.errors).toBeUndefined();
    }
  });

  it('applies before the cost limit only to what the cost admits', async () => {
    const strict = await yogaWith({ maxResponseBytes: BUDGET, maxCost: 50 });
    const answer = (await (
      await strict.fetch('http://yoga/graphql', post(LARGE_SHAPE))
    ).json()) as Answer;
    expect(answer.errors?.[0]?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
  });
});

describe('the budget, on the real server', () => {
  let server: TestServer;
  afterAll(() => server?.close());

  it('refuses the same way in the fast lane, from yoga and after a cached answer', async () => {
    server = await startServer({ maxResponseBytes: BUDGET });
    const ask = async (query: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query }),
      });
      return {
        status: response.status,
        text: await response.text(),
        etag: response.headers.get('etag'),
      };
    };
    // The fast lane takes a JSON POST; yoga takes an application/graphql one.
    const first = await ask(LONG_ANSWER);
    const again = await ask(LONG_ANSWER);
    expect(again).toEqual(first);
    expect(first.etag).toBeNull(); // an error: never cached
    const viaYoga = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/graphql', accept: 'application/json' },
      body: LONG_ANSWER,
    });
    expect(await viaYoga.text()).toBe(first.text);
    const answer = JSON.parse(first.text) as Answer;
    expect(answer.errors?.[0]?.extensions?.code).toBe('RESPONSE_TOO_LARGE');
    expect((await ask('{ unit(name: "NOS") { key } }')).text).toBe(
      '{"data":{"unit":{"key":"nato-office-of-security"}}}',
    );
  });
});
