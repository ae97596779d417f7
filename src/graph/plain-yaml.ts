/**
 * A fast reader for the plain block YAML that large seed files are made of (what `seed:generate`
 * and js-yaml's `dump` write): block mappings and sequences of plain or simply quoted one-line
 * scalars. It gives exactly the value js-yaml gives, or declines, and the caller then reads the
 * file with js-yaml, which also reports any error: this reader never reports one.
 *
 * A measured departure from the library: js-yaml builds an event for every node of the whole text
 * before it makes a value, and most of the time of a start from YAML went there (bench:scale, from
 * YAML). This reader makes the values straight from the bytes and decodes each scalar on its own,
 * so no string is a slice of a file's whole text (which V8 would keep alive for the slice).
 * Plain scalars are resolved by js-yaml's own core-schema resolvers, so `1`, `true`, `~` or `.5`
 * mean what they mean to js-yaml. `tests/graph/plain-yaml.test.ts` compares the two readers.
 *
 * It declines anything beyond that subset: flow collections other than `[]` and `{}`, block
 * scalars, multi-line scalars, escapes in double quotes, anchors, aliases, tags, directives,
 * document markers, tabs, quoted or unusual keys, duplicate keys, control characters and the
 * characters YAML treats specially (NEL, line and paragraph separators, BOM).
 */
import { CORE_SCHEMA, NOT_RESOLVED, type ScalarTagDefinition } from 'js-yaml';

/** What the reader made of a file: the value, or undefined when it declined. */
export type PlainYaml = { readonly value: unknown } | undefined;

/** Thrown inside the reader when the text leaves the subset; never escapes it. */
class Decline {}
const DECLINE = new Decline();

/** Deeper than this, js-yaml refuses the file (its `maxDepth`): declined, so it says so. */
const MAX_DEPTH = 90;

