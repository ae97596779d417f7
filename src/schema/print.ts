import { fileURLToPath } from 'node:url';
import { printSchema, type GraphQLSchema } from 'graphql';
import { schema } from './index';

/** The checked-in SDL file; a test fails when it differs from the code. */
export const SCHEMA_FILE = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));

/** The SDL of the default dataset's schema, or of `of` (another dataset's). */
export function printSchemaFile(of: GraphQLSchema = schema): string {
  return `${printSchema(of)}\n`;
}
