/**
 * One HTTP exchange, from the moment the front receives a request to the moment its answer is
 * sent, whichever way it was answered (from the response cache, by the fast lane or by yoga). Its
 * request id, the operation it ran and how it went are recorded here, and `finish` writes its one
 * log line and its metrics: the only place either is written.
 */
import { randomUUID } from 'node:crypto';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { OrgGraph } from '../graph/org-graph';
import type { Lang } from '../graph/types';
import { langFromAcceptLanguage } from './accept-language';
import type { GraphQLPhase, Metrics } from './observability';
import {
  formatTraceparent,
  parseTraceparent,
  tracestateOf,
  untracedIds,
  type TraceIds,
} from './trace-context';
import type { RequestSpan, Tracing } from './tracing';

/** How the answer was made, for the log line. */
export type AnsweredBy = 'cache' | 'lane' | 'yoga';

export interface Exchange {
  readonly id: string;
  /** Its trace (the caller's, from `traceparent`, or a new one) and the server's span in it. */
  readonly trace: TraceIds;
  /** Its response's `traceparent`. */
  readonly traceparent: string;
  /** Its span, when tracing is on. */
  readonly span?: RequestSpan | undefined;
  /**
   * The graph the request is answered from, fixed when it arrives: its cache key, its ETag and its
   * answer all use the same one, whatever a reload swaps in meanwhile.
   */
  readonly graph: OrgGraph;
  /** The language texts default to, from `Accept-Language`. */
  readonly lang: Lang;
  readonly start: number;
  readonly method: string;
  readonly path: string;
  /** The operation's name ("anonymous" when it has none), once known. */
  operation?: string | undefined;
  /** The last GraphQL phase the request reached. */
  reached?: GraphQLPhase | undefined;
  /** GraphQL errors in the answer. */
  errors: number;
  answeredBy?: AnsweredBy | undefined;
}

/** What the front hands yoga with each request (yoga's "server context"). */
export interface ServerContext {
  /** Absent when yoga is called on its own (tests): it then starts one itself. */
  exchange?: Exchange;
}

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** The client's `x-request-id` when it is sane (short, no spaces or markup), else a new one. */
export function requestIdFrom(given: string | null | undefined): string {
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

export interface ExchangeRequest {
  readonly method: string;
  /** The path, without the query string. */
  readonly path: string;
  readonly requestId: string | null | undefined;
  readonly acceptLanguage: string | null | undefined;
  readonly traceparent?: string | null | undefined;
  readonly tracestate?: string | null | undefined;
}

export function startExchange(
  graph: OrgGraph,
  request: ExchangeRequest,
  tracing?: Tracing,
): Exchange {
  const id = requestIdFrom(request.requestId);
  const parent = parseTraceparent(request.traceparent);
  const span = tracing?.startRequest({
    method: request.method,
    path: request.path,
    requestId: id,
    parent,
    tracestate: tracestateOf(parent, request.tracestate),
  });
  const trace = span ? span.ids : untracedIds(parent);
  return {
    id,
    trace,
    traceparent: formatTraceparent(trace),
    span,
    graph,
    lang: langFromAcceptLanguage(request.acceptLanguage, graph.dataset.languages),
    start: performance.now(),
    method: request.method,
    path: request.path,
    errors: 0,
  };
}

function outcomeOf(status: number, errors: number): string {
  if (status >= 500) return 'error';
  if (status === 304) return 'not-modified';
  if (status >= 400) return 'refused';
  return errors > 0 ? 'graphql-errors' : 'ok';
}

/** Writes the exchange's log line and records its metrics. The query text is never logged. */
export function finishExchange(
  exchange: Exchange,
  status: number,
  logger: Logger,
  metrics: Metrics,
): void {
  exchange.span?.end(status, exchange.operation);
  const ms = Math.round((performance.now() - exchange.start) * 10) / 10;
  const outcome = outcomeOf(status, exchange.errors);
  // An answer with errors failed in the last phase the request reached (none: refused before).
  const failedPhase = exchange.errors > 0 ? exchange.reached : undefined;
  metrics.answered({
    path: exchange.path,
    status,
    outcome,
    ms,
    operation: exchange.operation,
    failedPhase,
  });
  const level = status >= 500 ? 'warn' : 'info';
  // The line is built only for a logger that writes it (production logs warnings only).
  if (!logger.isLevelEnabled(level)) return;
  logger[level](
    {
      reqId: exchange.id,
      traceId: exchange.trace.traceId,
      spanId: exchange.trace.spanId,
      method: exchange.method,
      path: exchange.path,
      status,
      ms,
      operation: exchange.operation,
      outcome,
      ...(exchange.answeredBy === 'cache' ? { cache: 'hit' } : {}),
    },
    'request',
  );
}

/**
 * The exchange record for yoga: it starts one for a request the front did not (yoga called on
 * its own, as tests do) and then finishes it too; it notes the phase reached, the operation and
 * the errors of every request, and echoes the request id.
 */
export function useExchange(
  logger: Logger,
  metrics: Metrics,
  current: () => OrgGraph,
  tracing?: Tracing,
): Plugin<object, ServerContext> {
  const owned = new WeakSet<Exchange>();
  const of = (context: unknown) => (context as ServerContext | undefined)?.exchange;
  return {
    onRequest({ request, url, serverContext }) {
      let exchange = serverContext.exchange;
      if (!exchange) {
        exchange = startExchange(
          current(),
          {
            method: request.method,
            path: url.pathname,
            requestId: request.headers.get('x-request-id'),
            acceptLanguage: request.headers.get('accept-language'),
            traceparent: request.headers.get('traceparent'),
            tracestate: request.headers.get('tracestate'),
          },
          tracing,
        );
        serverContext.exchange = exchange;
        owned.add(exchange);
      }
    },
    onParams({ context }) {
      // Parameters read: the document is parsed next.
      const exchange = of(context);
      if (exchange) exchange.reached = 'parse';
    },
    onValidate({ context }) {
      const exchange = of(context);
      if (exchange) exchange.reached = 'validate';
    },
    onExecute({ args }) {
      const exchange = of(args.contextValue);
      if (!exchange) return;
      exchange.reached = 'execute';
      exchange.operation =
        getOperationAST(args.document, args.operationName)?.name?.value ?? 'anonymous';
    },
    onResultProcess({ result, serverContext }) {
      const exchange = serverContext.exchange;
      if (!exchange || Symbol.asyncIterator in result) return;
      for (const r of Array.isArray(result) ? result : [result])
        exchange.errors += r.errors?.length ?? 0;
    },
    onResponse({ response, serverContext }) {
      const exchange = serverContext.exchange;
      if (!exchange) return;
      try {
        response.headers.set('x-request-id', exchange.id);
        response.headers.set('traceparent', exchange.traceparent);
      } catch {
        // a response with immutable headers keeps its own
      }
      if (owned.has(exchange)) finishExchange(exchange, response.status, logger, metrics);
    },
  };
}
