/**
 * Broken and abusive requests over real HTTP, against the production configuration. Each gets a
 * client error (or, where the GraphQL-over-HTTP spec says so, a GraphQL error) quickly, nothing
 * internal in the body, and the server keeps answering normal queries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, rawExchange, send, startServer, type TestServer } from '../http-kit';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    mode: 'production',
    headersTimeoutMs: 600,
    requestTimeoutMs: 900,
    keepAliveTimeoutMs: 500,
  });
});
afterAll(async () => {
  await server?.close();
});

/** A marker the server must never echo back in full. */
const HUGE = 'Z'.repeat(150_000);
const LONG = 'Y'.repeat(20_000);

const json = { 'content-type': 'application/json', accept: 'application/json' };
const gqlJson = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

const nest = (depth: number) =>
  `${'{ internationalStaff { units { units '.repeat(1)}${'{ units '.repeat(depth)}{ name }${' }'.repeat(depth)} } } }`;
const fragmentBomb = (() => {
  const frags: string[] = [];
  for (let i = 0; i < 12; i++)
    frags.push(
      `fragment F${i} on Query { ${i < 11 ? `...F${i + 1} `.repeat(3) : 'divisions { name } '}}`,
    );
  return `{ ...F0 } ${frags.join(' ')}`;
})();

interface Outcome {
  readonly status: number | undefined;
  readonly text: string;
}

interface Case {
  readonly name: string;
  readonly send: (port: number) => Promise<Outcome>;
  /** The expected status, or statuses. */
  readonly status: number | readonly number[];
  /** What the body must say (an error message), when it says anything. */
  readonly says?: RegExp;
}

