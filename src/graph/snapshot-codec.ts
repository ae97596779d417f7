/**
 * The snapshot's encoding of the built graph's data: plain objects, arrays, Maps, strings, numbers
 * and booleans, as JSON that parses quickly and rebuilds the same objects.
 *
 * - Each object is written as `[shape, ...values]`: its keys are written once per shape, not once
 *   per object, and it is rebuilt by one function per shape, so the rebuilt objects have their keys
 *   in the original order and share hidden classes as the builder's did.
 * - A value the data holds more than once (an object the graph shares: the document a citation
 *   names, a unit's sources reused by its links, the shared empty list; or a long string: a unit's
 *   key in its map, its record, its links and its children's) is written the first time marked to
 *   be kept, then as a reference to it: the graph read back shares what the built one shared, and
 *   nothing is duplicated. Only those are kept while reading, so the reader holds no table of
 *   every object it made.
 * - `undefined` is written `null` (the graph's data holds no null), so a key whose value is
 *   undefined is kept.
 *
 * Kept values are numbered in the order their writing (and reading) ends, which both sides
 * follow, so a reference needs no table. Encoded values can be written over many lines, in order;
 * each line carries the shapes it introduces.
 */

/**
 * The first element of an encoded list that is not an object (an object's is its shape, ≥ 0).
 * A bare number is a reference to the n-th kept value, so the references that fill the data cost
 * no list each when parsed; the graph's own numbers (a date's year, a headcount) are rare, and
 * written `[NUMBER, n]`.
 */
const ARRAY = -1;
const MAP = -2;
const NUMBER = -3;
const KEEP = -4;

/** Shorter strings are written again rather than referred to: a reference would not be shorter. */
const SHARED_TEXT = 8;

export type Encoded = string | number | boolean | null | Encoded[];

/** Keys a shape may have: a name, never one that would set a prototype. */
const SAFE_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

type Shareable = object | string;

export class SnapshotEncoder {
  private readonly shapeIds = new Map<string, number>();
  /** How often each object and long string occurs in the data (counted first, see constructor). */
  private readonly occurrences = new Map<Shareable, number>();
  private readonly keptIds = new Map<Shareable, number>();
  private readonly open = new Set<object>();
  private pendingShapes: string[][] = [];

  /** `data`: every value that will be encoded, so what it holds more than once is known. */
  constructor(data: Iterable<unknown>) {
    for (const value of data) this.count(value);
  }

  private count(value: unknown): void {
    if (typeof value === 'string') {
      if (value.length >= SHARED_TEXT)
        this.occurrences.set(value, (this.occurrences.get(value) ?? 0) + 1);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const seen = this.occurrences.get(value);
    this.occurrences.set(value, (seen ?? 0) + 1);
    if (seen !== undefined) return;
    if (Array.isArray(value)) for (const item of value as unknown[]) this.count(item);
    else if (value instanceof Map)
      for (const [k, v] of value as Map<unknown, unknown>) {
        this.count(k);
        this.count(v);
      }
    else for (const item of Object.values(value)) this.count(item);
  }

  /** The shapes first used since the last call, to write before the values that use them. */
  takeNewShapes(): string[][] {
    const shapes = this.pendingShapes;
    this.pendingShapes = [];
    return shapes;
  }

  encode(value: unknown): Encoded {
    // The result is a reference only when it is a number; the value's own number is boxed.
    switch (typeof value) {
      case 'undefined':
        return null;
      case 'string':
        return value.length < SHARED_TEXT ? value : this.shared(value, () => value);
      case 'boolean':
        return value;
      case 'number':
        if (!Number.isFinite(value)) throw new Error(`cannot keep the number ${value}`);
        return [NUMBER, value];
      case 'object':
        if (value === null) throw new Error('the graph holds no null');
        return this.shared(value, () => this.encodeObject(value));
      default:
        throw new Error(`cannot keep a ${typeof value}`);
    }
  }

  /** A value written once and referred to after when the data holds it more than once. */
  private shared(value: Shareable, write: () => Encoded): Encoded {
    const id = this.keptIds.get(value);
    if (id !== undefined) return id;
    const written = write();
    if ((this.occurrences.get(value) ?? 0) < 2) return written;
    this.keptIds.set(value, this.keptIds.size);
    return [KEEP, written];
  }

  private encodeObject(value: object): Encoded {
    if (this.open.has(value)) throw new Error('the data refers to itself');
    this.open.add(value);
    let out: Encoded[];
    if (Array.isArray(value)) {
      out = [ARRAY];
      for (const item of value as unknown[]) out.push(this.encode(item));
    } else if (value instanceof Map) {
      out = [MAP];
      for (const [k, v] of value as Map<unknown, unknown>) out.push(this.encode(k), this.encode(v));
    } else {
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null)
        throw new Error(`cannot keep an instance of ${value.constructor.name}`);
      const keys = Object.keys(value);
      out = [this.shapeOf(keys)];
      for (const key of keys) out.push(this.encode((value as Record<string, unknown>)[key]));
    }
    this.open.delete(value);
    return out;
  }

