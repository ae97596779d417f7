/**
 * A checked snapshot of a loaded seed directory, so a large dataset starts without parsing YAML
 * again. It holds the graph's data as built after every check (records with their references
 * resolved, citations pointing at their documents), in the encoding of snapshot-codec.ts, so
 * reading it is parsing JSON and making objects: neither the schema checks nor the builder run
 * again. The graph is the same as one loaded from the YAML, object for object.
 *
 * The file is keyed by the dataset's version (the hash of every file the loader reads, computed
 * as `loadSeed` computes it) and by the code's version (the package version, SNAPSHOT_FORMAT and
 * a hash of the domain code), and carries the hash and length of its own body. A snapshot whose
 * key does not match, that is truncated or damaged, or whose records name a record it lacks, is
 * ignored with its reason, never used.
 *
 * Layout: one header line of JSON (the key), the body, one line per field of the data and per
 * chunk of a large map (`[shapes, "units", "map", [key, unit, …]]`: a million units make more
 * JSON than one string can hold) in ASCII, and a trailer line with the body's length and hash,
 * written last so the body can be written as it is made.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { join, relative, resolve, sep } from 'node:path';
import type { GraphData } from './build-graph';
import { hashedWhenAbsent, loadSeed, SEED_FILES, type SeedFiles } from './load-seed';
import { OrgGraph } from './org-graph';
import { BUILD_STAMP_FILE, GRAPH_SOURCE_DIR, PACKAGE_JSON_FILE } from './project-paths';
import { SnapshotDecoder, SnapshotEncoder, type Encoded } from './snapshot-codec';

/** Bump when what a snapshot holds, or how it is read, changes. */
export const SNAPSHOT_FORMAT = 4;

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

/** Map entries per body line: small enough for any string, large enough to parse quickly. */
const CHUNK = 2000;

