/** Helpers for tests over real sockets: an in-process server on an ephemeral port, raw requests. */
import { request } from 'node:http';
import { connect, createServer, type AddressInfo } from 'node:net';
import { defaultConfig, type Config } from '../src/server/config';
import { createLogger } from '../src/server/observability';
import { serve, type RunningServer } from '../src/server/serve';

export interface TestServer extends RunningServer {
  readonly port: number;
  readonly config: Config;
}

/** The real server (transport limits, plugins) on 127.0.0.1 and a free port, without logs. */
export async function startServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const config = defaultConfig({ port: 0, host: '127.0.0.1', logLevel: 'silent', ...overrides });
  const running = await serve(config, createLogger('silent'));
  return Object.assign(running, { port: Number(new URL(running.url).port), config });
}

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

/**
 * One HTTP request on its own connection. The body may be sent in chunks (no Content-Length);
 * a server that answers before reading all of it (413) is not an error.
 */
export function send(
  port: number,
  options: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    chunked?: boolean;
  } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const body = options.body;
    const headers: Record<string, string> = { ...options.headers };
    if (body !== undefined && !options.chunked)
      headers['content-length'] = String(Buffer.byteLength(body));
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? (body === undefined ? 'GET' : 'POST'),
        path: options.path ?? '/graphql',
        headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    // The server may answer and close before the whole body is written: only the reply matters.
    req.on('error', (error) => reject(error));
    if (body !== undefined && options.chunked) {
      const buffer = Buffer.from(body);
      for (let i = 0; i < buffer.length; i += 16_384) req.write(buffer.subarray(i, i + 16_384));
      req.end();
    } else req.end(body);
  });
}

/** POSTs a JSON body (any value, or raw text) and returns the reply. */
export function postJson(
  port: number,
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return send(port, {
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
  });
}

export interface RawReply {
  /** The status of the first response, if any came. */
  readonly status: number | undefined;
  readonly text: string;
  /** Whether the server closed the connection before `waitMs`. */
  readonly closed: boolean;
}

/**
 * Writes raw bytes on a TCP connection (in steps, with pauses, for slow clients) and reads until
 * the server closes it or `waitMs` passes.
 */
export function rawExchange(
  port: number,
  steps: readonly (string | Buffer)[],
  { stepDelayMs = 0, waitMs = 3000 } = {},
): Promise<RawReply> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let closed = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = () => {
      for (const t of timers) clearTimeout(t);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: match ? Number(match[1]) : undefined, text, closed });
    };
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      finish();
    });
    socket.on('connect', () => {
      steps.forEach((step, i) => {
        timers.push(
          setTimeout(() => {
            if (!socket.destroyed) socket.write(step);
          }, i * stepDelayMs),
        );
      });
    });
    timers.push(setTimeout(finish, waitMs));
  });
}

/** A port free at the moment of asking, for servers started in another process. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
