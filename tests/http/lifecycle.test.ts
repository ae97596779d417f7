/**
 * The server's life in one process (serve(), as main.ts runs it): reloading when a watched seed
 * directory changes, and finishing requests in flight when it stops. The signals that trigger
 * these are tested on the real process in server.test.ts.
 */
import { rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../http-kit';
import { editFile, seedCopy } from '../kit';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Resolves when node has read the head of a request (the request is in flight). */
const nextRequest = (server: TestServer) =>
  new Promise((resolve) => server.server.once('request', resolve));

/** The server's side of the next connection, to see when bytes have reached it. */
const nextConnection = (server: TestServer) =>
  new Promise<Socket>((resolve) => server.server.once('connection', resolve));

async function start(overrides: Parameters<typeof startServer>[0] = {}): Promise<TestServer> {
  const server = await startServer(overrides);
  cleanups.push(() => server.close());
  return server;
}

describe('the server lifecycle', () => {
  it('reloads by itself when a watched seed directory changes, and refuses broken changes', async () => {
    const dir = await seedCopy();
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const server = await start({ seedDir: dir, watchSeed: true, watchDebounceMs: 100 });
    const ready = async () =>
      (await (await fetch(server.url.replace('/graphql', '/readyz'))).json()) as {
        version: string;
      };
    const first = await ready();
    await editFile(dir, 'units.yaml', (text) => `${text}\n# a comment changes the version\n`);
    await expect
      .poll(async () => (await ready()).version, { timeout: 5000 })
      .not.toBe(first.version);

    const second = await ready();
    const refusedReloads = async () => {
      const text = await (await fetch(server.url.replace('/graphql', '/metrics'))).text();
      return Number(/orggraph_reloads_total\{outcome="refused"\} (\d+)/.exec(text)?.[1] ?? 0);
    };
    expect(await refusedReloads()).toBe(0);
    await editFile(dir, 'posts.yaml', (text) =>
      text.replace(/^(\s*unit:) .*$/m, '$1 no-such-unit'),
    );
    // The watcher fired and the reload it started was refused: the old data stays.
    await expect.poll(refusedReloads, { timeout: 5000 }).toBe(1);
    expect((await ready()).version).toBe(second.version);
    const refused = await server.store.reload(dir).then(
      () => 'loaded',
      (error: Error) => error.message,
    );
    expect(refused).toMatch(/posts\.yaml:\d+:\d+: posts\[0\]\.unit: unknown unit "no-such-unit"/);
  });

  it('finishes a request in flight when it stops', async () => {
    const server = await start();
    const body = JSON.stringify({ query: '{ unit(name: "NOS") { acronym } }' });
    const inFlight = nextRequest(server);
    const socket = connect(server.port, '127.0.0.1');
    let reply = '';
    socket.on('data', (chunk: Buffer) => (reply += chunk.toString()));
    // The server may count itself drained before this side has read the reply.
    const ended = new Promise((resolve) => socket.once('close', resolve));
    await new Promise((resolve) => socket.once('connect', resolve));
    // Half the request is sent: it is in flight when the server is told to stop.
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
    );
    await inFlight;
    const closed = server.close();
    // New connections are refused at once.
    await expect(fetch(server.url)).rejects.toThrow();
    socket.write(body.slice(10));
    expect(await closed).toBe('drained');
    await ended;
    expect(reply).toMatch(/^HTTP\/1\.1 200/);
    expect(reply).toContain('{"data":{"unit":{"acronym":"NOS"}}}');
    socket.destroy();
  });

  it('answers /readyz with 503 while it drains', async () => {
    const server = await start();
    const readyz = await fetch(server.url.replace('/graphql', '/readyz'));
    expect(readyz.status).toBe(200);
    // A readiness probe in flight (headers not finished) when the server is told to stop.
    const accepted = nextConnection(server);
    const socket = connect(server.port, '127.0.0.1');
    let reply = '';
    socket.on('data', (chunk: Buffer) => (reply += chunk.toString()));
    const ended = new Promise((resolve) => socket.once('close', resolve));
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('GET /readyz HTTP/1.1\r\nHost: x\r\n');
    const serverSide = await accepted;
    await expect.poll(() => serverSide.bytesRead).toBeGreaterThan(0);
    const closed = server.close();
    socket.write('Connection: close\r\n\r\n');
    expect(await closed).toBe('drained');
    await ended;
    expect(reply).toMatch(/^HTTP\/1\.1 503/);
    expect(reply).toContain('"status":"draining"');
  });

  it('closes a request that outlives the grace period', async () => {
    const server = await start({ shutdownGraceMs: 200 });
    const inFlight = nextRequest(server);
    const socket = connect(server.port, '127.0.0.1');
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    await inFlight;
    expect(await server.close()).toBe('forced');
    socket.destroy();
  });
});
