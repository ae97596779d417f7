/**
 * Server settings from the environment and command line, checked once at start. Each setting is
 * one row of SETTINGS (environment variable, flag, default, check, meaning); the README's
 * "Running in production" table lists the same rows, and a test keeps the two in step.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_SEED_DIR } from '../graph/project-paths';

// bench/ still imports it from here.

const MODES = ['development', 'production'] as const;
export type Mode = (typeof MODES)[number];

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const bool = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value;
    const v = value.trim().toLowerCase();
    if (['', '1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    return value;
  },
  z.boolean({ error: 'must be true or false' }),
);

const count = (min: number) => z.coerce.number().int().min(min).max(1_000_000_000);
const list = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : value,
  z.array(z.string().min(1)),
);

interface Setting {
  /** Environment variable. */
  readonly env: string;
  /** Command-line flag (without `--`). */
  readonly flag: string;
  readonly check: z.ZodType;
  /** The default, or a function of the mode for settings that differ in production. */
  readonly fallback: unknown | ((mode: Mode) => unknown);
  readonly doc: string;
}

/** Every setting, keyed by its name in Config. */
export const SETTINGS = {
  mode: {
    env: 'ORGGRAPH_MODE',
    flag: 'mode',
    check: z.enum(MODES),
    // Not a function of the mode: readConfig reads NODE_ENV for it.
    fallback: 'development',
    doc: '`production` hides introspection, GraphiQL, field suggestions and error details (default: `production` when `NODE_ENV=production`)',
  },
  port: {
    env: 'PORT',
    flag: 'port',
    check: z.coerce.number().int().min(0).max(65535),
    fallback: 4000,
    doc: 'port to listen on (`0`: any free port)',
  },
  host: {
    env: 'HOST',
    flag: 'host',
    check: z.string().min(1),
    fallback: '127.0.0.1',
    doc: 'interface to listen on (`0.0.0.0` for other hosts)',
  },
  seedDir: {
    env: 'SEED_DIR',
    flag: 'seed',
    check: z.string().min(1),
    fallback: DEFAULT_SEED_DIR,
    doc: 'the dataset directory to serve (default: the bundled `seed/`)',
  },
  watchSeed: {
    env: 'WATCH_SEED',
    flag: 'watch-seed',
    check: bool,
    fallback: false,
    doc: 'reload when a file in the seed directory changes (as on `SIGHUP`)',
  },
  watchDebounceMs: {
    env: 'WATCH_DEBOUNCE_MS',
    flag: 'watch-debounce-ms',
    check: count(0),
    fallback: 500,
    doc: 'quiet time after the last change before a watched reload',
  },
  graphiql: {
    env: 'GRAPHIQL',
    flag: 'graphiql',
    check: bool,
    fallback: (mode: Mode) => mode === 'development',
    doc: 'serve GraphiQL at `/graphql` to browsers (default: on in development)',
  },
  introspection: {
    env: 'INTROSPECTION',
    flag: 'introspection',
    check: bool,
    fallback: (mode: Mode) => mode === 'development',
    doc: 'answer `__schema` / `__type` queries (default: on in development)',
  },
  logLevel: {
    env: 'LOG_LEVEL',
    flag: 'log-level',
    check: z.enum(LOG_LEVELS),
    fallback: 'info',
    doc: 'pino level of the JSON logs on stdout (`silent` for none)',
  },
  corsOrigins: {
    env: 'CORS_ORIGINS',
    flag: 'cors-origins',
    check: list,
    fallback: [],
    doc: 'comma-separated origins browsers may call from (`*` for any; none by default)',
  },
  maxDepth: {
    env: 'MAX_DEPTH',
    flag: 'max-depth',
    check: count(1),
    fallback: 12,
    doc: 'deepest selection, fragments flattened (introspection exempt)',
  },
  maxAliases: {
    env: 'MAX_ALIASES',
    flag: 'max-aliases',
    check: count(0),
    fallback: 30,
    doc: 'aliases per operation',
  },
  maxDirectives: {
    env: 'MAX_DIRECTIVES',
    flag: 'max-directives',
    check: count(0),
    fallback: 50,
    doc: 'directives per operation',
  },
  maxTokens: {
    env: 'MAX_TOKENS',
    flag: 'max-tokens',
    check: count(1),
    fallback: 2000,
    doc: 'lexical tokens per document',
  },
  maxCost: {
    env: 'MAX_COST',
    flag: 'max-cost',
    check: count(1),
    fallback: 20_000,
    doc: 'cost: 1 a field, sub-selections of a list ×10 (×`first` or the list argument length)',
  },
  maxResponseBytes: {
    env: 'MAX_RESPONSE_BYTES',
    flag: 'max-response-bytes',
    check: count(1024),
    // Several times the largest answer the default cost limit admits with ordinary texts, and
    // small enough that a few hundred answers at once stay well within the heap.
    fallback: 4 * 2 ** 20,
    doc: 'response budget: an answer larger than this is refused (`RESPONSE_TOO_LARGE`), never cut',
  },
  maxBodyBytes: {
    env: 'MAX_BODY_BYTES',
    flag: 'max-body-bytes',
    check: count(1),
    fallback: 100_000,
    doc: 'request body size (`413` beyond)',
  },
  headersTimeoutMs: {
    env: 'HEADERS_TIMEOUT_MS',
    flag: 'headers-timeout-ms',
    check: count(100),
    fallback: 10_000,
    doc: 'time to receive the request headers (slow clients get `408`)',
  },
  requestTimeoutMs: {
    env: 'REQUEST_TIMEOUT_MS',
    flag: 'request-timeout-ms',
    check: count(100),
    fallback: 15_000,
    doc: 'time to receive a whole request',
  },
  keepAliveTimeoutMs: {
    env: 'KEEP_ALIVE_TIMEOUT_MS',
    flag: 'keep-alive-timeout-ms',
    check: count(0),
    fallback: 5_000,
    doc: 'idle keep-alive connections are closed after this',
  },
  executionTimeoutMs: {
    env: 'EXECUTION_TIMEOUT_MS',
    flag: 'execution-timeout-ms',
    check: count(1),
    fallback: 5_000,
    doc: 'deadline for executing one operation',
  },
  maxConnections: {
    env: 'MAX_CONNECTIONS',
    flag: 'max-connections',
    check: count(1),
    fallback: 1000,
    doc: 'open connections per process; more are refused',
  },
  trustedDocuments: {
    env: 'TRUSTED_DOCUMENTS',
    flag: 'trusted-documents',
    check: z.string(),
    fallback: '',
    doc: 'JSON file `{ "hash": "query" }`: run only these operations, by hash (off when empty)',
  },
  apq: {
    env: 'APQ',
    flag: 'apq',
    check: bool,
    fallback: true,
    doc: 'automatic persisted queries (`extensions.persistedQuery`)',
  },
  responseCache: {
    env: 'RESPONSE_CACHE',
    flag: 'response-cache',
    check: bool,
    fallback: true,
    doc: 'answer repeated queries from a byte cache per dataset version; gives `ETag` and `304`',
  },
  responseCacheBytes: {
    env: 'RESPONSE_CACHE_BYTES',
    flag: 'response-cache-bytes',
    check: count(1024),
    fallback: 32 * 2 ** 20,
    doc: 'most bytes of answers the response cache holds (least recently used out first)',
  },
  compileQueries: {
    env: 'COMPILE_QUERIES',
    flag: 'compile-queries',
    check: bool,
    fallback: true,
    doc: 'run a query compiled by graphql-jit from its second execution on (same answers, faster)',
  },
  cacheMaxAgeS: {
    env: 'CACHE_MAX_AGE_S',
    flag: 'cache-max-age-s',
    check: count(0),
    fallback: 60,
    doc: '`Cache-Control: max-age` of successful GET queries',
  },
  shutdownGraceMs: {
    env: 'SHUTDOWN_GRACE_MS',
    flag: 'shutdown-grace-ms',
    check: count(0),
    fallback: 10_000,
    doc: 'on `SIGTERM`, longest wait for in-flight requests',
  },
  metricsPort: {
    env: 'METRICS_PORT',
    flag: 'metrics-port',
    check: z.coerce.number().int().min(0).max(65535),
    fallback: 0,
    doc: "`npm run start:cluster`: serve every worker's metrics, summed, at this port's `/metrics` (`0`: off)",
  },
  workers: {
    env: 'WORKERS',
    flag: 'workers',
    check: count(0),
    fallback: 0,
    doc: '`npm run start:cluster`: worker processes (`0`: one per core)',
  },
  otlpEndpoint: {
    env: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    flag: 'otlp-endpoint',
    check: z.union([
      z.literal(''),
      z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    ]),
    fallback: '',
    doc: 'OTLP/HTTP collector (e.g. `http://localhost:4318`): turns tracing on, spans go to its `/v1/traces` (off when empty; `OTEL_SDK_DISABLED=true` turns it off too)',
  },
  serviceName: {
    env: 'OTEL_SERVICE_NAME',
    flag: 'service-name',
    check: z.string().min(1),
    fallback: 'orggraph',
    doc: "`service.name` of the spans (doesn't turn tracing on by itself)",
  },
  traceResolverCost: {
    env: 'TRACE_RESOLVER_COST',
    flag: 'trace-resolver-cost',
    check: count(1),
    // A page of the largest size (100): a resolver fanning out to one per item would multiply the
    // spans of an ordinary query.
    fallback: 100,
    doc: 'with tracing on: root fields, and resolvers whose weight (the items they may return: a list 10, a page its `first`) reaches this, get a span of their own',
  },
} satisfies Record<string, Setting>;

