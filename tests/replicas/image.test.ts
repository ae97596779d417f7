/**
 * What the container image runs, without a Docker engine: the runtime stage's CMD, from a
 * production-only install of the built checkout, with the stage's ENV, as an unprivileged user.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { runtimeStage } from './dockerfile';
import { freePort, startImage, whenReady, type ImageProcess } from './image-process';

const started: ImageProcess[] = [];
afterAll(() => {
  for (const server of started) server.child.kill('SIGKILL');
});

describe('the image', () => {
  it('holds production dependencies and dist/ only, and runs as an unprivileged user', async () => {
    const dir = inject('imageDir');
    const stage = await runtimeStage();
    expect(stage.cmd).toEqual(['node', 'dist/server/main.js']);
    expect(stage.user).toBe('node');
    expect(stage.volumes).toEqual([stage.env.SEED_DIR]);
    expect(stage.env).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0' });
    for (const present of ['dist/server/main.js', 'dist/web/index.html', 'seed/units.yaml'])
      expect(existsSync(join(dir, present)), present).toBe(true);
    for (const absent of ['src', 'web', 'tests', 'node_modules/tsx', 'node_modules/vite'])
      expect(existsSync(join(dir, absent)), absent).toBe(false);
    const dockerignore = await readFile(new URL('../../.dockerignore', import.meta.url), 'utf8');
    for (const kept of ['node_modules', 'dist', '.git'])
      expect(dockerignore).toMatch(new RegExp(`^${kept}$`, 'm'));
  });

  it('serves in production mode, is healthy, and drains and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const server = startImage(port);
    started.push(server);
    const ready = await whenReady(server);
    if (inject('runAs')) {
      const status = await readFile(`/proc/${ready.pid}/status`, 'utf8');
      expect(status).toMatch(/^Uid:\s+65534\s/m);
    }
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${server.base}/`)).text()).toContain('<script');
    const page = await fetch(`${server.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
    const answer = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ unit(name: "NOS") { acronym } __schema { queryType { name } } }',
      }),
    });
    expect(JSON.stringify(await answer.json())).toMatch(/introspection has been disabled/);
    expect(server.lines().find((l) => l.msg.startsWith('serving'))).toMatchObject({
      mode: 'production',
    });

    // The HEALTHCHECK command, as Docker would run it inside the container.
    const [check = 'node', ...args] = inject('imageHealthcheck');
    const env = { PATH: process.env.PATH ?? '', ...inject('imageEnv'), PORT: String(port) };
    await expect(promisify(execFile)(check, args, { env })).resolves.toBeDefined();

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.lines().at(-1)).toMatchObject({ msg: 'stopped', outcome: 'drained' });
    await expect(promisify(execFile)(check, args, { env })).rejects.toThrow();
  });
});
