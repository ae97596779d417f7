/**
 * Answers kept as bytes, so the same request is answered again without parsing or executing
 * anything: the only response cache. Between reloads the data is read-only, so a successful
 * answer is fully determined by the request (see front.ts for the key). Bounded by the bytes it
 * holds (`RESPONSE_CACHE_BYTES`), least recently used out first; entries of an older dataset
 * version are dropped as soon as a newer one is served.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

export interface CachedAnswer {
  readonly status: number;
  /** Raw header names and values, alternating; without Content-Length for a 304. */
  readonly headers: readonly string[];
  readonly headersNotModified: readonly string[];
  readonly body: Buffer;
  readonly etag: string;
  readonly operation: string | undefined;
}

/** Longest request (head and body) used as its own cache key; longer ones are hashed. */
const MAX_PLAIN_KEY = 4096;
/** What an entry holds besides its body and key: headers, the entry, the LRU's bookkeeping. */
const ENTRY_OVERHEAD = 512;

export class ResponseCache {
  private readonly answers: LRUCache<string, CachedAnswer>;
  private version: string | undefined;

  constructor(maxBytes: number) {
    this.answers = new LRUCache({
      maxSize: maxBytes,
      sizeCalculation: (answer, key) =>
        answer.body.length + 2 * key.length + ENTRY_OVERHEAD + 16 * answer.headers.length,
    });
  }

  /** The key of a request: everything that shapes its answer. */
  keyOf(version: string, head: readonly string[], body: Buffer): string {
    if (version !== this.version) {
      this.version = version;
      this.answers.clear();
    }
    const text = `${version}\n${head.join('\n')}`;
    // Small requests are their own key (hashing cost more than the lookup); large ones are hashed.
    if (text.length + body.length <= MAX_PLAIN_KEY) return `${text}\n${body.toString('latin1')}`;
    return createHash('sha256').update(text).update('\n').update(body).digest('base64');
  }

  get(key: string): CachedAnswer | undefined {
    return this.answers.get(key);
  }

  set(key: string, answer: CachedAnswer): void {
    this.answers.set(key, answer);
  }

  /** Bytes held, by the entries' estimated sizes. */
  get bytes(): number {
    return this.answers.calculatedSize;
  }
}
