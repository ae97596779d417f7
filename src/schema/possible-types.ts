/**
 * The concrete types behind each interface and union, as Apollo Client's `InMemoryCache` wants
 * them (`possibleTypes`) to match fragments on `OrgUnit` or `Node`. Printed to
 * schema/possible-types.json beside the SDL; a test fails when the file is stale.
 */
import { fileURLToPath } from 'node:url';
import { isAbstractType } from 'graphql';
import { schema } from './index';

export const POSSIBLE_TYPES_FILE = fileURLToPath(
  new URL('../../schema/possible-types.json', import.meta.url),
);

export function possibleTypes(): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const type of Object.values(schema.getTypeMap()).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (type.name.startsWith('__') || !isAbstractType(type)) continue;
    result[type.name] = schema
      .getPossibleTypes(type)
      .map((t) => t.name)
      .sort();
  }
  return result;
}

export function printPossibleTypesFile(): string {
  return `${JSON.stringify(possibleTypes(), null, 2)}\n`;
}
