/**
 * People holding posts (people.yaml and a post's `holders`): refused where a holder is unknown or
 * dated impossibly, at the file, line and field; held by the graph with their dates; seen in a
 * dated view only while they held the post; kept by the snapshot. The company is fictitious, and
 * so are its people; the default dataset names no one.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { graphAt } from '../../src/graph/as-of';
import { loadSeed } from '../../src/graph/load-seed';
import {
  holdersOf,
  holdingsOfPerson,
  holdingValidity,
  holdsOn,
  holdsPeople,
} from '../../src/graph/people';
import { parsePartialDate, type PartialDate } from '../../src/graph/partial-date';
import { loadSeedWithSnapshot } from '../../src/graph/snapshot';
import type { OrgGraph } from '../../src/graph/org-graph';
import { defaultGraph, issuesOf } from '../kit';
import { companyWithPeople, removeCompaniesWithPeople } from '../people-kit';

afterAll(removeCompaniesWithPeople);

const date = (text: string): PartialDate => parsePartialDate(text) as PartialDate;
const names = (graph: OrgGraph, postKey: string) => {
  const post = graph.post(postKey);
  return post ? holdersOf(post).map((h) => graph.person(h.personKey)?.name.en) : undefined;
};

describe('people in the seed', () => {
  it.each([
    [
      'an unknown person',
      (f: { posts: string; people: string }) => ({
        ...f,
        posts: f.posts.replace('person: jane-doe', 'person: john-roe'),
      }),
      'posts.yaml',
      13,
      'posts[1].holders[0].person',
      /unknown person \(people.yaml\) "john-roe"/,
    ],
    [
      'an end before the start',
      (f: { posts: string; people: string }) => ({
        ...f,
        posts: f.posts.replace("until: '2021-12-31'", "until: '2015-12-31'"),
      }),
      'posts.yaml',
      6,
      'posts[0].holders[0].until',
      /until \(2015-12-31\) is before from \(2016-04\)/,
    ],
    [
      'a date that is none',
      (f: { posts: string; people: string }) => ({
        ...f,
        posts: f.posts.replace("from: '2020-01-01'", "from: '2020-13-01'"),
      }),
      'posts.yaml',
      13,
      'posts[1].holders[0].from',
      /impossible month/,
    ],
    [
      'a person named twice',
      (f: { posts: string; people: string }) => ({
        ...f,
        people: `${f.people}- key: jane-doe\n  name: { en: Jane Doe }\n`,
      }),
      'people.yaml',
      7,
      'people[3].key',
      /duplicate person key "jane-doe" \(already defined at line 5\)/,
    ],
    [
      'a person without a name',
      (f: { posts: string; people: string }) => ({
        ...f,
        people: f.people.replace('name: { en: Priya Nair }', 'name: {}'),
      }),
      'people.yaml',
      4,
      'people[1].name.en',
      /.+/,
    ],
  ] as const)(
    'refuses %s at its file, line and field',
    async (_what, edit, file, line, field, message) => {
      const issues = await issuesOf(await companyWithPeople(edit));
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ line, field });
      expect(issues[0]?.file.endsWith(file)).toBe(true);
      expect(issues[0]?.message).toMatch(message);
    },
  );

  it('accepts a holder dated "until 2020" from within 2020: a partial date covers its period', async () => {
    const dir = await companyWithPeople((f) => ({
      ...f,
      posts: f.posts.replace("from: '2020-01-01'", "from: '2020-05-01', until: '2020'"),
    }));
    const graph = await loadSeed(dir);
    expect(names(graph, 'payroll-manager')).toEqual(['Jane Doe']);
  });
});

describe('people in the graph', () => {
  it('gives a post its holders, earliest first, with their dates', async () => {
    const graph = await loadSeed(await companyWithPeople());
    expect(holdsPeople(graph)).toBe(true);
    const post = graph.post('finance-director');
    expect(post).toBeDefined();
    const holders = holdersOf(post!);
    expect(holders.map((h) => h.personKey)).toEqual(['sam-holt', 'priya-nair']);
    expect(holdingValidity(holders[0]!)).toMatchObject({
      validFrom: { value: '2016-04' },
      validTo: { value: '2021-12-31' },
      basis: 'recorded',
    });
    expect(holdingValidity(holders[1]!)).toMatchObject({ validTo: undefined, basis: 'recorded' });
  });

  it('gives a person the posts they hold or held', async () => {
    const graph = await loadSeed(await companyWithPeople());
    const sam = graph.person('sam-holt');
    expect(sam?.name.en).toBe('Sam Holt');
    expect(holdingsOfPerson(sam!).map((h) => h.postKey)).toEqual([
      'finance-director',
      'site-manager',
    ]);
    expect(graph.people().map((p) => p.key)).toEqual(['sam-holt', 'priya-nair', 'jane-doe']);
  });

  it('shows in a dated view only the holders whose dates cover its day', async () => {
    const graph = await loadSeed(await companyWithPeople());
    expect(names(graphAt(graph, date('2019-06-01')), 'finance-director')).toEqual(['Sam Holt']);
    expect(names(graphAt(graph, date('2022-01-09')), 'finance-director')).toEqual([]);
    expect(names(graphAt(graph, date('2023')), 'finance-director')).toEqual(['Priya Nair']);
    // Sam Holt held two posts, one after the other.
    const sam = (g: OrgGraph) => holdingsOfPerson(g.person('sam-holt')!).map((h) => h.postKey);
    expect(sam(graphAt(graph, date('2020')))).toEqual(['finance-director']);
    expect(sam(graphAt(graph, date('2024')))).toEqual(['site-manager']);
  });

  it('reads open and partial ends as the period they cover', () => {
    const held = { personKey: 'a', postKey: 'b', sources: [] };
    expect(holdsOn(held, '1900-01-01')).toBe(true);
    expect(holdsOn({ ...held, until: date('2021') }, '2021-12-31')).toBe(true);
    expect(holdsOn({ ...held, until: date('2021') }, '2022-01-01')).toBe(false);
    expect(holdsOn({ ...held, from: date('2021-03') }, '2021-02-28')).toBe(false);
    expect(holdingValidity(held)).toEqual({ basis: 'undated' });
  });

  it('keeps its people through the snapshot', async () => {
    const dir = await companyWithPeople();
    const snapshots = join(dir, '.snapshots');
    const first = await loadSeedWithSnapshot(dir, snapshots);
    expect(first.loadedFrom.from).toBe('yaml');
    expect(await first.persist()).toHaveProperty('written');
    const again = await loadSeedWithSnapshot(dir, snapshots);
    expect(again.loadedFrom.from).toBe('snapshot');
    expect(again.graph.meta.version).toBe(first.graph.meta.version);
    expect(again.graph.people()).toEqual(first.graph.people());
    expect(names(again.graph, 'finance-director')).toEqual(['Sam Holt', 'Priya Nair']);
    // Another person is another version: the snapshot is not used for it.
    await writeFile(
      join(dir, 'people.yaml'),
      `${await readFile(join(dir, 'people.yaml'), 'utf8')}- key: lee-park\n  name: { en: Lee Park }\n`,
    );
    const changed = await loadSeedWithSnapshot(dir, snapshots);
    expect(changed.loadedFrom.from).toBe('yaml');
    expect(changed.graph.people()).toHaveLength(4);
  });

  it('is empty for the default dataset, whose source names no holder', async () => {
    const graph = await defaultGraph();
    expect(holdsPeople(graph)).toBe(false);
    expect(graph.people()).toEqual([]);
    expect(graph.posts().flatMap((p) => holdersOf(p))).toEqual([]);
  });
});
