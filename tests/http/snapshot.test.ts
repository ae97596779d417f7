/**
 * The server and its start-up snapshot: it writes one after loading the YAML, starts from it
 * the next time with the same version and ETags, says so in its log, ignores a damaged one with a
 * warning, and writes a new one after a reload changes the data.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { SNAPSHOT_FILE } from '../../src/graph/snapshot';
import { defaultConfig, type Config } from '../../src/server/config';
import { createLogger } from '../../src/server/observability';
import { serve, type RunningServer } from '../../src/server/serve';
import { editFile, seedCopy } from '../kit';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

interface LogLine {
  level: string;
  msg: string;
  reason?: string;
  version?: string;
}

async function start(overrides: Partial<Config>) {
  const stream = new PassThrough();
  const lines: LogLine[] = [];
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean))
      lines.push(JSON.parse(line) as LogLine);
  });
  const config = defaultConfig({ port: 0, host: '127.0.0.1', logLevel: 'info', ...overrides });
  const served = await serve(config, createLogger('info', stream));
  let closing: ReturnType<RunningServer['close']> | undefined;
  // Closed by the test or after it, once.
  const running: RunningServer = { ...served, close: () => (closing ??= served.close()) };
  cleanups.push(() => running.close());
  return { running, lines };
}

/** The ETag and body of a GET query, as a CDN would cache it. */
async function ask(running: RunningServer) {
  const url = new URL(running.url);
  url.searchParams.set('query', '{ dataset { key } units(first: 3) { edges { node { name } } } }');
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  return { etag: response.headers.get('etag'), body: await response.text() };
}

const ready = async (running: RunningServer) =>
  (await (await fetch(running.url.replace('/graphql', '/readyz'))).json()) as { version: string };

describe('the server and its snapshot', () => {
  it('writes a snapshot, starts from it with the same answers, ignores a damaged one', async () => {
    const dir = await seedCopy();
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const path = join(dir, '.orggraph-cache', SNAPSHOT_FILE);

    const first = await start({ seedDir: dir });
    await first.running.snapshotWritten();
    expect(first.lines.map((l) => l.msg)).toContain('wrote the dataset snapshot');
    const answer = await ask(first.running);
    expect(answer.etag).toMatch(/^"/);
    const version = (await ready(first.running)).version;
    await first.running.close();

    const second = await start({ seedDir: dir });
    expect(second.lines.map((l) => l.msg)).toContain('loaded the dataset from its snapshot');
    expect((await ready(second.running)).version).toBe(version);
    expect(await ask(second.running)).toEqual(answer);
    await second.running.close();

    await writeFile(path, (await readFile(path, 'utf8')).slice(0, -200));
    const third = await start({ seedDir: dir });
    const warning = third.lines.find((l) => l.level === 'warn');
    expect(warning?.msg).toMatch(/^snapshot ignored: it is truncated or damaged/);
    expect(await ask(third.running)).toEqual(answer);
    await third.running.snapshotWritten();
    expect(third.lines.map((l) => l.msg)).toContain('wrote the dataset snapshot');
  });

  it('writes a new snapshot after a reload changes the data, and uses it', async () => {
    const dir = await seedCopy();
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const { running } = await start({ seedDir: dir });
    await running.snapshotWritten();
    await editFile(dir, 'units.yaml', (text) => `${text}\n# a comment changes the version\n`);
    expect(await running.reload('test')).toBe(true);
    await running.snapshotWritten();
    const version = (await ready(running)).version;

    const again = await start({ seedDir: dir });
    expect(again.lines.map((l) => l.msg)).toContain('loaded the dataset from its snapshot');
    expect((await ready(again.running)).version).toBe(version);
    // A reload of unchanged data reads the snapshot: it matches.
    expect(await again.running.reload('test')).toBe(true);
    expect(
      again.lines.filter((l) => l.msg === 'loaded the dataset from its snapshot'),
    ).toHaveLength(2);
  });

  it('serves when the snapshot directory cannot be written, and says so', async () => {
    const dir = await seedCopy();
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, 'not-a-dir'), '');
    const { running, lines } = await start({
      seedDir: dir,
      snapshotDir: join(dir, 'not-a-dir', 'cache'),
    });
    await running.snapshotWritten();
    expect((await ask(running)).etag).toMatch(/^"/);
    expect(lines.find((l) => l.level === 'warn')?.msg).toBe('cannot write the dataset snapshot');
  });

  it('neither reads nor writes one when SNAPSHOT_DIR=off', async () => {
    const dir = await seedCopy();
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const { running, lines } = await start({ seedDir: dir, snapshotDir: 'off' });
    await running.snapshotWritten();
    expect(lines.map((l) => l.msg).filter((m) => /snapshot/.test(m))).toEqual([]);
    await expect(readFile(join(dir, '.orggraph-cache', SNAPSHOT_FILE))).rejects.toThrow();
  });
});
