/**
 * One seed file parsed from YAML and checked against its zod schema. Any problem, then or later
 * (an unknown reference, a cycle), is reported at its line and column.
 *
 * Three readers, for speed. Plain block YAML (what large generated files are) is read by
 * plain-yaml.ts straight from the bytes; a file it declines is read with js-yaml, which is many
 * times faster than the `yaml` library building its positional tree, so positions are worked out
 * from js-yaml's event stream only when a problem must be placed. A file js-yaml refuses (a syntax
 * error, an empty file, too many aliases) goes to the `yaml` library, which reports every syntax
 * error it finds and decides the borderline cases as before.
 */
import { CORE_SCHEMA, defineScalarTag, load, type Schema, type YAMLException } from 'js-yaml';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { readPlainYaml, SharedTexts } from './plain-yaml';
import type { SeedIssue } from './seed-error';
import { YamlPositions, type FieldPath } from './yaml-positions';

export type { FieldPath } from './yaml-positions';

export interface SeedFile<T> {
  readonly path: string;
  readonly data: T;
  /** Places an issue at the field's line (or the nearest enclosing node that exists). */
  issue(field: FieldPath, message: string): SeedIssue;
}

/** `units[3].parent` — a field path as a person reads it, prefixed with the file's list name. */
export function formatField(root: string, field: FieldPath): string {
  let out = root;
  for (const part of field) out += typeof part === 'number' ? `[${part}]` : `.${part}`;
  return out;
}

/** At most this many aliases: each is expanded when checked, so more could blow up the work. */
const MAX_ALIASES = 100;

/**
 * A js-yaml schema whose strings hold no part of the file's text. js-yaml's strings are slices of
 * it, and V8 keeps a whole string alive while any slice of it (13 characters or more) is: the
 * graph would hold every file's full text, 140 MB for 100,000 units. So each string is copied out;
 * and a word-like string (a key: no spaces) seen before in the file, such as a parent's key, a
 * topic's or a source's, is the earlier copy, which saves as much again. Texts with spaces (names,
 * descriptions) are seldom repeated and are not remembered.
 */
function sharedStrings(): Schema {
  const seen = new Map<string, string>();
  const copy = (source: string) =>
    source.length < 13 ? source : (JSON.parse(JSON.stringify(source)) as string);
  return CORE_SCHEMA.withTags(
    defineScalarTag('tag:yaml.org,2002:str', {
      resolve: (source: string): string => {
        if (source.includes(' ')) return copy(source);
        let known = seen.get(source);
        if (known === undefined) {
          known = copy(source);
          seen.set(known, known);
        }
        return known;
      },
      identify: (data: unknown) => typeof data === 'string',
    }),
  );
}

/**
 * The value of a file or piece: read by plain-yaml.ts when it is plain block YAML, else by js-yaml,
 * which throws on a syntax error. `texts` and `strings` share repeated words across pieces.
 */
function readYaml(bytes: Buffer, texts: SharedTexts, strings: Schema): unknown {
  const plain = readPlainYaml(bytes, texts);
  return plain
    ? plain.value
    : load(bytes.toString('utf8'), { maxAliases: MAX_ALIASES, schema: strings });
}

type Locate = (field: FieldPath) => [number, number];
type Parsed<S extends z.ZodType> = { file: SeedFile<z.output<S>> } | { issues: SeedIssue[] };

/** Files larger than this are read as several pieces (V8 cannot hold 700 MB as one string). */
const PIECE_BYTES = 8 * 2 ** 20;

/**
 * Parses `content` (read from `path`) and checks it with `schema`. Returns the typed file, or the
 * located issues (syntax errors, unknown or missing fields, bad values).
 */
export function parseSeedFile<S extends z.ZodType>(
  path: string,
  root: string,
  content: Buffer,
  schema: S,
  pieceBytes = PIECE_BYTES,
): Parsed<S> {
  if (content.length > pieceBytes) return parsePieces(path, root, content, schema, pieceBytes);
  let value: unknown;
  try {
    value = readYaml(content, new SharedTexts(), sharedStrings());
  } catch {
    return parseWithTree(path, root, content.toString('utf8'), schema);
  }
  let positions: YamlPositions | undefined;
  const locate: Locate = (field) =>
    (positions ??= new YamlPositions(content.toString('utf8'))).locate(field);
  return check(path, root, value ?? null, schema, locate);
}

/**
 * A file whose parsed value is known already (`import` wrote `content` from it): checked against
 * `schema` as if it had been read. Positions, needed only to place a problem, come from reading
 * `content` then.
 */
export function checkSeedValue<S extends z.ZodType>(
  path: string,
  root: string,
  content: Buffer,
  value: unknown,
  schema: S,
): Parsed<S> {
  let read: SeedFile<z.output<S>> | undefined;
  const locate: Locate = (field) => {
    if (!read) {
      const parsed = parseSeedFile(path, root, content, schema);
      if ('issues' in parsed) return [1, 1];
      read = parsed.file;
    }
    const { line, column } = read.issue(field, '');
    return [line, column];
  };
  return check(path, root, value, schema, locate);
}

