/**
 * A company chart in English only, from a spreadsheet to answers: docs/examples/larkspur.csv
 * (a fictitious kettle maker) goes through `npm run import`, passes `seed:check`, and is served
 * with its own kinds as GraphQL types (Department, Team, Site, BusinessUnit) and every generic
 * root field working on it.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execute, parse, printSchema, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../src/graph/load-seed';
import type { OrgGraph } from '../../src/graph/org-graph';
import { createContext } from '../../src/schema/context';
import { withInputErrors } from '../../src/schema/errors';
import { schemaOfGraph } from '../../src/schema/index';
import { runCli } from '../kit';

const CSV = fileURLToPath(new URL('../../docs/examples/larkspur.csv', import.meta.url));

let dir: string;
let graph: OrgGraph;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orggraph-larkspur-'));
  const imported = await runCli(
    'import',
    '--from',
    'csv',
    CSV,
    '--out',
    join(dir, 'seed'),
    '--as-of',
    '2024-06-01',
  );
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
  graph = await loadSeed(join(dir, 'seed'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function ask<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const schema = schemaOfGraph(graph);
  const document = parse(query);
  const errors = validate(schema, document);
  if (errors.length > 0) throw new Error(errors.map((e) => e.message).join('\n'));
  const context = createContext(graph);
  const result = withInputErrors(
    await execute({
      schema,
      document,
      variableValues: variables,
      contextValue: context,
      rootValue: context.root,
    }),
  );
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.data as T;
}

interface HoldingAnswer {
  person: { id: string; name: string };
  validity: { validFrom: string | null; validTo: string | null };
}

describe('an English-only company chart, imported from CSV', () => {
  it('gives the answer the README shows for its example query', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const example =
      /```graphql\n(# On the Larkspur example company[^\n]*\n[\s\S]*?)```\s*```json\n([\s\S]*?)```/.exec(
        readme,
      );
    expect(example).not.toBeNull();
    const [, query = '', answer = ''] = example ?? [];
    expect({ data: await ask(query) }).toEqual(JSON.parse(answer));
  });

  it('passes seed:check', async () => {
    const { code, stdout } = await runCli('seed-check', join(dir, 'seed'));
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /ok: 32 units, 20 posts, 5 people, 56 topics, 0 events, 0 documents, 0 citations \(dataset larkspur, as of 2024-06-01, citations optional/,
    );
    expect((await readdir(dir)).sort()).toEqual(['seed']);
  });

  it('is served with its kinds as types implementing OrgUnit', () => {
    const sdl = printSchema(schemaOfGraph(graph));
    for (const type of ['Company', 'Department', 'Team', 'BusinessUnit', 'Site'])
      expect(sdl).toContain(`type ${type} implements Node & OrgUnit`);
    expect(sdl).not.toMatch(/\bDivision\b|\bSecretaryGeneral\b/);
    expect(sdl).toMatch(/enum Lang \{\s+"""[^"]*"""\s+EN\s+\}/);
  });

  it('serves the people its head cells name, with their dates, as holders of the posts', async () => {
    const data = await ask<{ finance: { head: { title: string; holders: HoldingAnswer[] } } }>(
      '{ finance: unit(name: "Finance") { head { title holders { person { id name } validity { validFrom validTo } } } } }',
    );
    const people = data.finance.head.holders.map((h) => [h.person.name, h.validity]);
    expect(data.finance.head.title).toBe('Finance Director');
    expect(people).toEqual([
      ['Sam Holt', { validFrom: '2016-04', validTo: '2021-12-31' }],
      ['Priya Nair', { validFrom: '2022-01-10', validTo: null }],
    ]);
    const [priya] = data.finance.head.holders.slice(1);
    const node = await ask<{ node: { name: string; posts: { title: string }[] } }>(
      'query ($id: ID!) { node(id: $id) { ... on Person { name posts { title } } } }',
      { id: priya?.person.id },
    );
    expect(node.node).toEqual({ name: 'Priya Nair', posts: [{ title: 'Finance Director' }] });
  });

  it('answers who handles a responsibility, by topic and in other words', async () => {
    const data = await ask<{ a: { name: string; __typename: string }[]; b: { name: string }[] }>(
      '{ a: whoHandles(topic: "payroll") { name __typename } b: whoHandles(topic: "Warranty claim") { name } }',
    );
    expect(data.a).toEqual([{ name: 'Payroll', __typename: 'Team' }]);
    expect(data.b).toEqual([{ name: 'Customer Service' }]);
  });

  it('gives the reporting line of a unit found by its alias', async () => {
    const data = await ask<{ reportingLine: { name: string; __typename: string }[] }>(
      '{ reportingLine(unit: "Pay Office") { name __typename } }',
    );
    expect(data.reportingLine).toEqual([
      { name: 'Payroll', __typename: 'Team' },
      { name: 'Finance', __typename: 'Department' },
      { name: 'Larkspur Kettle Works', __typename: 'Company' },
    ]);
  });

  it('counts and pages units by kind, and shows each head', async () => {
    const data = await ask<{
      teams: { totalCount: number; nodes: { name: string; head: { title: string } | null }[] };
      sites: { totalCount: number; nodes: { name: string }[] };
      organization: { name: string; aliases: { text: string }[] };
    }>(
      '{ teams: units(filter: { kind: [TEAM] }, first: 2) { totalCount nodes { name head { title } } } sites: units(filter: { kind: [SITE] }) { totalCount nodes { name } } organization { name aliases { text } } }',
    );
    expect(data.teams.totalCount).toBe(19);
    expect(data.teams.nodes).toEqual([
      { name: 'Payroll', head: { title: 'Payroll Manager' } },
      { name: 'Accounts Payable', head: null },
    ]);
    expect(data.sites).toEqual({
      totalCount: 2,
      nodes: [{ name: 'Sheffield Works' }, { name: 'Stoke Pottery' }],
    });
    expect(data.organization).toEqual({
      name: 'Larkspur Kettle Works',
      aliases: [{ text: 'Larkspur' }, { text: 'LKW' }],
    });
  });
});
