/** `npm run seed:generate` writes a valid dataset of any size that search and whoHandles answer. */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateOrgInTemp, levelSizes, type GeneratedOrg } from '../../src/cli/seed-generate';
import { loadSeed } from '../../src/graph/load-seed';
import { search } from '../../src/graph/search/search';
import { whoHandles } from '../../src/graph/who-handles';
import { runCli } from '../kit';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function generate(units: number, seed: number): Promise<GeneratedOrg> {
  const org = await generateOrgInTemp({ units, seed });
  dirs.push(org.dir);
  return org;
}

async function files(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).sort();
  return Object.fromEntries(
    await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n), 'utf8')] as const)),
  );
}

describe('a generated organisation', () => {
  it('loads with the seed checker and answers questions', async () => {
    const org = await generate(600, 7);
    const graph = await loadSeed(org.dir);
    expect(graph.counts().units).toBe(600);
    const name = org.sampleUnitNames[0] ?? graph.units()[1]!.name.en;
    const unit = graph.units().find((u) => u.name.en === name);
    expect(search(graph, { text: name, kinds: ['unit'] })[0]?.key).toBe(unit?.key);
    expect(whoHandles(graph, 'cyber defense').length).toBeGreaterThan(0);
    expect(whoHandles(graph, 'missile defence')).toEqual([]);
  });

  it('is accepted by npm run seed:check', async () => {
    const org = await generate(300, 2);
    const { code, stdout } = await runCli('seed-check', org.dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/: ok: 300 units, \d+ posts, \d+ topics, \d+ events/);
  });

  it('writes the same files for the same size and seed, other files for another seed', async () => {
    const [a, b, c] = await Promise.all([generate(200, 3), generate(200, 3), generate(200, 4)]);
    expect(await files(a.dir)).toEqual(await files(b.dir));
    expect((await files(c.dir))['units.yaml']).not.toBe((await files(a.dir))['units.yaml']);
  });

  it('varies how many sub-units a unit has, level by level', async () => {
    const org = await generate(12_000, 1);
    const graph = await loadSeed(org.dir);
    const spansByDepth = new Map<number, Set<number>>();
    for (const u of graph.units()) {
      if (graph.childrenOf(u.key).length === 0) continue;
      const depth = graph.depthOf(u.key);
      spansByDepth.set(
        depth,
        (spansByDepth.get(depth) ?? new Set()).add(graph.childrenOf(u.key).length),
      );
    }
    // The root has one span; every level below it holds units with many different spans.
    for (const depth of [1, 2]) expect(spansByDepth.get(depth)?.size).toBeGreaterThan(5);
    expect(levelSizes(12_000)).toEqual([20, 500, 10_000, 1_479]);
    const dated = graph.units().filter((u) => u.established);
    expect(dated.length).toBeGreaterThan(0);
    const kinds = new Set(graph.events().map((e) => e.kind));
    expect(kinds).toEqual(new Set(['creation', 'review', 'restructuring']));
  });
});
