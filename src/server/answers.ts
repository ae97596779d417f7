/**
 * What every GraphQL answer carries besides its data, the same whichever way it was made (the fast
 * lane calls these functions; yoga's answers get them from `useAnswers`):
 * - errors a client may see: at most MAX_ERRORS, messages cut to MAX_ERROR_MESSAGE characters
 *   (they mostly echo what the client sent), and in production no cause attached by yoga;
 * - caching: the data changes only on reload, so an answer is determined by (dataset version,
 *   document, variables, operation name, language, media type); that is its ETag, and a request
 *   with the same `If-None-Match` gets 304. GET answers without errors may be kept by CDNs
 *   (`Cache-Control: public`); everything else is `no-store`.
 */
import { createHash } from 'node:crypto';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { langFromAcceptLanguage } from './accept-language';
import type { Config } from './config';
import type { ServerContext } from './exchange';

/** Longest error message sent to a client; longer ones (e.g. echoing a huge input) are cut. */
export const MAX_ERROR_MESSAGE = 300;
/** Most errors listed in one response (a flood of mistakes gets the first ones and a count). */
export const MAX_ERRORS = 10;

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
 * An error as a client may see it: its message cut; in production without the cause yoga
 * attaches to some errors (the JSON parser's message, which quotes the body), in development
 * with that cause's message cut instead.
 */
function safeError(e: GraphQLError, mode: Config['mode']): GraphQLError {
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
}

/** The result a client may see. */
export function safeResult<T extends ExecutionResult>(result: T, mode: Config['mode']): T {
  if (!result.errors?.length) return result;
  const errors = result.errors.slice(0, MAX_ERRORS).map((e) => safeError(e, mode));
  const more = result.errors.length - MAX_ERRORS;
  if (more > 0)
    errors.push(
      new GraphQLError(`…and ${more} more errors.`, { extensions: { code: 'TOO_MANY_ERRORS' } }),
    );
  return { ...result, errors };
}

/** A complete answer without errors: what caches may keep. */
export function isCacheable(result: ExecutionResult): boolean {
  return !result.errors?.length && result.data != null;
}

export interface AnswerKey {
  readonly version: string;
  readonly query: string;
  readonly variables: unknown;
  readonly operationName: string | null | undefined;
  readonly lang: string;
  readonly mediaType: string;
}

export function etagOf(key: AnswerKey): string {
  const hash = createHash('sha256')
    .update(
      JSON.stringify([
        key.query,
        key.variables ?? {},
        key.operationName ?? '',
        key.lang,
        key.mediaType,
      ]),
    )
    .digest('hex');
  return `"${key.version}-${hash.slice(0, 32)}"`;
}

/** `Cache-Control` of an answer. */
export function cacheControl(method: string, cacheable: boolean, maxAgeS: number): string {
  return method === 'GET' && cacheable ? `public, max-age=${maxAgeS}` : 'no-store';
}

/** What a GraphQL answer varies with, beyond the request line and body. */
export const VARY = 'Accept, Accept-Language';

type AnswersConfig = Pick<Config, 'mode' | 'responseCache' | 'cacheMaxAgeS'>;

interface Pending {
  params?: { query?: string; variables?: unknown; operationName?: string | null };
  cacheable?: boolean;
}

/** The same for yoga's answers. */
export function useAnswers(config: AnswersConfig): Plugin<object, ServerContext> {
  const pending = new WeakMap<Request, Pending>();
  return {
    onParams({ request, params }) {
      pending.set(request, { params });
    },
    onResultProcess({ request, result, setResult }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      const safe = safeResult(result as ExecutionResult, config.mode);
      if (safe !== result) setResult(safe);
      const entry = pending.get(request);
      if (entry) entry.cacheable = isCacheable(safe);
    },
    onResponse({ request, response, serverContext, setResponse, fetchAPI }) {
      const type = response.headers.get('content-type') ?? '';
      if (!type.startsWith('application/') || !new URL(request.url).pathname.endsWith('/graphql'))
        return;
      const entry = pending.get(request);
      const cacheable = entry?.cacheable === true && response.status === 200;
      const version = serverContext.exchange?.graph.meta.version;
      const etag =
        cacheable && config.responseCache && entry?.params?.query && version
          ? etagOf({
              version,
              query: entry.params.query,
              variables: entry.params.variables,
              operationName: entry.params.operationName,
              lang:
                serverContext.exchange?.lang ??
                langFromAcceptLanguage(request.headers.get('accept-language')),
              mediaType: type.split(';')[0] ?? type,
            })
          : undefined;
      const headers = response.headers;
      try {
        const vary = headers.get('vary');
        headers.set('vary', vary ? `${vary}, ${VARY}` : VARY);
        headers.set('cache-control', cacheControl(request.method, cacheable, config.cacheMaxAgeS));
        if (etag) headers.set('etag', etag);
      } catch {
        return; // a response with immutable headers keeps its own
      }
      if (etag && request.headers.get('if-none-match') === etag) {
        headers.delete('content-length');
        setResponse(new fetchAPI.Response(null, { status: 304, headers }));
      }
    },
  };
}
