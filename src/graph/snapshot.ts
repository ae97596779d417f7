/**
 * A checked snapshot of a loaded seed directory, so a large dataset starts without parsing YAML
 * again. Reading YAML and checking it against the schemas is most of a load (measured: the rest,
 * resolving references and building indexes, is a fraction of it), so the snapshot holds the
 * checked records of every seed file as JSON, and loading from it does everything after the
 * schema check as a load from YAML does, with the same code: the graph is the same.
 *
 * The file is keyed by the dataset's version (the hash of every file the loader reads, computed
 * as `loadSeed` computes it) and by the code's version (the package version, SNAPSHOT_FORMAT and
 * a hash of the domain code), and carries the hash and length of its own body. A snapshot whose
 * key does not match, or that is truncated or damaged, is ignored with its reason, never used.
 *
 * Layout: one header line of JSON (the key), the body, one line per chunk of records
 * (`["units",[…]]`: a million units make more JSON than one string can hold) in ASCII, and a
 * trailer line with the body's length and hash, written last so the body can be written as it is
 * made.
 *
 * Reading it makes the same graph as loading the YAML, with the same builder, less the checks
 * whose outcome the snapshot records (build-graph.ts, `checked`), and with its unit-name index
 * made on first use.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { buildGraph } from './build-graph';
import { declarationOf } from './dataset-declaration';
import { hashedWhenAbsent, loadSeed, SEED_FILES, type SeedFiles } from './load-seed';
import { OrgGraph } from './org-graph';
import { BUILD_STAMP_FILE, GRAPH_SOURCE_DIR, PACKAGE_JSON_FILE } from './project-paths';
import type { SeedIssue } from './seed-error';
import { formatField, type FieldPath } from './seed-file';

/** Bump when what a snapshot holds, or how it is read, changes. */
export const SNAPSHOT_FORMAT = 3;

/** The snapshot's file name inside its directory. */
export const SNAPSHOT_FILE = 'graph-snapshot.jsonl';

/** Where snapshots go when no directory is configured: a hidden directory beside the seed files. */
export const DEFAULT_CACHE_DIR = '.orggraph-cache';

/**
 * The snapshot directory for a seed directory and the `SNAPSHOT_DIR` setting: `off` for none,
 * empty for the default beside the seed files.
 */
export function snapshotDirFor(seedDir: string, setting = ''): string | undefined {
  const given = setting.trim();
  if (given.toLowerCase() === 'off') return undefined;
  return given === '' ? join(seedDir, DEFAULT_CACHE_DIR) : resolve(given);
}

type Kind = keyof typeof SEED_FILES;
const KINDS = Object.keys(SEED_FILES) as Kind[];

/** Records per body line: small enough for any string, large enough to parse quickly. */
const CHUNK = 2000;

interface Header {
  readonly format: number;
  readonly code: string;
  /** The dataset version: the graph's `meta.version` and the ETags' key. */
  readonly version: string;
  /** Local copies of documents the loader reads, in the loader's order: [source key, file]. */
  readonly documents: readonly (readonly [string, string])[];
  /**
   * Whether the dataset's citations are optional: then, as for the loader, a file of sources,
   * posts, topics or events may be absent.
   */
  readonly citationsOptional: boolean;
}

/** The last line: what the body before it must be. */
interface Trailer {
  readonly bodyBytes: number;
  readonly bodySha256: string;
}

export type SnapshotFiles = { [K in Kind]: SeedFiles[K]['data'] };

export type LoadedFrom =
  | { readonly from: 'snapshot'; readonly path: string }
  | {
      readonly from: 'yaml';
      /** Why the snapshot was not used; undefined when there was none. */
      readonly ignored?: string;
    };

export interface LoadResult {
  readonly graph: OrgGraph;
  readonly loadedFrom: LoadedFrom;
  /**
   * Writes the snapshot of this load when it was read from YAML (a no-op otherwise). Resolves to
   * the path written, or to the reason it could not be (an unwritable directory is not an error).
   */
  persist(): Promise<{ written: string } | { skipped: string } | { failed: string }>;
}

