/**
 * What the server tells its operators: one JSON log line per request (pino) and Prometheus
 * metrics at /metrics (yoga's plugin plus our counters for refusals and the dataset served).
 */
import { randomUUID } from 'node:crypto';
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { getOperationAST } from 'graphql';
import type { Plugin, YogaLogger } from 'graphql-yoga';
import { pino, type Logger } from 'pino';
import { AggregatorRegistry, collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
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

/** Counters and gauges of our own; yoga's plugin adds request counts, durations and errors. */
export class Metrics {
  readonly registry = new Registry();
  private readonly refusedCounter: Counter<'limit'>;
  private readonly reloadCounter: Counter<'outcome'>;
  private readonly requestCounter: Counter<'path' | 'status' | 'outcome'>;

  constructor(current: () => OrgGraph) {
    collectDefaultMetrics({ register: this.registry, prefix: 'orggraph_' });
    this.refusedCounter = new Counter({
      name: 'orggraph_refused_requests_total',
      help: 'Requests refused by a limit, by limit',
      labelNames: ['limit'],
      registers: [this.registry],
    });
    // Every HTTP request, answers from the response cache and 304s included (yoga's own metrics
    // only count operations that were executed).
    this.requestCounter = new Counter({
      name: 'orggraph_http_requests_total',
      help: 'HTTP requests answered, by path, status and outcome',
      labelNames: ['path', 'status', 'outcome'],
      registers: [this.registry],
    });
    this.reloadCounter = new Counter({
      name: 'orggraph_reloads_total',
      help: 'Dataset reloads, by outcome (ok, refused)',
      labelNames: ['outcome'],
      registers: [this.registry],
    });
    new Gauge({
      name: 'orggraph_dataset_info',
      help: 'The dataset being served (value 1; its key and version as labels)',
      labelNames: ['dataset', 'version'],
      registers: [this.registry],
      collect() {
        const graph = current();
        this.reset();
        this.set({ dataset: graph.dataset.key, version: graph.meta.version }, 1);
      },
    });
    new Gauge({
      name: 'orggraph_dataset_loaded_at_seconds',
      help: 'When the dataset being served was loaded (Unix time)',
      registers: [this.registry],
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

  answered(path: string, status: number, outcome: string): void {
    // Unknown paths share one label, so probing URLs cannot grow the series without bound.
    const known = ['/graphql', '/healthz', '/readyz', '/metrics'].includes(path) ? path : 'other';
    this.requestCounter.inc({ path: known, status: String(status), outcome });
  }

  reloaded(outcome: 'ok' | 'refused'): void {
    this.reloadCounter.inc({ outcome });
  }
}

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** The client's `x-request-id` when it is sane (short, no spaces or markup), else a new one. */
export function requestIdFrom(given: string | null | undefined): string {
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

interface RequestRecord {
  readonly id: string;
  readonly start: number;
  operation?: string;
  errors: number;
}

/**
 * One log line (and one count) per request: request id (the client's `x-request-id` when sane, else a new one,
 * echoed in the response), method, path, status, duration, operation name and outcome. The query
 * text and variables are never logged at info level.
 */
function useRequestLog(logger: Logger, metrics: Metrics): Plugin {
  const records = new WeakMap<Request, RequestRecord>();
  return {
    onRequest({ request }) {
      const given = request.headers.get('x-request-id');
      records.set(request, {
        id: requestIdFrom(given),
        start: performance.now(),
        errors: 0,
      });
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request } | undefined)?.request;
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
      try {
        response.headers.set('x-request-id', record.id);
      } catch {
        // a response with immutable headers keeps its own
      }
      const path = new URL(request.url).pathname;
      metrics.answered(path, status, outcome);
      const line = {
        reqId: record.id,
        method: request.method,
        path,
        status,
        ms: Math.round((performance.now() - record.start) * 10) / 10,
        operation: record.operation,
        outcome,
      };
      if (status >= 500) logger.warn(line, 'request');
      else logger.info(line, 'request');
    },
  };
}

export function observabilityPlugins(logger: Logger, metrics: Metrics): Plugin[] {
  return [
    useRequestLog(logger, metrics),
    usePrometheus({
      endpoint: '/metrics',
      registry: metrics.registry,
      metrics: {
        graphql_envelop_request: true,
        graphql_envelop_request_duration: true,
        graphql_envelop_error_result: true,
        graphql_envelop_phase_parse: true,
        graphql_envelop_phase_validate: true,
        graphql_envelop_phase_execute: true,
        graphql_yoga_http_duration: true,
      },
      labels: {
        operationName: true,
        operationType: true,
        phase: true,
        statusCode: true,
        method: true,
        url: false,
      },
    }),
  ];
}
