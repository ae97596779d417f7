/**
 * The request's DataLoaders: the only way resolvers reach the graph. One set is made per request
 * (in createContext), so batching and caching never leak between requests or across a reload.
 * Every batch call is counted, so tests can prove nested queries cost batches per level, not per node.
 *
 * DataLoader batches what one tick asks for; for an in-memory graph, the promise each load costs
 * (and the asynchronous execution it forces on graphql) is most of a query's price. So a resolver
 * follows a relation through `follow`, which answers synchronously whenever it can:
 * - from the request's memo of values already loaded (filled by the batch function);
 * - else by loading the relation for its whole level at once: every object at the same place in
 *   the response (the same path, list indices aside) that the request has already loaded, in one
 *   DataLoader batch dispatched at once. What that batch returns becomes the next level.
 * Objects whose level the loaders did not load (a root field's list, a plain property) fall back
 * to DataLoader's own batching: one batch per tick, then their results form a level in turn. So
 * batches stay bounded by the query's depth (and its root fields), never by the number of nodes.
 */
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { OrgGraph } from '../graph/org-graph';
import { reportingLine } from '../graph/reporting-line';
import type { Topic, Unit } from '../graph/types';

export interface LoaderStats {
  /** Batch calls per loader name. */
  readonly batches: Map<string, number>;
}

export function totalBatches(stats: LoaderStats): number {
  let n = 0;
  for (const count of stats.batches.values()) n += count;
  return n;
}

/** How each loader reads the graph: one key at a time, never throwing. */
function makeReaders(graph: OrgGraph) {
  return {
    unit: (k: string) => graph.unit(k) ?? null,
    post: (k: string) => graph.post(k) ?? null,
    topic: (k: string) => graph.topic(k) ?? null,
    event: (k: string) => graph.event(k) ?? null,
    subUnits: (k: string) => graph.childrenOf(k),
    /** A unit's topics, in the order the source lists them. */
    responsibilities: (k: string) => {
      const topics: Topic[] = [];
      for (const r of graph.unit(k)?.responsibilities ?? []) {
        const topic = graph.topic(r.topicKey);
        if (topic) topics.push(topic);
      }
      return topics;
    },
    unitsHeadedBy: (k: string) => graph.unitsHeadedBy(k),
    handlers: (k: string) => graph.handlersOf(k),
    handledBy: (k: string) => {
      const units: Unit[] = [];
      for (const r of graph.handlersOf(k)) {
        const unit = graph.unit(r.unitKey);
        if (unit) units.push(unit);
      }
      return units;
    },
    narrower: (k: string) => graph.narrowerOf(k),
    eventsAffecting: (k: string) => graph.eventsAffecting(k),
    reportingLine: (k: string) => reportingLine(graph, k) ?? [],
  };
}

type Readers = ReturnType<typeof makeReaders>;

/** Made once per graph (and dated view), not per request. */
const readersByGraph = new WeakMap<OrgGraph, Readers>();
function readers(graph: OrgGraph): Readers {
  let r = readersByGraph.get(graph);
  if (!r) readersByGraph.set(graph, (r = makeReaders(graph)));
  return r;
}
export type LoaderName = keyof Readers;
type ValueOf<N extends LoaderName> = ReturnType<Readers[N]>;

/** What the objects of a level are, so a relation only ever reads keys from its own kind. */
export type Kind = 'unit' | 'post' | 'topic' | 'event';

/** A field that leads from an object to values of one loader, keyed by what the object holds. */
export interface Relation<P, N extends LoaderName, R> {
  readonly loader: N;
  readonly from: Kind;
  /** The kind of the objects it leads to, which form the next level; none for other values. */
  readonly to: Kind | undefined;
  /** One key, a list of keys (values that do not exist are dropped), or null for none. */
  readonly key: (parent: P) => string | readonly string[] | null | undefined;
  readonly result: (values: readonly ValueOf<N>[] | ValueOf<N> | null) => R;
}

/** A relation to the value of one key (null when the object holds no key). */
export function relation<P, N extends LoaderName, K extends string | null | undefined>(
  loader: N,
  from: Kind,
  to: Kind | undefined,
  key: (parent: P) => K,
): Relation<P, N, K extends string ? ValueOf<N> : ValueOf<N> | null> {
  type R = K extends string ? ValueOf<N> : ValueOf<N> | null;
  return { loader, from, to, key, result: (v) => v as R };
}

