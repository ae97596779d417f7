/**
 * Starts what the image runs (the runtime stage's CMD, in its WORKDIR, with its ENV and user) as
 * a process on a loopback port, as a container would be started with `-e PORT=…`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { inject } from 'vitest';

export interface LogLine {
  readonly msg: string;
  readonly reqId?: string;
  readonly path?: string;
  readonly version?: string;
  readonly [field: string]: unknown;
}

export interface ImageProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly base: string;
  readonly exited: Promise<number | null>;
  /** The JSON log lines written so far. */
  lines(): LogLine[];
  stderr(): string;
}

export function startImage(port: number, env: Record<string, string> = {}): ImageProcess {
  const [command = 'node', ...args] = inject('imageCmd');
  const runAs = inject('runAs');
  const child = spawn(command, args, {
    cwd: inject('imageDir'),
    // A container's environment: the image's ENV, the port it is given, nothing of ours.
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      ...inject('imageEnv'),
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(runAs ?? {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    port,
    base: `http://127.0.0.1:${port}`,
    exited,
    lines: () =>
      stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as LogLine),
    stderr: () => stderr,
  };
}

/** Resolves once `/readyz` answers 200 (with its body), or rejects if the process exits first. */
export async function whenReady(
  server: ImageProcess,
  timeoutMs = 30_000,
): Promise<{ version: string; pid: number }> {
  let gone = false;
  void server.exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`exited before it was ready: ${server.stderr()}`);
    try {
      const response = await fetch(`${server.base}/readyz`);
      if (response.status === 200)
        return (await response.json()) as { version: string; pid: number };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`not ready within ${timeoutMs} ms`);
}

/** A loopback port free at the moment of asking. (tests/http-kit.ts has one too, but importing it
 * loads the server's code, which these black-box tests never do.) */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
