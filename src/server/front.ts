/**
 * The front of the server: every HTTP request arrives here (pipeline.ts draws the whole flow). It
 * starts the request's exchange, answers from the response cache what was answered before, lets
 * the fast lane answer plain queries, hands everything else to yoga, and finishes the exchange
 * (its log line and metrics) once the answer is sent.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Config } from './config';
import { finishExchange, startExchange, type Exchange } from './exchange';
import { createFastLane, type LaneAnswer, type LaneRequest } from './fast-lane';
import type { GraphStore } from './graph-store';
import type { Logger, Metrics } from './observability';
import { ResponseCache, type CachedAnswer } from './response-cache';
import type { Tracing } from './tracing';
import type { OrgYoga } from './yoga';

export interface FrontParts {
  readonly yoga: OrgYoga;
  readonly store: GraphStore;
  readonly config: Config;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly tracing?: Tracing | undefined;
}

/** Response headers that belong to one exchange, not to the answer. */
const PER_EXCHANGE = new Set([
  'x-request-id',
  'traceparent',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The GraphQL requests the cache and the fast lane may take; the rest goes to yoga as it is. */
function laneMethod(req: IncomingMessage, maxBodyBytes: number): 'GET' | 'POST' | undefined {
  const url = req.url ?? '';
  if (req.method === 'GET') {
    const html = header(req, 'accept')?.includes('text/html') ?? false;
    return url.startsWith('/graphql?') && !html ? 'GET' : undefined;
  }
  if (req.method !== 'POST' || url !== '/graphql') return undefined;
  if (!header(req, 'content-type')?.toLowerCase().startsWith('application/json')) return undefined;
  // Chunked bodies (no Content-Length) are counted by yoga's body limit.
  const length = Number(header(req, 'content-length'));
  return Number.isInteger(length) && length > 0 && length <= maxBodyBytes ? 'POST' : undefined;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () =>
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
}

function cachedFrom(
  status: number,
  headers: readonly string[],
  body: Buffer,
  etag: string,
  operation: string | undefined,
): CachedAnswer {
  const kept: string[] = [];
  const keptNotModified: string[] = [];
  for (let i = 0; i < headers.length; i += 2) {
    const name = headers[i] as string;
    const value = headers[i + 1] as string;
    if (PER_EXCHANGE.has(name)) continue;
    kept.push(name, value);
    if (name !== 'content-length') keptNotModified.push(name, value);
  }
  return { status, headers: kept, headersNotModified: keptNotModified, body, etag, operation };
}

export function createFront({
  yoga,
  store,
  config,
  logger,
  metrics,
  tracing,
}: FrontParts): RequestListener {
  const cache = config.responseCache ? new ResponseCache(config.responseCacheBytes) : undefined;
  const lane = createFastLane(yoga, config, { traced: tracing !== undefined });

  const answerCached = (
    req: IncomingMessage,
    res: ServerResponse,
    exchange: Exchange,
    entry: CachedAnswer,
  ) => {
    exchange.answeredBy = 'cache';
    exchange.operation = entry.operation;
    const notModified = header(req, 'if-none-match') === entry.etag;
    // One flat list of raw headers: node's per-header setHeader checks were a tenth of the time.
    res.writeHead(notModified ? 304 : entry.status, [
      ...(notModified ? entry.headersNotModified : entry.headers),
      'x-request-id',
      exchange.id,
      'traceparent',
      exchange.traceparent,
    ]);
    res.end(notModified ? undefined : entry.body);
  };

  const answerFromLane = (res: ServerResponse, exchange: Exchange, answer: LaneAnswer): Buffer => {
    exchange.answeredBy = 'lane';
    const body = Buffer.from(answer.body);
    const headers = [
      ...answer.headers,
      'x-request-id',
      exchange.id,
      'traceparent',
      exchange.traceparent,
    ];
    if (answer.status !== 304) headers.push('content-length', String(body.length));
    res.writeHead(answer.status, headers);
    res.end(answer.status === 304 ? undefined : body);
    return body;
  };

  /** yoga answers a request whose body the front has read. */
  const answerByYoga = async (
    req: IncomingMessage,
    res: ServerResponse,
    exchange: Exchange,
    body: Buffer,
  ): Promise<{ status: number; headers: string[]; body: Buffer }> => {
    exchange.answeredBy = 'yoga';
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const init: RequestInit = { method: req.method ?? 'GET', headers };
    if (req.method === 'POST') init.body = body as unknown as BodyInit; // a Buffer is a Uint8Array
    const response = await yoga.fetch(
      `http://${header(req, 'host') || 'localhost'}${req.url ?? '/'}`,
      init,
      { exchange },
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    const raw: string[] = [];
    response.headers.forEach((value, name) => raw.push(name, value));
    res.writeHead(response.status, raw);
    res.end(bytes);
    return { status: response.status, headers: raw, body: bytes };
  };

  const answerGraphQL = async (
    req: IncomingMessage,
    res: ServerResponse,
    exchange: Exchange,
    method: 'GET' | 'POST',
  ) => {
    const body = method === 'POST' ? await readBody(req) : Buffer.alloc(0);
    const key = cache?.keyOf(
      exchange.graph.meta.version,
      [
        method,
        req.url ?? '',
        header(req, 'accept') ?? '',
        exchange.lang,
        header(req, 'origin') ?? '',
        header(req, 'content-type') ?? '',
      ],
      body,
    );
    const entry = key === undefined ? undefined : cache?.get(key);
    if (entry) return answerCached(req, res, exchange, entry);

    const ifNoneMatch = header(req, 'if-none-match');
    const request: LaneRequest = {
      method,
      url: req.url ?? '',
      accept: header(req, 'accept'),
      ifNoneMatch,
      body,
    };
    const laneAnswer = await lane(request, exchange, header(req, 'origin'));
    const sent = laneAnswer
      ? { ...laneAnswer, body: answerFromLane(res, exchange, laneAnswer) }
      : method === 'POST'
        ? await answerByYoga(req, res, exchange, body)
        : undefined;
    if (!sent) {
      exchange.answeredBy = 'yoga';
      await yoga.handle(req, res, { exchange });
      return;
    }
    const etag = laneAnswer ? laneAnswer.etag : headerIn(sent.headers, 'etag');
    // Only complete answers with an ETag (cacheable, of this version) are kept.
    if (key !== undefined && cache && etag && sent.status === 200 && !ifNoneMatch) {
      cache.set(key, cachedFrom(200, sent.headers, sent.body, etag, exchange.operation));
    }
  };

  return (req, res) => {
    const exchange = startExchange(
      store.current,
      {
        method: req.method ?? 'GET',
        path: pathOf(req.url ?? '/'),
        requestId: header(req, 'x-request-id'),
        acceptLanguage: header(req, 'accept-language'),
        traceparent: header(req, 'traceparent'),
        tracestate: header(req, 'tracestate'),
      },
      tracing,
    );
    res.once('finish', () => finishExchange(exchange, res.statusCode, logger, metrics));
    const method = laneMethod(req, config.maxBodyBytes);
    if (!method) {
      exchange.answeredBy = 'yoga';
      void yoga.handle(req, res, { exchange });
      return;
    }
    answerGraphQL(req, res, exchange, method).catch((error: unknown) => {
      logger.error(
        { reqId: exchange.id, traceId: exchange.trace.traceId, err: error },
        'request failed',
      );
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"errors":[{"message":"Unexpected error."}]}');
    });
  };
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

function headerIn(raw: readonly string[], name: string): string | undefined {
  for (let i = 0; i < raw.length; i += 2) if (raw[i] === name) return raw[i + 1];
  return undefined;
}
