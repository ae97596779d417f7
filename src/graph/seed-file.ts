/**
 * One seed file parsed from YAML and checked against its zod schema. Any problem, then or later
 * (an unknown reference, a cycle), is reported at its line and column.
 *
 * Two parsers, for speed: js-yaml reads a file about ten times faster than the `yaml` library
 * builds its positional tree (2.5 s against 50 s for 100,000 units), so every file is read with
 * js-yaml and positions are worked out from its event stream only when a problem must be placed.
 * A file js-yaml refuses (a syntax error, an empty file, too many aliases) goes to the `yaml`
 * library, which reports every syntax error it finds and decides the borderline cases as before.
 */
import { CORE_SCHEMA, defineScalarTag, load, type Schema } from 'js-yaml';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
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
 * A js-yaml schema whose strings are each stored once per file. js-yaml's strings are slices of
 * the file's text, and V8 keeps a whole string alive while any slice of it (13 characters or more)
 * is: the graph would hold every file's full text, 140 MB for 100,000 units. So each string is
 * copied out, and a string seen before in the file (a parent's key, a topic's key, a source) is
 * the earlier copy, which saves as much again.
 */
function sharedStrings(): Schema {
  const seen = new Map<string, string>();
  return CORE_SCHEMA.withTags(
    defineScalarTag('tag:yaml.org,2002:str', {
      resolve: (source: string): string => {
        let known = seen.get(source);
        if (known === undefined) {
          known = source.length < 13 ? source : (JSON.parse(JSON.stringify(source)) as string);
          seen.set(known, known);
        }
        return known;
      },
      identify: (data: unknown) => typeof data === 'string',
    }),
  );
}

type Locate = (field: FieldPath) => [number, number];
type Parsed<S extends z.ZodType> = { file: SeedFile<z.output<S>> } | { issues: SeedIssue[] };

/**
 * Parses `text` (read from `path`) and checks it with `schema`. Returns the typed file, or the
 * located issues (syntax errors, unknown or missing fields, bad values).
 */
export function parseSeedFile<S extends z.ZodType>(
  path: string,
  root: string,
  text: string,
  schema: S,
): Parsed<S> {
  let value: unknown;
  try {
    value = load(text, { maxAliases: MAX_ALIASES, schema: sharedStrings() });
  } catch {
    return parseWithTree(path, root, text, schema);
  }
  let positions: YamlPositions | undefined;
  const locate: Locate = (field) => (positions ??= new YamlPositions(text)).locate(field);
  return check(path, root, value ?? null, schema, locate);
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

function check<S extends z.ZodType>(
  path: string,
  root: string,
  value: unknown,
  schema: S,
  locate: Locate,
): Parsed<S> {
  const at = (field: FieldPath, message: string): SeedIssue => {
    const [line, column] = locate(field);
    return { file: path, line, column, field: formatField(root, field), message };
  };
  const result = schema.safeParse(value);
  if (!result.success) {
    return {
      issues: result.error.issues.map((issue) => {
        const field = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        if (issue.code === 'unrecognized_keys') {
          const keys = issue.keys.map((k) => `"${k}"`).join(', ');
          return at([...field, issue.keys[0] ?? ''], `unknown field ${keys}`);
        }
        return at(field, describe(issue));
      }),
    };
  }
  return { file: { path, data: result.data, issue: at } };
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return `required field is missing (expected ${issue.expected})`;
  }
  if (issue.code === 'invalid_union') return `invalid value: ${issue.message}`;
  return issue.message;
}
