/**
 * Bounds on how many items one argument may ask for (`first`, `limit`, a list of IDs): 1 to 100,
 * 20 when not given. A value out of range is refused with a clear error rather than clamped, so a
 * client never silently receives less than it asked for.
 */
import { GraphQLError } from 'graphql';

export const PAGE_SIZE = { min: 1, max: 100, default: 20 } as const;

function outOfRange(arg: string, got: number): GraphQLError {
  return new GraphQLError(
    `Argument "${arg}" must be between ${PAGE_SIZE.min} and ${PAGE_SIZE.max}, got ${got}.`,
    { extensions: { code: 'BAD_USER_INPUT', argument: arg } },
  );
}

/** The page size to use for a `first`/`limit` argument; throws a GraphQLError when out of range. */
export function pageSize(value: number | null | undefined, arg = 'first'): number {
  const size = value ?? PAGE_SIZE.default;
  if (!Number.isInteger(size) || size < PAGE_SIZE.min || size > PAGE_SIZE.max)
    throw outOfRange(arg, size);
  return size;
}

/** The list itself when it has at most 100 items; throws a GraphQLError otherwise. */
export function boundedList<T>(items: readonly T[], arg: string): T[] {
  if (items.length > PAGE_SIZE.max) throw outOfRange(arg, items.length);
  return [...items];
}

/**
 * Options of a `first` argument for a list field: `first: t.arg.int(PAGE_SIZE_ARG)`, then
 * `complexity: pageComplexity('first')` on the field and `pageSize(args.first)` in its resolver.
 */
export const PAGE_SIZE_ARG = {
  defaultValue: PAGE_SIZE.default,
  description: `How many items to return: ${PAGE_SIZE.min} to ${PAGE_SIZE.max} (default ${PAGE_SIZE.default}); other values are refused.`,
};

/** Field complexity for a list bounded by a page-size argument: its sub-selection counts `n` times. */
export function pageComplexity(arg = 'first') {
  return (args: Record<string, unknown>) => {
    const n = args[arg];
    return { field: 1, multiplier: typeof n === 'number' && n > 0 ? n : PAGE_SIZE.default };
  };
}
