/** The benchmark's generated organisation is a valid dataset that search and whoHandles answer. */
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { generateOrgInTemp, type GeneratedOrg } from '../../bench/generate-org';
import { loadSeed } from '../../src/graph/load-seed';
import { search } from '../../src/graph/search/search';
import { whoHandles } from '../../src/graph/who-handles';

let org: GeneratedOrg | undefined;
afterAll(async () => {
  if (org) await rm(org.dir, { recursive: true, force: true });
});

describe('a generated organisation', () => {
  it('loads with the seed checker and answers questions', async () => {
    org = await generateOrgInTemp({ units: 600, seed: 7 });
    const graph = await loadSeed(org.dir);
    expect(graph.counts().units).toBe(600);
    const name = org.sampleUnitNames[0] ?? graph.units()[1]!.name.en;
    const unit = graph.units().find((u) => u.name.en === name);
    expect(search(graph, { text: name, kinds: ['unit'] })[0]?.key).toBe(unit?.key);
    expect(whoHandles(graph, 'cyber defense').length).toBeGreaterThan(0);
    expect(whoHandles(graph, 'missile defence')).toEqual([]);
  });

  it('is the same for the same seed', async () => {
    const a = await generateOrgInTemp({ units: 50, seed: 3 });
    const b = await generateOrgInTemp({ units: 50, seed: 3 });
    try {
      expect((await loadSeed(a.dir)).meta.version).toBe((await loadSeed(b.dir)).meta.version);
    } finally {
      await Promise.all([a, b].map((o) => rm(o.dir, { recursive: true, force: true })));
    }
  });
});
