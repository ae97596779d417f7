/**
 * The table of units as JSON, for a script rather than a spreadsheet: a list of objects with the
 * CSV's columns as keys (`[{ "id": "finance", "name": "Finance", "parent": "acme" }, …]`), or an
 * object of such objects keyed by id (`{ "finance": { "name": "Finance", … } }`). Lists may be
 * JSON arrays or `;`-separated text. Problems are placed by JSON pointer (`/3/parent`).
 */
import type { SeedIssue } from '../seed-error';
import type { Place } from './seed-draft';
import type { Table, TableCell, TableRow } from './table';

const pointer = (...parts: (string | number)[]) =>
  parts.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

export function readJsonTable(file: string, value: unknown): Table | { issues: SeedIssue[] } {
  const issues: SeedIssue[] = [];
  const at = (field: string): Place => ({ file, line: 0, column: 0, field: field || '/' });
  const entries: [string | number, unknown, string | undefined][] = Array.isArray(value)
    ? value.map((row, i) => [i, row, undefined])
    : typeof value === 'object' && value !== null
      ? Object.entries(value).map(([id, row]) => [id, row, id])
      : [];
  if (entries.length === 0 && !Array.isArray(value) && !(typeof value === 'object' && value))
    return {
      issues: [{ ...at(''), message: 'expected a list of units, or an object of units by id' }],
    };
  const headers = new Map<string, Place>();
  if (entries.some(([, , id]) => id !== undefined)) headers.set('id', at(''));
  const rows: TableRow[] = [];
  for (const [index, row, id] of entries) {
    const here = pointer(index);
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      issues.push({ ...at(here), message: 'expected an object with the columns of a unit' });
      continue;
    }
    const cells = new Map<string, TableCell>();
    if (id !== undefined) cells.set('id', { value: id, place: at(here) });
    for (const [name, cell] of Object.entries(row)) {
      const place = at(pointer(index, name));
      if (!headers.has(name)) headers.set(name, place);
      if (cell === null || cell === undefined) continue;
      if (typeof cell === 'string' || typeof cell === 'number')
        cells.set(name, { value: String(cell), place });
      else if (Array.isArray(cell) && cell.every((c) => typeof c === 'string'))
        cells.set(name, { value: cell as string[], place });
      else issues.push({ ...place, message: 'expected text, a number or a list of texts' });
    }
    rows.push({ place: at(here), label: here, cells });
  }
  if (issues.length > 0) return { issues };
  return { file, headers: [...headers].map(([name, place]) => ({ name, place })), rows };
}
