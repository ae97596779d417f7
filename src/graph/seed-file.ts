/**
 * One seed file parsed from YAML and checked against its zod schema, keeping the YAML tree so that
 * any later problem (an unknown reference, a cycle) can still be reported at its line and column.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { SeedIssue } from './seed-error';

export type FieldPath = readonly (string | number)[];

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

function locate(doc: Document, lines: LineCounter, field: FieldPath): [number, number] {
  for (let n = field.length; n >= 0; n -= 1) {
    const node = n === 0 ? doc.contents : doc.getIn(field.slice(0, n), true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      const pos = lines.linePos(node.range[0] as number);
      return [pos.line, pos.col];
    }
  }
  return [1, 1];
}

/**
 * Parses `text` (read from `path`) and checks it with `schema`. Returns the typed file, or the
 * located issues (syntax errors, unknown or missing fields, bad values).
 */
export function parseSeedFile<S extends z.ZodType>(
  path: string,
  root: string,
  text: string,
  schema: S,
): { file: SeedFile<z.output<S>> } | { issues: SeedIssue[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (field: FieldPath, message: string): SeedIssue => {
    const [line, column] = locate(doc, lines, field);
    return { file: path, line, column, field: formatField(root, field), message };
  };

  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        const message = `YAML syntax error: ${e.message.split('\n')[0] ?? e.code}`;
        return { file: path, line: pos.line, column: pos.col, field: '', message };
      }),
    };
  }

  const result = schema.safeParse(doc.toJS({ maxAliasCount: 100 }) ?? null);
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
