/**
 * A table of units (a spreadsheet's rows, or a JSON list of the same columns) as a seed draft. One
 * row is one unit; the row whose `parent` is empty is the organisation. Every problem is collected
 * with its place (row and column, or JSON pointer) and what was expected, and they are reported
 * together.
 *
 * Columns: `id,name,parent,kind,head,responsibilities,aliases,description`; only `name` is
 * required. `name:fr`, `description:fr`, `head:fr`, `aliases:fr` and `responsibilities:fr` give
 * other languages, which the dataset then declares. Lists are separated by `;`.
 */
import type { SeedIssue } from '../seed-error';
import { HeadPeople, readHeadCells } from './head-cell';
import { LANGUAGE_CODE, slug, typeNameOf } from './names';
import type {
  DraftAlias,
  DraftKind,
  DraftPost,
  DraftTopic,
  DraftUnit,
  Imported,
  Origins,
  Place,
  Texts,
} from './seed-draft';

export const TABLE_FIELDS = [
  'id',
  'name',
  'parent',
  'kind',
  'head',
  'responsibilities',
  'aliases',
  'description',
] as const;
export type TableField = (typeof TABLE_FIELDS)[number];

/** Fields that may be given in other languages than the first, as `field:lang`. */
const TRANSLATABLE: ReadonlySet<TableField> = new Set([
  'name',
  'head',
  'responsibilities',
  'aliases',
  'description',
]);

/** The kind of the organisation's row when it names none, and of any other row naming none. */
export const ROOT_KIND = 'organization';
export const DEFAULT_KIND = 'unit';

/** A cell: text, or a list already split (JSON arrays). */
export type TableValue = string | readonly string[];

export interface TableRow {
  /** The row's place as a whole (its first cell, or its JSON pointer). */
  readonly place: Place;
  /** How a message names the row to a person: `row 4`, `/3`. */
  readonly label: string;
  /**
   * Cells by the index of their header in `Table.headers`: an array rather than a map by header,
   * since a large file has millions of cells; a cell the row does not give is absent.
   */
  readonly values: readonly (TableValue | undefined)[];
  /** Where the cell under header `index` is; made only when a problem needs it. */
  placeOf(index: number): Place;
}

export interface Table {
  readonly file: string;
  /** The columns as the file names them, with where each is named. */
  readonly headers: readonly { readonly name: string; readonly place: Place }[];
  readonly rows: readonly TableRow[];
}

export interface TableOptions {
  /** The dataset's first language: that of `name`, `description`… without a suffix. */
  readonly lang?: string;
  /** Header names by field (`name` → `Department`), from `--columns`. */
  readonly columns?: ReadonlyMap<string, string>;
  readonly key?: string | undefined;
  readonly asOf: string;
}

interface Column {
  readonly field: TableField;
  readonly lang: string;
  /** `field:lang`, the key of the column's cells in a row. */
  readonly id: string;
}

export class TableProblems {
  readonly issues: SeedIssue[] = [];
  add(place: Place, message: string): void {
    this.issues.push({ ...place, message });
  }
}

/** `name=Department,parent=Reports to` → field → header; problems for malformed parts. */
export function parseColumnMap(
  text: string,
): { columns: Map<string, string> } | { problems: string[] } {
  const columns = new Map<string, string>();
  const problems: string[] = [];
  for (const part of text.split(',')) {
    const m = /^\s*([^=]+?)\s*=\s*(.*?)\s*$/.exec(part);
    if (!m || !m[2]) {
      problems.push(`--columns: "${part.trim()}" is not FIELD=Header (e.g. name=Department)`);
      continue;
    }
    const [, field = '', header] = m;
    const [base = '', lang] = field.split(':');
    if (
      !(TABLE_FIELDS as readonly string[]).includes(base) ||
      (lang !== undefined && !LANGUAGE_CODE.test(lang))
    )
      problems.push(
        `--columns: unknown field "${field}": expected one of ${TABLE_FIELDS.join(', ')}, or one of them with :LANG (name:fr)`,
      );
    else if (columns.has(field)) problems.push(`--columns: "${field}" is mapped twice`);
    else columns.set(field, header);
  }
  return problems.length > 0 ? { problems } : { columns };
}

