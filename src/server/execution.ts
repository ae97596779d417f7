/**
 * How an operation runs, decided once per execution in one hook:
 * 1. its root value is the request's graph (context.root): Query's fields read it, and nothing
 *    below reads any other (read-fields.ts);
 * 2. its cost (Pothos complexity: 1 a field, list sub-selections ×10 or × their size argument) is
 *    checked against the limit, here rather than as a validation rule because it depends on the
 *    variables, and yoga caches validation by document; then the bytes of its largest shape
 *    against the response budget (byte-budget.ts), which meters it while it runs and measures
 *    its answer after. Both numbers come from one memo: one key per execution;
 * 3. from its second execution on, a document runs compiled by graphql-jit, as mercurius does, so
 *    a flood of one-off queries costs no compilations. graphql-jit words some errors differently
 *    (variables it cannot coerce, without locations), so a compiled run that reports any error
 *    is run again by the interpreter, whose answer is the one sent: operations are read-only;
 * 4. it must finish within the deadline: an interpreted run is aborted between resolvers; a
 *    compiled run cannot be stopped, so its answer is abandoned and the error sent all the same.
 *    A run that answers synchronously cannot be interrupted by a timer at all, so only a run
 *    still pending when it returns is watched. Deadlines are checked by one shared timer, not a
 *    timer per request.
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
import { budgetError, byteBudget } from './byte-budget';
import type { Config } from './config';
import type { OnRefused } from './limits';
import { operationMemo } from './operation-memo';

/** Executions of a document (per operation) before it is compiled. */
const COMPILE_AFTER = 1;
/** Bytes of (document, operation, variables) whose cost and shape are remembered. */
const LIMITS_MEMO_BYTES = 1024 * 1024;

type Compiled = Pick<CompiledQuery, 'query'>;

type ExecutionConfig = Pick<
  Config,
  'maxCost' | 'maxResponseBytes' | 'executionTimeoutMs' | 'compileQueries'
>;

/** What is worked out from an execution's document, operation and variables before it runs. */
interface Limits {
  readonly cost: number;
  readonly shape: number;
}

export function useExecution(config: ExecutionConfig, onRefused: OnRefused): Plugin {
  const budget = byteBudget(config, onRefused);
  const limitsOf = operationMemo<Limits>(LIMITS_MEMO_BYTES, (args) => ({
    cost: costOf(args),
    shape: budget.shapeOf(args),
  }));
  const compiledFor = config.compileQueries ? compiler() : () => null;
  const deadline = deadlines(config.executionTimeoutMs, onRefused);
  const { maxCost } = config;

  return {
    onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const context = args.contextValue as unknown as Context;
      args.rootValue = context.root;

      const { cost, shape } = limitsOf(args);
      if (cost > maxCost) {
        onRefused('cost');
        setResultAndStopExecution({ errors: [costError(cost, maxCost)] });
        return;
      }
      if (shape > budget.max) {
        onRefused('response-bytes');
        setResultAndStopExecution({ errors: [budgetError(budget.max, 'shape')] });
        return;
      }

      budget.start(args);
      const compiled = compiledFor(args);
      const interpret = executeFn;
      if (compiled) {
        setExecuteFn(((execution: ExecutionArgs) => {
          const started = performance.now();
          const result = compiled.query(
            execution.rootValue,
            execution.contextValue,
            execution.variableValues,
          );
          if (!(result instanceof Promise))
            return result.errors?.length ? interpret(execution) : result;
          return deadline.watch(
            result.then((r: ExecutionResult) => (r.errors?.length ? interpret(execution) : r)),
            started,
          );
        }) as typeof executeFn);
      } else {
        const signal = deadline.signal(args);
        setExecuteFn(((execution: ExecutionArgs) => {
          const result = interpret(execution);
          return result instanceof Promise
            ? deadline.watch(result, signal.started, signal)
            : result;
        }) as typeof executeFn);
      }
      return {
        onExecuteDone({ args: done, result, setResult }) {
          const refusal = budget.finish(done, result);
          if (refusal) setResult(refusal);
        },
      };
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
function costOf(args: ExecutionArgs): number {
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

/** A pending run: its deadline, and how to stop it there. */
interface Running {
  readonly until: number;
  /** An interpreted run's signal, which yoga's executor checks between resolvers. */
  readonly controller: AbortController | undefined;
  /** Rejects the answer awaited, for a run that cannot be stopped. */
  abandon?: (error: unknown) => void;
}

/** An interpreted run's abort signal, given to the executor before it starts. */
interface Signal {
  readonly started: number;
  readonly controller: AbortController;
}

function deadlines(ms: number, onRefused: OnRefused) {
  const running = new Set<Running>();
  // Checked often enough that an operation overruns its deadline by at most a tenth.
  const tick = Math.max(5, Math.min(100, Math.floor(ms / 10)));
  let sweeper: NodeJS.Timeout | undefined;
  const timeoutError = () =>
    createGraphQLError(`The operation did not finish within ${ms} ms.`, {
      extensions: { code: 'EXECUTION_TIMEOUT', http: { status: 503 } },
    });
  const expire = (run: Running) => {
    running.delete(run);
    onRefused('deadline');
    const error = timeoutError();
    run.controller?.abort(error);
    run.abandon?.(error);
  };
  const sweep = () => {
    const now = performance.now();
    for (const run of running) if (run.until <= now) expire(run);
    if (running.size === 0) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  };

  return {
    /** The abort signal of an interpreted run, set on its arguments before it starts. */
    signal(args: ExecutionArgs): Signal {
      const controller = new AbortController();
      (args as { signal?: AbortSignal }).signal = controller.signal;
      return { started: performance.now(), controller };
    },
    /** The answer of a run still pending, or the timeout error once its deadline passes. */
    watch<T>(result: Promise<T>, started: number, signal?: Signal): Promise<T> {
      const run: Running = { until: started + ms, controller: signal?.controller };
      running.add(run);
      sweeper ??= setInterval(sweep, tick).unref();
      return new Promise<T>((resolve, reject) => {
        run.abandon = reject;
        result.then(
          (value) => {
            running.delete(run);
            resolve(value);
          },
          (error: unknown) => {
            running.delete(run);
            reject(error);
          },
        );
      });
    },
  };
}
