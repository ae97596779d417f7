/**
 * Which changes of the schema could break a client, and whether the changelog says so: graphql-js's
 * own comparison (findBreakingChanges), each change named by the schema coordinate it touches, and
 * the coordinates the changelog's Breaking list of the unreleased version mentions.
 */
import {
  findBreakingChanges,
  isInterfaceType,
  isObjectType,
  type BreakingChange,
  type GraphQLSchema,
} from 'graphql';

export interface SchemaBreak {
  /** The type or field it touches: "Query.units", "LocalizedText". */
  readonly coordinate: string;
  readonly description: string;
}

/** The breaking changes from `before` to `after`, each with its coordinate. */
export function breakingChanges(before: GraphQLSchema, after: GraphQLSchema): SchemaBreak[] {
  return findBreakingChanges(before, after).map((change: BreakingChange) => ({
    coordinate: /^[_A-Za-z]\w*(?:\.[_A-Za-z]\w*)?/.exec(change.description)?.[0] ?? '',
    description: change.description,
  }));
}

/** The `Breaking` list under the changelog's `[Unreleased]` heading, as written. */
export function unreleasedBreakingSection(changelog: string): string {
  const unreleased = /^## \[Unreleased\][^\n]*\n([\s\S]*?)(?=^## \[|(?![\s\S]))/m.exec(changelog);
  const breaking =
    unreleased && /^### Breaking[^\n]*\n([\s\S]*?)(?=^### |(?![\s\S]))/m.exec(unreleased[1] ?? '');
  return breaking?.[1] ?? '';
}

/**
 * Whether the changelog's text names a change: its coordinate in backticks, or for a field of a
 * type, the same field of an interface the type implements (`OrgUnit.units` covers
 * `Division.units`).
 */
export function isListed(change: SchemaBreak, section: string, schema: GraphQLSchema): boolean {
  const named = new Set(
    [...section.matchAll(/`([_A-Za-z]\w*(?:\.[_A-Za-z]\w*)?)[^`]*`/g)].map((m) => m[1]),
  );
  if (named.has(change.coordinate)) return true;
  const [typeName, field] = change.coordinate.split('.');
  if (!field || !typeName) return false;
  const type = schema.getType(typeName);
  const interfaces =
    type && (isObjectType(type) || isInterfaceType(type)) ? type.getInterfaces() : [];
  return interfaces.some((i) => named.has(`${i.name}.${field}`));
}
