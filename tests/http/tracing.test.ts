/**
 * OpenTelemetry spans over a real port, exported to memory: the tree of each exchange (request →
 * parse, validate, execute → costly resolvers), whichever way it is answered, and the caller's
 * trace as their parent.
 */
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/server/config';
import { GraphStore } from '../../src/server/graph-store';
import { createLogger } from '../../src/server/observability';
import { serve } from '../../src/server/serve';
import { startTracing } from '../../src/server/tracing';
import { createOrgYoga } from '../../src/server/yoga';
import { defaultGraph } from '../kit';
import { postJson, send, type TestServer } from '../http-kit';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE}-${CALLER}-01`;

const exporter = new InMemorySpanExporter();
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
  // A threshold below the default, to see traced fields nest.
  const config = defaultConfig({
    port: 0,
    host: '127.0.0.1',
    logLevel: 'info',
    traceResolverCost: 10,
  });
  const running = await serve(config, createLogger('info', sink), { exporter });
  server = Object.assign(running, { port: Number(new URL(running.url).port), config });
});
afterAll(() => server.close());
beforeEach(() => exporter.reset());

/** The spans of one trace, each with the names of its children, and the root (server) span. */
function treeOf(traceId: string) {
  const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
  const children = (span: ReadableSpan) =>
    spans.filter((s) => s.parentSpanContext?.spanId === span.spanContext().spanId);
  const server = spans.find((s) => s.kind === 1 /* SERVER */);
  return { spans, children, server };
}

const names = (spans: readonly ReadableSpan[]) => spans.map((s) => s.name).sort();

describe('spans', () => {
  // One query with a costly field inside a costly field, scalars, and a small page.
  const query = `query Nested { units(first: 20) { nodes { key name units(first: 20) { nodes { key } }
    small: units(first: 5) { nodes { key } } } } topics(first: 3) { nodes { key } } }`;

  it.each([
    ['the fast lane', {}],
    // A request with extensions is not the fast lane's: yoga answers it.
    ['yoga', { extensions: {} }],
  ])("gives each exchange answered by %s a tree under the caller's span", async (_, extra) => {
    const reply = await postJson(server.port, { query, ...extra }, { traceparent: TRACEPARENT });
    expect(reply.status).toBe(200);
    const { spans, children, server: root } = treeOf(TRACE);
    expect(root?.name).toBe('POST /graphql');
    // The caller's span is the parent of the server's, in the caller's trace.
    expect(root?.parentSpanContext?.spanId).toBe(CALLER);
    expect(root?.parentSpanContext?.isRemote).toBe(true);
    expect(root?.attributes['http.response.status_code']).toBe(200);
    expect(root?.attributes['graphql.operation.name']).toBe('Nested');

    const phases = children(root as ReadableSpan);
    expect(names(phases)).toEqual(['graphql.parse', 'graphql.validate', 'query.Nested']);
    const execute = phases.find((s) => s.name === 'query.Nested') as ReadableSpan;
    // Every root field has a span, even a page of 3 (below the threshold for other fields).
    expect(names(children(execute))).toEqual(['Query.topics', 'Query.units']);
    const units = children(execute).find((s) => s.name === 'Query.units') as ReadableSpan;
    // Each unit's page of sub-units (×20) is under the page it belongs to; scalars have none.
    const nested = children(units);
    expect(nested.length).toBeGreaterThan(0);
    for (const span of nested) expect(span.name).toMatch(/^[A-Za-z]+\.units$/);
    expect(spans.some((s) => /\.(key|name|nodes)$/.test(s.name))).toBe(false);
    // A page of 5 sub-units weighs less than the threshold (10): no span.
    const paths = spans.map((s) => String(s.attributes['graphql.field.path']));
    expect(paths.filter((p) => p.endsWith('.small'))).toEqual([]);
    expect(paths.filter((p) => /^units\.nodes\.\d+\.units$/.test(p)).length).toBe(nested.length);
    for (const span of spans) expect(span.endTime).toBeDefined();

    // The answer names the server's span, and so does the log line.
    expect(reply.headers.traceparent).toBe(`00-${TRACE}-${root?.spanContext().spanId}-01`);
    const line = lines.find((l) => l.reqId === reply.headers['x-request-id']);
    expect(line).toMatchObject({ traceId: TRACE, spanId: root?.spanContext().spanId });
  });

  it('starts a trace of its own for a malformed traceparent, and still answers', async () => {
    const reply = await postJson(
      server.port,
      { query: '{ unit(name: "NOS") { key } }' },
      { traceparent: `00-${TRACE.toUpperCase()}-${CALLER}-01` },
    );
    expect(reply.status).toBe(200);
    const [, traceId, spanId] = String(reply.headers.traceparent).split('-');
    expect(traceId).not.toBe(TRACE.toUpperCase().toLowerCase());
    const { server: root, spans } = treeOf(traceId as string);
    expect(root?.spanContext().spanId).toBe(spanId);
    expect(root?.parentSpanContext).toBeUndefined();
    expect(names(spans)).toContain('Query.unit');
  });

  it('keeps the caller’s tracestate and sampling decision', async () => {
    const unsampled = `00-${TRACE}-${CALLER}-00`;
    await postJson(
      server.port,
      { query: '{ unit(name: "NOS") { key } }' },
      {
        traceparent: unsampled,
      },
    );
    // Not sampled by the caller: recorded by no one, so nothing is exported.
    expect(exporter.getFinishedSpans()).toEqual([]);

    await postJson(
      server.port,
      { query: '{ unit(name: "NOS") { acronym } }' },
      {
        traceparent: TRACEPARENT,
        tracestate: 'congo=t61rcWkgMzE,rojo=00f067aa0ba902b7',
      },
    );
    const { server: root } = treeOf(TRACE);
    expect(root?.spanContext().traceState?.get('congo')).toBe('t61rcWkgMzE');
    expect(root?.spanContext().traceState?.get('rojo')).toBe(CALLER);
  });

  it('marks a failed parse, and gives a cached answer a span and a traceparent of its own', async () => {
    await postJson(server.port, { query: '{ unit(name: ' }, { traceparent: TRACEPARENT });
    const parse = exporter.getFinishedSpans().filter((s) => s.name === 'graphql.parse');
    expect(parse.some((s) => s.status.code === 2 /* ERROR */)).toBe(true);

    exporter.reset();
    const path = `/graphql?query=${encodeURIComponent('{ unit(name: "NOS") { name } }')}`;
    const first = await send(server.port, { path, headers: { traceparent: TRACEPARENT } });
    const second = await send(server.port, { path, headers: { traceparent: TRACEPARENT } });
    expect(second.text).toBe(first.text);
    expect(second.headers.traceparent).not.toBe(first.headers.traceparent);
    const roots = exporter.getFinishedSpans().filter((s) => s.kind === 1);
    expect(roots.map((s) => `00-${TRACE}-${s.spanContext().spanId}-01`)).toEqual([
      first.headers.traceparent,
      second.headers.traceparent,
    ]);
    // The cached answer ran nothing: its span has no children.
    const secondId = roots[1]?.spanContext().spanId;
    expect(
      exporter.getFinishedSpans().filter((s) => s.parentSpanContext?.spanId === secondId),
    ).toEqual([]);
  });
});

describe('the default threshold', () => {
  it('gives root fields spans, and other resolvers only for pages of 100 (yoga on its own)', async () => {
    const own = new InMemorySpanExporter();
    const config = defaultConfig();
    const tracing = await startTracing(config, { exporter: own });
    const yoga = createOrgYoga({
      store: new GraphStore(await defaultGraph()),
      config,
      logging: false,
      tracing,
    });
    const reply = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: TRACEPARENT },
      body: JSON.stringify({
        query: `{ units(first: 20) { nodes { key units(first: 20) { nodes { key } }
          all: units(first: 100) { nodes { key } } } } }`,
      }),
    });
    expect(reply.status).toBe(200);
    const spans = own.getFinishedSpans();
    const root = spans.find((s) => s.kind === 1);
    expect(root?.parentSpanContext?.spanId).toBe(CALLER);
    expect(reply.headers.get('traceparent')).toBe(`00-${TRACE}-${root?.spanContext().spanId}-01`);
    const paths = spans.map((s) => s.attributes['graphql.field.path']).filter(Boolean);
    // Query.units (a root field), and each unit's page of 100; not the pages of 20.
    expect(paths).toContain('units');
    expect(paths.filter((p) => String(p).endsWith('.all')).length).toBe(20);
    expect(paths.filter((p) => /\.units$/.test(String(p)))).toEqual([]);
    await tracing?.shutdown();
  });
});
