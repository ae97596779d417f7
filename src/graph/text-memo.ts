/**
 * A memo keyed by short texts (a written word, a header value), for work that depends on the text
 * alone, not on a graph: folding, stemming, negotiating. It is bounded in bytes, by an estimate of
 * each entry (its key, its value and the map's bookkeeping), not by a count of entries, because
 * its keys come from what clients send; a key longer than `maxKeyLength` is not kept at all (real
 * words and headers are short, and a long one costs more to keep than to work out again). When the
 * next entry would pass the budget the memo starts afresh: a dataset's vocabulary fits many times
 * over, so only a flood of new words empties it, and a plain Map keeps the lookups as fast as they
 * were.
 */

/** Longest written word worth keeping in a word memo: longer ones are worked out each time. */
export const MAX_MEMO_WORD = 64;

/** What a Map entry costs besides its key and value, about. */
const ENTRY_OVERHEAD = 48;

export interface TextMemoOptions<V> {
  /** The most bytes the entries may hold, by their estimated sizes. */
  readonly maxBytes: number;
  /** About how many bytes a value holds (its key is counted already). */
  readonly sizeOf: (value: V) => number;
  /** Longest key kept. */
  readonly maxKeyLength: number;
}

export class TextMemo<V> {
  private readonly entries = new Map<string, V>();
  private held = 0;

  constructor(private readonly options: TextMemoOptions<V>) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Keeps the value unless its key is too long; empties the memo first when it is full. */
  set(key: string, value: V): void {
    if (key.length > this.options.maxKeyLength || this.entries.has(key)) return;
    const size = ENTRY_OVERHEAD + 2 * key.length + this.options.sizeOf(value);
    if (this.held + size > this.options.maxBytes) {
      this.entries.clear();
      this.held = 0;
    }
    this.entries.set(key, value);
    this.held += size;
  }

  /** Bytes held, by the estimates. */
  get bytes(): number {
    return this.held;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** About how many bytes an array of short strings holds. */
export function wordsBytes(words: readonly string[]): number {
  let bytes = 16 + 8 * words.length;
  for (const word of words) bytes += 16 + 2 * word.length;
  return bytes;
}
