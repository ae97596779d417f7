/**
 * The start-up snapshot: a graph loaded from it answers as the one loaded from the YAML, with the
 * same version; a snapshot that is stale, damaged or written by other code is ignored (with its
 * reason) and the YAML is read instead; a directory that cannot be written is no error.
 */
import { cp, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateOrgInTemp } from '../../src/cli/seed-generate';
import { unitNamesOf } from '../../src/graph/build-graph';
import { nameKey } from '../../src/graph/normalize';
import type { OrgGraph } from '../../src/graph/org-graph';
import { reportingLine } from '../../src/graph/reporting-line';
import { search } from '../../src/graph/search/search';
import {
  loadSeedWithSnapshot,
  SNAPSHOT_FILE,
  writeSnapshot,
  type LoadResult,
} from '../../src/graph/snapshot';
import type { Unit } from '../../src/graph/types';
import { unitNamed } from '../../src/graph/unit-by-name';
import { whoHandles } from '../../src/graph/who-handles';
import { editFile, runCli, seedCopy } from '../kit';

const COMPANY = fileURLToPath(new URL('../fixtures/datasets/company', import.meta.url));

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function temp(make: () => Promise<string>): Promise<string> {
  const dir = await make();
  dirs.push(dir);
  return dir;
}

/** What a user would ask of the graph, as plain data to compare. */
function answers(graph: OrgGraph) {
  const units = graph.units();
  const some = units.filter((_, i) => i % Math.max(1, Math.floor(units.length / 15)) === 0);
  return {
    dataset: graph.dataset,
    counts: graph.counts(),
    units: units.map((u) => [u.key, u.kind, u.name, u.parent?.unitKey, graph.depthOf(u.key)]),
    // Every name, acronym and alias finds its unit, whichever way the graph was loaded.
    nameIndex: units.map((u) =>
      unitNamesOf(u).map(([, entry]) => graph.unitNameIndex().unitNamed(nameKey(entry.text))?.key),
    ),
    names: some.map((u) => {
      const match = unitNamed(graph, u.name.en);
      return [match?.unit.key, match?.via];
    }),
    lines: some.map((u) =>
      reportingLine(graph, u.key)?.map((step) => [step.unit.key, step.basis, step.sources]),
    ),
    searches: ['security', 'cyber defnce', 'bureau', 'logistics'].map((text) =>
      search(graph, { text }).map((hit) => hit.key),
    ),
    handlers: ['cyber defence', 'security'].map((topic) =>
      whoHandles(graph, topic).map((answer) => JSON.stringify(answer)),
    ),
  };
}

async function written(result: LoadResult): Promise<string> {
  const outcome = await result.persist();
  if (!('written' in outcome)) throw new Error(`not written: ${JSON.stringify(outcome)}`);
  return outcome.written;
}

