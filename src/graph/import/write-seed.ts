/**
 * Writes a draft as a seed directory, all or nothing: the files go to a temporary directory beside
 * the target, the loader (the same checks as `seed:check`) reads them back, and only a directory
 * that loads is renamed into place. A problem the loader finds is reported at the place of the
 * imported file the record came from.
 */
import { mkdir, mkdtemp, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { dump } from 'js-yaml';
import { loadSeed } from '../load-seed';
import type { OrgGraph } from '../org-graph';
import { SeedError, type SeedIssue } from '../seed-error';
import type { DraftUnit, Imported, Origins, SeedDraft } from './seed-draft';

/** Key of the one source every imported dataset cites: the imported file. */
export const IMPORT_SOURCE = 'import';

const yaml = (value: unknown) => dump(value, { lineWidth: -1, noRefs: true });

/** Above this many records, a list is written one record a line (see yamlList). */
const BLOCK_YAML_MAX = 5_000;

/**
 * A list's YAML: block style, as a person writes it, for a chart of a few thousand records; above
 * that, one record a line in flow style (a JSON object is a YAML flow mapping), which is still
 * YAML a person can read and edit, line by line, but written some ten times faster than js-yaml
 * dumps blocks (seconds for 100,000 units).
 */
function yamlList(list: readonly unknown[]): string {
  if (list.length === 0) return '[]\n';
  if (list.length <= BLOCK_YAML_MAX) return yaml(list);
  return `${list.map((record) => `- ${JSON.stringify(record)}`).join('\n')}\n`;
}

/** Drops absent and empty values, so the files hold only what the import found. */
function compact<T extends object>(record: T): Partial<T> {
  const kept: Record<string, unknown> = {};
  for (const field in record) {
    const value: unknown = record[field];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) kept[field] = value;
  }
  return kept as Partial<T>;
}

function unitRecord(u: DraftUnit): Record<string, unknown> {
  return compact({
    key: u.key,
    kind: u.kind,
    name: u.name,
    acronym: u.acronym,
    aliases: u.aliases,
    description: u.description,
    head: u.head,
    parent: u.parent,
    reportsTo: u.reportsTo,
    memberOf: u.memberOf,
    supports: u.supports,
    established: u.established,
    dissolved: u.dissolved,
    responsibilities: u.responsibilities?.map((topic) => ({ topic })),
  });
}

/** The records of each seed file of a draft, by file name: what each file's YAML holds. */
export function seedRecords(draft: SeedDraft): Record<string, object> {
  const { dataset } = draft;
  const first = dataset.languages[0] ?? 'en';
  return {
    'dataset.yaml': compact({
      key: dataset.key,
      title: dataset.title,
      asOf: dataset.asOf,
      primarySource: IMPORT_SOURCE,
      citationPolicy: 'optional',
      languages: dataset.languages,
      kinds: dataset.kinds.map(compact),
      description: dataset.description,
    }),
    'sources.yaml': [{ key: IMPORT_SOURCE, title: { [first]: draft.sourceTitle }, lang: first }],
    'units.yaml': draft.units.map(unitRecord),
    'posts.yaml': draft.posts.map(compact),
    'topics.yaml': draft.topics.map(compact),
    'events.yaml': draft.events.map(compact),
    // Only a dataset that names people has the file (and a schema with Person).
    ...(draft.people && draft.people.length > 0
      ? { 'people.yaml': draft.people.map(compact) }
      : {}),
  };
}

/** The text of a seed file holding `records`. */
const seedText = (records: object) => (Array.isArray(records) ? yamlList(records) : yaml(records));

/** The seed files of a draft, by file name. */
export function seedFiles(draft: SeedDraft): Record<string, string> {
  return Object.fromEntries(
    Object.entries(seedRecords(draft)).map(([name, records]) => [name, seedText(records)]),
  );
}

const RECORD_FIELD =
  /^(?:dataset\.)?(units|posts|topics|events|kinds|people)\[(\d+)\](?:\.([A-Za-z]+))?/;

/** A loader's issue in a written file, placed where its record came from when that is known. */
function placed(issue: SeedIssue, origins: Origins, temp: string, out: string): SeedIssue {
  const m = RECORD_FIELD.exec(issue.field);
  const origin = m && origins[m[1] as keyof Origins]?.[Number(m[2])];
  // Else in the file it would have been written to.
  if (!m || !origin) return { ...issue, file: issue.file.replace(temp, out) };
  // Lines of the written YAML mean nothing to whoever wrote the imported file.
  return { ...origin(m[3] ?? ''), message: issue.message.replace(/,? line \d+(?=\))/g, '') };
}

/** Once each: a text the other languages fall back to is refused once per language. */
function unique(issues: readonly SeedIssue[]): SeedIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const id = JSON.stringify(i);
    return !seen.has(id) && (seen.add(id), true);
  });
}

/**
 * Checks the draft with the loader and, when it loads, writes it to `out` (which must not exist,
 * or be empty). Throws SeedError with every problem, placed in the imported file; nothing is
 * written then.
 */
export async function writeSeed({ draft, origins }: Imported, out: string): Promise<OrgGraph> {
  const target = resolve(out);
  const existing = await readdir(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing !== undefined && existing.length > 0)
    throw new SeedError([
      {
        file: out,
        line: 0,
        column: 0,
        field: '',
        message: 'the directory exists and is not empty: give a new directory (nothing written)',
      },
    ]);
  await mkdir(dirname(target), { recursive: true });
  // Beside the target, so the final rename stays on one file system.
  const temp = await mkdtemp(join(dirname(target), `.${basename(target)}-import-`));
  try {
    const records = new Map(Object.entries(seedRecords(draft)));
    for (const [name, value] of records) await writeFile(join(temp, name), seedText(value));
    let graph: OrgGraph;
    try {
      // The loader checks the records as written rather than parsing back YAML made from them:
      // the same checks as seed:check, without the parse that is most of a large import's check
      // (bench/scale/import.ts); the round-trip tests load written directories from their text.
      graph = await loadSeed(temp, undefined, records);
    } catch (error) {
      if (error instanceof SeedError)
        throw new SeedError(unique(error.issues.map((issue) => placed(issue, origins, temp, out))));
      throw error;
    }
    if (existing !== undefined) await rmdir(target);
    await rename(temp, target);
    return graph;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
