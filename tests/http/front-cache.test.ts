/**
 * The byte cache in front of yoga: an answer from it is the answer yoga gives, byte for byte and
 * header for header (but the request id); only cacheable answers are kept; a reload is never
 * served stale; conditional requests, request ids and the conformance audit still hold.
 */
import { rm } from 'node:fs/promises';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKLOADS } from '../../bench/http/workloads';
import { EXAMPLES } from '../../src/server/examples';
import { send, startServer, type Reply, type TestServer } from '../http-kit';
import { defaultGraph, editFile, seedCopy } from '../kit';

let cached: TestServer;
let plain: TestServer;
beforeAll(async () => {
  cached = await startServer();
  plain = await startServer({ responseCache: false });
});
afterAll(async () => {
  await cached?.close();
  await plain?.close();
});

const post = (port: number, body: unknown, headers: Record<string, string> = {}) =>
  send(port, {
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
  });

const comparable = (r: Reply) => ({
  status: r.status,
  text: r.text,
  type: r.headers['content-type'],
  vary: r.headers.vary,
  cacheControl: r.headers['cache-control'],
});

async function requests() {
  const graph = await defaultGraph();
  return [
    ...WORKLOADS.filter((w) => w.dataset === 'default').flatMap((w) => w.requests(graph)),
    ...EXAMPLES.map((e) => ({ query: e.query, variables: {} })),
  ];
}

describe('the front cache', () => {
  it('answers repeated queries with the same bytes as the uncached server', async () => {
    for (const r of await requests()) {
      const reference = await post(plain.port, r);
      const miss = await post(cached.port, r);
      const hit = await post(cached.port, r);
      expect(comparable(miss)).toEqual(comparable(reference));
      expect(comparable(hit)).toEqual(comparable(reference));
      expect(hit.headers.etag).toBe(miss.headers.etag);
    }
  });

  it('keys answers by language and by Accept', async () => {
    const query = { query: '{ unit(name: "NOS") { name } }' };
    const en = await post(cached.port, query, { 'accept-language': 'en' });
    const fr = await post(cached.port, query, { 'accept-language': 'fr' });
    const frAgain = await post(cached.port, query, { 'accept-language': 'fr-BE,fr;q=0.9' });
    expect(JSON.parse(en.text)).toEqual({ data: { unit: { name: 'NATO Office of Security' } } });
    expect(JSON.parse(fr.text)).toEqual({
      data: { unit: { name: "Bureau de sécurité de l'OTAN" } },
    });
    expect(frAgain.text).toBe(fr.text);
    const spec = await post(cached.port, query, { accept: 'application/graphql-response+json' });
    expect(spec.headers['content-type']).toMatch(/application\/graphql-response\+json/);
  });

  it('answers 304 to If-None-Match with the ETag, from the cache too', async () => {
    const r = { query: '{ whoHandles(topic: "terrorism") { name } }' };
    const first = await post(cached.port, r);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"/);
    const again = await post(cached.port, r, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('gives every answer its own request id, echoing a sane one', async () => {
    const r = { query: '{ divisions { key } }' };
    await post(cached.port, r);
    const a = await post(cached.port, r);
    const b = await post(cached.port, r);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
    const mine = await post(cached.port, r, { 'x-request-id': 'trace-42' });
    expect(mine.headers['x-request-id']).toBe('trace-42');
  });

  it('does not keep answers with errors or refusals', async () => {
    const bad = { query: '{ unit(name: "NOS") { nosuchfield } }' };
    const first = await post(cached.port, bad);
    const second = await post(cached.port, bad);
    expect(first.status).toBe(200);
    expect(JSON.parse(second.text).errors[0].message).toMatch(/nosuchfield/);
    expect(second.headers.etag).toBeUndefined();
    const form = await send(cached.port, {
      body: 'query=%7B__typename%7D',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
  });

  it('never serves an answer of the data before a reload', async () => {
    const dir = await seedCopy();
    const server = await startServer({ seedDir: dir });
    try {
      const r = { query: '{ unit(name: "NOS") { name } }' };
      expect(JSON.parse((await post(server.port, r)).text).data.unit.name).toBe(
        'NATO Office of Security',
      );
      await post(server.port, r);
      await editFile(dir, 'units.yaml', (t) =>
        t.replace(
          'name: { en: NATO Office of Security,',
          'name: { en: NATO Office of Security (renamed),',
        ),
      );
      expect(await server.reload('test')).toBe(true);
      expect(JSON.parse((await post(server.port, r)).text).data.unit.name).toBe(
        'NATO Office of Security (renamed)',
      );
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('GraphQL over HTTP conformance, through the front cache on a real port', () => {
  for (const audit of serverAudits({ url: () => `http://127.0.0.1:${cached.port}/graphql` })) {
    it(audit.name, async () => {
      // Twice: the second answer of a cacheable query comes from the cache.
      for (let i = 0; i < 2; i++) {
        const result = await audit.fn();
        const reason = 'reason' in result ? result.reason : '';
        if (audit.name.startsWith('MUST')) expect(result.status, reason).toBe('ok');
        else expect(result.status, reason).not.toBe('error');
      }
    });
  }
});
