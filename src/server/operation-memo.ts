/**
 * Numbers worked out from an operation before it runs (its cost, the bytes of its largest shape):
 * each a function of the document, the operation's name and the variables only, and each a whole
 * walk of the document, so worth remembering. One memo per job, bounded in bytes across every
 * document rather than per document: per document, many small documents each with many variable
 * sets would multiply the bound. A document is known by an id of its object (yoga's parse cache
 * hands the same object for the same text), so an entry never outlives a reused id; and so is the
 * schema it runs on (each dataset declaration has its own, dataset-schema.ts).
 */
import type { DocumentNode, ExecutionArgs, GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';

/** What an entry holds besides its key: the number, the entry, the LRU's bookkeeping. */
const ENTRY_OVERHEAD = 64;

let nextId = 0;
const ids = new WeakMap<DocumentNode | GraphQLSchema, number>();

function idOf(object: DocumentNode | GraphQLSchema): number {
  let id = ids.get(object);
  if (id === undefined) ids.set(object, (id = nextId++));
  return id;
}

export function operationMemo(
  maxBytes: number,
  compute: (args: ExecutionArgs) => number,
): (args: ExecutionArgs) => number {
  const known = new LRUCache<string, number>({
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
