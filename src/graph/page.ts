/**
 * How many items one argument may ask for (`first`, `last`, a list of IDs): 1 to 100, 20 when not
 * given. A value out of range is refused rather than clamped, so a client never silently receives
 * less than it asked for.
 */
import { InputError } from './input-error';

export const PAGE_SIZE = { min: 1, max: 100, default: 20 } as const;

function outOfRange(argument: string, got: number): InputError {
  return new InputError(
    argument,
    `Argument "${argument}" must be between ${PAGE_SIZE.min} and ${PAGE_SIZE.max}, got ${got}.`,
  );
}

/** The page size a `first`/`last` argument asks for; refuses one out of range. */
export function pageSize(value: number | null | undefined, argument = 'first'): number {
  const size = value ?? PAGE_SIZE.default;
  if (!Number.isInteger(size) || size < PAGE_SIZE.min || size > PAGE_SIZE.max)
    throw outOfRange(argument, size);
  return size;
}

/** Checks the page arguments a connection was given (either end may be absent). */
export function checkPage(args: {
  readonly first?: number | null | undefined;
  readonly last?: number | null | undefined;
}): void {
  if (args.first != null) pageSize(args.first, 'first');
  if (args.last != null) pageSize(args.last, 'last');
}

/** The list itself when it has at most 100 items; refuses a longer one. */
export function boundedList<T>(items: readonly T[], argument: string): T[] {
  if (items.length > PAGE_SIZE.max) throw outOfRange(argument, items.length);
  return [...items];
}