const CASES: Case[] = [
  // Broken bodies
  {
    name: 'malformed JSON',
    send: (p) => postJson(p, '{"query": "{ divisions { name } }"', gqlJson),
    status: 400,
    says: /invalid JSON/i,
  },
  {
    name: 'malformed JSON from an application/json client',
    send: (p) => postJson(p, '{"query": "{ divisions { name } }"', json),
    status: 400,
    says: /invalid JSON/i,
  },
  {
    name: 'a JSON string, not an object',
    send: (p) => postJson(p, '"hello"', gqlJson),
    status: 400,
  },
  { name: 'a JSON number', send: (p) => postJson(p, '42', gqlJson), status: 400 },
  { name: 'JSON null', send: (p) => postJson(p, 'null', gqlJson), status: 400 },
  { name: 'an empty body', send: (p) => postJson(p, '', gqlJson), status: 400 },
  { name: 'no query', send: (p) => postJson(p, {}, gqlJson), status: 400, says: /query/i },
  {
    name: 'a query that is not a string',
    send: (p) => postJson(p, { query: 123 }, gqlJson),
    status: 400,
  },
  {
    name: 'variables that are not an object',
    send: (p) => postJson(p, { query: '{ divisions { name } }', variables: 'x' }, gqlJson),
    status: 400,
  },
  {
    name: 'extensions that are not an object',
    send: (p) => postJson(p, { query: '{ divisions { name } }', extensions: [1] }, gqlJson),
    status: 400,
  },
  {
    name: 'a syntax error',
    send: (p) => postJson(p, { query: '{ unit(name: ) { name }' }, gqlJson),
    status: 400,
    says: /Syntax Error/,
  },
  {
    name: 'invalid UTF-8 in the body',
    send: (p) =>
      send(p, {
        body: Buffer.concat([
          Buffer.from('{"query":"{ unit(name: \\"'),
          Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
          Buffer.from('\\") { nam } }"}'),
        ]),
        headers: gqlJson,
      }),
    status: 400,
  },
  {
    name: 'a raw null byte in the JSON',
    send: (p) => postJson(p, '{"query":"{ unit(name: \\"a\u0000b\\") { name } }"}', gqlJson),
    status: 400,
  },
  {
    name: 'a null byte in the query document',
    send: (p) => postJson(p, { query: '{ divisions\u0000 { name } }' }, gqlJson),
    status: 400,
    says: /Syntax Error/,
  },
  // Wrong content types and methods (CSRF)
  {
    name: 'a form-encoded POST',
    send: (p) =>
      send(p, {
        body: 'query=%7Bdivisions%7Bname%7D%7D',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    status: 415,
  },
  {
    name: 'a multipart POST',
    send: (p) =>
      send(p, {
        body: '--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ divisions { name } }"}\r\n--b--\r\n',
        headers: { 'content-type': 'multipart/form-data; boundary=b' },
      }),
    status: 415,
  },
  {
    name: 'a text/plain POST',
    send: (p) =>
      send(p, {
        body: '{"query":"{ divisions { name } }"}',
        headers: { 'content-type': 'text/plain' },
      }),
    status: 415,
  },
  {
    name: 'a POST without a content type',
    send: (p) => send(p, { body: '{"query":"{ divisions { name } }"}' }),
    status: 415,
  },
  {
    name: 'an XML POST',
    send: (p) => send(p, { body: '<query/>', headers: { 'content-type': 'application/xml' } }),
    status: 415,
  },
  {
    name: 'a mutation over GET',
    send: (p) =>
      send(p, {
        path: `/graphql?query=${encodeURIComponent('mutation { x }')}`,
        headers: { accept: 'application/graphql-response+json' },
      }),
    status: 405,
  },
  {
    name: 'a PUT',
    send: (p) => send(p, { method: 'PUT', body: '{}', headers: json }),
    status: 405,
  },
  {
    name: 'a GET without a query',
    send: (p) => send(p, { headers: { accept: 'application/graphql-response+json' } }),
    status: 400,
  },
  {
    name: 'an unacceptable Accept',
    send: (p) => postJson(p, { query: '{ divisions { name } }' }, { accept: 'application/xml' }),
    status: 406,
  },
  // Sizes
  {
    name: 'a body over the limit',
    send: (p) => postJson(p, { query: `{ unit(name: "${HUGE}") { name } }` }),
    status: 413,
    says: /Request body too large: the limit is 100000 bytes/,
  },
  {
    name: 'a chunked body over the limit (no Content-Length)',
    send: (p) =>
      send(p, {
        body: JSON.stringify({ query: `{ unit(name: "${HUGE}") { name } }` }),
        headers: json,
        chunked: true,
      }),
    status: 413,
    says: /Request body too large/,
  },
  {
    name: 'a Content-Length that is a list (request smuggling)',
    send: (p) =>
      rawExchange(p, [
        `POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 2, 2\r\n\r\n{}`,
      ]),
    status: 400,
  },
  {
    name: 'huge variables',
    send: (p) =>
      postJson(p, {
        query: 'query($t: String!) { whoHandles(topic: $t) { name } }',
        variables: { t: HUGE },
      }),
    status: 413,
  },
  {
    name: 'large variables of the wrong type (under the body limit)',
    send: (p) =>
      postJson(
        p,
        {
          query: 'query($t: String!) { whoHandles(topic: $t) { name } }',
          variables: { t: Array.from({ length: 6000 }, (_, i) => `${LONG.slice(0, 5)}${i}`) },
        },
        gqlJson,
      ),
    status: 400,
    says: /got invalid value.*message clipped/,
  },
  {
    name: 'deeply nested variables',
    send: (p) =>
      postJson(
        p,
        `{"query":"query($t: String!) { whoHandles(topic: $t) { name } }","variables":{"t":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`,
        gqlJson,
      ),
    status: 400,
  },
  {
    name: 'a long string echoed in an error',
    send: (p) => postJson(p, { query: `{ unit(name: "${LONG}") { nam } }` }, gqlJson),
    status: 400,
  },
  {
    name: 'a URL over the header limit',
    send: (p) => send(p, { path: `/graphql?query=${'%7B'.repeat(8000)}` }),
    status: 431,
  },
  {
    name: 'a huge header',
    send: (p) => send(p, { path: '/graphql?query=%7B__typename%7D', headers: { 'x-big': LONG } }),
    status: 431,
  },
  // Query shapes
  {
    name: 'deep nesting',
    send: (p) => postJson(p, { query: nest(14) }, gqlJson),
    status: 400,
    says: /depth/i,
  },
  {
    name: 'very deep nesting (token limit)',
    send: (p) => postJson(p, { query: nest(1500) }, gqlJson),
    status: 400,
    says: /[Tt]oken limit/,
  },
  {
    name: 'an alias flood',
    send: (p) =>
      postJson(
        p,
        {
          query: `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: divisions { name }`).join(' ')} }`,
        },
        gqlJson,
      ),
    status: 400,
    says: /[Aa]liases limit/,
  },
  {
    name: 'a field flood',
    send: (p) => postJson(p, { query: `{ divisions { ${'name '.repeat(5000)} } }` }, gqlJson),
    status: 400,
    says: /[Tt]oken limit/,
  },
  {
    name: 'a directive flood',
    send: (p) =>
      postJson(
        p,
        { query: `{ divisions { name ${'@include(if: true) '.repeat(100)} } }` },
        gqlJson,
      ),
    status: 400,
    says: /[Dd]irectives limit/,
  },
  {
    name: 'a fragment cycle',
    send: (p) =>
      postJson(
        p,
        { query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }' },
        gqlJson,
      ),
    status: 400,
    says: /within itself/,
  },
  {
    name: 'a fragment bomb (exponential expansion)',
    send: (p) => postJson(p, { query: fragmentBomb }, gqlJson),
    status: [200, 400],
    says: /cost|depth/i,
  },
  {
    name: 'circular introspection',
    send: (p) =>
      postJson(
        p,
        {
          query:
            '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
        },
        gqlJson,
      ),
    status: 400,
  },
  {
    name: 'introspection in production',
    send: (p) => postJson(p, { query: '{ __schema { queryType { name } } }' }, gqlJson),
    status: 400,
    says: /introspection/i,
  },
  {
    name: 'a misspelt field (no suggestions in production)',
    send: (p) => postJson(p, { query: '{ divisons { name } }' }, gqlJson),
    status: 400,
  },
  {
    name: 'list nesting over the cost limit',
    send: (p) =>
      postJson(
        p,
        {
          query:
            '{ units(first: 100) { nodes { units(first: 100) { nodes { units(first: 100) { nodes { name } } } } } } }',
        },
        gqlJson,
      ),
    status: 400,
    says: /cost/,
  },
  {
    name: 'a list argument over 100 items',
    send: (p) =>
      postJson(
        p,
        {
          query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
          variables: { ids: Array(101).fill(Buffer.from('Division:x').toString('base64')) },
        },
        gqlJson,
      ),
    status: 200,
    says: /between 1 and 100/,
  },
  {
    name: 'a batch of operations',
    send: (p) =>
      postJson(
        p,
        [{ query: '{ divisions { name } }' }, { query: '{ offices { name } }' }],
        gqlJson,
      ),
    status: 400,
    says: /[Bb]atching/,
  },
  {
    name: 'integer overflow in an argument',
    send: (p) =>
      postJson(p, { query: '{ events(from: 99999999999999999999999) { date } }' }, gqlJson),
    status: 400,
  },
  {
    name: 'infinity in a variable',
    send: (p) =>
      postJson(
        p,
        '{"query":"query($d: Date) { events(from: $d) { date } }","variables":{"d":1e400}}',
        gqlJson,
      ),
    status: 400,
  },
  {
    name: 'an unknown operation name',
    send: (p) =>
      postJson(p, { query: 'query A { divisions { name } }', operationName: 'B' }, gqlJson),
    status: 400,
  },
  {
    name: 'an unknown persisted query hash',
    send: (p) =>
      postJson(
        p,
        { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } },
        gqlJson,
      ),
    status: 404,
    says: /PersistedQueryNotFound/,
  },
  {
    name: 'a persisted query whose hash does not match',
    send: (p) =>
      postJson(
        p,
        {
          query: '{ divisions { name } }',
          extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
        },
        gqlJson,
      ),
    status: 400,
    says: /PersistedQueryMismatch/,
  },
  {
    name: 'prototype pollution keys',
    send: (p) =>
      postJson(
        p,
        '{"query":"query($t: String!) { whoHandles(topic: $t) { name } }","variables":{"__proto__":{"t":"cyber defence"}}}',
        gqlJson,
      ),
    status: 400,
  },
  // Broken HTTP
  {
    name: 'garbage instead of HTTP',
    send: (p) => rawExchange(p, ['\x16\x03\x01\x02\x00 not http at all\r\n\r\n']),
    status: 400,
  },
  {
    name: 'an invalid Content-Length',
    send: (p) =>
      rawExchange(p, [
        'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 12abc\r\n\r\n{}',
      ]),
    status: 400,
  },
  {
    name: 'a slow client dripping headers (slowloris)',
    send: (p) =>
      rawExchange(
        p,
        [
          'GET /graphql?query=%7B__typename%7D HTTP/1.1\r\n',
          'Host: x\r\n',
          'X-a: 1\r\n',
          'X-b: 1\r\n',
          'X-c: 1\r\n',
          'X-d: 1\r\n',
        ],
        {
          stepDelayMs: 300,
          waitMs: 1900,
        },
      ),
    status: 408,
  },
  {
    name: 'a body that never arrives',
    send: (p) =>
      rawExchange(
        p,
        [
          'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":',
        ],
        { waitMs: 1900 },
      ),
    status: 408,
  },
];

const LEAKS = [/\/work\//, /node_modules/, /\.ts:\d+/, /\n\s+at /, /"stack"/, /originalError/];

describe('hostile requests', () => {
  it(`has at least 30 kinds`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('$name: refused quickly, nothing leaked, server still up', async (c) => {
    const started = performance.now();
    const reply = await c.send(server.port);
    const elapsed = performance.now() - started;
    const statuses: readonly number[] = typeof c.status === 'number' ? [c.status] : c.status;
    expect(statuses, reply.text.slice(0, 300)).toContain(reply.status);
    expect(elapsed).toBeLessThan(2000);
    for (const leak of LEAKS) expect(reply.text).not.toMatch(leak);
    expect(reply.text).not.toContain(LONG.slice(0, 1000));
    expect(reply.text.length).toBeLessThan(5000);
    if (reply.status === 200) expect(JSON.parse(reply.text).errors?.length).toBeGreaterThan(0);
    if (c.says) expect(reply.text).toMatch(c.says);

    const normal = await postJson(server.port, { query: '{ unit(name: "NOS") { acronym } }' });
    expect(normal.status).toBe(200);
    expect(JSON.parse(normal.text)).toEqual({ data: { unit: { acronym: 'NOS' } } });
  });

  it('answers a chunked body under the limit', async () => {
    const reply = await send(server.port, {
      body: JSON.stringify({ query: '{ unit(name: "NOS") { acronym } }' }),
      headers: json,
      chunked: true,
    });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('{"data":{"unit":{"acronym":"NOS"}}}');
  });

  it('answers 200 concurrent requests, normal and hostile mixed', async () => {
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 4 === 0
          ? postJson(server.port, { query: nest(14) }, gqlJson)
          : postJson(server.port, { query: '{ divisions { acronym } }' }),
      ),
    );
    const normal = replies.filter((_, i) => i % 4 !== 0);
    expect(normal.every((r) => r.status === 200 && !JSON.parse(r.text).errors)).toBe(true);
    expect(replies.filter((_, i) => i % 4 === 0).every((r) => r.status === 400)).toBe(true);
  });

  it('closes many slow connections while answering others', async () => {
    const slow = Array.from({ length: 50 }, () =>
      rawExchange(server.port, ['GET /graphql HTTP/1.1\r\n'], { waitMs: 1900 }),
    );
    const normal = await postJson(server.port, { query: '{ divisions { acronym } }' });
    expect(normal.status).toBe(200);
    const results = await Promise.all(slow);
    expect(results.every((r) => r.closed)).toBe(true);
  });
});
