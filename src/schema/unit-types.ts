/**
 * One GraphQL type per unit kind of the dataset (unit-kinds.ts), implementing OrgUnit, with the
 * facet fields its kind shows and the root field its kind has. Nothing here names a kind.
 */
import type { Unit } from '../graph/types';
import { kindEnumName, type UnitKindSpec } from '../graph/unit-kinds';
import type { SchemaTypes } from './builder';
import { ID_DESCRIPTION, idOf } from './global-id';
import type { SchemaParts } from './parts';
import { readFields } from './read-fields';

/** Defines the unit types; returns their refs (the search union lists them). */
export function defineUnitTypes(parts: SchemaParts) {
  const { builder, refs, kinds } = parts;
  // Every dataset has `organization`: a kind's own root field, or else the root unit.
  if (!kinds.some((k) => k.rootField?.name === 'organization'))
    readFields(parts, (t) => ({
      organization: t.field({
        type: refs.OrgUnit,
        nullable: true,
        description: 'The organisation the dataset describes: the root of its structure.',
        resolve: (scope) => scope.graph.units().find((u) => !u.parent) ?? null,
      }),
    }));
  return kinds.map((kind) => {
    const ref = builder.objectRef<Unit>(kind.typeName);
    builder.objectType(ref, {
      description: kind.typeDescription,
      interfaces: [builder.nodeInterfaceRef(), refs.OrgUnit],
      fields: (t) => ({
        id: t.id({ description: ID_DESCRIPTION, resolve: (u) => idOf(kind.typeName, u) }),
        ...(kind.facets?.headcount === undefined
          ? {}
          : {
              headcount: t.field({
                type: refs.Headcount,
                nullable: true,
                description: kind.facets.headcount,
                resolve: (u) => u.headcount ?? null,
              }),
            }),
        ...(kind.facets?.staffRules === undefined
          ? {}
          : {
              staffRules: t.field({
                type: refs.StaffRules,
                nullable: true,
                description: kind.facets.staffRules,
                resolve: (u) => u.staffRules ?? null,
              }),
            }),
        ...(kind.facets?.location === undefined
          ? {}
          : {
              location: t.field({
                type: refs.Location,
                nullable: true,
                description: kind.facets.location,
                resolve: (u) => u.location ?? null,
              }),
            }),
      }),
    });
    if (kind.rootField) defineRootField(parts, kind, kind.rootField, ref);
    return ref;
  });
}

function defineRootField(
  parts: SchemaParts,
  kind: UnitKindSpec,
  field: NonNullable<UnitKindSpec['rootField']>,
  ref: PothosSchemaTypes.ObjectRef<SchemaTypes, Unit>,
): void {
  readFields(parts, (t) => ({
    [field.name]: field.many
      ? t.field({
          type: [ref],
          description: field.description,
          // A list of every unit of a kind grows with the organisation; the paged list replaces it.
          deprecationReason: `Use \`units(filter: { kind: ${kindEnumName(kind.key)} })\`, which pages and counts.`,
          resolve: (scope) => scope.graph.units(kind.key),
        })
      : t.field({
          type: ref,
          nullable: true,
          description: field.description,
          resolve: (scope) => scope.graph.units(kind.key)[0] ?? null,
        }),
  }));
}
