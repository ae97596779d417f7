/**
 * A dataset with kinds and languages of its own is served with a schema of its own: its types
 * implement OrgUnit, its enum values and root fields are its kinds', `Lang` holds its languages,
 * and the generic root fields answer on it.
 */
import { isEnumType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadSeed } from '../../src/graph/load-seed';
import { schema as natoSchema, schemaOfGraph } from '../../src/schema/index';
import { COMPANY_DIR, execOn } from '../kit';

const graph = await loadSeed(COMPANY_DIR);
const schema = schemaOfGraph(graph);

async function data<T = Record<string, unknown>>(query: string): Promise<T> {
  const result = await execOn(graph, query);
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.data as T;
}

describe('a company’s schema', () => {
  it('has a type per declared kind, implementing OrgUnit, and none of NATO’s', () => {
    for (const name of ['Company', 'Department', 'Team', 'Site']) {
      const type = schema.getType(name);
      expect(isObjectType(type) && type.getInterfaces().map((i) => i.name)).toEqual(
        expect.arrayContaining(['OrgUnit', 'Node']),
      );
    }
    expect(schema.getType('Division')).toBeUndefined();
    const kinds = schema.getType('UnitKind');
    expect(isEnumType(kinds) && kinds.getValues().map((v) => v.name)).toEqual([
      'COMPANY',
      'DEPARTMENT',
      'SITE',
      'TEAM',
    ]);
  });

  it('has root fields only where a kind declares one, beside the generic ones', () => {
    const fields = Object.keys(schema.getQueryType()?.getFields() ?? {});
    expect(fields).toEqual(expect.arrayContaining(['departments', 'sites', 'organization']));
    for (const generic of ['units', 'unit', 'resolveUnit', 'whoHandles', 'responsibilityFor'])
      expect(fields).toContain(generic);
    for (const absent of ['teams', 'divisions', 'secretaryGeneral', 'internationalStaff'])
      expect(fields).not.toContain(absent);
  });

  it('has only the dataset’s languages in Lang', () => {
    const lang = schema.getType('Lang');
    expect(isEnumType(lang) && lang.getValues().map((v) => v.name)).toEqual(['EN']);
    expect(schemaOfGraph(graph)).toBe(schema);
    expect(schema).not.toBe(natoSchema);
  });
});

describe('a company served', () => {
  it('answers who handles a topic, by its label or a variant', async () => {
    const answer = await data<{ byVariant: { name: string }[]; byLabel: { name: string }[] }>(
      `{ byVariant: whoHandles(topic: "salaries") { name }
         byLabel: whoHandles(topic: "cloud infrastructure") { name } }`,
    );
    expect(answer.byVariant.map((u) => u.name)).toEqual(['Payroll Team']);
    expect(answer.byLabel.map((u) => u.name)).toEqual(['Platform Team']);
  });

  it('answers a reporting line, from an alias, up to the company', async () => {
    const answer = await data<{
      reportingLine: { name: string; __typename: string }[];
      unit: { name: string; __typename: string };
    }>(
      `{ reportingLine(unit: "Salaries Office") { name __typename }
         unit(name: "Salaries Office") { name __typename } }`,
    );
    expect(answer.reportingLine).toEqual([
      { name: 'Payroll Team', __typename: 'Team' },
      { name: 'Finance Department', __typename: 'Department' },
      { name: 'Example Widgets Ltd', __typename: 'Company' },
    ]);
    expect(answer.unit).toEqual({ name: 'Payroll Team', __typename: 'Team' });
  });

  it('counts units, by kind and in all', async () => {
    const answer = await data<{
      all: { totalCount: number };
      teams: { totalCount: number; nodes: { name: string }[] };
      departments: { name: string }[];
    }>(
      `{ all: units { totalCount }
         teams: units(filter: { kind: TEAM }) { totalCount nodes { name } }
         departments { name } }`,
    );
    expect(answer.all.totalCount).toBe(7);
    expect(answer.teams.totalCount).toBe(3);
    expect(answer.departments.map((d) => d.name)).toEqual([
      'Finance Department',
      'Engineering Department',
    ]);
  });

  it('answers `organization` with the root unit, whatever its kind', async () => {
    const answer = await data<{ organization: { name: string; __typename: string } }>(
      '{ organization { name __typename } }',
    );
    expect(answer.organization).toEqual({ name: 'Example Widgets Ltd', __typename: 'Company' });
  });

  it('refuses a language the dataset does not have, and has no primary source', async () => {
    const refused = await execOn(graph, '{ organization { name(lang: FR) } }');
    expect(refused.errors?.[0]?.message).toMatch(/"lang" has invalid value FR/);
    const answer = await data<{ dataset: Record<string, unknown> }>(
      '{ dataset { key citationPolicy primarySource { key } } }',
    );
    expect(answer.dataset).toEqual({
      key: 'example-widgets',
      citationPolicy: 'OPTIONAL',
      primarySource: null,
    });
  });
});
