/**
 * Random GraphQL operations drawn from the schema: fields picked on each type, arguments of the
 * right types (enums, input objects, lists, page sizes in range), selections nested to a bounded
 * depth, inline fragments on abstract types; and the same operations broken on purpose (a wrong
 * argument type, an unknown field, a page size out of range, a garbage cursor, broken syntax, a
 * long garbage name). Randomness comes from fast-check, so a failure is reproduced by its seed.
 */
import type fc from 'fast-check';
import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/** The few choices the generator makes, on top of fast-check's generator. */
export class Choices {
  constructor(
    private readonly g: fc.GeneratorValue,
    private readonly fast: typeof fc,
  ) {}

  int(min: number, max: number): number {
    return this.g(this.fast.integer, { min, max });
  }

  chance(p: number): boolean {
    return this.int(0, 999) < p * 1000;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }

  some<T>(items: readonly T[], max: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    const n = this.int(1, Math.min(max, pool.length));
    for (let i = 0; i < n; i++) out.push(pool.splice(this.int(0, pool.length - 1), 1)[0] as T);
    return out;
  }

  text(maxLength: number): string {
    return this.g(this.fast.string, { maxLength, unit: 'binary' });
  }
}

export interface Vocabulary {
  /** Names of units, topics and other records a string argument may take. */
  readonly names: readonly string[];
}

export type Mutation =
  | 'wrong-argument-type'
  | 'unknown-field'
  | 'page-size'
  | 'cursor'
  | 'syntax'
  | 'long-name'
  | 'unknown-argument';

/**
 * Mutations that make the document itself invalid, so it is always refused; the others (a page
 * size, a cursor, a long name) are refused when the field they sit on runs, which it need not
 * (a fragment on another type, a parent that is null).
 */
export const INVALIDATING: ReadonlySet<Mutation> = new Set([
  'wrong-argument-type',
  'unknown-field',
  'syntax',
  'unknown-argument',
]);

export const MUTATIONS: readonly Mutation[] = [
  'wrong-argument-type',
  'unknown-field',
  'page-size',
  'cursor',
  'syntax',
  'long-name',
  'unknown-argument',
];

const MAX_DEPTH = 4;
const PAGE_ARGS = new Set(['first', 'last', 'limit']);
const CURSOR_ARGS = new Set(['after', 'before']);
const DATES = ['2009-06-01', '2015', '1990-01', '2020-12-31', '1952-04-04'];

interface State {
  readonly c: Choices;
  readonly schema: GraphQLSchema;
  readonly vocabulary: Vocabulary;
  /** The one mutation to make, until it is made. */
  mutation: Mutation | undefined;
  aliases: number;
}

const quote = (s: string) => JSON.stringify(s);

function stringValue(state: State, arg: string): string {
  const { c } = state;
  if (state.mutation === 'long-name' && c.chance(0.5)) {
    state.mutation = undefined;
    return quote(`${c.pick(state.vocabulary.names)} ${'garbage '.repeat(c.int(60, 400))}`);
  }
  if (CURSOR_ARGS.has(arg)) return quote(c.pick(['', 'YXJyYXljb25uZWN0aW9uOjA=', 'x']));
  if (/date|from|to|at/i.test(arg) && c.chance(0.3)) return quote(c.pick(DATES));
  return c.chance(0.8) ? quote(c.pick(state.vocabulary.names)) : quote(c.text(12));
}

function valueOf(state: State, type: GraphQLInputType, arg: string, depth: number): string {
  const { c } = state;
  if (isNonNullType(type)) return valueOf(state, type.ofType, arg, depth);
  if (isListType(type)) {
    const n = c.int(1, 3);
    return `[${Array.from({ length: n }, () => valueOf(state, type.ofType, arg, depth + 1)).join(', ')}]`;
  }
  if (isEnumType(type)) return c.pick(type.getValues()).name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    const optional = fields.filter((f) => !required.includes(f));
    const chosen =
      depth > 2 || optional.length === 0 ? required : [...required, ...c.some(optional, 2)];
    return `{ ${chosen.map((f) => `${f.name}: ${valueOf(state, f.type, f.name, depth + 1)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        if (PAGE_ARGS.has(arg)) return String(c.int(1, 100));
        if (arg === 'depth') return String(c.int(0, 4));
        return String(c.int(0, 5));
      case 'Float':
        return String(c.int(0, 100) / 10);
      case 'Boolean':
        return c.chance(0.5) ? 'true' : 'false';
      case 'Date':
        return quote(c.pick(DATES));
      case 'ID':
        return quote(c.chance(0.5) ? c.pick(state.vocabulary.names) : c.text(16));
      default:
        return stringValue(state, arg);
    }
  }
  return 'null';
}

/** A value of another type than the argument takes. */
function wrongValueOf(state: State, type: GraphQLInputType): string {
  const named = getNamedType(type);
  if (isScalarType(named) && named.name === 'Int') return state.c.pick(['"ten"', '1.5', 'true']);
  if (isScalarType(named) && named.name === 'Boolean') return '"yes"';
  if (isEnumType(named)) return '"NOT_A_VALUE"';
  if (isInputObjectType(named)) return '42';
  return '{ nested: 1 }';
}

