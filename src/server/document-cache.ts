/**
 * yoga's parse cache, bounded in bytes: parsed documents and parse errors by query text. yoga's
 * own keeps 1,024 of each whatever their size, and a document near the body and token limits
 * holds a few hundred kilobytes (its text, and an object per token and per node), so a count
 * alone would let a client pin hundreds of megabytes. What hangs off a document (its validation,
 * its compiled form, its cost memo's key) is dropped with it.
 */
import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/** Bytes of parsed documents kept. */
const DOCUMENT_CACHE_BYTES = 32 * 2 ** 20;
/** Bytes of parse errors kept (each holds its query text). */
const ERROR_CACHE_BYTES = 4 * 2 ** 20;
/** What a parsed document holds per token, about: the token, its share of the nodes. */
const BYTES_PER_TOKEN = 600;
/** What an error holds besides the query text: its message, locations and stack. */
const ERROR_BYTES = 2048;

/** Tokens of a document parsed with locations; undefined without them. */
function tokensOf(document: DocumentNode): number | undefined {
  const start = document.loc?.startToken;
  if (!start) return undefined;
  let count = 0;
  for (let token: typeof start | null = start; token; token = token.next) count++;
  return count;
}

/** About how many bytes a parsed document holds, with its text. */
export function documentBytes(document: DocumentNode, text: string): number {
  // Without locations, as many tokens as half its characters: a generous guess.
  const tokens = tokensOf(document) ?? Math.ceil(text.length / 2);
  return 2 * text.length + BYTES_PER_TOKEN * tokens;
}

export function parseCaches() {
  return {
    documentCache: new LRUCache<string, DocumentNode>({
      maxSize: DOCUMENT_CACHE_BYTES,
      sizeCalculation: (document, text) => documentBytes(document, text),
    }),
    errorCache: new LRUCache<string, object>({
      maxSize: ERROR_CACHE_BYTES,
      sizeCalculation: (_, text) => 2 * text.length + ERROR_BYTES,
    }),
  };
}
