/**
 * People in the schema: a dataset that names people holding its posts is served with Person,
 * Holding and Post.holders, fetchable by global ID and dated by `at(date:)`; the default dataset,
 * whose source names no holder, has none of them, and its schema is the checked-in one.
 */
import { readFile } from 'node:fs/promises';
import { printSchema, validate, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../src/graph/load-seed';
import type { OrgGraph } from '../../src/graph/org-graph';
import { PEOPLE_ROOT_FIELDS, PEOPLE_TYPE_NAMES } from '../../src/graph/unit-kinds';
import { schema, schemaOfGraph } from '../../src/schema/index';
import { printSchemaFile, SCHEMA_FILE } from '../../src/schema/print';
import { COMPANY_DIR, data, execOn } from '../kit';
import { companyWithPeople, removeCompaniesWithPeople } from '../people-kit';

let graph: OrgGraph;
beforeAll(async () => {
  graph = await loadSeed(await companyWithPeople());
});
afterAll(removeCompaniesWithPeople);

async function ask<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await execOn(graph, query, variables);
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.data as T;
}

interface HoldingAnswer {
  person: { key: string; name: string };
  validity: { validFrom: string | null; validTo: string | null; basis: string };
}

describe('a dataset naming people', () => {
  it('gives a post its holders, with their dates', async () => {
    const { unit } = await ask<{ unit: { head: { title: string; holders: HoldingAnswer[] } } }>(
      '{ unit(name: "Finance Department") { head { title holders { person { key name } validity { validFrom validTo basis } } } } }',
    );
    expect(unit.head).toEqual({
      title: 'Finance Director',
      holders: [
        {
          person: { key: 'sam-holt', name: 'Sam Holt' },
          validity: { validFrom: '2016-04', validTo: '2021-12-31', basis: 'RECORDED' },
        },
        {
          person: { key: 'priya-nair', name: 'Priya Nair' },
          validity: { validFrom: '2022-01-10', validTo: null, basis: 'RECORDED' },
        },
      ],
    });
  });

  it('gives a person the posts they hold or held, and pages through people', async () => {
    const { person, people } = await ask<{
      person: { name: string; posts: { title: string; unit: { name: string } }[] };
      people: { totalCount: number; nodes: { key: string }[]; pageInfo: { hasNextPage: boolean } };
    }>(
      '{ person(key: "sam-holt") { name posts { title unit { name } } } people(first: 2) { totalCount nodes { key } pageInfo { hasNextPage } } }',
    );
    expect(person).toEqual({
      name: 'Sam Holt',
      posts: [
        { title: 'Finance Director', unit: { name: 'Finance Department' } },
        { title: 'Site Manager', unit: { name: 'Riverside Site' } },
      ],
    });
    expect(people).toEqual({
      totalCount: 3,
      nodes: [{ key: 'sam-holt' }, { key: 'priya-nair' }],
      pageInfo: { hasNextPage: true },
    });
  });

  it('fetches a person again by its global ID, and a dated one in its view', async () => {
    const { person } = await ask<{ person: { id: string } }>('{ person(key: "jane-doe") { id } }');
    const { node } = await ask<{ node: { __typename: string; name: string } | null }>(
      'query ($id: ID!) { node(id: $id) { __typename ... on Person { name } } }',
      { id: person.id },
    );
    expect(node).toEqual({ __typename: 'Person', name: 'Jane Doe' });

    const { at } = await ask<{ at: { person: { id: string } } }>(
      '{ at(date: "2021-06-01") { person(key: "sam-holt") { id } } }',
    );
    expect(at.person.id).not.toBe(person.id);
    const dated = await ask<{
      node: { name: string; holdings: { post: { key: string } }[] } | null;
    }>('query ($id: ID!) { node(id: $id) { ... on Person { name holdings { post { key } } } } }', {
      id: at.person.id,
    });
    expect(dated.node).toEqual({
      name: 'Sam Holt',
      holdings: [{ post: { key: 'finance-director' } }],
    });
  });

  it('shows in a dated view who held a post on its date', async () => {
    const holders = async (date: string) =>
      (
        await ask<{ at: { post: { head: { holders: { person: { name: string } }[] } } } }>(
          'query ($date: Date!) { at(date: $date) { post: unit(name: "Finance Department") { head { holders { person { name } } } } } }',
          { date },
        )
      ).at.post;
    expect(await holders('2019-01-01')).toEqual({
      head: { holders: [{ person: { name: 'Sam Holt' } }] },
    });
    expect(await holders('2022-01-09')).toEqual({ head: { holders: [] } });
    expect(await holders('2025-12-31')).toEqual({
      head: { holders: [{ person: { name: 'Priya Nair' } }] },
    });
  });

  it('adds exactly the types and root fields no kind may take', async () => {
    const without = schemaOfGraph(await loadSeed(COMPANY_DIR));
    const withPeople = schemaOfGraph(graph);
    const added = (of: (s: typeof schema) => string[]) =>
      of(withPeople).filter((name) => !of(without).includes(name));
    expect(added((s) => Object.keys(s.getTypeMap())).sort()).toEqual([...PEOPLE_TYPE_NAMES].sort());
    expect(added((s) => Object.keys(s.getQueryType()?.getFields() ?? {})).sort()).toEqual(
      [...PEOPLE_ROOT_FIELDS].sort(),
    );
  });

  it('describes Post without saying the source names no holders', () => {
    const sdl = printSchema(schemaOfGraph(graph));
    expect(sdl).toContain('type Person implements Node');
    expect(sdl).toMatch(/holders: \[Holding!\]!/);
    expect(sdl).not.toContain('The source names no holders');
  });
});

describe('the default dataset, whose source names no holder', () => {
  it('has no Person, Holding, holders or people in its schema', () => {
    const sdl = printSchema(schema);
    expect(sdl).not.toMatch(/\bPerson\b|\bHolding\b|\bholders:|\bpeople\(|\bperson\(/);
    expect(sdl).toContain('The source names no holders, so none are given.');
    for (const query of [
      '{ posts { nodes { holders { person { name } } } } }',
      '{ people { totalCount } }',
    ])
      expect(validate(schema, parse(query)).length).toBeGreaterThan(0);
  });

  it('is the checked-in schema, byte for byte', async () => {
    expect(printSchemaFile()).toBe(await readFile(SCHEMA_FILE, 'utf8'));
  });

  it('finds no node for a Person ID', async () => {
    const { person } = await ask<{ person: { id: string } }>('{ person(key: "jane-doe") { id } }');
    expect(await data('query ($id: ID!) { node(id: $id) { id } }', { id: person.id })).toEqual({
      node: null,
    });
  });

  it('stays without people for a company that names none', async () => {
    const company = await loadSeed(COMPANY_DIR);
    expect(printSchema(schemaOfGraph(company))).not.toMatch(/\bPerson\b|\bholders:/);
  });
});
