/**
 * Unit kinds are declared once (dataset.yaml's `kinds`, src/graph/unit-kinds.ts): adding one is all it takes for the
 * schema to gain the kind's enum value, its type (an OrgUnit and a Node), its root field and its
 * place in the search union.
 */
import { isEnumType, isObjectType, isUnionType, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { defaultDeclaration } from '../../src/graph/dataset-declaration';
import {
  GENERIC_ROOT_FIELDS,
  RESERVED_TYPE_NAMES,
  type UnitKindSpec,
} from '../../src/graph/unit-kinds';
import { buildSchema, schema } from '../../src/schema/index';

const TEAM: UnitKindSpec = {
  key: 'team',
  typeName: 'Team',
  typeDescription: 'A team of a division.',
  description: 'A team.',
  labels: { en: 'team', fr: 'équipe' },
  formalOrganization: false,
  popoloClassification: 'team',
  rootField: { name: 'teams', many: true, description: 'Every team.' },
};

const UNIT_KINDS = defaultDeclaration().kinds;

describe('a unit kind', () => {
  it('added as one row of the table, is in the schema everywhere a kind is', () => {
    const withTeams = buildSchema({ ...defaultDeclaration(), kinds: [...UNIT_KINDS, TEAM] });
    const team = withTeams.getType('Team');
    expect(
      isObjectType(team) &&
        team
          .getInterfaces()
          .map((i) => i.name)
          .sort(),
    ).toEqual(['Node', 'OrgUnit']);
    const kinds = withTeams.getType('UnitKind');
    expect(isEnumType(kinds) && kinds.getValue('TEAM')?.value).toBe('team');
    const union = withTeams.getType('SearchNode');
    expect(isUnionType(union) && union.getTypes().map((t) => t.name)).toContain('Team');
    expect(withTeams.getQueryType()?.getFields().teams?.type.toString()).toBe('[Team!]!');
    expect(printSchema(withTeams)).toContain('type Team implements Node & OrgUnit');
  });

  it('of the NATO dataset gives the schema its eight unit types and nothing else', () => {
    expect(schema.getType('Team')).toBeUndefined();
    for (const kind of UNIT_KINDS) expect(isObjectType(schema.getType(kind.typeName))).toBe(true);
    const kinds = schema.getType('UnitKind');
    expect(isEnumType(kinds) && kinds.getValues().length).toBe(UNIT_KINDS.length);
  });

  it('may not take a name the schema has for itself (the loader’s lists agree with the schema)', () => {
    const kindTypes = new Set(UNIT_KINDS.map((k) => k.typeName));
    const own = Object.keys(schema.getTypeMap()).filter(
      (name) => !name.startsWith('__') && !kindTypes.has(name),
    );
    expect(own.filter((name) => !RESERVED_TYPE_NAMES.has(name))).toEqual([]);
    const kindFields = new Set(UNIT_KINDS.flatMap((k) => (k.rootField ? [k.rootField.name] : [])));
    const generic = Object.keys(schema.getQueryType()?.getFields() ?? {}).filter(
      (name) => !kindFields.has(name),
    );
    expect(generic.sort()).toEqual([...GENERIC_ROOT_FIELDS].sort());
  });
});
