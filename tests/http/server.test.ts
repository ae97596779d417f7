/** The real server process: `npm start` and the built entry point it runs, on an ephemeral port. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { editFile, seedCopy } from '../kit';

// Built by tests/build-once.ts before any test runs.
const MAIN = fileURLToPath(new URL('../../dist/server/main.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function start(env: Record<string, string> = {}, command = [process.execPath, MAIN]) {
  const [file = process.execPath, ...args] = command;
  const child = spawn(file, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => {
      const match = /at (http:\/\/[^\s]+\/graphql)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  url.catch(() => undefined); // a test that expects an exit never awaits the URL
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

/** The parent process id of a process, from /proc. */
async function parentOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

describe('the server process', () => {
  it('serves both questions on a real port and exits 0 on SIGTERM', async () => {
    const server = start();
    const url = await server.url;
    const ask = async (query: string) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return response.json();
    };
    expect(await ask(`{ whoHandles(topic: "cyberdéfense") { name } }`)).toEqual({
      data: { whoHandles: [{ name: 'Emerging Security Challenges Division' }] },
    });
    expect(await ask(`{ reportingLine(unit: "NATO Security Office") { name } }`)).toEqual({
      data: {
        reportingLine: [
          { name: 'NATO Office of Security' },
          { name: 'International Staff' },
          { name: 'Secretary General' },
        ],
      },
    });
    expect((await fetch(url.replace('/graphql', '/healthz'))).status).toBe(200);
    expect((await fetch(url.replace('/graphql', '/readyz'))).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('`npm start` with NODE_ENV=production serves in production mode, and SIGTERM to npm stops it all', async () => {
    const server = start({ NODE_ENV: 'production', SHUTDOWN_GRACE_MS: '3000' }, ['npm', 'start']);
    const url = await server.url;
    const ready = (await (await fetch(url.replace('/graphql', '/readyz'))).json()) as {
      pid: number;
    };
    // npm execs node: the server is npm's own child, with no shell between them.
    expect(await parentOf(ready.pid)).toBe(server.child.pid);
    const introspection = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    expect(JSON.stringify(await introspection.json())).toMatch(/introspection has been disabled/);
    const stopping = performance.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(performance.now() - stopping).toBeLessThan(3000);
    expect(() => process.kill(ready.pid, 0)).toThrow();
  });

  it('refuses to start on a broken seed directory, naming the file and line', async () => {
    const dir = await seedCopy();
    await editFile(dir, 'posts.yaml', (text) =>
      text.replace(/^(\s*unit:) .*$/m, '$1 no-such-unit'),
    );
    const server = start({ SEED_DIR: dir });
    expect(await server.exited).toBe(1);
    expect(server.output().stderr).toMatch(
      /posts\.yaml:\d+:\d+: posts\[0\]\.unit: unknown unit "no-such-unit"/,
    );
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps serving the old graph when a reload finds broken data, even mid-traffic', async () => {
    const dir = await seedCopy();
    const server = start({ SEED_DIR: dir });
    const url = await server.url;
    const ask = async () =>
      (await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ unit(name: "NOS") { name } dataset { version } }' }),
      }).then((r) => r.json())) as { data: { dataset: { version: string } } };
    const before = await ask();
    // Queries keep flowing while the copy is corrupted and the reload is refused.
    let traffic = true;
    const answers: unknown[] = [];
    const load = (async () => {
      while (traffic) answers.push(await ask());
    })();
    await editFile(dir, 'units.yaml', (text) => `${text}\n- key: [broken\n`);
    server.child.kill('SIGHUP');
    await expect.poll(() => server.output().stdout, { timeout: 5000 }).toMatch(/reload refused/);
    expect(server.output().stdout).toMatch(/units\.yaml:\d+:\d+/);
    traffic = false;
    await load;
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) expect(answer).toEqual(before);
    expect(await ask()).toEqual(before);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    await rm(dir, { recursive: true, force: true });
  });
});
