/**
 * `npm run schema:print`: prints the schema's SDL to schema/schema.graphql and the interfaces'
 * possible types to schema/possible-types.json (or the SDL to stdout with `--stdout`).
 */
import { writeFileSync } from 'node:fs';
import { POSSIBLE_TYPES_FILE, printPossibleTypesFile } from '../schema/possible-types';
import { printSchemaFile, SCHEMA_FILE } from '../schema/print';
import { runWhenMain } from './command';

await runWhenMain(import.meta.url, {
  name: 'schema:print',
  summary:
    'Print the GraphQL schema (SDL) to schema/schema.graphql and the possible types of its interfaces and unions to schema/possible-types.json (for Apollo Client).',
  options: { stdout: { description: 'write the SDL to standard output instead, and no file' } },
  examples: ['npm run schema:print', 'npm run schema:print -- --stdout > schema.graphql'],
  run(_args, { stdout }) {
    const sdl = printSchemaFile();
    if (stdout) {
      process.stdout.write(sdl);
      return;
    }
    writeFileSync(SCHEMA_FILE, sdl);
    console.log(`wrote ${SCHEMA_FILE}`);
    writeFileSync(POSSIBLE_TYPES_FILE, printPossibleTypesFile());
    console.log(`wrote ${POSSIBLE_TYPES_FILE}`);
  },
});