let codeVersionOnce: Promise<string> | undefined;

/**
 * The code's version: a snapshot written by other code is stale. From a checkout it hashes the
 * domain sources (the server and `seed:build` agree whether run from dist/ or through tsx); from
 * a runtime image, which has no sources, the build's own hash of them.
 */
export function codeVersion(): Promise<string> {
  codeVersionOnce ??= (async () => {
    const hash = createHash('sha256').update(`format ${SNAPSHOT_FORMAT}\0`);
    const pkg = JSON.parse(await readFile(PACKAGE_JSON_FILE, 'utf8').catch(() => '{}')) as {
      version?: string;
    };
    hash.update(`package ${pkg.version ?? '?'}\0`);
    if (existsSync(GRAPH_SOURCE_DIR)) {
      const entries = await readdir(GRAPH_SOURCE_DIR, { withFileTypes: true, recursive: true });
      const files = entries
        .filter((e) => e.isFile())
        .map((e) => relative(GRAPH_SOURCE_DIR, join(e.parentPath, e.name)).split(sep).join('/'))
        .sort();
      for (const file of files)
        hash
          .update(file)
          .update('\0')
          .update(await readFile(join(GRAPH_SOURCE_DIR, file)));
    } else {
      const stamp = JSON.parse(await readFile(BUILD_STAMP_FILE, 'utf8').catch(() => '{}')) as {
        inputs?: string;
      };
      hash.update(`build ${stamp.inputs ?? 'unknown'}`);
    }
    return `${pkg.version ?? '?'}+${SNAPSHOT_FORMAT}.${hash.digest('hex').slice(0, 16)}`;
  })();
  return codeVersionOnce;
}

async function hashFile(path: string, hash: Hash): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
    hash.update(chunk as Buffer);
}

/**
 * The dataset version the loader would give `dir`, hashing the same bytes in the same order
 * (load-seed.ts), with the local copies the snapshot lists; undefined when a file cannot be read
 * (the load from YAML then says what is wrong). Also returns the documents' texts, which the
 * quote checks read.
 */
async function datasetVersion(
  dir: string,
  { documents, citationsOptional }: Header,
): Promise<{ version: string; texts: Map<string, string> } | undefined> {
  const hash = createHash('sha256');
  try {
    for (const spec of Object.values(SEED_FILES)) {
      const path = join(dir, spec.name);
      const mayBeAbsent =
        ('optional' in spec && spec.optional) ||
        (citationsOptional && 'whereCitationsOptional' in spec && spec.whereCitationsOptional);
      const absent = mayBeAbsent && !existsSync(path);
      if (absent && !hashedWhenAbsent(spec)) continue;
      hash.update(spec.name).update('\0');
      if (absent) hash.update('[]');
      else await hashFile(path, hash);
      hash.update('\0');
    }
    const texts = new Map<string, string>();
    for (const [key, file] of documents) {
      const text = await readFile(join(dir, file), 'utf8');
      texts.set(key, text);
      hash.update(file).update('\0').update(text).update('\0');
    }
    return { version: hash.digest('hex').slice(0, 12), texts };
  } catch {
    return undefined;
  }
}

/** Issues placed at the file only: a snapshot has no lines (and a valid one raises none). */
function snapshotFile<T>(path: string, root: string, data: T) {
  return {
    path,
    data,
    issue: (field: FieldPath, message: string): SeedIssue => ({
      file: path,
      line: 0,
      column: 0,
      field: formatField(root, field),
      message,
    }),
  };
}

/**
 * Reads the snapshot at `path` for the seed directory `dir`: the graph, or why it cannot be used.
 */