const splitList = (value: TableValue): string[] =>
  (typeof value === 'string' ? value.split(';') : value).map((s) => s.trim()).filter(Boolean);

const textOf = (value: TableValue): string =>
  (typeof value === 'string' ? value : value.join('; ')).trim();

/** The columns the table's headers name, with a problem for each header that names none. */
function readHeaders(
  table: Table,
  base: string,
  mapped: ReadonlyMap<string, string>,
  problems: TableProblems,
): (Column | undefined)[] {
  const byHeader = new Map<string, string>([...mapped].map(([field, header]) => [header, field]));
  const columns: (Column | undefined)[] = table.headers.map(() => undefined);
  const seen = new Map<string, string>();
  const expected = `expected one of ${TABLE_FIELDS.join(', ')}, a translation such as name:fr, or a header mapped with --columns`;
  for (const [index, { name, place }] of table.headers.entries()) {
    const spec = byHeader.get(name) ?? name;
    const [field = '', lang = base, extra] = spec.trim().split(':');
    const known = (TABLE_FIELDS as readonly string[]).includes(field);
    if (!known || extra !== undefined || !LANGUAGE_CODE.test(lang)) {
      problems.add(place, `unknown column "${name}": ${expected}`);
      continue;
    }
    const f = field as TableField;
    if (lang !== base && !TRANSLATABLE.has(f)) {
      problems.add(place, `column "${name}": ${f} has no languages; expected "${f}"`);
      continue;
    }
    const id = `${f}:${lang}`;
    const before = seen.get(id);
    if (before !== undefined) {
      problems.add(place, `column "${name}" gives ${id} again (as column "${before}" does)`);
      continue;
    }
    seen.set(id, name);
    columns[index] = { field: f, lang, id };
  }
  for (const [field, header] of mapped)
    if (!table.headers.some((h) => h.name === header))
      problems.add(
        { file: table.file, line: table.headers.length > 0 ? 1 : 0, column: 0, field: '--columns' },
        `${field}=${header}: the file has no column "${header}" (its columns: ${table.headers.map((h) => h.name).join(', ')})`,
      );
  if (!columns.some((c) => c?.field === 'name' && c.lang === base))
    problems.add(
      { file: table.file, line: table.headers.length > 0 ? 1 : 0, column: 0, field: '' },
      `no name column: every row needs a name (a "name" column, or --columns name=Header)`,
    );
  return columns;
}

/** A row being converted; its cells are read by `field:lang` through the table's columns. */
class Row {
  key = '';
  /** Where the key comes from: the id cell, else the name cell. */
  keyPlace: Place;
  parentKey?: string;
  /** The key of its kind, once read. */
  kind?: string;

  constructor(
    readonly source: TableRow,
    /** Header index by `field:lang`. */
    private readonly indexOf: ReadonlyMap<string, number>,
    /** Names by language. */
    readonly name: Texts,
  ) {
    this.keyPlace = source.place;
  }

  /** The cell of `field:lang` when it holds text. */
  value(id: string): TableValue | undefined {
    const index = this.indexOf.get(id);
    const value = index === undefined ? undefined : this.source.values[index];
    return value === undefined || textOf(value) === '' ? undefined : value;
  }

  /** Where the cell of `field:lang` is, empty or not (to place a problem with an empty one). */
  place(id: string): Place | undefined {
    const index = this.indexOf.get(id);
    return index === undefined || this.source.values[index] === undefined
      ? undefined
      : this.source.placeOf(index);
  }
}

