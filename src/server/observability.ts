/**
 * What the server tells its operators: one JSON log line per request (pino) and Prometheus
 * metrics at /metrics (requests, operations, errors by phase, refusals, the dataset served).
 */
import { randomUUID } from 'node:crypto';
import { getOperationAST } from 'graphql';
import type { Plugin, YogaLogger } from 'graphql-yoga';
import { pino, type Logger } from 'pino';
import {
  AggregatorRegistry,
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
} from 'prom-client';
import type { OrgGraph } from '../graph/org-graph';
import type { Config } from './config';
import type { LimitKind } from './limits';

export type { Logger } from 'pino';

/** JSON lines on stdout, one object per event; `silent` for none (tests). */
export function createLogger(level: Config['logLevel'], destination?: NodeJS.WritableStream) {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? process.stdout,
  );
}

/** yoga's own messages (e.g. an unexpected error with its stack) go to the same log. */
export function yogaLogger(logger: Logger): YogaLogger {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const error = args.find((a) => a instanceof Error);
      const text = args.filter((a) => !(a instanceof Error)).map(String);
      logger[level]({ err: error, source: 'yoga' }, text.join(' ') || error?.message || '');
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Distinct operation names kept as labels; later ones share `other`, so clients cannot grow the series. */
const MAX_OPERATION_LABELS = 200;

export type GraphQLPhase = 'parse' | 'validate' | 'execute';

/**
 * The server's metrics. Recorded from the one request-log hook (and the front cache), with a few
 * label lookups per request: yoga's Prometheus plugin, which times every phase, cost about a
 * sixth of a small query's CPU time.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly refusedCounter: Counter<'limit'>;
  private readonly reloadCounter: Counter<'outcome'>;
  private readonly requestCounter: Counter<'path' | 'status' | 'outcome'>;
  private readonly requestDuration: Histogram<'path'>;
  private readonly operationCounter: Counter<'operation' | 'outcome'>;
  private readonly operationDuration: Histogram<'operation'>;
  private readonly errorCounter: Counter<'phase'>;
  private readonly operationNames = new Set<string>();

  constructor(current: () => OrgGraph) {
    collectDefaultMetrics({ register: this.registry, prefix: 'orggraph_' });
    const registers = [this.registry];
    this.refusedCounter = new Counter({
      name: 'orggraph_refused_requests_total',
      help: 'Requests refused by a limit, by limit',
      labelNames: ['limit'],
      registers,
    });
    // Every HTTP request, answers from the response cache and 304s included.
    this.requestCounter = new Counter({
      name: 'orggraph_http_requests_total',
      help: 'HTTP requests answered, by path, status and outcome',
      labelNames: ['path', 'status', 'outcome'],
      registers,
    });
    this.requestDuration = new Histogram({
      name: 'orggraph_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by path',
      labelNames: ['path'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.operationCounter = new Counter({
      name: 'orggraph_graphql_operations_total',
      help: 'GraphQL operations answered, by operation name and outcome (ok, graphql-errors, refused, error)',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.operationDuration = new Histogram({
      name: 'orggraph_graphql_operation_duration_seconds',
      help: 'Time to answer a GraphQL operation, by operation name',
      labelNames: ['operation'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.errorCounter = new Counter({
      name: 'orggraph_graphql_errors_total',
      help: 'Requests whose GraphQL answer has errors, by the phase that failed (parse, validate, execute)',
      labelNames: ['phase'],
      registers,
    });
    this.reloadCounter = new Counter({
      name: 'orggraph_reloads_total',
      help: 'Dataset reloads, by outcome (ok, refused)',
      labelNames: ['outcome'],
      registers,
    });
    new Gauge({
      name: 'orggraph_dataset_info',
      help: 'The dataset being served (value 1; its key and version as labels)',
      labelNames: ['dataset', 'version'],
      registers,
      collect() {
        const graph = current();
        this.reset();
        this.set({ dataset: graph.dataset.key, version: graph.meta.version }, 1);
      },
    });
    new Gauge({
      name: 'orggraph_dataset_loaded_at_seconds',
      help: 'When the dataset being served was loaded (Unix time)',
      registers,
      // Summed over a cluster's workers this would mean nothing; the latest load does.
      aggregator: 'max',
      collect() {
        this.set(current().meta.loadedAt.getTime() / 1000);
      },
    });
  }

  /** In a cluster worker: answer the primary's requests for these metrics (see cluster.ts). */
  shareWithClusterPrimary(): void {
    new AggregatorRegistry(); // installs the worker's listener
    AggregatorRegistry.setRegistries([this.registry]);
  }

  refused(limit: LimitKind): void {
    this.refusedCounter.inc({ limit });
  }

  /** One HTTP request answered; `operation` when it carried a GraphQL operation. */
  answered(answer: {
    readonly path: string;
    readonly status: number;
    readonly outcome: string;
    readonly ms: number;
    readonly operation?: string | undefined;
    readonly failedPhase?: GraphQLPhase | undefined;
  }): void {
    // Unknown paths share one label, so probing URLs cannot grow the series without bound.
    const path = KNOWN_PATHS.has(answer.path) ? answer.path : 'other';
    this.requestCounter.inc({ path, status: String(answer.status), outcome: answer.outcome });
    this.requestDuration.observe({ path }, answer.ms / 1000);
    if (answer.failedPhase) this.errorCounter.inc({ phase: answer.failedPhase });
    if (answer.operation === undefined) return;
    const operation = this.operationLabel(answer.operation);
    this.operationCounter.inc({ operation, outcome: answer.outcome });
    this.operationDuration.observe({ operation }, answer.ms / 1000);
  }

  private operationLabel(name: string): string {
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_LABELS) return 'other';
    this.operationNames.add(name);
    return name;
  }

  reloaded(outcome: 'ok' | 'refused'): void {
    this.reloadCounter.inc({ outcome });
  }
}

