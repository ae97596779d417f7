/**
 * An export imported again gives the same graph, as far as the export carries it: the NATO
 * dataset and a generated organisation, through Popolo JSON and W3C ORG JSON-LD. Citations,
 * notes, corrections, staff rules, headcounts and documents are not exported in a form that
 * comes back (README, "Serving your own organisation"), so they are left out of the comparison.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrgInTemp } from '../../../src/cli/seed-generate';
import { exportGraph } from '../../../src/graph/export/formats';
import { importFile, type ImportFormat } from '../../../src/graph/import/formats';
import { writeSeed } from '../../../src/graph/import/write-seed';
import { loadSeed } from '../../../src/graph/load-seed';
import type { OrgGraph } from '../../../src/graph/org-graph';
import { holdersOf } from '../../../src/graph/people';
import type { Lang } from '../../../src/graph/types';
import { defaultGraph } from '../../kit';

const LARKSPUR = fileURLToPath(new URL('../../../docs/examples/larkspur.csv', import.meta.url));

let dir: string;
let generated: OrgGraph;
/** The Larkspur example: a CSV chart whose head cells name (fictitious) people. */
let withPeople: OrgGraph;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orggraph-round-trip-'));
  const org = await generateOrgInTemp({ units: 400, seed: 7 });
  generated = await loadSeed(org.dir);
  await rm(org.dir, { recursive: true, force: true });
  withPeople = await writeSeed(
    await importFile('csv', LARKSPUR, { asOf: '2024-06-01' }),
    join(dir, 'larkspur'),
  );
  // What its round trips must keep: people, and posts they hold.
  expect(withPeople.people().length).toBeGreaterThan(1);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

let runs = 0;
async function roundTrip(graph: OrgGraph, format: 'popolo' | 'jsonld'): Promise<OrgGraph> {
  const file = join(dir, `export-${++runs}.json`);
  await writeFile(file, exportGraph(graph, format, { lang: 'en', base: 'urn:test:' }));
  const from: ImportFormat = format === 'popolo' ? 'popolo' : 'w3c-org';
  return writeSeed(await importFile(from, file), join(dir, `seed-${runs}`));
}

const sorted = <T>(xs: readonly T[]) => [...xs].sort();
/** Records in key order: the order of topics and events is not what a round trip keeps. */
const byKey = <T extends { key: string }>(xs: readonly T[]) =>
  [...xs].sort((a, b) => a.key.localeCompare(b.key));

/** What both exports carry of a graph. */
function carried(graph: OrgGraph) {
  const { languages } = graph.dataset;
  const inLanguages = (t: Readonly<Record<Lang, string>>) =>
    Object.fromEntries(languages.map((l) => [l, t[l]]));
  return {
    dataset: { key: graph.dataset.key, asOf: graph.dataset.asOf.value, languages },
    units: graph.units().map((u) => ({
      key: u.key,
      kind: u.kind,
      name: inLanguages(u.name),
      description: u.description[languages[0]],
      acronym: u.acronym?.en,
      aliases: sorted(u.aliases.map((a) => `${a.text} (${a.lang})`)),
      parent: u.parent?.unitKey,
      reportsTo: u.reportsTo?.unitKey,
      memberOf: u.memberOf.map((m) => m.unitKey),
      established: u.established?.value,
      dissolved: u.dissolved?.value,
      topics: u.responsibilities.map((r) => r.topicKey),
      supportsUnits: u.supports.flatMap((s) =>
        s.supported.kind === 'unit' ? [s.supported.unitKey] : [],
      ),
      // A head post of its own unit says so in both exports; another unit's head does not.
      head: u.headKey && graph.post(u.headKey)?.unitKey === u.key ? u.headKey : undefined,
    })),
    posts: graph.posts().map((p) => ({
      key: p.key,
      unit: p.unitKey,
      role: p.role,
      title: inLanguages(p.title),
      acronym: p.acronym,
      holders: holdersOf(p).map((h) => [h.personKey, h.from?.value, h.until?.value]),
    })),
    people: graph.people().map((p) => ({ key: p.key, name: inLanguages(p.name) })),
    // Topics some unit handles (Popolo lists topics only under the units handling them).
    topics: byKey(
      graph
        .topics()
        .filter((t) => graph.handlersOf(t.key).length > 0)
        .map((t) => ({ key: t.key, label: t.label[languages[0]] })),
    ),
    events: byKey(
      graph.events().map((e) => ({
        key: e.key,
        kind: e.kind,
        date: e.date.value,
        endDate: e.endDate?.value,
        title: e.title[languages[0]],
        affects: sorted(e.affectsKeys),
        partOf: e.partOfKey,
        causedBy: e.causedByKeys,
      })),
    ),
    kinds: graph.kinds.map((k) => ({
      key: k.key,
      typeName: k.typeName,
      labels: inLanguages(k.labels),
      description: k.description,
      formalOrganization: k.formalOrganization,
    })),
  };
}

describe.each([
  ['the NATO dataset', () => defaultGraph()],
  ['a generated organisation', () => Promise.resolve(generated)],
  ['a company naming people', () => Promise.resolve(withPeople)],
])('%s, exported and imported again', (_name, graphOf) => {
  it.each(['popolo', 'jsonld'] as const)('through %s gives the same graph', async (format) => {
    const graph = await graphOf();
    const back = await roundTrip(graph, format);
    expect(carried(back)).toEqual(carried(graph));
  });

  it('through popolo keeps every kind as dataset.yaml declares it', async () => {
    const graph = await graphOf();
    const back = await roundTrip(graph, 'popolo');
    expect(back.kinds).toEqual(graph.kinds);
  });

  it('through jsonld keeps the topics’ labels in every language, variants and broader topics', async () => {
    const graph = await graphOf();
    const back = await roundTrip(graph, 'jsonld');
    const topics = (g: OrgGraph) =>
      g
        .topics()
        .map((t) => ({ key: t.key, label: t.label, variants: t.variants, broader: t.broaderKeys }));
    expect(topics(back)).toEqual(topics(graph));
    expect(back.events().map((e) => e.dateQualifier)).toEqual(
      graph.events().map((e) => e.dateQualifier),
    );
  });
});