/** Converts a table to a seed draft, or returns every problem found in it. */
export function importTable(
  table: Table,
  options: TableOptions,
): Imported | { issues: SeedIssue[] } {
  const base = options.lang ?? 'en';
  const problems = new TableProblems();
  const columns = readHeaders(table, base, options.columns ?? new Map(), problems);
  const languages = [base];
  const indexOf = new Map<string, number>();
  const nameColumns: [lang: string, index: number][] = [];
  for (const [index, c] of columns.entries()) {
    if (!c) continue;
    if (!languages.includes(c.lang)) languages.push(c.lang);
    indexOf.set(c.id, index);
    if (c.field === 'name') nameColumns.push([c.lang, index]);
  }
  const filePlace: Place = { file: table.file, line: 0, column: 0, field: '' };
  const [NAME, ID, PARENT, KIND] = ['name', 'id', 'parent', 'kind'].map((f) => `${f}:${base}`) as [
    string,
    string,
    string,
    string,
  ];

  // Kinds and topics repeat on every row: each distinct text is made a key once per import.
  const slugs = new Map<string, string>();
  const slugOf = (text: string): string => {
    let key = slugs.get(text);
    if (key === undefined) slugs.set(text, (key = slug(text)));
    return key;
  };

  // Cells by field, keys and names.
  const rows: Row[] = [];
  const byKey = new Map<string, Row>();
  const byName = new Map<string, Row[]>();
  for (const source of table.rows) {
    const names: Record<string, string> = {};
    for (const [lang, index] of nameColumns) {
      const value = source.values[index];
      const text = value === undefined ? '' : textOf(value);
      if (text !== '') names[lang] = text;
    }
    const row = new Row(source, indexOf, names);
    const name = names[base];
    if (name === undefined) {
      if (indexOf.size > 0)
        problems.add(row.place(NAME) ?? source.place, 'empty name: every row needs a name');
      continue;
    }
    row.keyPlace = row.place(NAME) ?? source.place;
    const idValue = row.value(ID);
    const id = idValue === undefined ? undefined : textOf(idValue);
    // Ids are made keys one by one: they are distinct, so a memo would only grow.
    const key = id === undefined ? slug(name) : slug(id);
    if (id !== undefined) row.keyPlace = row.place(ID) ?? row.keyPlace;
    if (key === '') {
      problems.add(
        row.keyPlace,
        `cannot make a key from "${id ?? name}": expected letters or digits (give an id)`,
      );
      continue;
    }
    row.key = key;
    const earlier = byKey.get(key);
    if (earlier) {
      problems.add(
        row.keyPlace,
        id !== undefined
          ? `duplicate id "${id}" (the key "${key}" of ${earlier.source.label}): expected an id of its own`
          : `"${name}" gives the same key "${key}" as ${earlier.source.label}: expected distinct names, or an id column`,
      );
      continue;
    }
    byKey.set(key, row);
    rows.push(row);
    const nameKey = id === undefined ? key : slug(name);
    const named = byName.get(nameKey);
    if (named) named.push(row);
    else byName.set(nameKey, [row]);
  }

  // Parents: an id, or the name of exactly one row.
  const roots: Row[] = [];
  for (const row of rows) {
    const value = row.value(PARENT);
    if (value === undefined) {
      roots.push(row);
      continue;
    }
    const text = textOf(value);
    const parentKey = slugOf(text);
    const parent = byKey.get(parentKey) ?? byName.get(parentKey);
    if (parent === undefined || (Array.isArray(parent) && parent.length !== 1)) {
      const why = Array.isArray(parent)
        ? `several rows are named "${text}" (${parent.map((r) => r.source.label).join(', ')}): expected an id`
        : `expected the id or name of another row`;
      problems.add(row.place(PARENT)!, `unknown parent "${text}": ${why}`);
      continue;
    }
    row.parentKey = (Array.isArray(parent) ? parent[0]! : parent).key;
  }
  const [root, ...otherRoots] = roots;
  for (const other of otherRoots)
    problems.add(
      other.place(PARENT) ?? other.source.place,
      `more than one root: ${root?.source.label} has an empty parent already (it is the organisation): expected the parent of "${other.name[base]}"`,
    );
  if (rows.length > 0 && roots.length === 0 && problems.issues.length === 0)
    problems.add(filePlace, 'no row with an empty parent: expected one, the organisation');
  for (const cycle of parentCycles(rows, byKey))
    problems.add(
      cycle[0]!.place(PARENT) ?? cycle[0]!.source.place,
      `a cycle of parents: ${[...cycle, cycle[0]!].map((r) => `${r.source.label} (${r.name[base]})`).join(' → ')}: expected a tree`,
    );
  if (rows.length === 0 && problems.issues.length === 0)
    problems.add(filePlace, 'no rows: expected one row per unit, the organisation first');

  // Kinds, in the order the file first names them; the organisation's first. None is declared a
  // formal organisation: in a chart, `parent` is whom a unit reports to, so reporting lines climb
  // to the organisation's row as to any other.
  const kindLabels = new Map<string, string>();
  const kindOrigins: ((field: string) => Place)[] = [];
  for (const row of root ? [root, ...rows.filter((r) => r !== root)] : rows) {
    const cell = row.value(KIND);
    const label = cell !== undefined ? textOf(cell) : row === root ? ROOT_KIND : DEFAULT_KIND;
    const key = slugOf(label);
    if (key === '') {
      problems.add(row.place(KIND) ?? row.source.place, `kind "${label}": expected a word`);
      continue;
    }
    row.kind = key;
    if (!kindLabels.has(key)) {
      kindLabels.set(key, label.toLowerCase());
      kindOrigins.push(() => (cell !== undefined && row.place(KIND)) || row.keyPlace);
    }
  }
  const rootKind = root?.kind;
  const kinds: DraftKind[] = [...kindLabels].map(([key, label]) => ({
    key,
    typeName: typeNameOf(key),
    labels: { [base]: label },
    description: key === rootKind ? `The organisation (${label}).` : `A unit of kind "${label}".`,
  }));

  // Units, their heads and their topics.
  const units: DraftUnit[] = [];
  const posts: DraftPost[] = [];
  const topics = new Map<string, { label: Record<string, string> }>();
  const people = new HeadPeople();
  const origins = {
    units: [] as ((field: string) => Place)[],
    posts: [] as ((field: string) => Place)[],
    topics: [] as ((field: string) => Place)[],
  };
  const fieldToColumn: Record<string, TableField> = {
    key: 'id',
    kind: 'kind',
    name: 'name',
    parent: 'parent',
    head: 'head',
    aliases: 'aliases',
    responsibilities: 'responsibilities',
    description: 'description',
    title: 'head',
    holders: 'head',
    label: 'responsibilities',
  };
  const originOf =
    (row: Row) =>
    (field: string): Place =>
      row.place(`${fieldToColumn[field] ?? 'name'}:${base}`) ?? row.keyPlace;
  // `field:lang` of each field in each language, made once rather than for every cell read.
  const idsOf = (field: TableField) => languages.map((lang) => [lang, `${field}:${lang}`] as const);
  const ids = {
    description: idsOf('description'),
    aliases: idsOf('aliases'),
    responsibilities: idsOf('responsibilities'),
    head: idsOf('head'),
  };
  const texts = (row: Row, field: keyof typeof ids) => {
    const out: Record<string, string> = {};
    for (const [lang, id] of ids[field]) {
      const value = row.value(id);
      if (value !== undefined) out[lang] = textOf(value);
    }
    return out;
  };
  const lists = (row: Row, field: keyof typeof ids) => {
    const out = new Map<string, { items: string[]; place: () => Place }>();
    for (const [lang, id] of ids[field]) {
      const value = row.value(id);
      if (value !== undefined)
        out.set(lang, { items: splitList(value), place: () => row.place(id)! });
    }
    return out;
  };
  for (const row of rows) {
    const kind = row.kind;
    if (kind === undefined) continue;
    const description = texts(row, 'description');
    const aliases: DraftAlias[] = [];
    for (const [lang, { items }] of lists(row, 'aliases'))
      for (const text of items) aliases.push({ text, lang, kind: 'informal' });
    const responsibilities: string[] = [];
    const byLang = lists(row, 'responsibilities');
    const first = byLang.get(base);
    for (const [lang, { items, place }] of byLang)
      if (lang !== base && items.length !== (first?.items.length ?? 0))
        problems.add(
          place(),
          `${items.length} responsibilities in ${lang} for ${first?.items.length ?? 0} in ${base}: expected the same list, in the same order`,
        );
    for (const [i, label] of (first?.items ?? []).entries()) {
      const key = slugOf(label);
      if (key === '') {
        problems.add(first!.place(), `responsibility "${label}": expected a word`);
        continue;
      }
      if (responsibilities.includes(key)) continue;
      responsibilities.push(key);
      let topic = topics.get(key);
      if (!topic) {
        topic = { label: { [base]: label } };
        topics.set(key, topic);
        origins.topics.push(first!.place);
      }
      for (const [lang, { items }] of byLang) {
        const translated = items[i];
        if (lang !== base && translated && topic.label[lang] === undefined)
          topic.label[lang] = translated;
      }
    }
    const head = texts(row, 'head');
    let headKey: string | undefined;
    if (Object.keys(head).length > 0) {
      // "Title: Person (from..until)": head-cell.ts.
      const placeOf = (lang: string) => row.place(`head:${lang}`) ?? row.keyPlace;
      const { title, holders } = readHeadCells(head, base, placeOf, problems, people);
      headKey = `head-${row.key}`;
      posts.push({
        key: headKey,
        title,
        unit: row.key,
        role: 'head',
        ...(holders.length > 0 ? { holders } : {}),
      });
      origins.posts.push(originOf(row));
    }
    units.push({
      key: row.key,
      kind,
      name: row.name,
      ...(aliases.length > 0 ? { aliases } : {}),
      ...(Object.keys(description).length > 0 ? { description } : {}),
      ...(headKey ? { head: headKey } : {}),
      ...(row.parentKey ? { parent: row.parentKey } : {}),
      ...(responsibilities.length > 0 ? { responsibilities } : {}),
    });
    origins.units.push(originOf(row));
  }

  if (problems.issues.length > 0 || !root) return { issues: problems.issues };
  const rootName = root.name;
  const draftTopics: DraftTopic[] = [...topics].map(([key, t]) => ({ key, label: t.label }));
  return {
    draft: {
      dataset: {
        key: options.key ?? root.key,
        title: rootName,
        asOf: options.asOf,
        languages,
        kinds,
      },
      sourceTitle: table.file.split(/[\\/]/).pop() ?? table.file,
      units,
      posts,
      topics: draftTopics,
      events: [],
      ...(people.list ? { people: people.list } : {}),
    },
    origins: { ...origins, kinds: kindOrigins, people: people.origins } satisfies Origins,
  };
}

/** Each cycle of the parent links once, from its row that comes first in the file. */
function parentCycles(rows: readonly Row[], byKey: ReadonlyMap<string, Row>): Row[][] {
  const state = new Map<Row, 'open' | 'done'>();
  const cycles: Row[][] = [];
  for (const start of rows) {
    const path: Row[] = [];
    let row: Row | undefined = start;
    while (row && !state.has(row)) {
      state.set(row, 'open');
      path.push(row);
      row = row.parentKey === undefined ? undefined : byKey.get(row.parentKey);
    }
    if (row && state.get(row) === 'open') {
      const cycle = path.slice(path.indexOf(row));
      const firstAt = cycle.indexOf(
        cycle.reduce((a, b) => (rows.indexOf(a) <= rows.indexOf(b) ? a : b)),
      );
      cycles.push([...cycle.slice(firstAt), ...cycle.slice(0, firstAt)]);
    }
    for (const r of path) state.set(r, 'done');
  }
  return cycles;
}