const schema = z.object({
  mode: z.enum(MODES),
  port: z.number(),
  host: z.string(),
  seedDir: z.string(),
  watchSeed: z.boolean(),
  watchDebounceMs: z.number(),
  graphiql: z.boolean(),
  introspection: z.boolean(),
  logLevel: z.enum(LOG_LEVELS),
  corsOrigins: z.array(z.string()),
  maxDepth: z.number(),
  maxAliases: z.number(),
  maxDirectives: z.number(),
  maxTokens: z.number(),
  maxCost: z.number(),
  maxResponseBytes: z.number(),
  maxBodyBytes: z.number(),
  headersTimeoutMs: z.number(),
  requestTimeoutMs: z.number(),
  keepAliveTimeoutMs: z.number(),
  executionTimeoutMs: z.number(),
  maxConnections: z.number(),
  trustedDocuments: z.string(),
  apq: z.boolean(),
  responseCache: z.boolean(),
  responseCacheBytes: z.number(),
  compileQueries: z.boolean(),
  cacheMaxAgeS: z.number(),
  shutdownGraceMs: z.number(),
  metricsPort: z.number(),
  otlpEndpoint: z.string(),
  serviceName: z.string(),
  traceResolverCost: z.number(),
  workers: z.number(),
});

export type Config = z.infer<typeof schema>;
type Name = keyof typeof SETTINGS;

