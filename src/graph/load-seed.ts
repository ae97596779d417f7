/**
 * Reads a seed directory: parses and checks each file, resolves every reference, and builds the
 * immutable graph. All problems are collected and thrown together as one SeedError, so a person
 * fixing a dataset sees every located problem at once.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { buildGraph } from './build-graph';
import {
  declarationOf,
  defaultDeclaration,
  seedDeclarationOf,
  type DatasetDeclaration,
} from './dataset-declaration';
import { OrgGraph } from './org-graph';
import { SeedError, type SeedIssue } from './seed-error';
import { checkSeedValue, parseSeedFile, type SeedFile } from './seed-file';
import { dataset, seedSchemasFor, type SeedSchemas } from './seed-schema';

/**
 * The seed files, each with its schema for a declaration. dataset.yaml's is the declaration's own
 * (it is read first); `optional` files may be absent (an empty list), and where citations are
 * optional every file but dataset.yaml and units.yaml may be (`whereCitationsOptional`).
 */
export const SEED_FILES = {
  dataset: { name: 'dataset.yaml', root: 'dataset', schema: () => dataset },
  sources: {
    name: 'sources.yaml',
    root: 'sources',
    schema: (s: SeedSchemas) => s.sourcesFile,
    whereCitationsOptional: true,
  },
  units: { name: 'units.yaml', root: 'units', schema: (s: SeedSchemas) => s.unitsFile },
  posts: {
    name: 'posts.yaml',
    root: 'posts',
    schema: (s: SeedSchemas) => s.postsFile,
    whereCitationsOptional: true,
  },
  topics: {
    name: 'topics.yaml',
    root: 'topics',
    schema: (s: SeedSchemas) => s.topicsFile,
    whereCitationsOptional: true,
  },
  events: {
    name: 'events.yaml',
    root: 'events',
    schema: (s: SeedSchemas) => s.eventsFile,
    whereCitationsOptional: true,
  },
  /** Optional: a dataset may describe no document as a node. */
  documents: {
    name: 'documents.yaml',
    root: 'documents',
    schema: (s: SeedSchemas) => s.documentsFile,
    optional: true,
  },
  /** Optional: the people holding posts, for a dataset that names them (the default one names none). */
  people: {
    name: 'people.yaml',
    root: 'people',
    schema: (s: SeedSchemas) => s.peopleFile,
    optional: true,
    /** Absent, it is not hashed: a dataset naming no one keeps the version it had before. */
    unhashedWhenAbsent: true,
  },
} as const;

type Files = typeof SEED_FILES;
export type SeedFiles = {
  [K in keyof Files]: SeedFile<z.output<ReturnType<Files[K]['schema']>>>;
};

/**
 * Schemas already made, by what they depend on: zod compiles a schema on its first use, which
 * costs as much as checking the default dataset, so a reload of the same dataset reuses them.
 * The default dataset's and the latest other declaration's are kept (a process serves one dataset
 * at a time), so what they hold is bounded by construction.
 */
let defaultSchemas: { readonly signature: string; readonly schemas: SeedSchemas } | undefined;
let latestSchemas: { readonly signature: string; readonly schemas: SeedSchemas } | undefined;

function schemasFor(declaration: DatasetDeclaration): {
  readonly signature: string;
  readonly schemas: SeedSchemas;
} {
  const seedDeclaration = seedDeclarationOf(declaration);
  return { signature: JSON.stringify(seedDeclaration), schemas: seedSchemasFor(seedDeclaration) };
}

/** The schemas the seed files of a dataset with this declaration are checked with. */
export function seedSchemasOf(declaration: DatasetDeclaration = defaultDeclaration()): SeedSchemas {
  defaultSchemas ??= schemasFor(defaultDeclaration());
  const signature = JSON.stringify(seedDeclarationOf(declaration));
  if (signature === defaultSchemas.signature) return defaultSchemas.schemas;
  if (latestSchemas?.signature !== signature) latestSchemas = schemasFor(declaration);
  return latestSchemas.schemas;
}

/** The zod schema of one seed file, for a declaration (the default dataset's when absent). */
export function seedFileSchema(
  file: keyof Files,
  declaration: DatasetDeclaration = defaultDeclaration(),
): z.ZodType {
  return SEED_FILES[file].schema(seedSchemasOf(declaration));
}

