/**
 * The response byte budget (`MAX_RESPONSE_BYTES`): no answer's JSON is larger, whatever the query.
 * One plugin, after the cost limit (pipeline.ts), applies it to every execution, whichever way the
 * request came (fast lane or yoga; the response cache keeps only answers sent without errors, so
 * never one over the budget):
 * 1. before execution, the answer's largest shape is counted: every page full (`first`/`last`,
 *    else the default page size), every plain list at the cost's ×10, every field as its key plus
 *    a value of its type's width (numbers, booleans and enums exactly, texts and IDs at
 *    TEXT_BYTES). The same multipliers as the cost (read from each field's `complexity`), so the
 *    rule is the cost's, in bytes. When that shape alone exceeds the budget, the query is refused
 *    without running. At the default cost limit no shape the cost admits reaches the default
 *    budget; the check matters when `MAX_COST` is raised or the budget lowered;
 * 2. after execution, the result is measured as `JSON.stringify` would write it (UTF-8 bytes),
 *    stopping as soon as the budget is passed, so nothing the size of the answer is built to
 *    measure it; an answer over the budget is replaced by the refusal, never cut short.
 * Both refusals are the same error, `RESPONSE_TOO_LARGE`, naming the budget and how to ask for less.
 */
import {
  getArgumentValues,
  getNamedType,
  GraphQLError,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config';
import type { OnRefused } from './limits';
import { operationMemo } from './operation-memo';

/** Width assumed, before execution, for a text or an ID value (quotes included). */
export const TEXT_BYTES = 16;
/** The cost's multiplier for a list field that does not state its size. */
const LIST_MULTIPLIER = 10;
/** Bytes of (document, operation, variables) whose shape is remembered. */
const SHAPE_MEMO_BYTES = 1024 * 1024;

type BudgetConfig = Pick<Config, 'maxResponseBytes'>;

/**
 * The refusal: `shape` before execution (the query's full pages could not fit), `answer` after
 * it (the answer did not).
 */
export function budgetError(maxBytes: number, when: 'shape' | 'answer'): GraphQLError {
  const mib = maxBytes / 2 ** 20;
  const budget = `${maxBytes} bytes${mib >= 1 && Number.isInteger(mib) ? ` (${mib} MiB)` : ''}`;
  const what =
    when === 'shape'
      ? 'The answer could exceed the response budget of'
      : 'The answer exceeds the response budget of';
  return new GraphQLError(
    `${what} ${budget}. Ask for less: smaller pages (first/last), fewer fields or aliases, or page through the list with after/before.`,
    {
      // As for the cost limit: 400 for graphql-response+json clients, 200 for json ones.
      extensions: {
        code: 'RESPONSE_TOO_LARGE',
        maxResponseBytes: maxBytes,
        http: { status: 400, spec: true },
      },
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Before execution: the largest shape.

interface Walk {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Record<string, unknown>;
  /** Stop counting past this (the answer is refused anyway). */
  readonly limit: number;
}

/** Width of a leaf value of this type, as JSON. */
function leafBytes(type: GraphQLNamedType): number {
  if (isEnumType(type))
    return 2 + Math.max(4, ...type.getValues().map((value) => value.name.length));
  switch (type.name) {
    case 'Boolean':
      return 5;
    case 'Int':
      return 11;
    case 'Float':
      return 24;
    default:
      return TEXT_BYTES;
  }
}

/** How many times a field's sub-selection appears: the multiplier the cost uses. */
function multiplierOf(field: GraphQLField<unknown, unknown>, node: FieldNode, walk: Walk): number {
  let option: unknown = field.extensions?.complexity;
  if (typeof option === 'function') {
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, node, walk.variables);
    } catch {
      return 1; // a malformed argument: execution reports it
    }
    option = (option as (a: Record<string, unknown>) => unknown)(args);
  }
  if (typeof option === 'object' && option !== null && 'multiplier' in option) {
    const m = (option as { multiplier: unknown }).multiplier;
    if (typeof m === 'number' && Number.isFinite(m)) return Math.max(0, m);
  }
  return listed(field.type) ? LIST_MULTIPLIER : 1;
}

function listed(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function selectionBytes(walk: Walk, set: SelectionSetNode, type: GraphQLNamedType): number {
  let bytes = 2; // the braces
  for (const selection of set.selections) {
    if (bytes > walk.limit) return bytes;
    if (selection.kind === Kind.FIELD) {
      bytes += fieldBytes(walk, selection, type);
      continue;
    }
    const fragment =
      selection.kind === Kind.FRAGMENT_SPREAD
        ? walk.fragments.get(selection.name.value)
        : selection;
    if (!fragment) continue;
    const condition = fragment.typeCondition
      ? walk.schema.getType(fragment.typeCondition.name.value)
      : type;
    // A fragment on another type of a union or interface: count it as if it applied, as the
    // cost does (the larger case), without its braces.
    if (condition) bytes += selectionBytes(walk, fragment.selectionSet, condition) - 2;
  }
  return bytes;
}

function fieldBytes(walk: Walk, node: FieldNode, parent: GraphQLNamedType): number {
  const key = (node.alias ?? node.name).value;
  const own = key.length + 4; // "key": and the comma
  const name = node.name.value;
  if (name.startsWith('__')) return own + TEXT_BYTES;
  const field =
    isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  if (!field) return own;
  const named = getNamedType(field.type);
  if (!node.selectionSet) {
    const item = leafBytes(named);
    return own + (listed(field.type) ? 2 + LIST_MULTIPLIER * (item + 1) : item);
  }
  const multiplier = multiplierOf(field, node, walk);
  const item = selectionBytes(walk, node.selectionSet, named);
  return own + (listed(field.type) ? 2 + multiplier * (item + 1) : multiplier * item);
}

/**
 * The bytes of the operation's answer if every page were full and every text TEXT_BYTES wide;
 * counting stops a little past `limit`. 0 for an operation it cannot find (execution reports it).
 */
export function shapeBytes(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  limit = Number.POSITIVE_INFINITY,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
    else if (
      definition.kind === Kind.OPERATION_DEFINITION &&
      (operationName ? definition.name?.value === operationName : operation === undefined)
    )
      operation = definition;
  }
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return 0;
  // `{"data":` and its closing brace.
  return 10 + selectionBytes({ schema, fragments, variables, limit }, operation.selectionSet, root);
}

// ---------------------------------------------------------------------------------------------
// After execution: the answer as JSON.stringify writes it.

/** Characters JSON.stringify escapes, and any beyond ASCII (more than one UTF-8 byte). */
// eslint-disable-next-line no-control-regex
const NOT_PLAIN = /[\u0000-\u001f"\\\u007f-\uffff]/;

function stringBytes(text: string): number {
  if (!NOT_PLAIN.test(text)) return text.length + 2;
  return Buffer.byteLength(JSON.stringify(text));
}

/**
 * UTF-8 bytes of `JSON.stringify(value)`, or a number over `limit` as soon as it is known to be
 * larger (what is counted so far, never the whole).
 */
export function jsonBytes(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let total = 0;
  const count = (v: unknown, inArray: boolean): void => {
    if (total > limit) return;
    if (
      v !== null &&
      typeof v === 'object' &&
      typeof (v as { toJSON?: unknown }).toJSON === 'function'
    )
      v = (v as { toJSON: () => unknown }).toJSON();
    switch (typeof v) {
      case 'string':
        total += stringBytes(v);
        return;
      case 'number':
        total += Number.isFinite(v) ? String(v).length : 4;
        return;
      case 'boolean':
        total += v ? 4 : 5;
        return;
      case 'bigint':
        throw new TypeError('Do not know how to serialize a BigInt');
      case 'undefined':
      case 'function':
      case 'symbol':
        if (inArray) total += 4; // JSON.stringify writes null in an array
        return;
    }
    if (v === null) {
      total += 4;
      return;
    }
    if (Array.isArray(v)) {
      total += 2 + Math.max(0, v.length - 1);
      for (const item of v) {
        count(item, true);
        if (total > limit) return;
      }
      return;
    }
    total += 2;
    let first = true;
    for (const key of Object.keys(v as object)) {
      const item = (v as Record<string, unknown>)[key];
      const t = typeof item;
      if (t === 'undefined' || t === 'function' || t === 'symbol') continue;
      total += (first ? 0 : 1) + stringBytes(key) + 1;
      first = false;
      count(item, false);
      if (total > limit) return;
    }
  };
  count(value, false);
  return total;
}

// ---------------------------------------------------------------------------------------------

const isResult = (value: unknown): value is ExecutionResult =>
  typeof value === 'object' && value !== null && !(Symbol.asyncIterator in value);

/** The plugin: refuses before execution what cannot fit, and after it what did not. */
export function useByteBudget(config: BudgetConfig, onRefused: OnRefused): Plugin {
  const max = config.maxResponseBytes;
  const shapeOf = operationMemo(SHAPE_MEMO_BYTES, (args: ExecutionArgs) =>
    shapeBytes(
      args.schema,
      args.document,
      args.operationName,
      (args.variableValues ?? {}) as Record<string, unknown>,
      max,
    ),
  );

  return {
    onExecute({ args, setExecuteFn }) {
      if (shapeOf(args) > max) {
        onRefused('response-bytes');
        // Run nothing, but through the execute step, so the hooks of earlier plugins that
        // started something for this execution (the deadline) see it end.
        setExecuteFn(() => ({ errors: [budgetError(max, 'shape')] }));
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (!isResult(result)) return;
          const bytes = jsonBytes(result, max);
          if (bytes > max) {
            onRefused('response-bytes');
            setResult({ errors: [budgetError(max, 'answer')] });
          }
        },
      };
    },
  };
}
