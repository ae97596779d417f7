/**
 * Where a field is written in a YAML text, found from js-yaml's flat event stream (offsets into the
 * text, no tree). Built only when a problem must be placed: a dataset that loads cleanly never pays
 * for it, and placing a problem in a 70 MB file takes about a second instead of the minute a full
 * positional tree (the `yaml` library's Document) needs.
 */
import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event } from 'js-yaml';

export type FieldPath = readonly (string | number)[];

export class YamlPositions {
  private readonly events: Event[];
  private readonly lineStarts: number[];

  /** Throws js-yaml's exception when the text is not YAML (callers parse it first). */
  constructor(private readonly text: string) {
    this.events = parseEvents(text, {});
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }

  /**
   * 1-based line and column of the field, or of the nearest enclosing node that exists (a missing
   * field is placed at the record that lacks it).
   */
  locate(field: FieldPath): [number, number] {
    let node = this.events[0]?.type === EVENT_ID.DOCUMENT ? 1 : 0;
    let key: number | undefined;
    for (const part of field) {
      const found = this.child(node, part);
      if (!found) break;
      [node, key] = found;
    }
    return this.position(this.offsetOf(node, key));
  }

  /** The event index of a node's child (and of its key, in a mapping). */
  private child(node: number, part: string | number): [number, number | undefined] | undefined {
    const event = this.events[node];
    if (event?.type === EVENT_ID.SEQUENCE && typeof part === 'number') {
      let at = node + 1;
      for (let i = 0; i < part && this.events[at]?.type !== EVENT_ID.POP; i++) at = this.skip(at);
      return this.events[at]?.type === EVENT_ID.POP ? undefined : [at, undefined];
    }
    if (event?.type === EVENT_ID.MAPPING) {
      for (let at = node + 1; at < this.events.length && this.events[at]?.type !== EVENT_ID.POP;) {
        const k = this.events[at];
        const value = this.skip(at);
        if (k?.type === EVENT_ID.SCALAR && getScalarValue(this.text, k) === String(part)) {
          return [value, at];
        }
        at = this.skip(value);
      }
    }
    return undefined;
  }

  /** The index just past the node starting at `at`. */
  private skip(at: number): number {
    const type = this.events[at]?.type;
    if (type !== EVENT_ID.SEQUENCE && type !== EVENT_ID.MAPPING) return at + 1;
    let depth = 0;
    do {
      const t = this.events[at]?.type;
      if (t === EVENT_ID.SEQUENCE || t === EVENT_ID.MAPPING) depth += 1;
      else if (t === EVENT_ID.POP) depth -= 1;
      at += 1;
    } while (depth > 0 && at < this.events.length);
    return at;
  }

  /**
   * Where a node starts: a collection at its first entry or bracket, a quoted scalar at its quote.
   * A block scalar (`|`, `>`) is placed at its key, on the line a person reads as the field.
   */
  private offsetOf(node: number, key: number | undefined): number {
    const event = this.events[node];
    if (!event) return 0;
    if (event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING) return event.start;
    if (event.type !== EVENT_ID.SCALAR || event.valueStart < 0) {
      return key === undefined ? 0 : this.offsetOf(key, undefined);
    }
    if (event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK) {
      return key === undefined ? event.valueStart : this.offsetOf(key, undefined);
    }
    const quoted =
      event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
    return quoted ? event.valueStart - 1 : event.valueStart;
  }

  private position(offset: number): [number, number] {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo + 1, offset - (this.lineStarts[lo] ?? 0) + 1];
  }
}
