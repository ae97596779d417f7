/**
 * How a request flows through the server, and yoga's plugins in the order they run. yoga.ts and
 * the tests both take the list from here.
 *
 *   socket
 *     │  node:http (http-server.ts): header and request timeouts, connection cap, header size
 *     ▼
 *   front (front.ts): the exchange starts — request id, trace context (`traceparent`; its span
 *     │  when tracing is on), the graph it is answered from, language
 *     ├─► response cache (response-cache.ts): the same request answered before → its bytes,
 *     │   or 304 for a matching If-None-Match
 *     │
 *     ├─► fast lane (fast-lane.ts): a plain JSON query (POST or GET, no extensions, no CORS)
 *     │     yoga's envelop: parse → validate → context → execute   (the plugins' envelop hooks;
 *     │     a document the lane has seen valid goes straight to context → execute)
 *     │     answers.ts: safe errors, status and media type as yoga gives them, Cache-Control, ETag
 *     │     anything unusual (a parse or validation error, an answer without data) → yoga
 *     │
 *     └─► yoga: every plugin below, in order, then the same envelop phases and answers
 *     ▼
 *   exchange.ts: one log line and the metrics, for every request, however it was answered
 */
import type { Plugin } from 'graphql-yoga';
import { useAnswers } from './answers';
import type { Config } from './config';
import { useEndpoints } from './endpoints';
import { useExchange } from './exchange';
import { useExecution } from './execution';
import type { GraphStore } from './graph-store';
import { queryShapeLimits } from './limits';
import type { Logger, Metrics } from './observability';
import { persistedQueries } from './persisted';
import { useRequestChecks } from './request-checks';
import type { Tracing } from './tracing';

export interface PipelineParts {
  readonly config: Config;
  readonly store: GraphStore;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Present only when tracing is on (tracing.ts). */
  readonly tracing?: Tracing | undefined;
}

export function yogaPlugins({ config, store, logger, metrics, tracing }: PipelineParts): Plugin[] {
  const onRefused = metrics.refused.bind(metrics);
  return [
    // First: every other hook may read the exchange (request id, graph, phase, operation).
    useExchange(logger, metrics, () => store.current, tracing) as Plugin,
    // With tracing on: spans of parse, validate and execute under the exchange's, so they cover
    // every plugin below (none when off).
    ...(tracing?.plugins ?? []),
    // Requests that are not GraphQL end here: the chart page, exports, readiness, metrics.
    useEndpoints(store, metrics),
    // Malformed requests are refused before anything parses them.
    useRequestChecks(config, onRefused),
    // Queries sent by hash: only trusted documents, or automatic persisted queries.
    ...persistedQueries(config, onRefused),
    // The query's shape: depth, aliases, directives, tokens; no introspection where it is off.
    ...queryShapeLimits(config, onRefused),
    // How it runs: on the request's graph, within its cost and the response budget (refused
    // before running when its full pages cannot fit, after when its answer does not), compiled,
    // before the deadline. One hook: these are decided together for every execution.
    useExecution(config, onRefused),
    // What the answer carries besides its data: safe errors, Cache-Control, Vary, ETag, 304.
    useAnswers(config) as Plugin,
  ];
}
