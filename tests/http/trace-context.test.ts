/**
 * Trace context with tracing off (the default): the caller's `traceparent` reaches the log line
 * and the answer however the request is answered (response cache, fast lane, yoga, endpoints),
 * a malformed one starts a new trace, and browsers may send it across origins.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/server/config';
import { createLogger } from '../../src/server/observability';
import { serve } from '../../src/server/serve';
import { parseTraceparent } from '../../src/server/trace-context';
import { postJson, send, startServer, type Reply, type TestServer } from '../http-kit';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE}-${CALLER}-01`;

const lines: Record<string, unknown>[] = [];
let server: TestServer;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const config = defaultConfig({ port: 0, host: '127.0.0.1', logLevel: 'info' });
  const running = await serve(config, createLogger('info', sink));
  server = Object.assign(running, { port: Number(new URL(running.url).port), config });
});
afterAll(() => server.close());

const lineOf = (reply: Reply) => lines.find((l) => l.reqId === reply.headers['x-request-id']);
const getPath = (query: string) => `/graphql?query=${encodeURIComponent(query)}`;

describe('trace context', () => {
  const answered: [string, (headers: Record<string, string>) => Promise<Reply>][] = [
    ['the fast lane', (h) => postJson(server.port, { query: '{ unit(name: "NOS") { key } }' }, h)],
    [
      'yoga',
      (h) => postJson(server.port, { query: '{ unit(name: "NOS") { key } }', extensions: {} }, h),
    ],
    [
      'the response cache',
      (h) =>
        send(server.port, { path: getPath('{ topics(first: 2) { totalCount } }'), headers: h }),
    ],
    ['an endpoint', (h) => send(server.port, { path: '/readyz', headers: h })],
    ['an unknown path', (h) => send(server.port, { path: '/nowhere', headers: h })],
  ];

  it.each(answered)(
    "continues the caller's trace in the log line and the answer (%s)",
    async (label, request) => {
      // Twice: the second GET of the same query comes from the response cache.
      for (const requestId of [1, 2].map((n) => `${label.replace(/\W/g, '-')}-${n}`)) {
        const reply = await request({ traceparent: TRACEPARENT, 'x-request-id': requestId });
        expect(reply.headers['x-request-id']).toBe(requestId);
        const sent = parseTraceparent(String(reply.headers.traceparent));
        expect(sent?.traceId).toBe(TRACE);
        expect(sent?.flags).toBe('01');
        // The server's own span id, not the caller's.
        expect(sent?.parentId).not.toBe(CALLER);
        expect(lineOf(reply)).toMatchObject({ traceId: TRACE, spanId: sent?.parentId });
      }
      if (label === 'the response cache') expect(lines.at(-1)?.cache).toBe('hit');
    },
  );

  it.each([
    ['no traceparent', {}],
    ['a malformed one', { traceparent: `00-${TRACE}-${CALLER}-1` }],
    ['version ff', { traceparent: `ff-${TRACE}-${CALLER}-01` }],
    ['an all-zero trace id', { traceparent: `00-${'0'.repeat(32)}-${CALLER}-01` }],
  ])('starts a new trace for %s, and answers as usual', async (_, headers) => {
    const reply = await postJson(server.port, { query: '{ unit(name: "NOS") { key } }' }, headers);
    expect(reply.status).toBe(200);
    const sent = parseTraceparent(String(reply.headers.traceparent));
    expect(sent).toBeDefined();
    expect(sent?.traceId).not.toBe(TRACE);
    expect(sent?.flags).toBe('00');
    expect(lineOf(reply)).toMatchObject({ traceId: sent?.traceId, spanId: sent?.parentId });
  });

  it('gives every exchange a trace of its own', async () => {
    const replies = await Promise.all(
      Array.from({ length: 5 }, () =>
        postJson(server.port, { query: '{ unit(name: "NOS") { acronym } }' }),
      ),
    );
    const traces = new Set(replies.map((r) => String(r.headers.traceparent).split('-')[1]));
    expect(traces.size).toBe(5);
  });
});

describe('CORS', () => {
  it('lets browsers send trace context and credentials headers, and read traceparent', async () => {
    const cors = await startServer({ corsOrigins: ['https://app.example'] });
    try {
      const preflight = await send(cors.port, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://app.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, traceparent, tracestate, authorization',
        },
      });
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers['access-control-allow-origin']).toBe('https://app.example');
      const allowed = String(preflight.headers['access-control-allow-headers'])
        .split(',')
        .map((h) => h.trim().toLowerCase());
      expect(allowed).toEqual(
        expect.arrayContaining(['content-type', 'traceparent', 'tracestate', 'authorization']),
      );

      const answer = await postJson(
        cors.port,
        { query: '{ unit(name: "NOS") { key } }' },
        { origin: 'https://app.example', traceparent: TRACEPARENT },
      );
      expect(String(answer.headers.traceparent).split('-')[1]).toBe(TRACE);
      expect(String(answer.headers['access-control-expose-headers'])).toContain('traceparent');
    } finally {
      await cors.close();
    }
  });
});