/** A relation to the existing values of a list of keys, in order. */
export function relationToMany<P, N extends LoaderName>(
  loader: N,
  from: Kind,
  to: Kind | undefined,
  keys: (parent: P) => readonly string[],
): Relation<P, N, NonNullable<ValueOf<N>>[]> {
  return {
    loader,
    from,
    to,
    key: keys,
    result: (v) => (v as ValueOf<N>[]).filter((x): x is NonNullable<ValueOf<N>> => x !== null),
  };
}

/** One loader's reads: a value at once when the request has it, else a promise. */
export interface Source<V> {
  load(key: string): V | Promise<V>;
}

export type Loaders = { readonly [N in LoaderName]: Source<ValueOf<N>> } & {
  /** Follows a relation from an object, synchronously when the request can. */
  follow<P, N extends LoaderName, R>(
    relation: Relation<P, N, R>,
    parent: P,
    info: GraphQLResolveInfo,
  ): R | Promise<R>;
};

/** A DataLoader with a memo of the values its batches returned, read synchronously. */
class MemoLoader<V> implements Source<V> {
  /** Values are never undefined (readers answer null), so undefined means "not loaded". */
  memo: Map<string, V> | undefined;
  /** Made on first use: most requests touch only a few loaders. */
  private loader: DataLoader<string, V> | undefined;
  private dispatch: (() => void) | undefined;
  /** Inside loadNow: the batch being filled is dispatched at once, not scheduled. */
  private now = false;
  private failed: string[] | undefined;

  constructor(
    private readonly name: string,
    private readonly read: (key: string) => V,
    private readonly stats: LoaderStats,
  ) {}

  load(key: string): V | Promise<V> {
    const v = this.memo?.get(key);
    return v !== undefined ? v : this.dataLoader().load(key);
  }

  /** Loads keys now, in one batch: their values are in the memo when this returns. */
  loadNow(keys: Iterable<string>): void {
    const loader = this.dataLoader();
    // Nobody awaits these promises: the values are read from the memo. Reads do not throw; if one
    // did, its promise gets a handler here and the caller falls back to awaiting it.
    this.now = true;
    try {
      for (const k of keys) void loader.load(k);
    } finally {
      this.now = false;
    }
    this.dispatchPending();
    if (this.failed) for (const k of this.failed.splice(0)) loader.load(k).catch(() => undefined);
  }

  private dataLoader(): DataLoader<string, V> {
    this.loader ??= new DataLoader<string, V>(this.batch.bind(this), {
      batchScheduleFn: this.schedule.bind(this),
    });
    return this.loader;
  }

  /**
   * DataLoader's own schedule (once this tick's promise jobs have run), except for the batch
   * `loadNow` is about to dispatch itself.
   */
  private schedule(dispatch: () => void): void {
    this.dispatch = dispatch;
    if (this.now) return;
    void Promise.resolve().then(() =>
      process.nextTick(() => {
        if (this.dispatch === dispatch) this.dispatchPending();
      }),
    );
  }

  private dispatchPending(): void {
    const dispatch = this.dispatch;
    this.dispatch = undefined;
    dispatch?.();
  }

  private batch(keys: readonly string[]): Promise<(V | Error)[]> {
    const { batches } = this.stats;
    batches.set(this.name, (batches.get(this.name) ?? 0) + 1);
    const memo = (this.memo ??= new Map());
    const values: (V | Error)[] = [];
    for (const k of keys) {
      try {
        const v = this.read(k);
        memo.set(k, v);
        values.push(v);
      } catch (error) {
        (this.failed ??= []).push(k);
        values.push(error instanceof Error ? error : new Error(String(error)));
      }
    }
    return Promise.resolve(values);
  }
}

/** The objects at one place of the response, as far as the loaders know them. */
interface Level {
  readonly members: Iterable<unknown>;
  /** Gathering objects one by one (a level the loaders did not produce): their loads go async. */
  readonly open?: Set<unknown>;
}

/** A level not built yet: the values of a relation for every object of the level above. */
interface PendingLevel {
  readonly from: Level;
  readonly relation: AnyRelation;
}

type AnyRelation = Relation<unknown, LoaderName, unknown>;