/** What an absent optional file reads as: an empty list. */
const ABSENT = Buffer.from('[]');

/** Whether a file's bytes go into the dataset version (snapshot.ts hashes as this does). */
export const hashedWhenAbsent = (spec: Files[keyof Files]): boolean =>
  !('unhashedWhenAbsent' in spec && spec.unhashedWhenAbsent);

/** A file's bytes; those of an empty list for an optional file that is absent. */
async function readBytes(
  path: string,
  optional: boolean,
  issues: SeedIssue[],
): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (optional && code === 'ENOENT') return ABSENT;
    const message = code === 'ENOENT' ? 'file not found' : `cannot read the file (${code})`;
    issues.push({ file: path, line: 0, column: 0, field: '', message });
    return undefined;
  }
}

/**
 * Loads and checks the seed directory `dir`; throws SeedError listing every problem found.
 * `onChecked` receives the checked files of a valid directory (the snapshot keeps them).
 * `written` gives, by file name, the records a file was just written from (`import`): they are
 * checked as they are instead of being parsed back from the file's text.
 */
export async function loadSeed(
  dir: string,
  onChecked?: (files: SeedFiles) => void,
  written?: ReadonlyMap<string, unknown>,
): Promise<OrgGraph> {
  const parse = <S extends z.ZodType>(name: string, root: string, bytes: Buffer, schema: S) => {
    const path = join(dir, name);
    return written?.has(name)
      ? checkSeedValue(path, root, bytes, written.get(name), schema)
      : parseSeedFile(path, root, bytes, schema);
  };
  const issues: SeedIssue[] = [];
  const hash = createHash('sha256');
  const parsed: Partial<Record<keyof Files, SeedFile<unknown>>> = {};

  // The declaration first: what the other files may hold depends on it.
  const datasetPath = join(dir, SEED_FILES.dataset.name);
  const datasetBytes = await readBytes(datasetPath, false, issues);
  if (datasetBytes === undefined) throw new SeedError(issues);
  hash.update(SEED_FILES.dataset.name).update('\0').update(datasetBytes).update('\0');
  const declared = parse(SEED_FILES.dataset.name, 'dataset', datasetBytes, dataset);
  if ('issues' in declared) throw new SeedError(declared.issues);
  parsed.dataset = declared.file;
  const declaration = declarationOf(declared.file.data);
  const schemas = seedSchemasOf(declaration);
  const citationsOptional = declaration.citationPolicy === 'optional';

  for (const [kind, spec] of Object.entries(SEED_FILES) as [keyof Files, Files[keyof Files]][]) {
    if (kind === 'dataset') continue;
    const path = join(dir, spec.name);
    const optional =
      ('optional' in spec && spec.optional) ||
      (citationsOptional && 'whereCitationsOptional' in spec && spec.whereCitationsOptional);
    const bytes = await readBytes(path, optional, issues);
    if (bytes === undefined) continue;
    if (bytes !== ABSENT || hashedWhenAbsent(spec))
      hash.update(spec.name).update('\0').update(bytes).update('\0');
    const result =
      bytes === ABSENT
        ? parseSeedFile(path, spec.root, bytes, spec.schema(schemas) as z.ZodType)
        : parse(spec.name, spec.root, bytes, spec.schema(schemas) as z.ZodType);
    if ('issues' in result) issues.push(...result.issues);
    else parsed[kind] = result.file;
  }
  if (issues.length > 0) throw new SeedError(issues);

  const files = parsed as SeedFiles;
  const documentTexts = new Map<string, string>();
  for (const [i, doc] of files.sources.data.entries()) {
    if (doc.file === undefined) continue;
    try {
      const text = await readFile(join(dir, doc.file), 'utf8');
      documentTexts.set(doc.key, text);
      hash.update(doc.file).update('\0').update(text).update('\0');
    } catch {
      issues.push(files.sources.issue([i, 'file'], `local copy "${doc.file}" cannot be read`));
    }
  }

  const built = buildGraph(files, documentTexts, declaration);
  issues.push(...built.issues);
  if (issues.length > 0 || !built.data) throw new SeedError(issues);
  onChecked?.(files);
  return new OrgGraph(built.data, {
    version: hash.digest('hex').slice(0, 12),
    loadedAt: new Date(),
    dir,
  });
}
