/**
 * Runs operations compiled by graphql-jit instead of interpreting the document on every request:
 * once the per-request overhead was cut, the profile showed execution of nested selections (many
 * fields, many units) to be where the time went. A document is compiled the second time it is
 * executed, as mercurius does, so a flood of one-off queries costs no compilations; compiled
 * queries live as long as yoga's parsed-document cache keeps the document.
 *
 * Answers must not depend on the executor. graphql-jit words some errors differently (variables
 * it cannot coerce, without locations) and yoga then picks another status, so an operation whose
 * compiled run reports any error is run again by yoga's executor, whose answer is the one sent.
 * Operations are read-only, so running one twice changes nothing; error-free answers are
 * compared byte for byte with the interpreted ones by the tests.
 */
import type { DocumentNode, ExecutionArgs, ExecutionResult } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

/** Executions of a document (per operation) before it is compiled. */
const COMPILE_AFTER = 1;

type Compiled = Pick<CompiledQuery, 'query'>;

const compiledRuns = new WeakSet<ExecutionArgs>();

/** Whether this execution runs compiled (it cannot be stopped by an AbortSignal). */
export function isCompiledRun(args: ExecutionArgs): boolean {
  return compiledRuns.has(args);
}

export function useCompiledQueries(): Plugin {
  // Per document, per operation name: executions so far, then the compiled query (or null when
  // graphql-jit cannot compile it, which leaves it to the interpreter).
  const byDocument = new WeakMap<DocumentNode, Map<string, number | Compiled | null>>();

  const compiledFor = (args: ExecutionArgs): Compiled | null => {
    let operations = byDocument.get(args.document);
    if (!operations) byDocument.set(args.document, (operations = new Map()));
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

  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const compiled = compiledFor(args);
      if (!compiled) return;
      compiledRuns.add(args);
      const interpret = executeFn;
      const checked = (result: ExecutionResult, run: ExecutionArgs) =>
        result.errors?.length ? interpret(run) : result;
      setExecuteFn((run: ExecutionArgs) => {
        const result = compiled.query(run.rootValue, run.contextValue, run.variableValues);
        return result instanceof Promise
          ? result.then((r) => checked(r, run))
          : checked(result, run);
      });
    },
  };
}