const KNOWN_PATHS = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** The client's `x-request-id` when it is sane (short, no spaces or markup), else a new one. */
export function requestIdFrom(given: string | null | undefined): string {
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

interface RequestRecord {
  readonly id: string;
  readonly start: number;
  readonly path: string;
  operation?: string;
  failedPhase?: GraphQLPhase;
  errors: number;
}

const requestOf = (context: unknown): Request | undefined =>
  (context as { request?: Request } | undefined)?.request;

/**
 * One log line and one set of metrics per request: request id (the client's `x-request-id` when
 * sane, else a new one, echoed in the response), method, path, status, duration, operation name
 * and outcome. The query text and variables are never logged at info level. Also serves
 * `/metrics`.
 */
function useRequestLog(logger: Logger, metrics: Metrics): Plugin {
  const records = new WeakMap<Request, RequestRecord>();
  const failed = (context: unknown, phase: GraphQLPhase) => {
    const request = requestOf(context);
    const record = request && records.get(request);
    if (record) record.failedPhase ??= phase;
  };
  return {
    onRequest({ request, url, endResponse }) {
      records.set(request, {
        id: requestIdFrom(request.headers.get('x-request-id')),
        start: performance.now(),
        path: url.pathname,
        errors: 0,
      });
      if (url.pathname === '/metrics' && request.method === 'GET')
        return metrics.registry.metrics().then((text) =>
          endResponse(
            new Response(text, {
              status: 200,
              headers: { 'content-type': metrics.registry.contentType },
            }),
          ),
        );
    },
    onParse({ context }) {
      return ({ result }) => {
        if (result instanceof Error) failed(context, 'parse');
      };
    },
    onValidate({ context }) {
      return ({ valid }) => {
        if (!valid) failed(context, 'validate');
      };
    },
    onExecute({ args }) {
      const request = requestOf(args.contextValue);
      const record = request && records.get(request);
      if (record)
        record.operation =
          getOperationAST(args.document, args.operationName)?.name?.value ?? 'anonymous';
    },
    onResultProcess({ request, result }) {
      const record = records.get(request);
      if (record && !(Symbol.asyncIterator in result))
        for (const r of Array.isArray(result) ? result : [result])
          record.errors += r.errors?.length ?? 0;
    },
    onResponse({ request, response }) {
      const record = records.get(request);
      if (!record) return;
      const { status } = response;
      const outcome =
        status >= 500
          ? 'error'
          : status === 304
            ? 'not-modified'
            : status >= 400
              ? 'refused'
              : record.errors > 0
                ? 'graphql-errors'
                : 'ok';
      if (outcome === 'graphql-errors') record.failedPhase ??= 'execute';
      try {
        response.headers.set('x-request-id', record.id);
      } catch {
        // a response with immutable headers keeps its own
      }
      const line = {
        reqId: record.id,
        method: request.method,
        path: record.path,
        status,
        ms: Math.round((performance.now() - record.start) * 10) / 10,
        operation: record.operation,
        outcome,
      };
      metrics.answered({ ...line, failedPhase: record.failedPhase });
      if (status >= 500) logger.warn(line, 'request');
      else logger.info(line, 'request');
    },
  };
}

export function observabilityPlugins(logger: Logger, metrics: Metrics): Plugin[] {
  return [useRequestLog(logger, metrics)];
}