export async function readSnapshot(
  dir: string,
  path: string,
): Promise<{ graph: OrgGraph } | { problem: string }> {
  const chunks = createReadStream(path, { highWaterMark: 1 << 20 });
  let header: Header | undefined;
  let trailer: Trailer | undefined;
  let texts: Map<string, string> | undefined;
  let version = '';
  const records = Object.fromEntries(KINDS.map((k) => [k, [] as unknown[]])) as Record<
    Kind,
    unknown[]
  >;
  const body = createHash('sha256');
  let bodyBytes = 0;
  let rest: Buffer = Buffer.alloc(0);

  const line = async (bytes: Buffer): Promise<string | undefined> => {
    if (header === undefined) {
      try {
        header = JSON.parse(bytes.toString('utf8')) as Header;
      } catch {
        return 'its header is not JSON';
      }
      if (header.format !== SNAPSHOT_FORMAT)
        return `it has format ${String(header.format)}, this code reads ${SNAPSHOT_FORMAT}`;
      const code = await codeVersion();
      if (header.code !== code) return `it was written by code ${header.code}, this is ${code}`;
      const current = await datasetVersion(dir, header);
      if (current === undefined) return 'a seed file cannot be read';
      if (current.version !== header.version)
        return `it holds version ${header.version} of the seed files, they are now at ${current.version}`;
      texts = current.texts;
      version = current.version;
      return undefined;
    }
    if (trailer !== undefined) return 'it goes on after its end';
    let parsed: unknown;
    try {
      // Latin-1: the body is ASCII (see asciiJson), and decoding it as UTF-8 would cost as much
      // again as parsing it. A byte that is not ASCII is damage, which the checksum catches.
      parsed = JSON.parse(bytes.toString('latin1'));
    } catch {
      return 'its body is damaged';
    }
    if (!Array.isArray(parsed)) {
      trailer = parsed as Trailer;
      return undefined;
    }
    body.update(bytes).update('\n');
    bodyBytes += bytes.length + 1;
    const [kind, list] = parsed as [Kind, unknown[]];
    const into = records[kind] as unknown[] | undefined;
    if (!into || !Array.isArray(list)) return 'its body is damaged';
    for (const record of list) into.push(record);
    return undefined;
  };

  try {
    for await (const chunk of chunks) {
      let data = rest.length > 0 ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
      let start = 0;
      for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
        const problem = await line(data.subarray(start, nl));
        if (problem !== undefined) return { problem };
        start = nl + 1;
      }
      rest = Buffer.from(data.subarray(start));
      data = rest;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? 'there is none' : `it cannot be read (${code})` };
  } finally {
    chunks.destroy();
  }
  if (header === undefined) return { problem: 'it is empty' };
  if (
    trailer === undefined ||
    rest.length > 0 ||
    bodyBytes !== trailer.bodyBytes ||
    body.digest('hex') !== trailer.bodySha256
  )
    return { problem: 'it is truncated or damaged (its checksum does not match)' };

  // Whatever a snapshot holds, it is only ever used when the graph builds from it without a
  // problem: a record the builder does not expect is a reason to read the YAML, not a crash.
  try {
    const files = Object.fromEntries(
      KINDS.map((k) => [
        k,
        snapshotFile(
          join(dir, SEED_FILES[k].name),
          SEED_FILES[k].root,
          k === 'dataset' ? records[k][0] : records[k],
        ),
      ]),
    ) as unknown as SeedFiles;
    const built = buildGraph(files, texts ?? new Map(), declarationOf(files.dataset.data), {
      checked: true,
    });
    if (built.issues.length > 0 || !built.data)
      return { problem: `it does not pass the checks (${built.issues[0]?.message ?? 'no data'})` };
    return { graph: new OrgGraph(built.data, { version, loadedAt: new Date(), dir }) };
  } catch (error) {
    return { problem: `it does not pass the checks (${(error as Error).message})` };
  }
}

/**
 * JSON with every character past ASCII written as a `\u` escape: the reader then decodes the
 * bytes as Latin-1, several times faster than UTF-8 for text with accents, and the strings it
 * parses are one byte a character where they can be.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Writes the snapshot of checked files for `dir` (of dataset version `version`) into
 * `snapshotDir`: to a temporary file first, then renamed, so a reader never sees half of one.
 * A chunk at a time, so a server writing after a load keeps answering in between.
 */
