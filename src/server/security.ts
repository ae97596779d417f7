/**
 * What a request may look like and what an error may say: CSRF-safe content types, CORS,
 * introspection on or off, trusted documents, clipped error messages.
 */
import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import { createGraphQLError, type Plugin, type YogaServerOptions } from 'graphql-yoga';
import type { Config } from './config';
import type { OnRefused } from './limits';

/** Longest error message sent to a client; longer ones (e.g. echoing a huge input) are cut. */
export const MAX_ERROR_MESSAGE = 300;
/** Most errors listed in one response (a flood of mistakes gets the first ones and a count). */
export const MAX_ERRORS = 10;

/**
 * POST bodies must be `application/json` (or `application/graphql`): browsers cannot send those
 * cross-origin without a CORS preflight, so a form on another site cannot make a visitor's
 * browser post a query here (CSRF). Form-encoded, multipart and text/plain bodies get 415. GET is
 * accepted for queries only (yoga answers a mutation over GET with 405), and the schema has no
 * mutations.
 */
function useJsonBodiesOnly(onRefused: OnRefused): Plugin {
  return {
    onRequestParse({ request }) {
      if (request.method !== 'POST') return;
      const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
      if (type === 'application/json' || type === 'application/graphql') return;
      onRefused('content-type');
      throw createGraphQLError('Unsupported Media Type: send the POST body as application/json.', {
        extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', http: { status: 415 } },
      });
    },
  };
}

/** Refuses `__schema` and `__type` (graphql-js's own rule); `__typename` stays allowed. */
function useNoIntrospection(onRefused: OnRefused): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
      return ({ valid, result }) => {
        if (!valid && result.some((e) => e.message.includes('introspection')))
          onRefused('introspection');
      };
    },
  };
}

/** Counts the refusals yoga makes itself: bodies over the limit (413) and batches. */
function useYogaRefusalCounts(onRefused: OnRefused): Plugin {
  return {
    onRequestParse() {
      return {
        onRequestParseDone({ requestParserResult }) {
          if (Array.isArray(requestParserResult)) onRefused('batch');
        },
      };
    },
    onResponse({ response }) {
      if (response.status === 413) onRefused('body');
    },
  };
}

function clip(message: string): string {
  return message.length <= MAX_ERROR_MESSAGE
    ? message
    : `${message.slice(0, MAX_ERROR_MESSAGE - 1)}… (message clipped)`;
}

/**
 * The cause yoga shows in development (`extensions.originalError`), with its message cut like any
 * other: the JSON parser's message quotes the whole body. The same object when nothing is cut.
 */
function clipCause(cause: unknown): unknown {
  if (typeof cause !== 'object' || cause === null || !('message' in cause)) return cause;
  const { message, stack } = cause as { message: unknown; stack?: unknown };
  if (typeof message !== 'string' || message.length <= MAX_ERROR_MESSAGE) return cause;
  const clipped = { ...cause, message: clip(message) };
  return typeof stack === 'string'
    ? { ...clipped, stack: stack.replace(message, clip(message)) }
    : clipped;
}

/**
 * Lists at most MAX_ERRORS errors, cuts long error messages, which mostly echo what the client sent (a huge name, a long query),
 * and in production drops the cause yoga attaches to some errors (e.g. the JSON parser's message,
 * which quotes the body); in development it cuts the cause's message instead.
 */
