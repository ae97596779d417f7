/**
 * A CSV file (what a spreadsheet or an HR system exports) as a table of units: the first row names
 * the columns. Papa Parse reads it (quotes, embedded commas and line breaks); a byte-order mark is
 * dropped and cells are trimmed. A row's place is the line of the file where it starts, which is
 * the spreadsheet's row number unless a cell spans lines.
 */
import Papa from 'papaparse';
import type { SeedIssue } from '../seed-error';
import type { Place } from './seed-draft';
import type { Table, TableRow } from './table';

interface Parsed {
  readonly record: string[];
  /** The line of the file where the record starts. */
  readonly line: number;
}

/** A row, with its cells' places made only when a problem needs one (a large file has millions). */
class CsvRow implements TableRow {
  constructor(
    readonly values: readonly string[],
    private readonly file: string,
    private readonly line: number,
    private readonly headers: readonly { readonly name: string }[],
  ) {}

  get place(): Place {
    return { file: this.file, line: this.line, column: 1, field: '' };
  }

  get label(): string {
    return `row ${this.line}`;
  }

  placeOf(index: number): Place {
    const field = this.headers[index]?.name ?? '';
    return { file: this.file, line: this.line, column: index + 1, field };
  }
}

/** What a quoting problem Papa Parse reports means to whoever wrote the file. */
const QUOTE_PROBLEMS: Readonly<Record<string, string>> = {
  MissingQuotes: 'a quoted cell is never closed: expected a closing "',
  InvalidQuotes:
    'a quoted cell goes on after its closing quote: expected a comma or the end of the row after it (or "" for a quote inside the cell)',
};

/** Reads `text` (the contents of `file`) as a table, or says where it cannot be read. */
export function readCsv(file: string, text: string): Table | { issues: SeedIssue[] } {
  const csv = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // The line of an offset, counting forwards from the last one asked for (rows come in order).
  let counted = 0;
  let countedLine = 1;
  const lineAt = (offset: number) => {
    if (offset < counted) [counted, countedLine] = [0, 1];
    for (let i = csv.indexOf('\n', counted); i !== -1 && i < offset; i = csv.indexOf('\n', i + 1))
      countedLine++;
    counted = offset;
    return countedLine;
  };
  const records: Parsed[] = [];
  const issues: SeedIssue[] = [];
  let next = 0;
  // Papa Parse rather than csv-parse: several times faster on a large export, which `import`'s
  // benchmark (bench/scale/import.ts) needs; its step callback gives where each row ends.
  Papa.parse<string[]>(csv, {
    delimiter: ',',
    skipEmptyLines: true,
    step: ({ data, errors, meta }) => {
      let start = next;
      while (csv[start] === '\n' || csv[start] === '\r') start++;
      next = meta.cursor;
      // The first problem of a row: Papa Parse reports what follows from it too.
      const [error] = errors;
      if (error) {
        // The column is the cell being read, as in every other problem of a spreadsheet.
        const line = lineAt(Math.min(error.index ?? start, csv.length));
        const message = QUOTE_PROBLEMS[error.code] ?? error.message;
        issues.push({
          file,
          line,
          column: Math.max(1, data.length),
          field: '',
          message: `not CSV: ${message}`,
        });
      }
      records.push({ record: data.map((cell) => cell.trim()), line: lineAt(start) });
    },
  });
  if (issues.length > 0) return { issues };
  const [header, ...body] = records;
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
    if (record.length > headers.length && record.slice(headers.length).some((cell) => cell !== ''))
      issues.push({
        ...at(row, headers.length + 1, ''),
        message: `${record.length} cells for ${headers.length} columns: expected no cell beyond the last column`,
      });
    // A short row's missing cells are empty ones, placed in their columns.
    while (record.length < headers.length) record.push('');
    return new CsvRow(record, file, row, headers);
  });
  if (issues.length > 0) return { issues };
  return { file, headers, rows };
}
