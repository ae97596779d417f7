import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from './index';

/** The checked-in SDL file; a test fails when it differs from the code. */
export const SCHEMA_FILE = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));

export function printSchemaFile(): string {
  return `${printSchema(schema)}\n`;
}