function fallbackOf(name: Name, mode: Mode): unknown {
  const fallback: unknown = SETTINGS[name].fallback;
  return typeof fallback === 'function' ? (fallback as (m: Mode) => unknown)(mode) : fallback;
}

/** The configuration with every default, for a mode; tests start from it. */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  const mode = overrides.mode ?? 'development';
  const values: Record<string, unknown> = {};
  for (const name of Object.keys(SETTINGS) as Name[]) values[name] = fallbackOf(name, mode);
  return schema.parse({ ...values, ...overrides });
}

/**
 * Reads every setting from its flag, else its environment variable, else its default (which may
 * depend on the mode). The mode's own default follows `NODE_ENV`, as every Node service's does,
 * so `NODE_ENV=production` alone is enough. Throws an Error naming every bad value.
 */
export function readConfig(
  env: NodeJS.ProcessEnv = process.env,
  argv: string[] = process.argv.slice(2),
): Config {
  const options: Record<string, { type: 'string' }> = {};
  for (const setting of Object.values(SETTINGS)) options[setting.flag] = { type: 'string' };
  let flags: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    flags = parseArgs({ args: argv, options, strict: true }).values;
  } catch (error) {
    throw new Error(`Invalid configuration: ${(error as Error).message}`);
  }
  const raw = (name: Name): unknown => {
    const setting = SETTINGS[name];
    const flag = flags[setting.flag];
    return typeof flag === 'string' ? flag : env[setting.env];
  };
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  const modeByNodeEnv: Mode = env.NODE_ENV === 'production' ? 'production' : 'development';
  const modeResult = SETTINGS.mode.check.safeParse(raw('mode') ?? modeByNodeEnv);
  const mode: Mode = modeResult.success ? modeResult.data : 'development';
  for (const name of Object.keys(SETTINGS) as Name[]) {
    const setting = SETTINGS[name];
    const given = raw(name);
    if (given === undefined) {
      values[name] = name === 'mode' ? modeByNodeEnv : fallbackOf(name, mode);
      continue;
    }
    const result = setting.check.safeParse(given);
    if (result.success) values[name] = result.data;
    else
      problems.push(
        `${setting.env} / --${setting.flag}: ${result.error.issues.map((i) => i.message).join(', ')} (got "${String(given)}")`,
      );
  }
  if (problems.length > 0) throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  const config = schema.parse(values);
  if (config.headersTimeoutMs > config.requestTimeoutMs)
    throw new Error(
      'Invalid configuration: HEADERS_TIMEOUT_MS must not exceed REQUEST_TIMEOUT_MS (Node refuses it)',
    );
  return config;
}