interface Header {
  readonly format: number;
  readonly code: string;
  /** The dataset version: the graph's `meta.version` and the ETags' key. */
  readonly version: string;
  /** Local copies of documents the loader reads, in the loader's order. */
  readonly documents: LocalCopies;
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

/** What a snapshot needs besides the data: the local copies of documents, [key, file]. */
export type LocalCopies = readonly (readonly [string, string])[];

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

/** What the hashing thread is given: the files to hash, in the loader's order. */
interface HashPlan {
  /** Seed files: [name, path, or null for one hashed as absent]. */
  readonly seed: readonly (readonly [string, string | null])[];
  /** Local copies of documents: [file, path], hashed as text, as the loader reads them. */
  readonly documents: readonly (readonly [string, string])[];
  /** The snapshot, and where its body starts: its body is hashed up to its last line. */
  readonly snapshot: string;
  readonly bodyStart: number;
}

interface Hashes {
  /** The seed files' version, as load-seed.ts computes it; null when one cannot be read. */
  readonly version: string | null;
  readonly body: Trailer | null;
}

/**
 * The hashing thread: the same bytes in the same order as load-seed.ts, and the snapshot's body.
 * Plain CommonJS for `eval`, so it runs from a bundle as from the sources.
 */
const HASH_THREAD = `
const { createHash } = require('node:crypto');
const { closeSync, openSync, readFileSync, readSync, fstatSync } = require('node:fs');
const { parentPort, workerData: plan } = require('node:worker_threads');
const buffer = Buffer.allocUnsafe(1 << 22);
function hashRange(hash, fd, start, end) {
  for (let at = start; at < end; ) {
    const n = readSync(fd, buffer, 0, Math.min(buffer.length, end - at), at);
    if (n === 0) throw new Error('short read');
    hash.update(buffer.subarray(0, n));
    at += n;
  }
}
function seedVersion() {
  try {
    const hash = createHash('sha256');
    for (const [name, path] of plan.seed) {
      hash.update(name).update('\\0');
      if (path === null) hash.update('[]');
      else {
        const fd = openSync(path, 'r');
        try { hashRange(hash, fd, 0, fstatSync(fd).size); } finally { closeSync(fd); }
      }
      hash.update('\\0');
    }
    for (const [file, path] of plan.documents)
      hash.update(file).update('\\0').update(readFileSync(path, 'utf8')).update('\\0');
    return hash.digest('hex').slice(0, 12);
  } catch { return null; }
}
function body() {
  try {
    const fd = openSync(plan.snapshot, 'r');
    try {
      const size = fstatSync(fd).size;
      const tail = Buffer.alloc(Math.min(4096, size));
      readSync(fd, tail, 0, tail.length, size - tail.length);
      const last = tail.lastIndexOf(10, tail.length - 2);
      const end = last === -1 ? plan.bodyStart : size - tail.length + last + 1;
      if (end < plan.bodyStart) return null;
      const hash = createHash('sha256');
      hashRange(hash, fd, plan.bodyStart, end);
      return { bodyBytes: end - plan.bodyStart, bodySha256: hash.digest('hex') };
    } finally { closeSync(fd); }
  } catch { return null; }
}
parentPort.postMessage({ version: seedVersion(), body: body() });
`;

/**
 * The hashes that decide whether a snapshot may be used, made on a worker thread while this one
 * parses the body: they read the seed files and the snapshot, as many bytes again as the parse,
 * and on another core they add nothing to the start (measured with bench/scale/snapshot.ts).
 */
function hashesOnThread(
  dir: string,
  snapshot: string,
  bodyStart: number,
  { documents, citationsOptional }: Header,
): { hashes: Promise<Hashes>; stop(): void } {
  const seed: [string, string | null][] = [];
  for (const spec of Object.values(SEED_FILES)) {
    const path = join(dir, spec.name);
    const mayBeAbsent =
      ('optional' in spec && spec.optional) ||
      (citationsOptional && 'whereCitationsOptional' in spec && spec.whereCitationsOptional);
    const absent = mayBeAbsent && !existsSync(path);
    if (absent && !hashedWhenAbsent(spec)) continue;
    seed.push([spec.name, absent ? null : path]);
  }
  const plan: HashPlan = {
    seed,
    documents: documents.map(([, file]) => [file, join(dir, file)] as const),
    snapshot,
    bodyStart,
  };
  const worker = new Worker(HASH_THREAD, { eval: true, workerData: plan });
  worker.unref();
  const hashes = new Promise<Hashes>((resolve) => {
    worker.once('message', (message: Hashes) => resolve(message));
    worker.once('error', () => resolve({ version: null, body: null }));
    worker.once('exit', () => resolve({ version: null, body: null }));
  });
  return { hashes, stop: () => void worker.terminate() };
}

/**
 * The first record a record of the data names and the data lacks, as a sentence; undefined when
 * every reference resolves. The builder refused such data, so only a damaged snapshot has one
 * (and a part-of cycle is refused by the graph itself).
 */
function danglingReference(data: GraphData): string | undefined {
  const { units, posts, topics, events, orgDocuments } = data;
  const people = data.people ?? new Map<string, unknown>();
  let problem: string | undefined;
  const need = (what: string, key: string | undefined, known: ReadonlyMap<string, unknown>) => {
    if (key !== undefined && !known.has(key)) problem ??= `${what} "${key}" is not in it`;
  };
  for (const u of units.values()) {
    need('unit', u.parent?.unitKey, units);
    need('unit', u.reportsTo?.unitKey, units);
    for (const m of u.memberOf) need('unit', m.unitKey, units);
    need('post', u.headKey, posts);
    for (const r of u.responsibilities) need('topic', r.topicKey, topics);
    for (const sp of u.supports)
      if (sp.supported.kind === 'unit') need('unit', sp.supported.unitKey, units);
    need('post', u.staffRules?.appointments?.decidedByPostKey, posts);
    need('unit', u.staffRules?.allegiance?.owedToUnitKey, units);
  }
  for (const p of posts.values()) {
    need('unit', p.unitKey, units);
    for (const h of p.holders ?? []) need('person', h.personKey, people);
  }
  for (const t of topics.values()) for (const b of t.broaderKeys) need('topic', b, topics);
  for (const e of events.values()) {
    for (const k of e.affectsKeys) need('unit', k, units);
    need('event', e.partOfKey, events);
    for (const k of e.causedByKeys) need('event', k, events);
    for (const k of e.endorsesKeys) need('document', k, orgDocuments);
    for (const k of e.followsFromKeys) need('document', k, orgDocuments);
  }
  return problem;
}

/** The data a snapshot's body decodes to, or why it does not. */
function dataOf(fields: Map<string, unknown>): GraphData {
  const data = Object.fromEntries(fields) as unknown as GraphData;
  for (const field of ['dataset', 'documents', 'documentUpdates', 'units', 'topicNames'] as const)
    if (data[field] === undefined) throw new Error(`it has no ${field}`);
  // Not enumerable, so not written (see SourceDocument): given back from the map that holds it.
  for (const [key, update] of data.documentUpdates) {
    const document = data.documents.get(key);
    if (document) Object.defineProperty(document, 'updated', { value: update, enumerable: false });
  }
  return data;
}

/**
 * Reads the snapshot at `path` for the seed directory `dir`: the graph, or why it cannot be used.
 */
export async function readSnapshot(
  dir: string,
  path: string,
): Promise<{ graph: OrgGraph } | { problem: string }> {
  const chunks = createReadStream(path, { highWaterMark: 1 << 22 });
  let header: Header | undefined;
  let trailer: Trailer | undefined;
  let hashing: ReturnType<typeof hashesOnThread> | undefined;
  const decoder = new SnapshotDecoder();
  const fields = new Map<string, unknown>();
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
      hashing = hashesOnThread(dir, path, bytes.length + 1, header);
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
    bodyBytes += bytes.length + 1;
    const [shapes, field, form, payload] = parsed as [unknown, unknown, unknown, Encoded];
    if (typeof field !== 'string') return 'its body is damaged';
    try {
      decoder.addShapes(shapes);
      if (form === 'map' && Array.isArray(payload)) {
        let map = fields.get(field);
        if (map === undefined) fields.set(field, (map = new Map()));
        if (!(map instanceof Map)) return 'its body is damaged';
        for (let i = 0; i < payload.length; i += 2)
          map.set(decoder.decode(payload[i] as Encoded), decoder.decode(payload[i + 1] as Encoded));
      } else if (form === 'value' && !fields.has(field)) {
        fields.set(field, decoder.decode(payload));
      } else return 'its body is damaged';
    } catch (error) {
      return `its body is damaged (${(error as Error).message})`;
    }
    return undefined;
  };

