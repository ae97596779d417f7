/** `npm run start:cluster`: two workers share one port; both answer, both reload, both stop. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, postJson } from '../http-kit';

// As `npm run start:cluster` runs it; built by tests/build-once.ts.
const CLUSTER = fileURLToPath(new URL('../../dist/server/cluster.js', import.meta.url));

const kills: (() => void)[] = [];
afterEach(() => {
  for (const kill of kills.splice(0)) kill();
});

interface LogLine {
  pid: number;
  msg: string;
  url?: string;
  path?: string;
}

describe('the cluster', () => {
  it('runs two workers on one port: both answer, reload, are replaced when they die, stop', async () => {
    const metricsPort = await freePort();
    const child = spawn(process.execPath, [CLUSTER], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        WORKERS: '2',
        METRICS_PORT: String(metricsPort),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    kills.push(() => child.kill('SIGKILL'));
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const lines = () =>
      stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as LogLine);

    await expect
      .poll(() => lines().filter((l) => l.url).length, { timeout: 20_000, interval: 100 })
      .toBe(2);
    const urls = new Set(lines().flatMap((l) => (l.url ? [l.url] : [])));
    expect(urls.size).toBe(1);
    const port = Number(new URL([...urls][0] ?? '').port);

    // Each request on a new connection: the primary hands connections to workers in turn.
    for (let i = 0; i < 6; i++) {
      const reply = await postJson(port, { query: '{ unit(name: "NOS") { acronym } }' });
      expect(JSON.parse(reply.text)).toEqual({ data: { unit: { acronym: 'NOS' } } });
    }
    await expect
      .poll(
        () =>
          new Set(
            lines()
              .filter((l) => l.path === '/graphql')
              .map((l) => l.pid),
          ).size,
        { timeout: 20_000, interval: 100 },
      )
      .toBe(2);

    // The primary sums both workers' metrics.
    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toContain(
      'orggraph_http_requests_total{path="/graphql",status="200",outcome="ok"} 6',
    );
    expect(metrics).toMatch(
      /orggraph_dataset_info\{dataset="nato-international-staff",version="\w+"\} 2/,
    );

    child.kill('SIGHUP');
    await expect
      .poll(
        () =>
          new Set(
            lines()
              .filter((l) => l.msg.startsWith('reloaded'))
              .map((l) => l.pid),
          ).size,
        { timeout: 20_000, interval: 100 },
      )
      .toBe(2);

    // A worker that dies is replaced, on the same port.
    const victim = lines().find((l) => l.url)?.pid ?? 0;
    process.kill(victim, 'SIGKILL');
    await expect
      .poll(() => lines().filter((l) => l.url).length, { timeout: 20_000, interval: 100 })
      .toBe(3);
    const reply = await postJson(port, { query: '{ unit(name: "NOS") { acronym } }' });
    expect(JSON.parse(reply.text)).toEqual({ data: { unit: { acronym: 'NOS' } } });

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 40_000);
});