interface Piece {
  readonly bytes: Buffer;
  /** Index in the whole list of the piece's first item. */
  readonly first: number;
  count: number;
  positions?: YamlPositions;
}

/**
 * A large file holding a list, read a piece at a time: it is cut before a line starting "- " at
 * the margin, which in a list at the margin can only begin the next item (the lines inside an item
 * are indented). Each piece is a list of its own; together they are the file's list. Issues are
 * placed within their piece and moved down by the lines before it. Aliases cannot reach across
 * pieces, and the first syntax error of each piece is reported (the `yaml` library, which reports
 * every one, cannot hold such a file).
 */
function parsePieces<S extends z.ZodType>(
  path: string,
  root: string,
  content: Buffer,
  schema: S,
  pieceBytes: number,
): Parsed<S> {
  const pieces: Piece[] = [];
  const linesBefore = (piece: Piece) => {
    let lines = 0;
    const end = piece.bytes.byteOffset - content.byteOffset;
    for (let i = content.indexOf(10); i >= 0 && i < end; i = content.indexOf(10, i + 1)) lines++;
    return lines;
  };
  const locate: Locate = (field) => {
    const [index, ...rest] = field;
    const piece =
      typeof index === 'number'
        ? pieces.find((p) => index >= p.first && index < p.first + p.count)
        : undefined;
    if (!piece || typeof index !== 'number') return [1, 1];
    piece.positions ??= new YamlPositions(piece.bytes.toString('utf8'));
    const [line, column] = piece.positions.locate([index - piece.first, ...rest]);
    return [line + linesBefore(piece), column];
  };
  const at = placer(path, root, locate);
  const strings = sharedStrings();
  const texts = new SharedTexts();
  // Each piece is checked as soon as it is read, so only one piece's raw YAML values are held.
  const data: unknown[] = [];
  const issues: SeedIssue[] = [];
  let count = 0;
  for (let start = 0; start < content.length;) {
    const cut = content.indexOf('\n- ', start + pieceBytes);
    const end = cut < 0 ? content.length : cut + 1;
    const piece: Piece = { bytes: content.subarray(start, end), first: count, count: 0 };
    pieces.push(piece);
    start = end;
    let value: unknown;
    try {
      value = readYaml(piece.bytes, texts, strings);
      if (!Array.isArray(value)) throw new Error('expected the file to be a list of records');
    } catch (error) {
      const mark = (error as YAMLException).mark;
      const message = (error as YAMLException).reason ?? (error as Error).message;
      issues.push({
        file: path,
        line: (mark ? mark.line + 1 : 1) + linesBefore(piece),
        column: mark ? mark.column + 1 : 1,
        field: '',
        message: `YAML syntax error: ${message}`,
      });
      continue;
    }
    piece.count = value.length;
    count += value.length;
    const result = schema.safeParse(value);
    if (!result.success) issues.push(...schemaIssues(result.error, at, piece.first));
    else for (const item of result.data as unknown[]) data.push(item);
  }
  if (issues.length > 0) return { issues };
  return { file: { path, data: data as z.output<S>, issue: at } };
}

/** The `yaml` library's full tree: every syntax error, and positions straight from the nodes. */
function parseWithTree<S extends z.ZodType>(
  path: string,
  root: string,
  text: string,
  schema: S,
): Parsed<S> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        const message = `YAML syntax error: ${e.message.split('\n')[0] ?? e.code}`;
        return { file: path, line: pos.line, column: pos.col, field: '', message };
      }),
    };
  }
  const value = doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? null;
  return check(path, root, value, schema, (field) => locateInTree(doc, lines, field));
}

function locateInTree(doc: Document, lines: LineCounter, field: FieldPath): [number, number] {
  for (let n = field.length; n >= 0; n -= 1) {
    const node = n === 0 ? doc.contents : doc.getIn(field.slice(0, n), true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      const pos = lines.linePos(node.range[0] as number);
      return [pos.line, pos.col];
    }
  }
  return [1, 1];
}

/** An issue maker placing each issue with `locate`. */
function placer(path: string, root: string, locate: Locate) {
  return (field: FieldPath, message: string): SeedIssue => {
    const [line, column] = locate(field);
    return { file: path, line, column, field: formatField(root, field), message };
  };
}

/** zod's issues as located seed issues; `offset` is added to the list index that starts a path. */
function schemaIssues(
  error: z.ZodError,
  at: (field: FieldPath, message: string) => SeedIssue,
  offset = 0,
): SeedIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (offset !== 0 && typeof field[0] === 'number') field[0] += offset;
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return at([...field, issue.keys[0] ?? ''], `unknown field ${keys}`);
    }
    return at(field, describe(issue));
  });
}

function check<S extends z.ZodType>(
  path: string,
  root: string,
  value: unknown,
  schema: S,
  locate: Locate,
): Parsed<S> {
  const at = placer(path, root, locate);
  const result = schema.safeParse(value);
  if (!result.success) return { issues: schemaIssues(result.error, at) };
  return { file: { path, data: result.data, issue: at } };
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return `required field is missing (expected ${issue.expected})`;
  }
  if (issue.code === 'invalid_union') return `invalid value: ${issue.message}`;
  return issue.message;
}
