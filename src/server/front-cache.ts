/**
 * A byte cache in front of yoga for repeated queries. Between reloads the data is read-only, so a
 * successful answer is fully determined by the request: the dataset version, the method and URL,
 * the body (query, variables, operation name, extensions), and the headers that shape a response
 * (Accept, Accept-Language, Origin, Content-Type). An answer yoga marked cacheable (it carries the
 * response cache's ETag) is kept as bytes with its headers, and the same request is answered from
 * them without building a Fetch Request, parsing or executing anything: that per-request work is
 * what the benchmark showed to dominate small queries. Misses, and every request that does not
 * qualify, go through yoga unchanged, so limits, CSRF checks, masking and logging still apply.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { getOperationAST, parse } from 'graphql';
import { langFromAcceptLanguage } from './accept-language';
import { requestIdFrom } from './observability';
import type { OrgYoga } from './yoga';

export interface AnsweredFromCache {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly ms: number;
  readonly operation: string | undefined;
  readonly outcome: 'ok' | 'not-modified';
}

export interface FrontCacheOptions {
  /** The dataset version being served; part of every key, and a change empties the cache. */
  readonly version: () => string;
  /** Largest body considered; larger ones go to yoga (which enforces its own limit). */
  readonly maxBodyBytes: number;
  /** Entries kept (least recently used ones go first). */
  readonly maxEntries?: number;
  /** Called for each answer given from the cache, for the request log and metrics. */
  readonly onAnswered?: (answer: AnsweredFromCache) => void;
}

/** Longest request (head and body) used as its own cache key; longer ones are hashed. */
const MAX_PLAIN_KEY = 4096;

interface Entry {
  readonly status: number;
  /** Raw header names and values, alternating; without Content-Length for a 304. */
  readonly headers: readonly string[];
  readonly headersNotModified: readonly string[];
  readonly body: Buffer;
  readonly etag: string;
  readonly operation: string | undefined;
}

/** Response headers that belong to one exchange, not to the answer. */
const PER_EXCHANGE = new Set([
  'x-request-id',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

/** Whether the request can be answered from bytes; the rest goes straight to yoga. */
function qualifies(req: IncomingMessage, maxBodyBytes: number): boolean {
  const url = req.url ?? '';
  if (req.method === 'GET') {
    return url.startsWith('/graphql?') && !header(req, 'accept').includes('text/html');
  }
  if (req.method !== 'POST' || url !== '/graphql') return false;
  if (!header(req, 'content-type').toLowerCase().startsWith('application/json')) return false;
  const length = Number(header(req, 'content-length'));
  return Number.isInteger(length) && length > 0 && length <= maxBodyBytes;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The operation's name, for the request log (computed once, when an answer is stored). */
function operationName(req: IncomingMessage, body: Buffer): string | undefined {
  try {
    const params =
      req.method === 'GET'
        ? Object.fromEntries(new URL(req.url ?? '', 'http://x').searchParams)
        : (JSON.parse(body.toString('utf8')) as Record<string, unknown>);
    if (typeof params.query !== 'string') return undefined;
    const name = typeof params.operationName === 'string' ? params.operationName : undefined;
    return getOperationAST(parse(params.query), name)?.name?.value ?? 'anonymous';
  } catch {
    return undefined;
  }
}

export function withFrontCache(yoga: OrgYoga, options: FrontCacheOptions): RequestListener {
  const maxEntries = options.maxEntries ?? 1000;
  let version = options.version();
  let entries = new Map<string, Entry>();

  const keyOf = (req: IncomingMessage, body: Buffer): string => {
    const head = [
      version,
      req.method,
      req.url,
      header(req, 'accept'),
      langFromAcceptLanguage(header(req, 'accept-language')),
      header(req, 'origin'),
      header(req, 'content-type'),
    ].join('\n');
    // Small requests are their own key (hashing cost more than the lookup); large ones are hashed.
    if (head.length + body.length <= MAX_PLAIN_KEY) return `${head}\n${body.toString('latin1')}`;
    return createHash('sha256').update(head).update('\n').update(body).digest('base64');
  };

  const answer = (req: IncomingMessage, res: ServerResponse, entry: Entry, start: number) => {
    const id = requestIdFrom(header(req, 'x-request-id'));
    const notModified = header(req, 'if-none-match') === entry.etag;
    const status = notModified ? 304 : entry.status;
    // One flat list of raw headers: node's per-header setHeader checks were a tenth of the time.
    res.writeHead(status, [
      ...(notModified ? entry.headersNotModified : entry.headers),
      'x-request-id',
      id,
    ]);
    res.end(notModified ? undefined : entry.body);
    options.onAnswered?.({
      id,
      method: req.method ?? 'GET',
      path: '/graphql',
      status,
      ms: Math.round((performance.now() - start) * 10) / 10,
      operation: entry.operation,
      outcome: notModified ? 'not-modified' : 'ok',
    });
  };

  const remember = (key: string, entry: Entry) => {
    entries.set(key, entry);
    if (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
  };

  const passOn = async (req: IncomingMessage, res: ServerResponse, key: string, body: Buffer) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await yoga.fetch(
      `http://${header(req, 'host') || 'localhost'}${req.url ?? '/'}`,
      {
        method: req.method ?? 'GET',
        headers,
        ...(req.method === 'POST' ? { body } : {}),
      },
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    const kept: string[] = [];
    const keptNotModified: string[] = [];
    response.headers.forEach((value, name) => {
      if (!PER_EXCHANGE.has(name)) {
        kept.push(name, value);
        if (name !== 'content-length') keptNotModified.push(name, value);
      }
      res.setHeader(name, value);
    });
    res.writeHead(response.status);
    res.end(bytes);
    const etag = response.headers.get('etag');
    // Only what yoga's response cache judged cacheable (an ETag, a full 200 answer) is kept.
    if (response.status === 200 && etag && !header(req, 'if-none-match')) {
      remember(key, {
        status: 200,
        headers: kept,
        headersNotModified: keptNotModified,
        body: bytes,
        etag,
        operation: operationName(req, body),
      });
    }
  };

  return (req, res) => {
    if (!qualifies(req, options.maxBodyBytes)) {
      void yoga(req, res);
      return;
    }
    const start = performance.now();
    const current = options.version();
    if (current !== version) {
      version = current;
      entries = new Map();
    }
    const handle = async () => {
      const body = req.method === 'POST' ? await readBody(req) : Buffer.alloc(0);
      const key = keyOf(req, body);
      const entry = entries.get(key);
      if (entry) {
        // Most recently used last, so eviction takes the least recently used.
        entries.delete(key);
        entries.set(key, entry);
        answer(req, res, entry, start);
      } else {
        await passOn(req, res, key, body);
      }
    };
    handle().catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"errors":[{"message":"Unexpected error."}]}');
    });
  };
}
