/** Prints the schema's SDL to schema/schema.graphql (or to stdout with `--stdout`). */
import { writeFileSync } from 'node:fs';
import { printSchemaFile, SCHEMA_FILE } from '../schema/print';

const sdl = printSchemaFile();
if (process.argv.includes('--stdout')) {
  process.stdout.write(sdl);
} else {
  writeFileSync(SCHEMA_FILE, sdl);
  console.log(`wrote ${SCHEMA_FILE}`);
}
