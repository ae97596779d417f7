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
import { OrgGraph } from './org-graph';
import { SeedError, type SeedIssue } from './seed-error';
import { parseSeedFile, type SeedFile } from './seed-file';
import * as schema from './seed-schema';

export const SEED_FILES = {
  dataset: { name: 'dataset.yaml', root: 'dataset', schema: schema.dataset },
  sources: { name: 'sources.yaml', root: 'sources', schema: schema.sourcesFile },
  units: { name: 'units.yaml', root: 'units', schema: schema.unitsFile },
  posts: { name: 'posts.yaml', root: 'posts', schema: schema.postsFile },
  topics: { name: 'topics.yaml', root: 'topics', schema: schema.topicsFile },
  events: { name: 'events.yaml', root: 'events', schema: schema.eventsFile },
  /** Optional: a dataset may describe no document as a node. */
  documents: {
    name: 'documents.yaml',
    root: 'documents',
    schema: schema.documentsFile,
    optional: true,
  },
} as const;

type Files = typeof SEED_FILES;
export type SeedFiles = { [K in keyof Files]: SeedFile<z.output<Files[K]['schema']>> };

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
    if (optional && code === 'ENOENT') return Buffer.from('[]');
    const message = code === 'ENOENT' ? 'file not found' : `cannot read the file (${code})`;
    issues.push({ file: path, line: 0, column: 0, field: '', message });
    return undefined;
  }
}

/**
 * Loads and checks the seed directory `dir`; throws SeedError listing every problem found.
 * `onChecked` receives the checked files of a valid directory (the snapshot keeps them).
 */
export async function loadSeed(
  dir: string,
  onChecked?: (files: SeedFiles) => void,
): Promise<OrgGraph> {
  const issues: SeedIssue[] = [];
  const hash = createHash('sha256');
  const parsed: Partial<Record<keyof Files, SeedFile<unknown>>> = {};

  for (const [kind, spec] of Object.entries(SEED_FILES) as [keyof Files, Files[keyof Files]][]) {
    const path = join(dir, spec.name);
    const bytes = await readBytes(path, 'optional' in spec && spec.optional, issues);
    if (bytes === undefined) continue;
    hash.update(spec.name).update('\0').update(bytes).update('\0');
    const result = parseSeedFile(path, spec.root, bytes, spec.schema);
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

  const built = buildGraph(files, documentTexts);
  issues.push(...built.issues);
  if (issues.length > 0 || !built.data) throw new SeedError(issues);
  onChecked?.(files);
  return new OrgGraph(built.data, {
    version: hash.digest('hex').slice(0, 12),
    loadedAt: new Date(),
    dir,
  });
}