describe('the start-up snapshot', () => {
  it.each([
    ['the default dataset (quotes checked against local copies)', () => seedCopy()],
    [
      'a generated organisation',
      async () => (await generateOrgInTemp({ units: 400, seed: 3 })).dir,
    ],
    [
      'a company citing nothing, without sources, posts or events files',
      async () => {
        const dir = await mkdtemp(join(tmpdir(), 'orggraph-company-'));
        await cp(COMPANY, dir, { recursive: true });
        return dir;
      },
    ],
  ])('gives the same graph as the YAML: %s', async (_, make) => {
    const dir = await temp(make);
    const cache = join(dir, '.orggraph-cache');
    const fromYaml = await loadSeedWithSnapshot(dir, cache);
    expect(fromYaml.loadedFrom).toEqual({ from: 'yaml' });
    const path = await written(fromYaml);
    expect(path).toBe(join(cache, SNAPSHOT_FILE));

    const fromSnapshot = await loadSeedWithSnapshot(dir, cache);
    expect(fromSnapshot.loadedFrom).toEqual({ from: 'snapshot', path });
    expect(fromSnapshot.graph.meta.version).toBe(fromYaml.graph.meta.version);
    expect(answers(fromSnapshot.graph)).toEqual(answers(fromYaml.graph));
    expect(answers(fromYaml.graph).names.flat()).not.toContain(undefined);
    // The same data, record for record (keys whose value is undefined included), and sharing
    // what the builder shares: a citation names the document of the graph, not a copy.
    expect(fromSnapshot.graph.data).toStrictEqual(fromYaml.graph.data);
    const documents = fromSnapshot.graph.data.documents;
    for (const citation of fromSnapshot.graph.citations())
      expect(citation.document).toBe(documents.get(citation.document.key));
    for (const [key, update] of fromYaml.graph.data.documentUpdates)
      expect(documents.get(key)?.updated).toStrictEqual(update);
    expect(await fromSnapshot.persist()).toEqual({ skipped: 'loaded from the snapshot' });
  });

  it('is ignored once the seed files change, and written again', async () => {
    const dir = await temp(seedCopy);
    const cache = join(dir, '.orggraph-cache');
    const first = await loadSeedWithSnapshot(dir, cache);
    await written(first);
    await editFile(dir, 'units.yaml', (text) => `${text}\n# a comment changes the version\n`);

    const stale = await loadSeedWithSnapshot(dir, cache);
    expect(stale.loadedFrom.from).toBe('yaml');
    expect(stale.loadedFrom).toMatchObject({
      ignored: expect.stringContaining(`holds version ${first.graph.meta.version}`),
    });
    expect(stale.graph.meta.version).not.toBe(first.graph.meta.version);
    await written(stale);

    const again = await loadSeedWithSnapshot(dir, cache);
    expect(again.loadedFrom.from).toBe('snapshot');
    expect(again.graph.meta.version).toBe(stale.graph.meta.version);
  });

  it('is ignored when a local copy of a document changes', async () => {
    const dir = await temp(seedCopy);
    const cache = join(dir, '.orggraph-cache');
    await written(await loadSeedWithSnapshot(dir, cache));
    await editFile(dir, 'documents/nato-is-2011-fr.txt', (text) => `${text}\n`);
    const stale = await loadSeedWithSnapshot(dir, cache);
    expect(stale.loadedFrom).toMatchObject({ from: 'yaml', ignored: expect.any(String) });
  });

  /**
   * Writes the snapshot again, as the writer does (so its checksum matches), from the graph's data
   * with the first unit that has a parent given another one.
   */
  async function rewrite(
    path: string,
    graph: OrgGraph,
    parentKeyOf: (unit: Unit) => string,
  ): Promise<void> {
    const child = graph.units().find((u) => u.parent);
    if (!child?.parent) throw new Error('no unit has a parent');
    const unitKey = parentKeyOf(child);
    const units = new Map(graph.data.units);
    units.set(child.key, { ...child, parent: { ...child.parent, unitKey } });
    const documents = (
      await readFile(path, 'utf8').then((text) => JSON.parse(text.slice(0, text.indexOf('\n'))))
    ).documents as [string, string][];
    await writeSnapshot(dirname(path), { ...graph.data, units }, graph.meta.version, documents);
  }

  const damages: [string, (path: string, graph: OrgGraph) => Promise<void>, RegExp][] = [
    ['truncated', async (path) => truncate(path, (await readFile(path)).length - 100), /truncated/],
    [
      'changed inside a record',
      async (path) => {
        const text = await readFile(path, 'utf8');
        await writeFile(path, text.replace('"Office of', '"Office for'));
      },
      /damaged|checksum/,
    ],
    ['not JSON', async (path) => writeFile(path, 'not a snapshot\n'), /header is not JSON/],
    ['empty', async (path) => writeFile(path, ''), /empty/],
    [
      'written by other code',
      async (path) => {
        const text = await readFile(path, 'utf8');
        await writeFile(path, text.replace(/"code":"[^"]+"/, '"code":"0.0.0+0.other"'));
      },
      /written by code 0\.0\.0\+0\.other/,
    ],
    [
      'consistent but wrong (a parent that is no unit), written with a matching checksum',
      async (path, graph) => rewrite(path, graph, () => 'no-such-unit'),
      /does not pass the checks .*no-such-unit/,
    ],
    [
      'consistent but wrong (a unit part of itself), written with a matching checksum',
      async (path, graph) => rewrite(path, graph, (unit) => unit.key),
      /does not pass the checks .*cycle/,
    ],
  ];

  it.each(damages)('is ignored, with the reason, when %s', async (_, damage, reason) => {
    const dir = await temp(seedCopy);
    const cache = join(dir, '.orggraph-cache');
    const good = await loadSeedWithSnapshot(dir, cache);
    const path = await written(good);
    await damage(path, good.graph);

    const result = await loadSeedWithSnapshot(dir, cache);
    expect(result.loadedFrom.from).toBe('yaml');
    expect(result.loadedFrom).toMatchObject({ ignored: expect.stringMatching(reason) });
    expect(answers(result.graph)).toEqual(answers(good.graph));
    // Written again, it is used again.
    await written(result);
    expect((await loadSeedWithSnapshot(dir, cache)).loadedFrom.from).toBe('snapshot');
  });

  it('loads from the YAML when its directory cannot be written', async () => {
    const dir = await temp(seedCopy);
    const file = join(await temp(() => mkdtemp(join(tmpdir(), 'orggraph-file-'))), 'a-file');
    await writeFile(file, '');
    // A directory inside a file cannot exist, whoever runs the test (even root).
    const result = await loadSeedWithSnapshot(dir, join(file, 'cache'));
    expect(result.graph.counts().units).toBeGreaterThan(0);
    expect(await result.persist()).toEqual({ failed: expect.stringMatching(/^ENOTDIR/) });
  });

  it('is neither read nor written when snapshots are off', async () => {
    const dir = await temp(seedCopy);
    const result = await loadSeedWithSnapshot(dir, undefined);
    expect(result.loadedFrom).toEqual({ from: 'yaml' });
    expect(await result.persist()).toEqual({ skipped: 'snapshots are off' });
  });

  it('is written by npm run seed:build, and then used', async () => {
    const dir = await temp(seedCopy);
    const cache = join(dir, 'elsewhere');
    const { code, stdout, stderr } = await runCli('seed-build', dir, '--out', cache);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /graph-snapshot\.jsonl: snapshot of \d+ units \(dataset nato-international-staff, version \w+\)/,
    );
    const result = await loadSeedWithSnapshot(dir, cache);
    expect(result.loadedFrom).toEqual({ from: 'snapshot', path: join(cache, SNAPSHOT_FILE) });
  });
});
