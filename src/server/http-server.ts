/**
 * Binds a request handler to node:http with the transport limits: time to send headers and the
 * whole request (slow clients get 408 and are dropped), idle keep-alive connections closed, a cap
 * on open connections, header size. Body size and content types are checked by yoga's plugins.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config';

type TransportConfig = Pick<
  Config,
  'headersTimeoutMs' | 'requestTimeoutMs' | 'keepAliveTimeoutMs' | 'maxConnections'
>;

/** Largest request head (request line and headers); beyond it, node answers 431. */
export const MAX_HEADER_BYTES = 16 * 1024;

export function createHttpServer(handler: RequestListener, config: TransportConfig): Server {
  const server = createServer(
    {
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      keepAliveTimeout: config.keepAliveTimeoutMs,
      // How often node looks for requests past their timeouts (its default, 30 s, lets a slow
      // client hold a connection far longer than the timeouts say).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, config.headersTimeoutMs / 4)),
      maxHeaderSize: MAX_HEADER_BYTES,
    },
    handler,
  );
  server.maxConnections = config.maxConnections;
  return server;
}

/** Listens and resolves with the address actually bound (port 0 picks a free port). */
export function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Stops accepting connections, closes idle ones and lets requests in flight finish; after
 * `graceMs`, closes whatever is left. Resolves with how it ended.
 */
export function shutdown(server: Server, graceMs: number): Promise<'drained' | 'forced'> {
  return new Promise((resolve) => {
    // A keep-alive connection becomes idle once its last response is sent: close it then, rather
    // than waiting for the client or the keep-alive timeout.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const timer = setTimeout(() => {
      clearInterval(sweep);
      server.closeAllConnections();
      resolve('forced');
    }, graceMs);
    timer.unref();
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(timer);
      resolve('drained');
    });
    server.closeIdleConnections();
  });
}
