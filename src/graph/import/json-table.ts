/**
 * The table of units as JSON, for a script rather than a spreadsheet: a list of objects with the
 * CSV's columns as keys (`[{ "id": "finance", "name": "Finance", "parent": "acme" }, …]`), or an
 * object of such objects keyed by id (`{ "finance": { "name": "Finance", … } }`). Lists may be
 * JSON arrays or `;`-separated text. Problems are placed by JSON pointer (`/3/parent`).
 */
import type { SeedIssue } from '../seed-error';
import type { Place } from './seed-draft';
import type { Table, TableRow, TableValue } from './table';

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
  // Headers in the order the objects first name them, each with its index in a row's values.
  const headers = new Map<string, { index: number; place: Place }>();
  const headerOf = (name: string, place: Place) => {
    let header = headers.get(name);
    if (!header) headers.set(name, (header = { index: headers.size, place }));
    return header.index;
  };
  if (entries.some(([, , id]) => id !== undefined)) headerOf('id', at(''));
  const rows: TableRow[] = [];
  for (const [index, row, id] of entries) {
    const here = pointer(index);
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      issues.push({ ...at(here), message: 'expected an object with the columns of a unit' });
      continue;
    }
    const values: (TableValue | undefined)[] = [];
    // The id of an object keyed by id is placed at the object; any other cell at its key.
    const places: (Place | undefined)[] = [];
    if (id !== undefined) {
      values[0] = id;
      places[0] = at(here);
    }
    for (const [name, cell] of Object.entries(row)) {
      const place = at(pointer(index, name));
      const column = headerOf(name, place);
      if (cell === null || cell === undefined) continue;
      places[column] = place;
      if (typeof cell === 'string' || typeof cell === 'number') values[column] = String(cell);
      else if (Array.isArray(cell) && cell.every((c) => typeof c === 'string'))
        values[column] = cell as string[];
      else issues.push({ ...place, message: 'expected text, a number or a list of texts' });
    }
    rows.push({ place: at(here), label: here, values, placeOf: (i) => places[i] ?? at(here) });
  }
  if (issues.length > 0) return { issues };
  return { file, headers: [...headers].map(([name, { place }]) => ({ name, place })), rows };
}
