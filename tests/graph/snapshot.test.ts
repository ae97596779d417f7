/**
 * The start-up snapshot: a graph loaded from it answers as the one loaded from the YAML, with the
 * same version; a snapshot that is stale, damaged or written by other code is ignored (with its
 * reason) and the YAML is read instead; a directory that cannot be written is no error.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateOrgInTemp } from '../../src/cli/seed-generate';
import type { OrgGraph } from '../../src/graph/org-graph';
import { reportingLine } from '../../src/graph/reporting-line';
import { search } from '../../src/graph/search/search';
import { loadSeedWithSnapshot, SNAPSHOT_FILE, type LoadResult } from '../../src/graph/snapshot';
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
    // Made on first use from a snapshot, by the builder from the YAML: the same map either way.
    nameIndex: [...graph.unitNameIndex()],
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

  const damages: [string, (path: string) => Promise<void>, RegExp][] = [
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
      'consistent but wrong (a parent that is no unit), its checksum made to match',
      async (path) => {
        const lines = (await readFile(path, 'utf8')).split('\n').slice(0, -2);
        const body = lines
          .slice(1)
          .map((line) =>
            line.replace(/"parent":\{"unit":"[^"]+"/, '"parent":{"unit":"no-such-unit"'),
          )
          .map((line) => line.replace(/"parent":"[^"]+"/, '"parent":"no-such-unit"'));
        const text = body.map((line) => `${line}\n`).join('');
        const trailer = {
          bodyBytes: Buffer.byteLength(text),
          bodySha256: createHash('sha256').update(text).digest('hex'),
        };
        await writeFile(path, `${lines[0]}\n${text}${JSON.stringify(trailer)}\n`);
      },
      /does not pass the checks .*no-such-unit/,
    ],
    [
      'consistent but wrong (a unit part of itself), its checksum made to match',
      async (path) => {
        const lines = (await readFile(path, 'latin1')).split('\n').slice(0, -2);
        let changed = false;
        const body = lines.slice(1).map((line) => {
          const [kind, records] = JSON.parse(line) as [string, { key: string; parent?: object }[]];
          const unit = kind === 'units' && !changed && records.find((r) => r.parent);
          if (!unit) return line;
          unit.parent = { unit: unit.key };
          changed = true;
          // As the writer does: ASCII, anything past it escaped.
          return JSON.stringify([kind, records]).replace(
            /[\u007f-\uffff]/g,
            (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
          );
        });
        const text = body.map((line) => `${line}\n`).join('');
        const trailer = {
          bodyBytes: Buffer.byteLength(text, 'latin1'),
          bodySha256: createHash('sha256').update(text, 'latin1').digest('hex'),
        };
        await writeFile(path, `${lines[0]}\n${text}${JSON.stringify(trailer)}\n`, 'latin1');
      },
      /does not pass the checks .*cycle/,
    ],
  ];

  it.each(damages)('is ignored, with the reason, when %s', async (_, damage, reason) => {
    const dir = await temp(seedCopy);
    const cache = join(dir, '.orggraph-cache');
    const good = await loadSeedWithSnapshot(dir, cache);
    const path = await written(good);
    await damage(path);

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
