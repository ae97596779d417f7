import { readFile } from 'node:fs/promises';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isIntrospectionType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index';
import { POSSIBLE_TYPES_FILE, printPossibleTypesFile } from '../../src/schema/possible-types';
import { printSchemaFile, SCHEMA_FILE } from '../../src/schema/print';

describe('the schema', () => {
  it('matches the checked-in schema/schema.graphql (run `npm run schema:print`)', async () => {
    expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(printSchemaFile());
  });

  it('matches the checked-in schema/possible-types.json (run `npm run schema:print`)', async () => {
    expect(await readFile(POSSIBLE_TYPES_FILE, 'utf8')).toBe(printPossibleTypesFile());
  });

  it('describes every type, field, argument and enum value (GraphiQL shows them)', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || type.name.startsWith('__')) continue;
      if (['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) {
          if (!value.description) missing.push(`${type.name}.${value.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('names the public contract the issue asks for', () => {
    const query = schema.getQueryType()?.getFields() ?? {};
    for (const field of [
      'node',
      'nodes',
      'internationalStaff',
      'secretaryGeneral',
      'cabinet',
      'divisions',
      'offices',
      'unit',
      'whoHandles',
      'reportingLine',
      'events',
      'topics',
    ]) {
      expect(query[field], field).toBeDefined();
    }
    const orgUnit = schema.getType('OrgUnit');
    expect(isInterfaceType(orgUnit)).toBe(true);
    if (isInterfaceType(orgUnit)) {
      expect(orgUnit.getInterfaces().map((i) => i.name)).toEqual(['Node']);
      for (const field of [
        'key',
        'name',
        'acronym',
        'aliases',
        'description',
        'head',
        'parent',
        'units',
        'reportsTo',
        'reportingLine',
        'responsibilities',
        'events',
        'established',
        'sources',
      ]) {
        expect(orgUnit.getFields()[field], field).toBeDefined();
      }
    }
    for (const name of ['SecretaryGeneral', 'Cabinet', 'Division', 'Office']) {
      const type = schema.getType(name);
      expect(
        isObjectType(type) &&
          type
            .getInterfaces()
            .map((i) => i.name)
            .sort(),
      ).toEqual(['Node', 'OrgUnit']);
    }
  });
});
