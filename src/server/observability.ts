/**
 * What the server tells its operators: JSON logs (pino; one line per request, written by
 * exchange.ts) and Prometheus metrics at /metrics (requests, operations, errors by phase,
 * refusals, the dataset served).
 */
import type { YogaLogger } from 'graphql-yoga';
import { pino, type Logger } from 'pino';
import { AggregatorRegistry, collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { OrgGraph } from '../graph/org-graph';
import type { Config } from './config';
import type { LimitKind } from './limits';
import { RecordedCounter, RecordedHistogram } from './metric-series';

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
/** Longest operation name kept as a label (a name may be as long as a request body); longer: `other`. */
const MAX_OPERATION_LABEL_LENGTH = 100;

const DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export type GraphQLPhase = 'parse' | 'validate' | 'execute';

/**
 * The server's metrics. Recorded once per exchange (exchange.ts), with a few
 * map lookups per request (metric-series.ts): yoga's Prometheus plugin, which times every phase,
 * cost about a sixth of a small query's CPU time.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly refusedCounter: Counter<'limit'>;
  private readonly reloadCounter: Counter<'outcome'>;
  private readonly requestCounter: RecordedCounter<'path' | 'status' | 'outcome'>;
  private readonly requestDuration: RecordedHistogram<'path'>;
  private readonly operationCounter: RecordedCounter<'operation' | 'outcome'>;
  private readonly operationDuration: RecordedHistogram<'operation'>;
  private readonly errorCounter: RecordedCounter<'phase'>;
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
    this.requestCounter = new RecordedCounter(
      'orggraph_http_requests_total',
      'HTTP requests answered, by path, status and outcome',
      this.registry,
    );
    this.requestDuration = new RecordedHistogram(
      'orggraph_http_request_duration_seconds',
      'Time to answer an HTTP request, by path',
      DURATION_BUCKETS,
      this.registry,
    );
    this.operationCounter = new RecordedCounter(
      'orggraph_graphql_operations_total',
      'GraphQL operations answered, by operation name and outcome (ok, graphql-errors, refused, error)',
      this.registry,
    );
    this.operationDuration = new RecordedHistogram(
      'orggraph_graphql_operation_duration_seconds',
      'Time to answer a GraphQL operation, by operation name',
      DURATION_BUCKETS,
      this.registry,
    );
    this.errorCounter = new RecordedCounter(
      'orggraph_graphql_errors_total',
      'Requests whose GraphQL answer has errors, by the phase that failed (parse, validate, execute)',
      this.registry,
    );
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
    const { status, outcome, failedPhase } = answer;
    this.requestCounter.inc(`${path} ${status} ${outcome}`, {
      path,
      status: String(status),
      outcome,
    });
    this.requestDuration.observe(path, { path }, answer.ms / 1000);
    if (failedPhase) this.errorCounter.inc(failedPhase, { phase: failedPhase });
    if (answer.operation === undefined) return;
    const operation = this.operationLabel(answer.operation);
    this.operationCounter.inc(`${operation} ${outcome}`, { operation, outcome });
    this.operationDuration.observe(operation, { operation }, answer.ms / 1000);
  }

  private operationLabel(name: string): string {
    if (this.operationNames.has(name)) return name;
    if (
      this.operationNames.size >= MAX_OPERATION_LABELS ||
      name.length > MAX_OPERATION_LABEL_LENGTH
    )
      return 'other';
    this.operationNames.add(name);
    return name;
  }

  reloaded(outcome: 'ok' | 'refused'): void {
    this.reloadCounter.inc({ outcome });
  }
}

const KNOWN_PATHS = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);