interface PathLike {
  readonly prev: PathLike | undefined;
  readonly key: string | number;
}

/**
 * A place in the response: a path without its list indices. Places form a tree keyed by response
 * names (interned strings, cheap to look up), holding the levels found there, by kind.
 */
class Place {
  private children: Map<string, Place> | undefined;
  readonly levels: Partial<Record<Kind, Level | PendingLevel>> = {};

  child(name: string): Place {
    const children = (this.children ??= new Map());
    let place = children.get(name);
    if (!place) children.set(name, (place = new Place()));
    return place;
  }
}

/** The place of a path. */
function placeOf(root: Place, path: PathLike | undefined): Place {
  if (!path) return root;
  const above = placeOf(root, path.prev);
  return typeof path.key === 'number' ? above : above.child(path.key);
}

/** True when no list lies on the path: then one object is the whole level. */
function single(path: PathLike | undefined): boolean {
  for (let p = path; p; p = p.prev) if (typeof p.key === 'number') return false;
  return true;
}

const MISSING = Symbol('missing');

function addMissing(
  missing: Set<string>,
  key: string | readonly string[] | null | undefined,
  memo: ReadonlyMap<string, unknown> | undefined,
): void {
  if (key === null || key === undefined) return;
  if (typeof key === 'string') {
    if (!memo?.has(key)) missing.add(key);
  } else for (const k of key) if (!memo?.has(k)) missing.add(k);
}

/** A relation's value for an object from the memo, or MISSING when some key is not loaded. */
function loaded<P, N extends LoaderName, R>(
  rel: Relation<P, N, R>,
  source: MemoLoader<ValueOf<N>>,
  parent: P,
): R | typeof MISSING {
  const key = rel.key(parent);
  if (key === null || key === undefined) return rel.result(null);
  const memo = source.memo;
  if (!memo) return MISSING;
  if (typeof key === 'string') {
    const v = memo.get(key);
    return v === undefined ? MISSING : rel.result(v);
  }
  const values: ValueOf<N>[] = [];
  for (const k of key as readonly string[]) {
    const v = memo.get(k);
    if (v === undefined) return MISSING;
    values.push(v);
  }
  return rel.result(values);
}

/** The same through DataLoader: a promise, batched with this tick's other loads. */
async function later<P, N extends LoaderName, R>(
  rel: Relation<P, N, R>,
  source: MemoLoader<ValueOf<N>>,
  parent: P,
): Promise<R> {
  const key = rel.key(parent);
  if (key === null || key === undefined) return rel.result(null);
  if (typeof key === 'string') return rel.result(await source.load(key));
  return rel.result(await Promise.all((key as readonly string[]).map((k) => source.load(k))));
}

class RequestLoaders implements Loaders {
  readonly unit: MemoLoader<ValueOf<'unit'>>;
  readonly post: MemoLoader<ValueOf<'post'>>;
  readonly topic: MemoLoader<ValueOf<'topic'>>;
  readonly event: MemoLoader<ValueOf<'event'>>;
  readonly subUnits: MemoLoader<ValueOf<'subUnits'>>;
  readonly responsibilities: MemoLoader<ValueOf<'responsibilities'>>;
  readonly unitsHeadedBy: MemoLoader<ValueOf<'unitsHeadedBy'>>;
  readonly handlers: MemoLoader<ValueOf<'handlers'>>;
  readonly handledBy: MemoLoader<ValueOf<'handledBy'>>;
  readonly narrower: MemoLoader<ValueOf<'narrower'>>;
  readonly eventsAffecting: MemoLoader<ValueOf<'eventsAffecting'>>;
  readonly reportingLine: MemoLoader<ValueOf<'reportingLine'>>;
  private readonly root = new Place();

  constructor(graph: OrgGraph, stats: LoaderStats) {
    const r = readers(graph);
    this.unit = new MemoLoader('unit', r.unit, stats);
    this.post = new MemoLoader('post', r.post, stats);
    this.topic = new MemoLoader('topic', r.topic, stats);
    this.event = new MemoLoader('event', r.event, stats);
    this.subUnits = new MemoLoader('subUnits', r.subUnits, stats);
    this.responsibilities = new MemoLoader('responsibilities', r.responsibilities, stats);
    this.unitsHeadedBy = new MemoLoader('unitsHeadedBy', r.unitsHeadedBy, stats);
    this.handlers = new MemoLoader('handlers', r.handlers, stats);
    this.handledBy = new MemoLoader('handledBy', r.handledBy, stats);
    this.narrower = new MemoLoader('narrower', r.narrower, stats);
    this.eventsAffecting = new MemoLoader('eventsAffecting', r.eventsAffecting, stats);
    this.reportingLine = new MemoLoader('reportingLine', r.reportingLine, stats);
  }