const NL = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Bytes that may not begin a plain scalar here (YAML's indicators; `-` is checked apart). */
const INDICATOR = new Uint8Array(128);
for (const c of '?:,[]{}#&*!|>\'"%@`') INDICATOR[c.charCodeAt(0)] = 1;

/** Bytes of a key the reader takes: letters, digits, `_` and `-` (a key must start with a letter or `_`). */
const KEY_BYTE = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-')
  KEY_BYTE[c.charCodeAt(0)] = 1;

const IMPLICIT_TAGS = CORE_SCHEMA.tags.filter(
  (tag): tag is ScalarTagDefinition => tag.nodeKind === 'scalar' && tag.implicit,
);
const STRING_TAG = CORE_SCHEMA.tags.find(
  (tag): tag is ScalarTagDefinition =>
    tag.nodeKind === 'scalar' && tag.tagName === 'tag:yaml.org,2002:str',
);

/** The implicit resolvers that may match a plain scalar with this first character, in schema order. */
function candidatesFor(first: string): readonly ScalarTagDefinition[] {
  return IMPLICIT_TAGS.filter(
    (tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.includes(first),
  );
}

/** candidatesFor, worked out once for each ASCII first character (others are worked out when met). */
const ASCII_CANDIDATES = Array.from({ length: 128 }, (_, c) =>
  candidatesFor(String.fromCharCode(c)),
);

/** A plain scalar's value as js-yaml's core schema gives it (as its resolveImplicitScalarTag does). */
function resolvePlain(source: string): unknown {
  const first = source.charCodeAt(0);
  const candidates =
    first < 128
      ? (ASCII_CANDIDATES[first] as readonly ScalarTagDefinition[])
      : candidatesFor(source.charAt(0));
  for (const tag of candidates) {
    const value = tag.resolve(source, false, tag.tagName);
    if (value !== NOT_RESOLVED) return value;
  }
  return STRING_TAG ? STRING_TAG.resolve(source, false, STRING_TAG.tagName) : source;
}

/** A word-like scalar (no spaces) met before: its text and its value. */
interface SharedText {
  readonly text: string;
  /** Its bytes, kept only when it is not all ASCII (an ASCII text is compared character by character). */
  readonly wideBytes: Uint8Array | undefined;
  /** What it means as a plain scalar (a string, or a number, boolean or null). */
  readonly value: unknown;
  next: SharedText | undefined;
}

/**
 * The word-like scalars (keys of other records, topics, sources, kinds, field names) met in one
 * file, across its pieces, by a hash of their bytes: each is decoded and resolved once, and the
 * graph holds one string for it however often the file names it.
 */
export class SharedTexts {
  private readonly byHash = new Map<number, SharedText>();

  find(hash: number, b: Buffer, from: number, to: number, quoted: boolean): SharedText {
    const key = quoted ? ~hash : hash;
    const first = this.byHash.get(key);
    for (let e = first; e !== undefined; e = e.next) if (isSame(e, b, from, to)) return e;
    let wide = false;
    for (let k = from; k < to; k++) if ((b[k] as number) >= 0x80) wide = true;
    const text = decode(b, from, to, wide);
    const made: SharedText = {
      text,
      wideBytes: wide ? b.slice(from, to) : undefined,
      value: quoted ? text : resolvePlain(text),
      next: first,
    };
    this.byHash.set(key, made);
    return made;
  }
}

function isSame(known: SharedText, b: Uint8Array, from: number, to: number): boolean {
  const bytes = known.wideBytes;
  if (bytes === undefined) {
    const text = known.text;
    if (text.length !== to - from) return false;
    for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) !== b[from + k]) return false;
    return true;
  }
  if (bytes.length !== to - from) return false;
  for (let k = 0; k < bytes.length; k++) if (bytes[k] !== b[from + k]) return false;
  return true;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;

/**
 * Node's own slicing decoders, which `toString(encoding, from, to)` ends in: called directly, they
 * save the encoding lookup per scalar, a tenth of the reading (profile of bench:scale from YAML).
 */
interface SliceDecoders {
  latin1Slice(from: number, to: number): string;
  utf8Slice(from: number, to: number): string;
}
const HAS_SLICE_DECODERS =
  typeof (Buffer.prototype as Partial<SliceDecoders>).latin1Slice === 'function' &&
  typeof (Buffer.prototype as Partial<SliceDecoders>).utf8Slice === 'function';

/** The text of bytes [from, to): flat, and one byte a character unless `wide` (not all ASCII). */
function decode(b: Buffer, from: number, to: number, wide: boolean): string {
  if (HAS_SLICE_DECODERS) {
    const slicer = b as unknown as SliceDecoders;
    return wide ? slicer.utf8Slice(from, to) : slicer.latin1Slice(from, to);
  }
  return b.toString(wide ? 'utf8' : 'latin1', from, to);
}

/**
 * Reads `bytes` (UTF-8) if they are plain block YAML. `shared` holds the word-like scalars already
 * met in the file (its other pieces).
 */
export function readPlainYaml(bytes: Buffer, shared = new SharedTexts()): PlainYaml {
  if (IMPLICIT_TAGS.length === 0 || STRING_TAG === undefined) return undefined;
  try {
    return { value: new PlainReader(bytes, shared).document() };
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

class PlainReader {
  /** The start of the line being read. */
  private pos = 0;
  /** The hash of the key keyEnd last found. */
  private keyHash = 0;

  constructor(
    private readonly b: Buffer,
    private readonly shared: SharedTexts,
  ) {}

  document(): unknown {
    const b = this.b;
    if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) throw DECLINE;
    const indent = this.nextLine();
    if (indent < 0) throw DECLINE; // empty: js-yaml says so
    const value = this.block(indent, 0);
    if (this.nextLine() >= 0) throw DECLINE;
    return value;
  }

  /**
   * Moves to the next line holding content and returns its indentation, or -1 at the end. Blank
   * lines and comment lines are skipped; a tab in the indentation, a document marker or a
   * directive is declined.
   */
  private nextLine(): number {
    const b = this.b;
    const n = b.length;
    while (this.pos < n) {
      let i = this.pos;
      while (i < n && b[i] === SPACE) i++;
      const c = i < n ? b[i] : NL;
      if (c === NL || c === HASH || (c === CR && b[i + 1] === NL)) {
        const end = b.indexOf(NL, i);
        this.pos = end < 0 ? n : end + 1;
        if (c === HASH) this.checkText(i, end < 0 ? n : end);
        continue;
      }
      if (c === 0x09) throw DECLINE;
      if (i === this.pos && (c === 0x25 || this.startsMarker(i))) throw DECLINE;
      return i - this.pos;
    }
    return -1;
  }

  /** `---` or `...` at the margin, followed by a space or the line's end. */
  private startsMarker(i: number): boolean {
    const b = this.b;
    const c = b[i];
    if ((c !== DASH && c !== 0x2e) || b[i + 1] !== c || b[i + 2] !== c) return false;
    return endsToken(b[i + 3]);
  }

  /** A block node whose first line (the current one) is indented by `indent`. */
  private block(indent: number, depth: number): unknown {
    if (depth > MAX_DEPTH) throw DECLINE;
    const at = this.pos + indent;
    return this.isItem(at) ? this.sequence(indent, depth) : this.mapping(indent, at, depth);
  }

  /** Whether a sequence item (`-` then a space or the line's end) starts at `at`. */
  private isItem(at: number): boolean {
    const b = this.b;
    if (b[at] !== DASH) return false;
    return endsToken(b[at + 1]);
  }

  private sequence(indent: number, depth: number): unknown[] {
    const items: unknown[] = [];
    for (;;) {
      const at = this.pos + indent;
      if (!this.isItem(at)) break;
      let i = at + 1;
      while (this.b[i] === SPACE) i++;
      if (this.atLineEnd(i)) {
        this.skipRestOfLine(i);
        items.push(this.nested(indent, false, depth));
      } else if (this.isItem(i)) {
        throw DECLINE; // a sequence in a sequence's item, on one line
      } else if (this.keyEnd(i) >= 0) {
        items.push(this.mapping(i - this.pos, i, depth + 1));
      } else {
        items.push(this.inlineScalar(i));
      }
      const next = this.nextLine();
      if (next < indent) break;
      if (next > indent) throw DECLINE; // a continuation line, or an odd indentation
    }
    return items;
  }

  /** A mapping whose keys are at column `indent`; its first key starts at `at` on the current line. */
  private mapping(indent: number, at: number, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw DECLINE;
    const out: Record<string, unknown> = {};
    let keyStart = at;
    for (;;) {
      const colon = this.keyEnd(keyStart);
      if (colon < 0) throw DECLINE;
      const known = this.shared.find(this.keyHash, this.b, keyStart, colon, false);
      const key = known.text;
      if (known.value !== key || key === '__proto__' || Object.hasOwn(out, key)) throw DECLINE;
      let i = colon + 1;
      while (this.b[i] === SPACE) i++;
      if (this.atLineEnd(i)) {
        this.skipRestOfLine(i);
        out[key] = this.nested(indent, true, depth);
      } else {
        out[key] = this.inlineScalar(i);
      }
      const next = this.nextLine();
      if (next < indent) break;
      if (next > indent) throw DECLINE;
      keyStart = this.pos + indent;
    }
    return out;
  }

  /**
   * The value under a key or item whose line ends after it: the block on the next lines, more
   * indented (or, under a key, a sequence at the key's own indent), else null.
   */
  private nested(parentIndent: number, underKey: boolean, depth: number): unknown {
    const saved = this.pos;
    const next = this.nextLine();
    if (next > parentIndent) return this.block(next, depth + 1);
    if (underKey && next === parentIndent && this.isItem(this.pos + next))
      return this.sequence(next, depth + 1);
    this.pos = saved;
    return null;
  }

  /**
   * Where the `:` of a plain key starting at `i` is (followed by a space or the line's end), or -1
   * when no such key starts there.
   */
  private keyEnd(i: number): number {
    const b = this.b;
    const first = b[i];
    if (first === undefined || !isKeyStart(first)) return -1;
    let j = i;
    let hash = FNV_OFFSET;
    for (; j < b.length; j++) {
      const c = b[j] as number;
      if (c >= 128 || KEY_BYTE[c] !== 1) break;
      hash = Math.imul(hash ^ c, FNV_PRIME);
    }
    this.keyHash = hash;
    if (b[j] !== COLON) return -1;
    if (!endsToken(b[j + 1])) return -1;
    return j;
  }

  /** Whether only spaces, a comment or the line's end follow `i` (which is not a space). */
  private atLineEnd(i: number): boolean {
    const c = this.b[i];
    return c === undefined || c === NL || c === HASH || (c === CR && this.b[i + 1] === NL);
  }

  /** Moves to the start of the next line, from `i` where only a comment or the line's end is left. */
  private skipRestOfLine(i: number): void {
    const b = this.b;
    const end = b.indexOf(NL, i);
    const stop = end < 0 ? b.length : end;
    if (b[i] === HASH) this.checkText(i, stop);
    else if (b[i] === CR && i + 1 !== stop) throw DECLINE;
    this.pos = end < 0 ? b.length : end + 1;
  }

  /** A scalar from `i` to the line's end (or a comment), then the move to the next line. */
  private inlineScalar(i: number): unknown {
    const b = this.b;
    const c = b[i] as number;
    if (c === DOUBLE_QUOTE) {
      let j = i + 1;
      while (j < b.length && b[j] !== DOUBLE_QUOTE) {
        if (b[j] === BACKSLASH || b[j] === NL) throw DECLINE;
        j++;
      }
      if (j >= b.length) throw DECLINE;
      const text = this.quotedText(i + 1, j);
      this.afterQuoted(j + 1);
      return text;
    }
    if (c === QUOTE) {
      let j = i + 1;
      let doubled = false;
      for (;;) {
        while (j < b.length && b[j] !== QUOTE) {
          if (b[j] === NL) throw DECLINE;
          j++;
        }
        if (j >= b.length) throw DECLINE;
        if (b[j + 1] !== QUOTE) break;
        doubled = true;
        j += 2;
      }
      const raw = this.quotedText(i + 1, j);
      this.afterQuoted(j + 1);
      return doubled ? raw.replaceAll("''", "'") : raw;
    }
    if (c < 128 && INDICATOR[c] === 1) {
      if ((c === 0x5b && b[i + 1] === 0x5d) || (c === 0x7b && b[i + 1] === 0x7d)) {
        this.afterQuoted(i + 2);
        return c === 0x5b ? [] : {};
      }
      throw DECLINE;
    }
    if (this.isItem(i)) throw DECLINE; // `- ` cannot start a scalar
    // A plain scalar: to the line's end or a comment, without its trailing spaces.
    let j = i;
    let end = i;
    let hash = FNV_OFFSET;
    let sawSpace = false;
    let innerSpace = false;
    let wide = false;
    for (; j < b.length; j++) {
      const d = b[j] as number;
      if (d === SPACE) {
        if (b[j + 1] === HASH) break;
        sawSpace = true;
        continue;
      }
      if (d === NL) break;
      if (d === CR) {
        if (b[j + 1] !== NL) throw DECLINE;
        break;
      }
      if (d < 0x20 || d === 0x7f) throw DECLINE;
      if (d === COLON) {
        if (endsToken(b[j + 1])) throw DECLINE;
      } else if (d >= 0x80) {
        checkWide(b, j);
        wide = true;
      }
      if (sawSpace) innerSpace = true;
      hash = Math.imul(hash ^ d, FNV_PRIME);
      end = j + 1;
    }
    this.skipRestOfLine(this.skipSpaces(end));
    if (!innerSpace) return this.shared.find(hash, b, i, end, false).value;
    const text = decode(b, i, end, wide);
    return c < 128 && ASCII_CANDIDATES[c]?.length === 0 ? text : resolvePlain(text);
  }

  /** After a closing quote (or `[]`, `{}`): only spaces, then a comment or the line's end. */
  private afterQuoted(i: number): void {
    const j = this.skipSpaces(i);
    if (this.b[j] === HASH && j === i) throw DECLINE; // a comment needs a space before it
    if (!this.atLineEnd(j)) throw DECLINE;
    this.skipRestOfLine(j);
  }

  private skipSpaces(i: number): number {
    while (this.b[i] === SPACE) i++;
    return i;
  }

  /** A quoted scalar's text, bytes [from, to): checked, and shared when word-like. */
  private quotedText(from: number, to: number): string {
    const b = this.b;
    let hash = FNV_OFFSET;
    let space = false;
    let wide = false;
    for (let k = from; k < to; k++) {
      const c = b[k] as number;
      if (c === SPACE) space = true;
      else if (c < 0x20 || c === 0x7f) throw DECLINE;
      else if (c >= 0x80) {
        checkWide(b, k);
        wide = true;
      }
      hash = Math.imul(hash ^ c, FNV_PRIME);
    }
    if (space || to === from) return decode(b, from, to, wide);
    return this.shared.find(hash, b, from, to, true).text;
  }

  /** Declines what YAML does not allow in text or treats apart; true when it is not all ASCII. */
  private checkText(from: number, to: number): boolean {
    const b = this.b;
    let wide = false;
    for (let k = from; k < to; k++) {
      const c = b[k] as number;
      if (c < 0x20 || c === 0x7f) throw DECLINE;
      if (c >= 0x80) {
        checkWide(b, k);
        wide = true;
      }
    }
    return wide;
  }
}

/**
 * Declines, at a byte of a multi-byte character, the characters YAML does not allow in text or
 * treats apart: C1 controls and NEL, the line and paragraph separators, BOM, U+FFFE and U+FFFF.
 */
function checkWide(b: Uint8Array, k: number): void {
  const c = b[k] as number;
  const c1 = b[k + 1] as number;
  const c2 = b[k + 2] as number;
  if (c === 0xc2 && c1 < 0xa0) throw DECLINE;
  if (c === 0xe2 && c1 === 0x80 && (c2 === 0xa8 || c2 === 0xa9)) throw DECLINE;
  if (c === 0xef && ((c1 === 0xbb && c2 === 0xbf) || (c1 === 0xbf && c2 >= 0xbe))) throw DECLINE;
}

/** Whether the byte after an indicator (`-`, `:`, a marker) ends it: a space, a line end, the end. */
function endsToken(c: number | undefined): boolean {
  return c === undefined || c === SPACE || c === NL || c === CR;
}

/** A letter or `_`: a key starting so is a string to js-yaml unless it is a word like `true`. */
function isKeyStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}
