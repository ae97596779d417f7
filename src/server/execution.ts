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
 *    a flood of one-off queries costs no compilations; one that would make graphql-jit write a lot
 *    of code waits longer, or is always interpreted (compiler()). graphql-jit words some errors differently
 *    (variables it cannot coerce, without locations), so a compiled run that reports any error
 *    is run again by the interpreter, whose answer is the one sent: operations are read-only;
 * 4. it must finish within the deadline: an interpreted run is aborted between resolvers; a
 *    compiled run cannot be stopped, so its answer is abandoned and the error sent all the same.
 *    A run that answers synchronously cannot be interrupted by a timer at all, so only a run
 *    still pending when it returns is watched. Deadlines are checked by one shared timer, not a
 *    timer per request.
 */
import { createComplexityRule } from '@pothos/plugin-complexity';
import { GraphQLError, validate, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { Context } from '../schema/context';
import { budgetError, byteBudget } from './byte-budget';
import type { Config } from './config';
import type { OnRefused } from './limits';
import { compiledFields } from './compiled-size';
import { idOf, operationMemo } from './operation-memo';

/** Executions of a document (per operation) before it is compiled, at the least. */
const COMPILE_AFTER = 1;
/**
 * Fields of graphql-jit's code beyond which an operation is interpreted. Compiling takes tens of
 * microseconds and holds a few kilobytes per field; the benchmark's 1,000-unit document (workload
 * d) needs most of this bound to stay compiled, which makes it several times faster.
 */
const MAX_COMPILED_FIELDS = 10_000;
/** Fields of graphql-jit's code an operation waits an interpreted run for, before compiling. */
const FIELDS_PER_RUN = 100;
/** Fields of compiled operations kept, across documents and schemas: a few of workload d's size. */
const COMPILED_FIELDS_KEPT = 30_000;
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
 * The compiled form of an operation once it has run often enough; null before, when graphql-jit
 * cannot compile it, and when it would write too much code. graphql-jit's code, the time it takes
 * to write it and the memory it holds grow with the fields it generates (compiled-size.ts), and
 * those grow as the dataset's kinds to the power of the nesting, so a small document within every
 * limit could otherwise block the event loop for minutes and exhaust the heap. Past
 * MAX_COMPILED_FIELDS an operation is always interpreted (same answers, slower); below it, it
 * waits an interpreted run per FIELDS_PER_RUN fields, so what its compilation costs, spread over
 * those runs, stays within what one interpreted run of a large document may cost anyway. Compiled
 * forms are kept across documents up to COMPILED_FIELDS_KEPT fields, the least recently run
 * dropped first. `npm run bench:compile` measures all three for the benchmark's documents.
 */
export function compiler(
  compile: typeof compileQuery = compileQuery,
): (args: ExecutionArgs) => Compiled | null {
  const known = new LRUCache<string, CompileState>({
    maxSize: COMPILED_FIELDS_KEPT,
    sizeCalculation: (state) => (state.compiled ? state.fields : 1),
  });
  return (args) => {
    const key = `${idOf(args.schema)}\n${idOf(args.document)}\n${args.operationName ?? ''}`;
    let state = known.get(key);
    if (!state) {
      const fields = compiledFields(
        args.schema,
        args.document,
        args.operationName,
        MAX_COMPILED_FIELDS,
      );
      state = { fields, waits: runsBeforeCompiling(fields), compiled: null };
      known.set(key, state);
    }
    if (state.waits === undefined) return state.compiled;
    if (state.waits > 0) {
      state.waits -= 1;
      return null;
    }
    const result = compile(args.schema, args.document, args.operationName ?? undefined);
    const compiled = isCompiledQuery(result) ? result : null;
    // Set again, so the cache counts the compiled form's size.
    known.set(key, { fields: state.fields, waits: undefined, compiled });
    return compiled;
  };
}

/**
 * Interpreted runs of an operation before it is compiled, from the fields graphql-jit would
 * generate for it (compiledFields); undefined when it is never compiled.
 */
export function runsBeforeCompiling(fields: number): number | undefined {
  return fields > MAX_COMPILED_FIELDS
    ? undefined
    : Math.max(COMPILE_AFTER, Math.ceil(fields / FIELDS_PER_RUN));
}

/** What is known of an operation's compilation: interpreted runs still to wait, then its form. */
interface CompileState {
  /** Fields graphql-jit would generate (just past MAX_COMPILED_FIELDS when there are more). */
  readonly fields: number;
  /** Interpreted runs before compiling; undefined once decided (compiled, or never). */
  waits: number | undefined;
  readonly compiled: Compiled | null;
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