  private shapeOf(keys: string[]): number {
    const signature = keys.join(',');
    let id = this.shapeIds.get(signature);
    if (id === undefined) {
      for (const key of keys) if (!SAFE_KEY.test(key)) throw new Error(`cannot keep key ${key}`);
      id = this.shapeIds.size;
      this.shapeIds.set(signature, id);
      this.pendingShapes.push(keys);
    }
    return id;
  }
}

type Build = (encoded: Encoded[], decode: (value: Encoded) => unknown) => object;

export class SnapshotDecoder {
  private readonly builds: Build[] = [];
  private readonly kept: unknown[] = [];

  /** Learns the shapes a line introduces; throws on a key no encoder writes. */
  addShapes(shapes: unknown): void {
    if (!Array.isArray(shapes)) throw new Error('shapes are not a list');
    for (const keys of shapes as unknown[]) {
      if (
        !Array.isArray(keys) ||
        !keys.every((k): k is string => typeof k === 'string' && SAFE_KEY.test(k)) ||
        keys.includes('__proto__')
      )
        throw new Error('a shape is damaged');
      this.builds.push(buildOf(keys));
    }
  }

  readonly decode = (value: Encoded): unknown => {
    if (typeof value === 'number') {
      if (!(value >= 0 && value < this.kept.length)) throw new Error('a reference is damaged');
      return this.kept[value];
    }
    if (typeof value !== 'object') return value;
    if (value === null) return undefined;
    const tag = value[0];
    if (typeof tag !== 'number') throw new Error('a value is damaged');
    if (tag >= 0) {
      const build = this.builds[tag];
      if (build === undefined) throw new Error('a value has an unknown shape');
      return build(value, this.decode);
    }
    if (tag === ARRAY) {
      const list = new Array<unknown>(value.length - 1);
      for (let i = 1; i < value.length; i++) list[i - 1] = this.decode(value[i] as Encoded);
      return list;
    }
    if (tag === MAP) {
      const map = new Map<unknown, unknown>();
      for (let i = 1; i < value.length; i += 2)
        map.set(this.decode(value[i] as Encoded), this.decode(value[i + 1] as Encoded));
      return map;
    }
    if (tag === NUMBER) return value[1];
    if (tag === KEEP) {
      const made = this.decode(value[1] as Encoded);
      this.kept.push(made);
      return made;
    }
    throw new Error('a value is damaged');
  };
}

/**
 * The builder of one shape: an object literal with its keys in order, so every object of the
 * shape gets the same hidden class at once (assigning keys one by one, the generic way, takes
 * several times as long over the million objects of a large graph). The keys were checked to be
 * plain names, and are written as JSON string literals.
 */
function buildOf(keys: readonly string[]): Build {
  const fields = keys.map((k, i) => `${JSON.stringify(k)}: d(v[${i + 1}])`).join(', ');
  return new Function('v', 'd', `return { ${fields} };`) as Build;
}
