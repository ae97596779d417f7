/**
 * Refuses queries that would cost too much, before running them: depth, aliases, directives and
 * tokens (graphql-armor), cost counting list sizes (Pothos complexity), and a deadline on
 * execution. Circular introspection is refused by graphql-js's own MaxIntrospectionDepthRule.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createComplexityRule } from '@pothos/plugin-complexity';
import {
  GraphQLError,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ValidationContext,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { isCompiledRun } from './compile';
import type { Config } from './config';

/** Which limit refused a request; also the `limit` label of the refused-requests metric. */
export type LimitKind =
  | 'depth'
  | 'aliases'
  | 'directives'
  | 'tokens'
  | 'cost'
  | 'deadline'
  | 'body'
  | 'batch'
  | 'variables'
  | 'content-type'
  | 'introspection'
  | 'trusted-documents';

export type OnRefused = (limit: LimitKind) => void;

type LimitsConfig = Pick<
  Config,
  | 'mode'
  | 'maxDepth'
  | 'maxAliases'
  | 'maxDirectives'
  | 'maxTokens'
  | 'maxCost'
  | 'executionTimeoutMs'
  | 'maxBodyBytes'
>;

/**
 * graphql-armor's checks of the query's shape, with our configured limits. Its validation rules
 * throw by default, which yoga would report as a 200; reporting them as validation errors gets the
 * spec's 400 (and a message without armor's misleading "Syntax Error:" prefix).
 */
function useArmor(config: LimitsConfig, onRefused: OnRefused): Plugin {
  const asValidationError = (limit: LimitKind) => ({
    propagateOnRejection: false,
    exposeLimits: true,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        onRefused(limit);
        context?.reportError(
          new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
            extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit },
          }),
        );
      },
    ],
  });
  // Limits are stated in the message in every mode: they are part of the API's contract.
  return EnvelopArmorPlugin({
    maxDepth: {
      n: config.maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      ...asValidationError('depth'),
    },
    maxAliases: { n: config.maxAliases, ...asValidationError('aliases') },
    maxDirectives: { n: config.maxDirectives, ...asValidationError('directives') },
    // Counted while parsing, before any validation context exists: refused as a syntax error.
    maxTokens: { n: config.maxTokens, exposeLimits: true, onReject: [() => onRefused('tokens')] },
    // The cost limit below counts list sizes; armor's own does not.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: config.mode === 'production' },
  }) as Plugin;
}

const tooLarge = (maxBytes: number) =>
  createGraphQLError(`Request body too large: the limit is ${maxBytes} bytes.`, {
    extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: { status: 413 } },
  });

/**
 * The body-size limit. yoga's own pipes every body through a counting stream, which the profile
 * showed to cost about half of a small query's time; a body with a valid Content-Length needs no
 * counting (node's parser never delivers more than it announces), so only chunked bodies are
 * streamed through a counter here.
 */
function useRequestBodyLimit(maxBytes: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const length = request.headers.get('content-length');
      if (length !== null) {
        // One non-negative integer only: a list of lengths is a request-smuggling attempt.
        if (!/^\d+$/.test(length))
          throw createGraphQLError('Content-Length header is invalid.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        if (Number(length) > maxBytes) throw tooLarge(maxBytes);
        return;
      }
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser((req) => {
        let bytes = 0;
        const counted = req.body?.pipeThrough(
          new fetchAPI.TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              bytes += chunk.byteLength;
              if (bytes > maxBytes) controller.error(tooLarge(maxBytes));
              else controller.enqueue(chunk);
            },
          }),
        );
        return parse(
          new fetchAPI.Request(req.url, {
            method: req.method,
            headers: req.headers,
            signal: req.signal,
            body: counted ?? null,
            duplex: 'half',
          } as RequestInit),
        );
      });
    },
  };
}

/** Variable sets whose cost is remembered per document (yoga keeps the documents themselves). */
const MAX_COSTS_PER_DOCUMENT = 256;

/** Deepest nesting of arrays and objects in `variables` (the schema has no deeper input types). */
export const MAX_VARIABLES_DEPTH = 16;

