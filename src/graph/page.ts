/**
 * Pages of a list (Relay's cursor connections, without GraphQL): how many items one argument may
 * ask for, what a cursor holds, and the page `first`/`after`/`last`/`before` select.
 *
 * A cursor names the graph the list was read from (the dataset's version, and the date of a dated
 * view), the item's position and the item's key. Positions are stable for as long as the same data
 * is served, because every list is read from an immutable graph in a fixed order; the version makes
 * a cursor from other data a clear error instead of a wrong page, and the key does the same for a
 * cursor taken from another list.
 */
import { InputError } from './input-error';
import type { OrgGraph } from './org-graph';

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

/** The list itself when it has at most 100 items; refuses a longer one. */
export function boundedList<T>(items: readonly T[], argument: string): T[] {
  if (items.length > PAGE_SIZE.max) throw outOfRange(argument, items.length);
  return [...items];
}

export interface PageArgs {
  readonly first?: number | null | undefined;
  readonly after?: string | null | undefined;
  readonly last?: number | null | undefined;
  readonly before?: string | null | undefined;
}

/** A list read without copying it: an array, or positions into one (a filtered, ordered index). */
export interface Sequence<T> {
  readonly length: number;
  item(position: number): T;
}

/** An array as a sequence (a class: no closure made per list read). */
class ArraySequence<T> implements Sequence<T> {
  constructor(private readonly items: readonly T[]) {}

  get length(): number {
    return this.items.length;
  }

  item(position: number): T {
    return this.items[position] as T;
  }
}

export function sequenceOf<T>(items: readonly T[]): Sequence<T> {
  return new ArraySequence(items);
}

export interface Edge<T> {
  readonly cursor: string;
  readonly node: T;
}

export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

export interface Page<T> {
  readonly edges: Edge<T>[];
  /** The page's items without their cursors (no edge made for them). */
  readonly nodes: T[];
  readonly pageInfo: PageInfo;
  /** How many items the whole list holds, whatever the page. */
  readonly totalCount: number;
}

const CURSOR_PREFIX = 'c1';

/** What a cursor says its list was read from: the data's version and, in a dated view, its date. */
export function graphStamp(graph: OrgGraph): string {
  const version = graph.meta.version.slice(0, 12);
  return graph.date ? `${version}@${graph.date.value}` : version;
}

function encodeCursor(stamp: string, position: number, key: string): string {
  return Buffer.from(`${CURSOR_PREFIX}|${stamp}|${position}|${key}`, 'utf8').toString('base64url');
}

interface DecodedCursor {
  readonly stamp: string;
  readonly position: number;
  readonly key: string;
}

const CURSOR_TEXT = /^c1\|([^|]+)\|(\d{1,9})\|(.+)$/s;

function decodeCursor(cursor: string, argument: string): DecodedCursor {
  const text = /^[A-Za-z0-9_-]{1,400}$/.test(cursor)
    ? Buffer.from(cursor, 'base64url').toString('utf8')
    : '';
  const m = CURSOR_TEXT.exec(text);
  if (!m) {
    throw new InputError(
      argument,
      `Argument "${argument}" is not a cursor of this server: pass a \`cursor\` or \`endCursor\` it returned.`,
    );
  }
  return { stamp: m[1] as string, position: Number(m[2]), key: m[3] as string };
}

/** Where a list is: the graph it was read from, and how its items are told apart in a cursor. */
export interface ListOrigin<T> {
  readonly graph: OrgGraph;
  readonly keyOf: (item: T) => string;
}

