/**
 * OpenTelemetry tracing, on only when an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT).
 * Off, nothing here is loaded but this module's code: every OpenTelemetry package is imported
 * dynamically by startTracing, no plugin joins the pipeline and the schema is yoga's as it is.
 *
 * On, each exchange has a span tree, exported by OTLP/HTTP in batches:
 *
 *   GET|POST /graphql        (SERVER; its parent is the caller's `traceparent`)
 *     ├─ graphql.parse
 *     ├─ graphql.validate
 *     └─ query.<operation>   (@envelop/opentelemetry's execute span)
 *          └─ <Type>.<field> (root fields and costly resolvers: see weightOf below)
 *
 * Parse and validate spans are ours (@envelop/opentelemetry traces execution only), and so are
 * resolver spans: the package's resolver option traces every resolver or none, by wrapping the
 * resolvers of the shared schema in place, where we trace only costly fields, on a copy.
 * Parents are passed explicitly (the exchange's span, the execute span), so no global context
 * manager or provider is registered: two servers in one process trace apart.
 */
import type { Context as OtelContext, Span } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import {
  defaultFieldResolver,
  isIntrospectionType,
  isObjectType,
  lexicographicSortSchema,
  type GraphQLField,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config';
import type { ServerContext } from './exchange';
import type { TraceIds, TraceParent } from './trace-context';

type TracingConfig = Pick<Config, 'otlpEndpoint' | 'serviceName' | 'traceResolverCost'>;

/** What the exchange knows of a request when its span starts. */
export interface RequestStart {
  readonly method: string;
  readonly path: string;
  readonly requestId: string;
  readonly parent: TraceParent | undefined;
  readonly tracestate: string | undefined;
}

/** The server's span of one exchange. */
export interface RequestSpan {
  readonly ids: TraceIds;
  end(status: number, operation: string | undefined): void;
}

export interface Tracing {
  startRequest(request: RequestStart): RequestSpan;
  /** The pipeline's tracing plugins (pipeline.ts places them). */
  readonly plugins: Plugin[];
  /** A copy of the schema whose costly resolvers open spans. */
  instrumentSchema(schema: GraphQLSchema): GraphQLSchema;
  /** Sends the spans not yet exported. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** Where spans go instead of OTLP, each as it ends (tests: an InMemorySpanExporter). */
  readonly exporter?: SpanExporter;
}

/** Tracing is on when spans have somewhere to go; the standard switch turns it off regardless. */
export function tracingWanted(
  config: Pick<Config, 'otlpEndpoint'>,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return config.otlpEndpoint !== '' && env.OTEL_SDK_DISABLED?.trim().toLowerCase() !== 'true';
}

/** Paths named in span names as they are; any other path would make a name per URL. */
const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics', '/']);

/** The spans' `traces` endpoint: the signal's own variable, else `v1/traces` under the endpoint. */
function tracesUrl(endpoint: string, env: NodeJS.ProcessEnv): string {
  return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

/** Tracing for the configuration, or undefined when it is off (then nothing was imported). */
export async function startTracing(
  config: TracingConfig,
  options: TracingOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<Tracing | undefined> {
  if (!options.exporter && !tracingWanted(config, env)) return undefined;
  const [api, sdk, resources, envelop] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/sdk-trace'),
    import('@opentelemetry/resources'),
    import('@envelop/opentelemetry'),
  ]);
  const processor = options.exporter
    ? new sdk.SimpleSpanProcessor({ exporter: options.exporter })
    : new sdk.BatchSpanProcessor({
        exporter: new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter({
          url: tracesUrl(config.otlpEndpoint, env),
        }),
      });
  const provider = new sdk.TracerProvider({
    resource: resources
      .defaultResource()
      .merge(resources.resourceFromAttributes({ 'service.name': config.serviceName })),
    sampler: new sdk.ParentBasedSampler({ root: new sdk.AlwaysOnSampler() }),
    spanProcessors: [processor],
  });
  const tracer = provider.getTracer('orggraph');
  const { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } = api;

  /** The OpenTelemetry context of each exchange's span, for the spans under it. */
  const contexts = new WeakMap<RequestSpan, OtelContext>();
  const exchangeContext = (context: unknown): OtelContext | undefined => {
    const span = (context as ServerContext | undefined)?.exchange?.span;
    return span && contexts.get(span);
  };

  const startRequest = (request: RequestStart): RequestSpan => {
    const { parent } = request;
    const parentContext = parent
      ? trace.setSpanContext(ROOT_CONTEXT, {
          traceId: parent.traceId,
          spanId: parent.parentId,
          traceFlags: Number.parseInt(parent.flags, 16),
          isRemote: true,
          ...(request.tracestate ? { traceState: api.createTraceState(request.tracestate) } : {}),
        })
      : ROOT_CONTEXT;
    const route = ROUTES.has(request.path) ? ` ${request.path}` : '';
    const span = tracer.startSpan(
      `${request.method}${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': request.method,
          'url.path': request.path,
          'orggraph.request_id': request.requestId,
          ...(route ? { 'http.route': request.path } : {}),
        },
      },
      parentContext,
    );
    const spanContext = span.spanContext();
    const requestSpan: RequestSpan = {
      ids: {
        traceId: spanContext.traceId,
        spanId: spanContext.spanId,
        flags: spanContext.traceFlags.toString(16).padStart(2, '0'),
      },
      end(status, operation) {
        span.setAttribute('http.response.status_code', status);
        if (operation !== undefined) span.setAttribute('graphql.operation.name', operation);
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      },
    };
    contexts.set(requestSpan, trace.setSpan(parentContext, span));
    return requestSpan;
  };

  /** A phase's span under the exchange's, ended with the phase (an Error result marks it). */
  const phase = (name: string, context: unknown) => {
    const parent = exchangeContext(context);
    if (!parent) return undefined;
    const span = tracer.startSpan(name, { kind: SpanKind.INTERNAL }, parent);
    return (failed: boolean) => {
      if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
  };

  const phases: Plugin = {
    onParse({ context }) {
      const end = phase('graphql.parse', context);
      return end && (({ result }) => end(result instanceof Error));
    },
    onValidate({ context }) {
      const end = phase('graphql.validate', context);
      return end && (({ result }) => end(result.length > 0));
    },
    onExecute({ args }) {
      // The execute span (next plugin) and the resolvers' spans hang under the exchange's span.
      const parent = exchangeContext(args.contextValue);
      if (parent) envelop.setCurrentOtelContext(args.contextValue, parent);
    },
  };
  const execution = envelop.useOpenTelemetry(
    // Neither the query text nor its variables: the logs never hold them either.
    { document: false, variables: false, result: false, resolvers: false },
    provider,
    SpanKind.INTERNAL,
    {},
    'orggraph',
  ) as Plugin;

  /**
   * The spans traced resolvers opened, per operation (its context value) and by response path:
   * a path string rather than the path object, which graphql-jit does not share between fields.
   */
  const resolverSpans = new WeakMap<object, Map<string, OtelContext>>();
  /** The span of the nearest traced field above, else the execute span. */
  const parentOf = (keys: readonly string[], context: object): OtelContext => {
    const opened = resolverSpans.get(context);
    if (opened)
      for (let n = keys.length - 1; n > 0; n--) {
        const found = opened.get(keys.slice(0, n).join('.'));
        if (found) return found;
      }
    return envelop.getCurrentOtelContext(context);
  };
  const opened = (context: object, path: string, span: Span) => {
    let byPath = resolverSpans.get(context);
    if (!byPath) resolverSpans.set(context, (byPath = new Map()));
    byPath.set(path, trace.setSpan(ROOT_CONTEXT, span));
  };

  /** Makes the field's resolver open a span, when `traced` says so for the call's arguments. */
  const wrap = (
    field: GraphQLField<unknown, unknown>,
    typeName: string,
    traced: (args: Record<string, unknown>) => boolean,
  ): void => {
    const resolve = field.resolve ?? defaultFieldResolver;
    const name = `${typeName}.${field.name}`;
    field.resolve = (source, args, context, info) => {
      if (!traced(args)) return resolve(source, args, context, info);
      const keys = keysOf(info.path);
      const path = keys.join('.');
      const span: Span = tracer.startSpan(
        name,
        {
          kind: SpanKind.INTERNAL,
          attributes: {
            'graphql.field.name': field.name,
            'graphql.field.type': String(info.returnType),
            'graphql.field.path': path,
          },
        },
        parentOf(keys, context as object),
      );
      opened(context as object, path, span);
      const failed = (error: unknown): never => {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
        throw error;
      };
      try {
        const result: unknown = resolve(source, args, context, info);
        if (!(result instanceof Promise)) {
          span.end();
          return result;
        }
        return result.then((value: unknown) => {
          span.end();
          return value;
        }, failed);
      } catch (error) {
        return failed(error);
      }
    };
  };

  return {
    startRequest,
    plugins: [phases, execution],
    instrumentSchema(schema) {
      // A copy (graphql's own: same types, same order for a sorted schema) whose fields are ours
      // to wrap: the shared schema stays as it is for every other server in the process.
      const copy = lexicographicSortSchema(schema);
      const roots = new Set([copy.getQueryType(), copy.getMutationType()]);
      for (const type of Object.values(copy.getTypeMap())) {
        if (!isObjectType(type) || isIntrospectionType(type)) continue;
        for (const field of Object.values(type.getFields())) {
          if (roots.has(type)) {
            wrap(field, type.name, () => true);
            continue;
          }
          const weight = weightOf(field.extensions.complexity);
          if (typeof weight === 'function')
            wrap(field, type.name, (args) => weight(args) >= config.traceResolverCost);
          else if (weight >= config.traceResolverCost) wrap(field, type.name, () => true);
        }
      }
      return copy;
    },
    async shutdown() {
      await provider.shutdown();
    },
  };
}

/**
 * Which fields are worth a span, besides the root fields: those whose weight — the larger of
 * the field's own Pothos complexity and its multiplier (how many times its sub-selection counts:
 * the items it may return) — for the arguments of the call is at least TRACE_RESOLVER_COST.
 * Scalars (1) never are; with the default threshold (100), pages of 100 and lists whose
 * argument asks for as many are. A fixed weight is judged once: fields below the threshold are
 * left unwrapped, at no cost.
 */
type Complexity = number | { field?: number; multiplier?: number };
function weightOf(complexity: unknown): number | ((args: Record<string, unknown>) => number) {
  const weight = (c: unknown): number =>
    typeof c === 'number'
      ? c
      : typeof c === 'object' && c !== null
        ? Math.max(
            (c as Complexity & object).field ?? 1,
            (c as Complexity & object).multiplier ?? 1,
          )
        : 1;
  if (typeof complexity === 'function')
    return (args) => weight((complexity as (a: Record<string, unknown>) => unknown)(args));
  return weight(complexity);
}

function keysOf(path: GraphQLResolveInfo['path']): string[] {
  const keys: string[] = [];
  for (let p: GraphQLResolveInfo['path'] | undefined = path; p; p = p.prev)
    keys.push(String(p.key));
  return keys.reverse();
}
