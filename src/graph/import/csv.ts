/**
 * A CSV file (what a spreadsheet or an HR system exports) as a table of units: the first row names
 * the columns. csv-parse reads it (quotes, embedded commas and line breaks, a byte-order mark); a
 * row's place is the line of the file where it starts, which is the spreadsheet's row number
 * unless a cell spans lines.
 */
import { parse, CsvError } from 'csv-parse/sync';
import type { SeedIssue } from '../seed-error';
import type { Place } from './seed-draft';
import type { Table, TableCell, TableRow } from './table';

interface Parsed {
  readonly record: string[];
  readonly raw: string;
}

const newlines = (text: string) => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/** Reads `text` (the contents of `file`) as a table, or says where it cannot be read. */
export function readCsv(file: string, text: string): Table | { issues: SeedIssue[] } {
  let records: Parsed[];
  try {
    records = parse(text, {
      bom: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as Parsed[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 0;
    return {
      issues: [
        { file, line, column: line > 0 ? 1 : 0, field: '', message: `not CSV: ${error.message}` },
      ],
    };
  }
  const issues: SeedIssue[] = [];
  let line = 1;
  const placed = records.map(({ record, raw }) => {
    const leading = /^(?:\r?\n)*/.exec(raw)?.[0] ?? '';
    const start = line + newlines(leading);
    line += newlines(raw);
    return { record, line: start };
  });
  const [header, ...body] = placed;
  if (!header)
    return {
      issues: [
        {
          file,
          line: 0,
          column: 0,
          field: '',
          message: 'empty file: expected a header row and one row per unit',
        },
      ],
    };
  const at = (row: number, column: number, field: string): Place => ({
    file,
    line: row,
    column,
    field,
  });
  const headers = header.record.map((name, i) => ({ name, place: at(header.line, i + 1, name) }));
  const rows: TableRow[] = body.map(({ record, line: row }) => {
    if (record.length > headers.length && record.slice(headers.length).some((c) => c !== ''))
      issues.push({
        ...at(row, headers.length + 1, ''),
        message: `${record.length} cells for ${headers.length} columns: expected no cell beyond the last column`,
      });
    const cells = new Map<string, TableCell>();
    headers.forEach(({ name }, i) => {
      const value = record[i] ?? '';
      cells.set(name, { value, place: at(row, i + 1, name) });
    });
    return { place: at(row, 1, ''), label: `row ${row}`, cells };
  });
  if (issues.length > 0) return { issues };
  return { file, headers, rows };
}