function positionOf<T>(
  cursor: string,
  argument: string,
  items: Sequence<T>,
  origin: ListOrigin<T>,
): number {
  const decoded = decodeCursor(cursor, argument);
  const stamp = graphStamp(origin.graph);
  if (decoded.stamp !== stamp) {
    const [version, date] = decoded.stamp.split('@');
    const [ours, ourDate] = stamp.split('@');
    throw new InputError(
      argument,
      version !== ours
        ? `Argument "${argument}" is a cursor from another version of the data (it was reloaded since): start the list again without "${argument}".`
        : `Argument "${argument}" is a cursor from ${date ? `the view of ${date}` : 'today’s graph'}, not ${ourDate ? `the view of ${ourDate}` : 'today’s graph'}: use it under the same \`at(date:)\`.`,
    );
  }
  const { position } = decoded;
  if (position >= items.length || origin.keyOf(items.item(position)) !== decoded.key) {
    throw new InputError(
      argument,
      `Argument "${argument}" is a cursor from another list: pass a cursor of the same field with the same arguments.`,
    );
  }
  return position;
}

/**
 * The page of `items` the arguments select, by Relay's algorithm: `after`/`before` cut the list,
 * then `first` keeps the start of what remains and `last` its end. Without `first` or `last`, a
 * page holds PAGE_SIZE.default items from the start.
 */
export function pageOf<T>(items: Sequence<T>, args: PageArgs, origin: ListOrigin<T>): Page<T> {
  const first =
    args.first == null
      ? args.last == null
        ? PAGE_SIZE.default
        : undefined
      : pageSize(args.first, 'first');
  const last = args.last == null ? undefined : pageSize(args.last, 'last');
  let start = args.after == null ? 0 : positionOf(args.after, 'after', items, origin) + 1;
  let end = args.before == null ? items.length : positionOf(args.before, 'before', items, origin);
  if (end < start) end = start;
  if (first !== undefined) end = Math.min(end, start + first);
  if (last !== undefined) start = Math.max(start, end - last);

  return new ListPage(items, start, end, graphStamp(origin.graph), origin.keyOf);
}

/**
 * A page whose edges and page info are made only when read: a page is most often read through
 * `nodes` and `totalCount` alone, and making cursors and page info for every page was most of the
 * cost of a wide structure (npm run bench:jit); `nodes` reads the items without making edges.
 */
class ListPage<T> implements Page<T> {
  private madeEdges: Edge<T>[] | undefined;

  constructor(
    private readonly items: Sequence<T>,
    private readonly start: number,
    private readonly end: number,
    private readonly stamp: string,
    private readonly keyOf: (item: T) => string,
  ) {}

  get totalCount(): number {
    return this.items.length;
  }

  get edges(): Edge<T>[] {
    if (this.madeEdges) return this.madeEdges;
    const edges: Edge<T>[] = [];
    for (let position = this.start; position < this.end; position += 1) {
      edges.push(new LazyEdge(this.items.item(position), this.stamp, position, this.keyOf));
    }
    this.madeEdges = edges;
    return edges;
  }

  get nodes(): T[] {
    const nodes: T[] = [];
    for (let position = this.start; position < this.end; position += 1)
      nodes.push(this.items.item(position));
    return nodes;
  }

  get pageInfo(): PageInfo {
    const edges = this.edges;
    return {
      hasNextPage: this.end < this.items.length,
      hasPreviousPage: this.start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    };
  }
}

/** An edge whose cursor is encoded only when asked for (most pages are read through `nodes`). */
class LazyEdge<T> implements Edge<T> {
  constructor(
    readonly node: T,
    private readonly stamp: string,
    private readonly position: number,
    private readonly keyOf: (item: T) => string,
  ) {}

  get cursor(): string {
    return encodeCursor(this.stamp, this.position, this.keyOf(this.node));
  }
}

/** A page of records told apart by their key (units, posts, topics, events). */
export function recordPage<T extends { readonly key: string }>(
  graph: OrgGraph,
  items: readonly T[] | Sequence<T>,
  args: PageArgs,
): Page<T> {
  const sequence = Array.isArray(items)
    ? sequenceOf(items as readonly T[])
    : (items as Sequence<T>);
  return pageOf(sequence, args, { graph, keyOf: keyOfRecord });
}

const keyOfRecord = (record: { readonly key: string }): string => record.key;

/** Every item of a sequence, as an array (for small lists and tests). */
export function itemsOf<T>(items: Sequence<T>): T[] {
  return Array.from({ length: items.length }, (_, i) => items.item(i));
}
