/**
 * How an operation runs, decided once per execution in one hook:
 * 1. its root value is the request's graph (context.root): Query's fields read it, and nothing
 *    below reads any other (read-fields.ts);
 * 2. its cost (Pothos complexity: 1 a field, list sub-selections ×10 or × their size argument) is
 *    checked against the limit, here rather than as a validation rule because it depends on the
 *    variables, and yoga caches validation by document;
 * 3. from its second execution on, a document runs compiled by graphql-jit, as mercurius does, so
 *    a flood of one-off queries costs no compilations. graphql-jit words some errors differently
 *    (variables it cannot coerce, without locations), so a compiled run that reports any error
 *    is run again by the interpreter, whose answer is the one sent: operations are read-only;
 * 4. it must finish within the deadline: an interpreted run is aborted between resolvers; a
 *    compiled run cannot be stopped, so its answer is abandoned and the error sent all the same.
 *    Deadlines are checked by one shared timer, not a timer per request.
 */
import { createComplexityRule } from '@pothos/plugin-complexity';
import {
  GraphQLError,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { Context } from '../schema/context';
import type { Config } from './config';
import type { OnRefused } from './limits';
import { operationMemo } from './operation-memo';

/** Executions of a document (per operation) before it is compiled. */
const COMPILE_AFTER = 1;
/** Bytes of (document, operation, variables) whose cost is remembered. */
const COST_MEMO_BYTES = 1024 * 1024;

type Compiled = Pick<CompiledQuery, 'query'>;

type ExecutionConfig = Pick<Config, 'maxCost' | 'executionTimeoutMs' | 'compileQueries'>;

interface Running {
  readonly until: number;
  expire(): void;
}

export function useExecution(config: ExecutionConfig, onRefused: OnRefused): Plugin {
  const costOf = costCounter();
  const compiledFor = config.compileQueries ? compiler() : () => null;
  const deadline = deadlines(config.executionTimeoutMs, onRefused);
  const { maxCost } = config;

  return {
    onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const context = args.contextValue as unknown as Context;
      args.rootValue = context.root;

      const cost = costOf(args);
      if (cost > maxCost) {
        onRefused('cost');
        setResultAndStopExecution({ errors: [costError(cost, maxCost)] });
        return;
      }

      const compiled = compiledFor(args);
      const interpret = executeFn;
      const run = compiled
        ? (execution: ExecutionArgs) => {
            const checked = (result: ExecutionResult) =>
              result.errors?.length ? interpret(execution) : result;
            const result = compiled.query(
              execution.rootValue,
              execution.contextValue,
              execution.variableValues,
            );
            return result instanceof Promise ? result.then(checked) : checked(result);
          }
        : interpret;
      const watch = deadline.start(args, compiled !== null);
      setExecuteFn(watch.wrap(run as typeof executeFn));
      return { onExecuteDone: watch.done };
    },
  };
}

function costError(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(
    `Query cost ${cost} exceeds the limit of ${maxCost} (each field costs 1; what a list selects counts 10 times, or as many times as its size argument says).`,
    {
      // As for a validation error: 400 for graphql-response+json clients, 200 for json ones.
      extensions: { code: 'COST_LIMIT_EXCEEDED', cost, maxCost, http: { status: 400, spec: true } },
    },
  );
}

/**
 * The cost of an execution. It is a function of the document, the operation and the variables
 * only (no field's complexity reads the context), and counting it is a whole validation pass.
 */
function costCounter(): (args: ExecutionArgs) => number {
  return operationMemo(COST_MEMO_BYTES, (args) => {
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
    return cost;
  });
}

/**
 * The compiled form of a document's operation once it has run COMPILE_AFTER times; null before,
 * and when graphql-jit cannot compile it. Kept as long as yoga's document cache keeps the document.
 */
function compiler(): (args: ExecutionArgs) => Compiled | null {
  const byDocument = perSchema<Map<string, number | Compiled | null>>();
  return (args) => {
    let operations = byDocument.get(args.schema, args.document);
    if (!operations) byDocument.set(args.schema, args.document, (operations = new Map()));
    const name = args.operationName ?? '';
    const known = operations.get(name) ?? 0;
    if (typeof known !== 'number') return known;
    if (known < COMPILE_AFTER) {
      operations.set(name, known + 1);
      return null;
    }
    const result = compileQuery(args.schema, args.document, args.operationName ?? undefined);
    const compiled = isCompiledQuery(result) ? result : null;
    operations.set(name, compiled);
    return compiled;
  };
}

/**
 * What is remembered of a document, per schema: datasets with other kinds are served with other
 * schemas (one at a time, or in turn across a reload), and a document means something else in each.
 */
function perSchema<T>() {
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, T>>();
  return {
    get: (schema: GraphQLSchema, document: DocumentNode) => bySchema.get(schema)?.get(document),
    set(schema: GraphQLSchema, document: DocumentNode, value: T) {
      let byDocument = bySchema.get(schema);
      if (!byDocument) bySchema.set(schema, (byDocument = new WeakMap()));
      byDocument.set(document, value);
    },
  };
}

type Execute = (args: ExecutionArgs) => unknown;

function deadlines(ms: number, onRefused: OnRefused) {
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
    start(args: ExecutionArgs, compiled: boolean) {
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
      if (!compiled) {
        // yoga's executor stops between resolvers once this signal aborts.
        controller = new AbortController();
        (args as { signal?: AbortSignal }).signal = controller.signal;
      }
      return {
        wrap<F extends Execute>(run: F): F {
          return ((execution: ExecutionArgs) => {
            const result = run(execution);
            if (!(result instanceof Promise)) return result;
            return new Promise((resolve, reject) => {
              abandon = reject;
              result.then(resolve, reject);
            });
          }) as F;
        },
        done: () => void running.delete(entry),
      };
    },
  };
}
