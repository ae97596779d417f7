/**
 * The formats `import` reads, by name, each turning a file's text into a seed draft or every
 * problem found in it, placed in the file.
 */
import { readFile } from 'node:fs/promises';
import { SeedError, type SeedIssue } from '../seed-error';
import { readCsv } from './csv';
import { readJsonTable } from './json-table';
import type { Imported } from './seed-draft';
import { importPopolo } from './popolo';
import { importTable, parseColumnMap } from './table';
import { importW3cOrg } from './w3c-org';

export interface ImportOptions {
  /** The dataset's first language (default en). */
  readonly lang?: string | undefined;
  /** `--columns`: `name=Department,parent=Reports to` (tables only). */
  readonly columns?: string | undefined;
  /** The dataset's key (default: made from the organisation's name). */
  readonly key?: string | undefined;
  /** The date the dataset describes (default: today). */
  readonly asOf?: string | undefined;
}

type Reader = (
  file: string,
  text: string,
  options: ImportOptions,
) => Imported | { issues: SeedIssue[] };

const today = () => new Date().toISOString().slice(0, 10);

/** Parses JSON, or says where it is broken. */
export function parseJson(
  file: string,
  text: string,
): { value: unknown } | { issues: SeedIssue[] } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return {
      issues: [
        { file, line: 0, column: 0, field: '', message: `not JSON: ${(error as Error).message}` },
      ],
    };
  }
}

function tableReader(read: (file: string, text: string) => ReturnType<typeof readCsv>): Reader {
  return (file, text, options) => {
    let columns: Map<string, string> | undefined;
    if (options.columns !== undefined) {
      const mapped = parseColumnMap(options.columns);
      if ('problems' in mapped)
        return {
          issues: mapped.problems.map((message) => ({
            file: '--columns',
            line: 0,
            column: 0,
            field: '',
            message,
          })),
        };
      columns = mapped.columns;
    }
    const table = read(file, text);
    if ('issues' in table) return table;
    return importTable(table, {
      lang: options.lang,
      columns,
      key: options.key,
      asOf: options.asOf ?? today(),
    });
  };
}

function jsonReader(
  read: (
    file: string,
    value: unknown,
    options: { lang?: string | undefined; asOf: string; key?: string | undefined },
  ) => Imported | { issues: SeedIssue[] },
): Reader {
  return (file, text, options) => {
    const parsed = parseJson(file, text);
    if ('issues' in parsed) return parsed;
    return read(file, parsed.value, {
      lang: options.lang,
      key: options.key,
      asOf: options.asOf ?? today(),
    });
  };
}

export const IMPORT_FORMATS = {
  csv: {
    description: 'a spreadsheet: id,name,parent,kind,head,responsibilities,aliases,description',
    read: tableReader(readCsv),
  },
  json: {
    description: 'a JSON list (or object by id) of units with the CSV columns as keys',
    read: tableReader((file, text) => {
      const parsed = parseJson(file, text);
      return 'issues' in parsed ? parsed : readJsonTable(file, parsed.value);
    }),
  },
  popolo: {
    description: 'Popolo JSON, as /export/popolo.json writes it',
    read: jsonReader(importPopolo),
  },
  'w3c-org': {
    description: 'W3C ORG in JSON-LD, as /export/org.jsonld writes it',
    read: jsonReader(importW3cOrg),
  },
} satisfies Record<string, { description: string; read: Reader }>;

export type ImportFormat = keyof typeof IMPORT_FORMATS;

export const isImportFormat = (name: string): name is ImportFormat =>
  Object.hasOwn(IMPORT_FORMATS, name);

/** Reads `file` in `format` as a seed draft; throws SeedError with every problem found. */
export async function importFile(
  format: ImportFormat,
  file: string,
  options: ImportOptions = {},
): Promise<Imported> {
  const text = await readFile(file, 'utf8');
  const result = IMPORT_FORMATS[format].read(file, text, options);
  if ('issues' in result) throw new SeedError(result.issues);
  return result;
}
