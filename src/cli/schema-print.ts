/**
 * Prints the schema's SDL to schema/schema.graphql and the interfaces' possible types to
 * schema/possible-types.json (or the SDL to stdout with `--stdout`).
 */
import { writeFileSync } from 'node:fs';
import { POSSIBLE_TYPES_FILE, printPossibleTypesFile } from '../schema/possible-types';
import { printSchemaFile, SCHEMA_FILE } from '../schema/print';

const sdl = printSchemaFile();
if (process.argv.includes('--stdout')) {
  process.stdout.write(sdl);
} else {
  writeFileSync(SCHEMA_FILE, sdl);
  console.log(`wrote ${SCHEMA_FILE}`);
  writeFileSync(POSSIBLE_TYPES_FILE, printPossibleTypesFile());
  console.log(`wrote ${POSSIBLE_TYPES_FILE}`);
}