  try {
    for await (const chunk of chunks) {
      let data = rest.length > 0 ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
      let start = 0;
      for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
        const problem = await line(data.subarray(start, nl));
        if (problem !== undefined) {
          hashing?.stop();
          return { problem };
        }
        start = nl + 1;
      }
      rest = Buffer.from(data.subarray(start));
      data = rest;
    }
  } catch (error) {
    hashing?.stop();
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? 'there is none' : `it cannot be read (${code})` };
  } finally {
    chunks.destroy();
  }
  if (header === undefined || hashing === undefined) return { problem: 'it is empty' };
  const { version, body } = await hashing.hashes;
  if (
    trailer === undefined ||
    rest.length > 0 ||
    body === null ||
    bodyBytes !== trailer.bodyBytes ||
    body.bodyBytes !== trailer.bodyBytes ||
    body.bodySha256 !== trailer.bodySha256
  )
    return { problem: 'it is truncated or damaged (its checksum does not match)' };
  if (version === null) return { problem: 'a seed file cannot be read' };
  if (version !== header.version)
    return {
      problem: `it holds version ${header.version} of the seed files, they are now at ${version}`,
    };

  // A snapshot is only ever used when it makes a whole graph: data the graph does not expect is
  // a reason to read the YAML, not a crash.
  try {
    const data = dataOf(fields);
    const dangling = danglingReference(data);
    if (dangling !== undefined) return { problem: `it does not pass the checks (${dangling})` };
    return { graph: new OrgGraph(data, { version, loadedAt: new Date(), dir }) };
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

/** The next turn of the event loop: a server writing after a load answers in between. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes the snapshot of a graph's data for `dir` (of dataset version `version`) into
 * `snapshotDir`: to a temporary file first, then renamed, so a reader never sees half of one.
 * A line at a time, so a server writing after a load keeps answering in between.
 */
export async function writeSnapshot(
  snapshotDir: string,
  data: GraphData,
  version: string,
  documents: LocalCopies,
): Promise<string> {
  const header: Header = {
    format: SNAPSHOT_FORMAT,
    code: await codeVersion(),
    version,
    documents,
    citationsOptional: data.dataset.citationPolicy === 'optional',
  };
  await mkdir(snapshotDir, { recursive: true });
  const path = join(snapshotDir, SNAPSHOT_FILE);
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  const file = await open(temporary, 'w');
  try {
    await file.write(`${JSON.stringify(header)}\n`);
    const body = createHash('sha256');
    let bodyBytes = 0;
    const fields = Object.entries(data).filter(([, value]) => value !== undefined);
    const encoder = new SnapshotEncoder(fields.map(([, value]) => value as unknown));
    const put = async (field: string, form: 'map' | 'value', payload: Encoded) => {
      const bytes = Buffer.from(
        `${asciiJson([encoder.takeNewShapes(), field, form, payload])}\n`,
        'latin1',
      );
      body.update(bytes);
      bodyBytes += bytes.length;
      await file.write(bytes);
      await nextTurn();
    };
    for (const [field, value] of fields) {
      if (!(value instanceof Map)) {
        await put(field, 'value', encoder.encode(value));
        continue;
      }
      const entries = [...(value as Map<unknown, unknown>)];
      for (let i = 0; i === 0 || i < entries.length; i += CHUNK)
        await put(
          field,
          'map',
          entries.slice(i, i + CHUNK).flatMap(([k, v]) => [encoder.encode(k), encoder.encode(v)]),
        );
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

/** The local copies of documents a load read, as the snapshot's header lists them. */
function localCopiesOf(files: SeedFiles): LocalCopies {
  return files.sources.data.flatMap((doc) =>
    doc.file === undefined ? [] : [[doc.key, doc.file] as const],
  );
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
  let documents: LocalCopies | undefined;
  const graph = await loadSeed(dir, (files) => {
    documents = localCopiesOf(files);
  });
  let written = false;
  return {
    graph,
    loadedFrom: ignored === undefined ? { from: 'yaml' } : { from: 'yaml', ignored },
    async persist() {
      if (snapshotDir === undefined) return { skipped: 'snapshots are off' };
      if (written || !documents) return { skipped: 'written already' };
      written = true;
      try {
        return {
          written: await writeSnapshot(snapshotDir, graph.data, graph.meta.version, documents),
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
  let documents: LocalCopies | undefined;
  const graph = await loadSeed(dir, (files) => {
    documents = localCopiesOf(files);
  });
  if (!documents) throw new Error('the loader did not report its checked files');
  const path = await writeSnapshot(snapshotDir, graph.data, graph.meta.version, documents);
  return { graph, path };
}
