/**
 * Numbers worked out from an operation before it runs (its cost, the bytes of its largest shape):
 * each a function of the schema, the document, the operation's name and the variables only (the
 * schema is the served dataset's: datasets declaring other kinds have other schemas), and each a whole
 * walk of the document, so worth remembering. One memo per job, bounded in bytes across every
 * document rather than per document: per document, many small documents each with many variable
 * sets would multiply the bound. A document is known by an id of its object (yoga's parse cache
 * hands the same object for the same text), so an entry never outlives a reused id.
 */
import type { ExecutionArgs } from 'graphql';
import { LRUCache } from 'lru-cache';

/** What an entry holds besides its key: its value (a few numbers), the LRU's bookkeeping. */
const ENTRY_OVERHEAD = 64;

let nextId = 0;
const ids = new WeakMap<object, number>();

/** An id for a document or a schema object, never reused while the object lives. */
export function idOf(node: object): number {
  let id = ids.get(node);
  if (id === undefined) ids.set(node, (id = nextId++));
  return id;
}

export function operationMemo<T extends object | number>(
  maxBytes: number,
  compute: (args: ExecutionArgs) => T,
): (args: ExecutionArgs) => T {
  const known = new LRUCache<string, T>({
    maxSize: maxBytes,
    sizeCalculation: (_, key) => 2 * key.length + ENTRY_OVERHEAD,
  });
  return (args) => {
    const key = `${idOf(args.schema)}\n${idOf(args.document)}\n${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}`;
    const remembered = known.get(key);
    if (remembered !== undefined) return remembered;
    const value = compute(args);
    known.set(key, value);
    return value;
  };
}