function argumentsOf(state: State, field: GraphQLField<unknown, unknown>): string {
  const { c } = state;
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const optional = field.args.filter((a) => !required.includes(a));
  const chosen: GraphQLArgument[] = [...required];
  for (const arg of optional) {
    if (CURSOR_ARGS.has(arg.name)) continue; // a valid cursor comes from an answer
    if (c.chance(0.35)) chosen.push(arg);
  }
  // Relay refuses first and last together.
  if (chosen.some((a) => a.name === 'first') && chosen.some((a) => a.name === 'last'))
    chosen.splice(
      chosen.findIndex((a) => a.name === 'last'),
      1,
    );
  const parts = chosen.map((arg) => {
    if (state.mutation === 'wrong-argument-type' && c.chance(0.5)) {
      state.mutation = undefined;
      return `${arg.name}: ${wrongValueOf(state, arg.type)}`;
    }
    if (state.mutation === 'page-size' && PAGE_ARGS.has(arg.name)) {
      state.mutation = undefined;
      return `${arg.name}: ${c.pick([0, -1, 101, 1000, 2 ** 31 - 1, -(2 ** 31)])}`;
    }
    return `${arg.name}: ${valueOf(state, arg.type, arg.name, 0)}`;
  });
  const cursorArg = field.args.find((a) => CURSOR_ARGS.has(a.name));
  if (state.mutation === 'cursor' && cursorArg) {
    state.mutation = undefined;
    parts.push(`${cursorArg.name}: ${quote(c.pick(['garbage', 'b3JnZ3JhcGg6eA==', c.text(40)]))}`);
  }
  if (state.mutation === 'unknown-argument' && c.chance(0.3)) {
    state.mutation = undefined;
    parts.push('notAnArgument: 1');
  }
  return parts.length > 0 ? `(${parts.join(', ')})` : '';
}

function selectionOf(state: State, type: GraphQLNamedType, depth: number): string {
  const { c, schema } = state;
  if (isAbstractType(type)) {
    const possible = schema.getPossibleTypes(type);
    const fragments = c
      .some(possible, 2)
      .map((t) => `... on ${t.name} { ${fieldsOf(state, t, depth, true)} }`);
    return `__typename ${fragments.join(' ')}`;
  }
  if (!isObjectType(type)) return '__typename';
  return fieldsOf(state, type, depth, false);
}

function fieldsOf(
  state: State,
  type: GraphQLObjectType,
  depth: number,
  inFragment: boolean,
): string {
  const { c } = state;
  const all = Object.values(type.getFields()).filter((f) => !f.name.startsWith('__'));
  const leaves = all.filter((f) => isLeafType(getNamedType(f.type)));
  const pool = depth >= MAX_DEPTH ? leaves : all;
  if (pool.length === 0) return '__typename';
  const out: string[] = [];
  for (const field of c.some(pool, depth === 0 ? 2 : 3)) {
    // Fields in fragments on different types may differ in type: a name of their own each.
    const alias = inFragment ? `f${state.aliases++}: ` : '';
    const named = getNamedType(field.type);
    const args = argumentsOf(state, field);
    if (state.mutation === 'unknown-field' && c.chance(0.3)) {
      state.mutation = undefined;
      out.push('notAField');
    }
    out.push(
      isLeafType(named)
        ? `${alias}${field.name}${args}`
        : `${alias}${field.name}${args} { ${selectionOf(state, named, depth + 1)} }`,
    );
  }
  return out.join(' ');
}

/** Breaks the text of an operation: an unbalanced brace, a truncation, a stray token in front. */
function breakSyntax(c: Choices, text: string): string {
  const at = c.int(0, text.length - 1);
  switch (c.int(0, 3)) {
    case 0:
      return `${text.slice(0, at)}${text.slice(at + 1)}{`;
    case 1:
      return text.slice(0, Math.max(1, at));
    case 2:
      // In front, where it cannot fall inside a string literal.
      return `${c.pick(['}', ')', '(', '$', '@', '"', '...', ':'])} ${text}`;
    default:
      return `${text} }`;
  }
}

/** A random operation on the schema's Query type; broken as `mutation` says when given. */
export function randomOperation(
  c: Choices,
  schema: GraphQLSchema,
  vocabulary: Vocabulary,
  mutation?: Mutation,
): string {
  const state: State = { c, schema, vocabulary, mutation, aliases: 0 };
  const query = schema.getQueryType();
  if (!query) throw new Error('no Query type');
  let text = `{ ${fieldsOf(state, query, 0, false)} }`;
  if (mutation === 'syntax') return breakSyntax(c, text);
  // A mutation the walk found no place for (no page argument was chosen, say): make it at the root.
  if (state.mutation !== undefined) {
    const fallback: Record<Mutation, string> = {
      'wrong-argument-type': '{ unit(name: 42) { key } }',
      'unknown-field': '{ notAField }',
      'page-size': `{ units(first: ${c.pick([0, 101, -5])}) { totalCount } }`,
      cursor: `{ units(after: ${quote(c.text(30))}) { totalCount } }`,
      syntax: '{',
      'long-name': `{ unit(name: ${quote('x'.repeat(c.int(400, 5000)))}) { key } }`,
      'unknown-argument': '{ dataset(nope: 1) { key } }',
    };
    text = `${text.slice(0, -1)} ${fallback[state.mutation].slice(1)}`;
  }
  return text;
}