function useSafeErrors(mode: Config['mode']): Plugin {
  const safe = (e: GraphQLError): GraphQLError => {
    const long = e.message.length > MAX_ERROR_MESSAGE;
    const cause = mode === 'production' && e.extensions && 'originalError' in e.extensions;
    const shownCause = e.extensions?.originalError;
    const clippedCause = mode === 'development' ? clipCause(shownCause) : shownCause;
    if (!long && !cause && clippedCause === shownCause) return e;
    const { originalError: _dropped, ...extensions } = e.extensions ?? {};
    // yoga answers 400 (not 200) to application/json clients for a request it could not parse
    // because such errors carry a cause; without the cause, it must be told so.
    const http = extensions.http as Record<string, unknown> | undefined;
    if (cause && http) extensions.http = { ...http, spec: false };
    return new GraphQLError(clip(e.message), {
      nodes: e.nodes,
      source: e.source,
      positions: e.positions,
      path: e.path,
      originalError: e.originalError,
      extensions: cause
        ? extensions
        : clippedCause === shownCause
          ? e.extensions
          : { ...e.extensions, originalError: clippedCause },
    });
  };
  const safeResult = <T extends { errors?: readonly GraphQLError[] }>(result: T): T => {
    if (!result.errors?.length) return result;
    const errors = result.errors.slice(0, MAX_ERRORS).map(safe);
    const more = result.errors.length - MAX_ERRORS;
    if (more > 0)
      errors.push(
        new GraphQLError(`…and ${more} more errors.`, { extensions: { code: 'TOO_MANY_ERRORS' } }),
      );
    return { ...result, errors };
  };
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result)) setResult(result.map(safeResult));
      else if (!(Symbol.asyncIterator in result)) setResult(safeResult(result));
    },
  };
}

/** The trusted documents: a JSON object from operation hash (or any id) to its query text. */
export function readTrustedDocuments(file: string): ReadonlyMap<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`TRUSTED_DOCUMENTS: cannot read ${file}: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`TRUSTED_DOCUMENTS: ${file} must hold a JSON object { "hash": "query" }`);
  const entries = Object.entries(parsed);
  for (const [key, value] of entries)
    if (typeof value !== 'string')
      throw new Error(`TRUSTED_DOCUMENTS: ${file}: "${key}" must map to a query string`);
  return new Map(entries as [string, string][]);
}

/** Only the trusted documents run, sent by id (`extensions.persistedQuery.sha256Hash`). */
function useTrustedDocuments(documents: ReadonlyMap<string, string>, onRefused: OnRefused): Plugin {
  const refuse = (message: string, status: number) => () => {
    onRefused('trusted-documents');
    return createGraphQLError(message, {
      extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status } },
    });
  };
  return usePersistedOperations({
    getPersistedOperation: (key) => documents.get(key) ?? null,
    allowArbitraryOperations: false,
    customErrors: {
      notFound: refuse('Unknown trusted document.', 404),
      persistedQueryOnly: refuse('Only trusted documents run here: send a document id.', 400),
      keyNotFound: refuse('Only trusted documents run here: send a document id.', 400),
    },
  }) as Plugin;
}

type SecurityConfig = Pick<Config, 'mode' | 'introspection' | 'corsOrigins' | 'trustedDocuments'>;

export function securityPlugins(config: SecurityConfig, onRefused: OnRefused): Plugin[] {
  const plugins: Plugin[] = [
    useJsonBodiesOnly(onRefused),
    useYogaRefusalCounts(onRefused),
    useSafeErrors(config.mode),
  ];
  if (!config.introspection) plugins.push(useNoIntrospection(onRefused));
  if (config.trustedDocuments)
    plugins.push(useTrustedDocuments(readTrustedDocuments(config.trustedDocuments), onRefused));
  return plugins;
}

/** yoga's own options for the same concerns. */
export function securityOptions(
  config: SecurityConfig,
): Pick<
  YogaServerOptions<object, object>,
  'maskedErrors' | 'cors' | 'batching' | 'multipart' | 'maxRequestBodySize'
> {
  const origins = config.corsOrigins;
  return {
    // Unexpected errors become "Unexpected error." in production; development adds the cause.
    maskedErrors: { isDev: config.mode === 'development' },
    cors:
      origins.length === 0
        ? false
        : {
            origin: origins.includes('*') ? '*' : origins,
            methods: ['GET', 'POST'],
            allowedHeaders: ['content-type', 'accept', 'accept-language', 'x-request-id'],
            exposedHeaders: ['etag', 'x-request-id'],
            credentials: false,
            maxAge: 600,
          },
    batching: false,
    multipart: false,
    // Enforced by limits.ts, which counts only bodies without a Content-Length.
    maxRequestBodySize: false,
  };
}