function depthOver(value: unknown, max: number): boolean {
  // Iterative: a recursive walk is what a deeply nested payload is meant to overflow.
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Refuses absurdly nested variables before anything (graphql-js, caches) walks them recursively. */
function useVariablesDepthLimit(onRefused: OnRefused): Plugin {
  return {
    onParams({ params }) {
      if (!depthOver(params.variables, MAX_VARIABLES_DEPTH)) return;
      onRefused('variables');
      throw createGraphQLError(`Variables nested deeper than ${MAX_VARIABLES_DEPTH} levels.`, {
        extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
      });
    },
  };
}

/**
 * The cost limit: Pothos complexity (1 a field, list sub-selections ×10 or × their size argument).
 * Checked at execution, not as a validation rule, because cost depends on the variables and yoga
 * caches validation results by document.
 */
function useCostLimit(maxCost: number, onRefused: OnRefused): Plugin {
  // The cost is a function of the document, the operation and the variables only (no field's
  // complexity reads the context), and counting it is a whole validation pass: remember it.
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  const costOf = (args: ExecutionArgs): number => {
    let known = costs.get(args.document);
    if (!known) costs.set(args.document, (known = new Map()));
    const key = `${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}`;
    const remembered = known.get(key);
    if (remembered !== undefined) return remembered;
    let cost = 0;
    // Other problems the rule meets (a malformed argument) are left to execution to report.
    validate(args.schema, args.document, [
      createComplexityRule({
        context: {},
        variableValues: (args.variableValues ?? {}) as Record<string, unknown>,
        operationName: args.operationName,
        validate: (result) => {
          cost = Math.max(cost, result.complexity);
        },
      }),
    ]);
    if (known.size >= MAX_COSTS_PER_DOCUMENT) known.clear();
    known.set(key, cost);
    return cost;
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = costOf(args);
      if (cost <= maxCost) return;
      onRefused('cost');
      setResultAndStopExecution({
        errors: [
          new GraphQLError(
            `Query cost ${cost} exceeds the limit of ${maxCost} (each field costs 1; what a list selects counts 10 times, or as many times as its size argument says).`,
            {
              // As for a validation error: 400 for graphql-response+json clients, 200 for json ones.
              extensions: {
                code: 'COST_LIMIT_EXCEEDED',
                cost,
                maxCost,
                http: { status: 400, spec: true },
              },
            },
          ),
        ],
      });
    },
  };
}

interface Running {
  readonly until: number;
  expire(): void;
}

/**
 * Aborts an operation still running after the deadline; the client gets a clear error.
 *
 * yoga's executor stops between resolvers once its signal aborts, so an interpreted run gets an
 * AbortController (also aborted when the client goes away). A compiled run (compile.ts) cannot be
 * stopped: its answer is abandoned and the error sent at the deadline all the same. Deadlines are
 * checked by one shared timer rather than a timer and signal per request: the profile showed
 * those to cost a third of a small query's time in-process.
 */
function useExecutionDeadline(ms: number, onRefused: OnRefused): Plugin {
  const running = new Set<Running>();
  // Checked often enough that an operation overruns its deadline by at most a tenth.
  const tick = Math.max(5, Math.min(100, Math.floor(ms / 10)));
  let sweeper: NodeJS.Timeout | undefined;
  const sweep = () => {
    const now = performance.now();
    for (const run of running) if (run.until <= now) run.expire();
    if (running.size === 0) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  };
  const timeoutError = () =>
    createGraphQLError(`The operation did not finish within ${ms} ms.`, {
      extensions: { code: 'EXECUTION_TIMEOUT', http: { status: 503 } },
    });

  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      let controller: AbortController | undefined;
      let abandon: ((error: unknown) => void) | undefined;
      const entry: Running = {
        until: performance.now() + ms,
        expire() {
          running.delete(entry);
          onRefused('deadline');
          const error = timeoutError();
          controller?.abort(error);
          abandon?.(error);
        },
      };
      running.add(entry);
      sweeper ??= setInterval(sweep, tick).unref();

      let client: AbortSignal | undefined;
      const onClientGone = () => controller?.abort(client?.reason);
      if (!isCompiledRun(args)) {
        controller = new AbortController();
        // Not AbortSignal.any: on Node 20 the combined signals are never freed, about 3 kB lost
        // per request (found by the soak).
        client = (args.contextValue as { request?: Request } | undefined)?.request?.signal;
        client?.addEventListener('abort', onClientGone, { once: true });
        (args as { signal?: AbortSignal }).signal = controller.signal;
      }
      const run = executeFn;
      setExecuteFn((execution: ExecutionArgs) => {
        const result = run(execution) as unknown;
        if (!(result instanceof Promise)) return result as ReturnType<typeof run>;
        return new Promise((resolve, reject) => {
          abandon = reject;
          result.then(resolve, reject);
        }) as ReturnType<typeof run>;
      });
      return {
        onExecuteDone() {
          running.delete(entry);
          client?.removeEventListener('abort', onClientGone);
        },
      };
    },
  };
}

export function limitPlugins(config: LimitsConfig, onRefused: OnRefused): Plugin[] {
  return [
    useRequestBodyLimit(config.maxBodyBytes),
    useVariablesDepthLimit(onRefused),
    useArmor(config, onRefused),
    useCostLimit(config.maxCost, onRefused),
    useExecutionDeadline(config.executionTimeoutMs, onRefused),
  ];
}
