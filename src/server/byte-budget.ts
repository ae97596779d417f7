/**
 * The response byte budget (`MAX_RESPONSE_BYTES`): no answer's JSON is larger, whatever the query.
 * The execution hook (execution.ts), after the cost limit, applies it to every execution, whichever
 * way the request came (fast lane or yoga; the response cache keeps only answers sent without
 * errors, so never one over the budget):
 * 1. before execution, the answer's largest shape is counted: every page full (`first`/`last`,
 *    else the default page size), every plain list at the cost's ×10, every field as its key plus
 *    a value of its type's width (numbers, booleans and enums exactly, texts and IDs at
 *    TEXT_BYTES). The same multipliers as the cost (read from each field's `complexity`), so the
 *    rule is the cost's, in bytes. When that shape alone exceeds the budget, the query is refused
 *    without running. At the default cost limit no shape the cost admits reaches the default
 *    budget; the check matters when `MAX_COST` is raised or the budget lowered;
 * 2. while it runs, every list field (a plain list above all, whose length nothing gives in
 *    advance) adds its items, each at its own fields' widths as above, to the execution's meter;
 *    past the budget, every list field fails at once, so an answer far too large is never built
 *    whole. Resolvers run synchronously, so the deadline's timer cannot stop them: this is
 *    what bounds the memory of one execution;
 * 3. after execution, the result is measured as `JSON.stringify` would write it (UTF-8 bytes),
 *    stopping as soon as the budget is passed, so nothing the size of the answer is built to
 *    measure it; an answer over the budget, or stopped by the meter, is replaced by the refusal,
 *    never cut short.
 * Both refusals are the same error, `RESPONSE_TOO_LARGE`, naming the budget and how to ask for less.
 */
import {
  defaultFieldResolver,
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
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Config } from './config';
import type { OnRefused } from './limits';

/** Width assumed, before execution, for a text or an ID value (quotes included). */
export const TEXT_BYTES = 16;
/** The cost's multiplier for a list field that does not state its size. */
const LIST_MULTIPLIER = 10;

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
  /** One object's own bytes: lists inside it count their items themselves, when they run. */
  readonly flat?: boolean;
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
  if (walk.flat && listed(field.type)) return own + 2;
  if (!node.selectionSet) {
    const item = leafBytes(named);
    return own + (listed(field.type) ? 2 + LIST_MULTIPLIER * (item + 1) : item);
  }
  const multiplier = walk.flat ? 1 : multiplierOf(field, node, walk);
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

/** A count in progress: the bytes so far, and where to stop. */
interface Count {
  total: number;
  readonly limit: number;
}

/** Adds the bytes of `v` as JSON to the count (module-level, so no closure per answer). */
function countJson(count: Count, value: unknown, inArray: boolean): void {
  if (count.total > count.limit) return;
  let v = value;
  if (
    v !== null &&
    typeof v === 'object' &&
    typeof (v as { toJSON?: unknown }).toJSON === 'function'
  )
    v = (v as { toJSON: () => unknown }).toJSON();
  switch (typeof v) {
    case 'string':
      count.total += stringBytes(v);
      return;
    case 'number':
      count.total += Number.isFinite(v) ? String(v).length : 4;
      return;
    case 'boolean':
      count.total += v ? 4 : 5;
      return;
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'undefined':
    case 'function':
    case 'symbol':
      if (inArray) count.total += 4; // JSON.stringify writes null in an array
      return;
  }
  if (v === null) {
    count.total += 4;
    return;
  }
  if (Array.isArray(v)) {
    count.total += 2 + Math.max(0, v.length - 1);
    for (const item of v) {
      countJson(count, item, true);
      if (count.total > count.limit) return;
    }
    return;
  }
  count.total += 2;
  let first = true;
  for (const key of Object.keys(v as object)) {
    const item = (v as Record<string, unknown>)[key];
    const t = typeof item;
    if (t === 'undefined' || t === 'function' || t === 'symbol') continue;
    count.total += (first ? 0 : 1) + stringBytes(key) + 1;
    first = false;
    countJson(count, item, false);
    if (count.total > count.limit) return;
  }
}