  follow<P, N extends LoaderName, R>(
    rel: Relation<P, N, R>,
    parent: P,
    info: GraphQLResolveInfo,
  ): R | Promise<R> {
    const source = this[rel.loader] as MemoLoader<ValueOf<N>>;
    const value = loaded(rel, source, parent);
    if (value !== MISSING) return value;
    const here = info.path as PathLike;
    const above = placeOf(this.root, here.prev);
    let level = this.levelAt(above, rel.from);
    if (!level) {
      const open = new Set<unknown>();
      level = single(here.prev) ? { members: [parent] } : { members: open, open };
      above.levels[rel.from] = level;
    }
    if (rel.to) {
      const next = above.child(here.key as string).levels;
      next[rel.to] ??= { from: level, relation: rel as unknown as AnyRelation };
    }
    if (level.open) {
      // Not a level the loaders produced: DataLoader batches this tick's loads as usual.
      level.open.add(parent);
      return later(rel, source, parent);
    }
    const missing = new Set<string>();
    for (const m of level.members) addMissing(missing, rel.key(m as P), source.memo);
    addMissing(missing, rel.key(parent), source.memo);
    source.loadNow(missing);
    const now = loaded(rel, source, parent);
    // MISSING only if a read failed: DataLoader's promise then carries the error.
    return now !== MISSING ? now : later(rel, source, parent);
  }

  /** The level of a kind at a place, built on first use (after the batch that loaded it ran). */
  private levelAt(place: Place, kind: Kind): Level | undefined {
    const level = place.levels[kind];
    if (!level || 'members' in level) return level;
    const members: unknown[] = [];
    const source = this[level.relation.loader] as MemoLoader<unknown>;
    for (const m of level.from.members) {
      const v = loaded(level.relation, source as never, m);
      if (Array.isArray(v)) for (const x of v as unknown[]) members.push(x);
      else if (v !== MISSING && v !== null) members.push(v);
    }
    const built = { members };
    place.levels[kind] = built;
    return built;
  }
}

export function createLoaders(graph: OrgGraph, stats: LoaderStats): Loaders {
  return new RequestLoaders(graph, stats);
}

/**
 * The same interface over plain synchronous reads of the graph: no batching, no caching, no
 * promises. Only the benchmark uses it, as the floor the loaders are measured against.
 */
export function directLoaders(graph: OrgGraph): Loaders {
  const r = readers(graph);
  return {
    unit: { load: r.unit },
    post: { load: r.post },
    topic: { load: r.topic },
    event: { load: r.event },
    subUnits: { load: r.subUnits },
    responsibilities: { load: r.responsibilities },
    unitsHeadedBy: { load: r.unitsHeadedBy },
    handlers: { load: r.handlers },
    handledBy: { load: r.handledBy },
    narrower: { load: r.narrower },
    eventsAffecting: { load: r.eventsAffecting },
    reportingLine: { load: r.reportingLine },
    follow: (rel, parent) => {
      const key = rel.key(parent);
      const read = r[rel.loader] as (k: string) => never;
      if (key === null || key === undefined) return rel.result(null);
      return rel.result(typeof key === 'string' ? read(key) : key.map(read));
    },
  };
}

/** A value that must exist (the loader refused data where it would not), kept synchronous. */
export function present<V>(value: V | null | Promise<V | null>, missing: string): V | Promise<V> {
  if (value instanceof Promise) return value.then((v) => present(v, missing));
  if (value === null) throw new Error(missing);
  return value;
}

/** Loads many keys and drops the ones that do not exist (a reference the loader already checked). */
export async function loadAll<V>(source: Source<V | null>, keys: readonly string[]): Promise<V[]> {
  const values = await Promise.all(keys.map((k) => source.load(k)));
  return values.filter((v): v is Awaited<V> => v !== null) as V[];
}
