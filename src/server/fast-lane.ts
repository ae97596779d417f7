/**
 * The fast lane: the common GraphQL request — a query in a JSON POST or a GET, with variables and
 * an operation name and nothing else — answered through yoga's envelop (the same parse, validate,
 * context and execute, with every plugin's hooks) without building Fetch Request and Response
 * objects, which the profile showed to cost more than executing a small query. It does what
 * yoga's `processRequest` and `processResult` do, and yoga's own `processRegularResult` makes
 * the status, media type and bytes, so an answer is the one yoga would give (a test compares
 * them). Whatever it does not take (a parse error, a mutation, persisted queries, CORS, other
 * media types) it returns undefined for, and the front hands the request to yoga.
 */
import {
  getOperationAST,
  Kind,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { processRegularResult } from 'graphql-yoga';
import { TextMemo } from '../graph/text-memo';
import { cacheControl, etagOf, isCacheable, safeResult, VARY } from './answers';
import type { Config } from './config';
import type { Exchange } from './exchange';
import { MAX_VARIABLES_DEPTH, nestsDeeperThan } from './request-checks';
import { parsedDocument, type OrgYoga } from './yoga';

export interface LaneRequest {
  readonly method: 'GET' | 'POST';
  /** The request's path and query string. */
  readonly url: string;
  readonly accept: string | undefined;
  readonly ifNoneMatch: string | undefined;
  /** The POST body (empty for GET). */
  readonly body: Buffer;
}

export interface LaneAnswer {
  readonly status: number;
  /** Raw header names and values, alternating. */
  readonly headers: string[];
  readonly body: string;
  /** The answer's ETag, when it may be cached. */
  readonly etag: string | undefined;
}

interface Params {
  readonly query: string;
  readonly variables?: Record<string, unknown> | null | undefined;
  readonly operationName?: string | null | undefined;
}

type LaneConfig = Pick<Config, 'mode' | 'responseCache' | 'cacheMaxAgeS' | 'corsOrigins'>;

const REGULAR_MEDIA_TYPES = ['application/graphql-response+json', 'application/json'] as const;

/**
 * The media type yoga's regular result processor answers an `Accept` header with (its rules:
 * the first listed type wins, q-values aside, only utf-8), or undefined when it would not.
 */
export function regularMediaType(accept: string | undefined): string | undefined {
  const asked = (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',');
  let chosen: string | undefined;
  for (let i = asked.length - 1; i >= 0; i--) {
    const [type, ...params] = (asked[i] as string).split(';');
    if (type === undefined) continue;
    const charset = params.find((p) => p.includes('charset=')) ?? 'charset=utf-8';
    if (charset !== 'charset=utf-8') continue;
    const [pre, suf] = type.split('/');
    for (const offered of REGULAR_MEDIA_TYPES) {
      const [oPre, oSuf] = offered.split('/');
      if ((pre === '*' || pre === oPre) && (suf === '*' || suf === oSuf)) chosen = offered;
    }
  }
  return chosen;
}

/** Media types already negotiated: clients send a handful of distinct values. */
const negotiated = new TextMemo<string | null>({
  maxBytes: 256 * 1024,
  sizeOf: () => 8,
  maxKeyLength: 512,
});

function mediaTypeFor(accept: string | undefined): string | undefined {
  const key = accept ?? '';
  const known = negotiated.get(key);
  if (known !== undefined) return known ?? undefined;
  const type = regularMediaType(accept);
  negotiated.set(key, type ?? null);
  return type;
}

const isDocument = (value: unknown): value is DocumentNode =>
  typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The request's parameters when they are exactly a query, its variables and operation name. */
function paramsOf(request: LaneRequest): Params | undefined {
  let raw: unknown;
  if (request.method === 'POST') {
    try {
      raw = JSON.parse(request.body.toString('utf8'));
    } catch {
      return undefined;
    }
  } else {
    const search = new URLSearchParams(request.url.slice(request.url.indexOf('?') + 1));
    const variables = search.get('variables');
    try {
      raw = {
        query: search.get('query'),
        ...(variables === null ? {} : { variables: JSON.parse(variables) as unknown }),
        ...(search.has('operationName') ? { operationName: search.get('operationName') } : {}),
      };
    } catch {
      return undefined;
    }
    if ([...search.keys()].some((k) => k !== 'query' && k !== 'variables' && k !== 'operationName'))
      return undefined;
  }
  if (!isObject(raw) || typeof raw.query !== 'string') return undefined;
  for (const key of Object.keys(raw))
    if (key !== 'query' && key !== 'variables' && key !== 'operationName') return undefined;
  const { variables, operationName } = raw;
  if (variables !== undefined && variables !== null && !isObject(variables)) return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
    return undefined;
  return raw as unknown as Params;
}

/** A Response that keeps what it was made with: processRegularResult's output, read back. */
class Captured {
  readonly status: number;
  readonly headers: Record<string, string>;
  constructor(
    readonly body: string,
    init: { status: number; headers: Record<string, string> },
  ) {
    this.status = init.status;
    this.headers = init.headers;
  }
}

export interface LaneOptions {
  /** Tracing is on: every request's parse and validation get their spans (tracing.ts). */
  readonly traced?: boolean;
}

export function createFastLane(yoga: OrgYoga, config: LaneConfig, options: LaneOptions = {}) {
  const capture = { Response: Captured } as unknown as Parameters<typeof processRegularResult>[1];
  /**
   * The documents this lane has seen pass validation, per schema. Such a document, asked again,
   * skips the parse and validate hooks: on a document yoga's caches hold, those hooks only read
   * the caches (the parse cache gives the same object, the validation cache its empty list of
   * errors), and nothing else they do applies to a valid query (the token limit counts while
   * parsing, the other limits and the introspection rule report only errors). With tracing on,
   * they run every time, for their spans. The hooks cost a small query more than its execution
   * (bench:http, workload a).
   */
  const validated = new WeakMap<GraphQLSchema, WeakSet<DocumentNode>>();
  const skipsChecks = options.traced !== true;

  /** The answer to the request, or undefined to leave it to yoga. */
  return async function answer(
    request: LaneRequest,
    exchange: Exchange,
    origin: string | undefined,
  ): Promise<LaneAnswer | undefined> {
    // With CORS configured, yoga's CORS handling answers cross-origin requests.
    if (origin !== undefined && config.corsOrigins.length > 0) return undefined;
    const mediaType = mediaTypeFor(request.accept);
    if (!mediaType) return undefined;
    const params = paramsOf(request);
    if (!params || nestsDeeperThan(params.variables, MAX_VARIABLES_DEPTH)) return undefined;

    // The method is all of a request yoga's envelop hooks read (to word a parse error as yoga does,
    // and to refuse a mutation over GET); yoga's parse cache keeps what they decide.
    const enveloped = yoga.getEnveloped({ exchange, params, request: { method: request.method } });
    exchange.reached = 'parse';
    const schema = enveloped.schema;
    const known = skipsChecks ? parsedDocument(yoga, params.query) : undefined;
    let result: ExecutionResult | undefined;
    let document: unknown = known;
    if (known && validated.get(schema)?.has(known)) {
      // Valid as a whole document; the operation asked for must still be a query.
      if (getOperationAST(known, params.operationName)?.operation !== 'query') return undefined;
      exchange.reached = 'validate';
    } else {
      try {
        document = enveloped.parse(params.query);
      } catch {
        return undefined;
      }
      // A syntax error (armor's token limit returns one rather than throwing): yoga words it.
      if (!isDocument(document)) return undefined;
      if (getOperationAST(document, params.operationName)?.operation !== 'query') return undefined;
      const errors = enveloped.validate(schema, document);
      if (errors.length > 0) result = { errors };
      else if (skipsChecks) {
        let valid = validated.get(schema);
        if (!valid) validated.set(schema, (valid = new WeakSet()));
        valid.add(document);
      }
    }
    if (!isDocument(document)) return undefined;
    if (!result) {
      const contextValue = await enveloped.contextFactory();
      result = (await enveloped.execute({
        schema,
        document,
        contextValue,
        variableValues: params.variables,
        operationName: params.operationName,
      })) as ExecutionResult;
    }

    const safe = safeResult(result, config.mode);
    exchange.errors += safe.errors?.length ?? 0;
    const processed = processRegularResult(safe, capture, mediaType) as unknown as Captured;
    const cacheable = processed.status === 200 && isCacheable(safe);
    const etag =
      cacheable && config.responseCache
        ? etagOf({
            version: exchange.graph.meta.version,
            query: params.query,
            variables: params.variables,
            operationName: params.operationName,
            lang: exchange.lang,
            mediaType,
          })
        : undefined;
    const headers: string[] = [];
    for (const [name, value] of Object.entries(processed.headers))
      headers.push(name.toLowerCase(), value);
    headers.push(
      'vary',
      VARY,
      'cache-control',
      cacheControl(request.method, cacheable, config.cacheMaxAgeS),
    );
    if (etag) headers.push('etag', etag);
    if (etag && request.ifNoneMatch === etag) return { status: 304, headers, body: '', etag };
    return { status: processed.status, headers, body: processed.body, etag };
  };
}

export type FastLane = ReturnType<typeof createFastLane>;