/**
 * UTF-8 bytes of `JSON.stringify(value)`, or a number over `limit` as soon as it is known to be
 * larger (what is counted so far, never the whole).
 */
export function jsonBytes(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  const count: Count = { total: 0, limit };
  countJson(count, value, false);
  return count.total;
}

// ---------------------------------------------------------------------------------------------
// While it runs: list items, counted at their shape.

interface Meter {
  bytes: number;
  readonly max: number;
}

/** The meter of each running execution, by its context. */
const meters = new WeakMap<object, Meter>();

/**
 * Bytes of one item of a list field, per field node: counted `flat` (its own lists at two bytes,
 * each counting its items when it runs), so neither the variables nor the page sizes enter it and
 * one count serves every execution of the document. Kept with the type it was counted for: a
 * document may run on another dataset's schema.
 */
const itemShapes = new WeakMap<
  FieldNode,
  { readonly type: GraphQLNamedType; readonly bytes: number }
>();

function itemBytes(info: GraphQLResolveInfo): number {
  const node = info.fieldNodes[0];
  if (!node) return 0;
  const named = getNamedType(info.returnType);
  const known = itemShapes.get(node);
  if (known?.type === named) return known.bytes;
  const fragments = new Map(Object.entries(info.fragments));
  const bytes = node.selectionSet
    ? selectionBytes(
        { schema: info.schema, fragments, variables: {}, limit: Infinity, flat: true },
        node.selectionSet,
        named,
      ) + 1
    : leafBytes(named) + 1;
  itemShapes.set(node, { type: named, bytes });
  return bytes;
}

/** Adds a list's items to the execution's meter; past the budget, the list fails. */
function metered(items: unknown, meter: Meter, info: GraphQLResolveInfo): unknown {
  if (meter.bytes > meter.max) throw budgetError(meter.max, 'answer');
  if (Array.isArray(items) && items.length > 0) meter.bytes += items.length * itemBytes(info);
  return items;
}

const wrapped = new WeakSet<GraphQLSchema>();

/** Makes every list field of the schema count its items on the execution's meter, once. */
function meterLists(schema: GraphQLSchema): void {
  if (wrapped.has(schema)) return;
  wrapped.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!listed(field.type)) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: object, info) => {
        const value: unknown = resolve(source, args, context, info);
        const meter = meters.get(context);
        if (!meter) return value;
        return value instanceof Promise
          ? value.then((items: unknown) => metered(items, meter, info))
          : metered(value, meter, info);
      };
    }
  }
}

const tooLarge = (result: ExecutionResult) =>
  result.errors?.some((e) => e.extensions?.code === 'RESPONSE_TOO_LARGE') ?? false;

// ---------------------------------------------------------------------------------------------

export interface ByteBudget {
  readonly max: number;
  /** Bytes of the operation's largest shape, counted a little past the budget at most. */
  shapeOf(args: ExecutionArgs): number;
  /** Starts the execution's meter (its lists count their items as they run). */
  start(args: ExecutionArgs): void;
  /** Ends it: the refusal when the answer did not fit, else undefined (the result stands). */
  finish(args: ExecutionArgs, result: unknown): ExecutionResult | undefined;
}

/**
 * The budget, applied by the execution hook (execution.ts), which refuses before running a query
 * whose shape exceeds it, after the cost limit.
 */
export function byteBudget(config: BudgetConfig, onRefused: OnRefused): ByteBudget {
  const max = config.maxResponseBytes;
  return {
    max,
    shapeOf: (args) =>
      shapeBytes(
        args.schema,
        args.document,
        args.operationName,
        (args.variableValues ?? {}) as Record<string, unknown>,
        max,
      ),
    start(args) {
      meterLists(args.schema);
      meters.set(args.contextValue as object, { bytes: 0, max });
    },
    finish(args, result) {
      meters.delete(args.contextValue as object);
      if (typeof result !== 'object' || result === null || Symbol.asyncIterator in result)
        return undefined;
      const answer = result as ExecutionResult;
      if (!tooLarge(answer) && jsonBytes(answer, max) <= max) return undefined;
      onRefused('response-bytes');
      return { errors: [budgetError(max, 'answer')] };
    },
  };
}
