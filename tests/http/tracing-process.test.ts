/**
 * Tracing in the built server process (dist/server/main.js), as an operator runs it: without the
 * OTEL variables it imports no OpenTelemetry package at all; with OTEL_EXPORTER_OTLP_ENDPOINT set,
 * its spans reach an OTLP/HTTP collector (a stand-in on loopback), at the latest on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

// Built by tests/build-once.ts before any test runs.
const MAIN = fileURLToPath(new URL('../../dist/server/main.js', import.meta.url));
const RECORD = fileURLToPath(new URL('../fixtures/record-imports.mjs', import.meta.url));
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER = '00f067aa0ba902b7';

interface OtlpTraces {
  resourceSpans: {
    resource: { attributes: { key: string; value: unknown }[] };
    scopeSpans: { spans: { name: string; traceId: string; parentSpanId?: string }[] }[];
  }[];
}

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function start(env: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'orggraph-imports-'));
  dirs.push(dir);
  const record = join(dir, 'imports.txt');
  const clean = { ...process.env };
  for (const name of Object.keys(clean)) if (name.startsWith('OTEL_')) delete clean[name];
  const child = spawn(process.execPath, ['--import', RECORD, MAIN], {
    env: { ...clean, PORT: '0', HOST: '127.0.0.1', RECORD_IMPORTS: record, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => {
      const match = /at (http:\/\/[^\s]+\/graphql)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`exited ${code}`)));
  });
  const imports = async () =>
    (await readFile(record, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  return { child, url, exited, imports };
}

const query = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ unit(name: "NOS") { key } }' }),
  });

describe('the built server', () => {
  it('imports no OpenTelemetry package when no OTLP endpoint is set', async () => {
    const server = await start({});
    const reply = await query(server.url, { traceparent: `00-${TRACE}-${CALLER}-01` });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('traceparent')).toContain(TRACE);
    const imports = await server.imports();
    // The probe works: it saw a package the server imports from node_modules (the rest of its
    // dependencies are bundled into dist/).
    expect(imports).toContain('graphql');
    expect(imports.filter((name) => name.includes('opentelemetry'))).toEqual([]);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('sends its spans to the OTLP endpoint, with the caller’s trace id', async () => {
    const received: { path: string; headers: IncomingHttpHeaders; body: Buffer }[] = [];
    const collector = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = collector.address() as AddressInfo;
      const server = await start({
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
        OTEL_SERVICE_NAME: 'orggraph-under-test',
      });
      expect((await query(server.url, { traceparent: `00-${TRACE}-${CALLER}-01` })).status).toBe(
        200,
      );
      // SIGTERM drains, then sends the spans still waiting for their batch.
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(await server.imports()).toContain('@opentelemetry/sdk-trace');
      const traces = received.filter((r) => r.path === '/v1/traces');
      expect(traces.length).toBeGreaterThan(0);
      // OTLP/HTTP JSON (the http exporter's encoding): resources, then scopes, then spans.
      const batches = traces.map((t) => JSON.parse(t.body.toString('utf8')) as OtlpTraces);
      const resources = batches.flatMap((b) => b.resourceSpans);
      const spans = resources.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
      for (const resource of resources)
        expect(resource.resource.attributes).toContainEqual({
          key: 'service.name',
          value: { stringValue: 'orggraph-under-test' },
        });
      expect(spans.map((s) => s.name)).toEqual(
        expect.arrayContaining([
          'POST /graphql',
          'graphql.parse',
          'graphql.validate',
          'query.anonymous',
          'Query.unit',
        ]),
      );
      for (const span of spans) expect(span.traceId).toBe(TRACE);
      expect(spans.find((s) => s.name === 'POST /graphql')?.parentSpanId).toBe(CALLER);
    } finally {
      collector.close();
    }
  });
});