export async function writeSnapshot(
  snapshotDir: string,
  files: SnapshotFiles,
  version: string,
): Promise<string> {
  const documents = files.sources.flatMap((doc) =>
    doc.file === undefined ? [] : [[doc.key, doc.file] as const],
  );
  const header: Header = {
    format: SNAPSHOT_FORMAT,
    code: await codeVersion(),
    version,
    documents,
    citationsOptional: files.dataset.citationPolicy === 'optional',
  };
  await mkdir(snapshotDir, { recursive: true });
  const path = join(snapshotDir, SNAPSHOT_FILE);
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  const file = await open(temporary, 'w');
  try {
    await file.write(`${JSON.stringify(header)}\n`);
    const body = createHash('sha256');
    let bodyBytes = 0;
    for (const kind of KINDS) {
      const data = files[kind];
      const list = Array.isArray(data) ? (data as readonly unknown[]) : [data];
      for (let i = 0; i < list.length; i += CHUNK) {
        const bytes = Buffer.from(`${asciiJson([kind, list.slice(i, i + CHUNK)])}\n`, 'latin1');
        body.update(bytes);
        bodyBytes += bytes.length;
        await file.write(bytes);
      }
    }
    const trailer: Trailer = { bodyBytes, bodySha256: body.digest('hex') };
    await file.write(`${JSON.stringify(trailer)}\n`);
    await file.close();
    await rename(temporary, path);
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  return path;
}

/** What the checked files of a load are, as the snapshot keeps them. */
function snapshotFilesOf(files: SeedFiles): SnapshotFiles {
  return Object.fromEntries(KINDS.map((k) => [k, files[k].data])) as SnapshotFiles;
}

/**
 * Loads `dir` from its snapshot in `snapshotDir` when that matches the seed files and the code,
 * otherwise from the YAML (throwing SeedError for invalid data, as `loadSeed` does). Without a
 * `snapshotDir`, always from the YAML.
 */
export async function loadSeedWithSnapshot(
  dir: string,
  snapshotDir: string | undefined,
): Promise<LoadResult> {
  let ignored: string | undefined;
  if (snapshotDir !== undefined) {
    const path = join(snapshotDir, SNAPSHOT_FILE);
    if (existsSync(path)) {
      const read = await readSnapshot(dir, path).catch((error: unknown) => ({
        problem: `it cannot be read (${error instanceof Error ? error.message : String(error)})`,
      }));
      if ('graph' in read)
        return {
          graph: read.graph,
          loadedFrom: { from: 'snapshot', path },
          persist: () => Promise.resolve({ skipped: 'loaded from the snapshot' }),
        };
      ignored = read.problem;
    }
  }
  let checked: SeedFiles | undefined;
  const graph = await loadSeed(dir, (files) => {
    checked = files;
  });
  return {
    graph,
    loadedFrom: ignored === undefined ? { from: 'yaml' } : { from: 'yaml', ignored },
    async persist() {
      if (snapshotDir === undefined) return { skipped: 'snapshots are off' };
      const files = checked;
      // The records are needed only for this: let them go once written.
      checked = undefined;
      if (!files) return { skipped: 'written already' };
      try {
        return {
          written: await writeSnapshot(snapshotDir, snapshotFilesOf(files), graph.meta.version),
        };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return { failed: code ? `${code}: ${(error as Error).message}` : String(error) };
      }
    },
  };
}

/**
 * Loads `dir` from its YAML (every check made afresh) and writes its snapshot into
 * `snapshotDir`: what `npm run seed:build` does before a deploy.
 */
export async function buildSnapshot(
  dir: string,
  snapshotDir: string,
): Promise<{ graph: OrgGraph; path: string }> {
  let checked: SeedFiles | undefined;
  const graph = await loadSeed(dir, (files) => {
    checked = files;
  });
  if (!checked) throw new Error('the loader did not report its checked files');
  const path = await writeSnapshot(snapshotDir, snapshotFilesOf(checked), graph.meta.version);
  return { graph, path };
}
