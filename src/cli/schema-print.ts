/**
 * `npm run schema:print`: prints the schema's SDL to schema/schema.graphql and the interfaces'
 * possible types to schema/possible-types.json (or the SDL to stdout with `--stdout`). With
 * `--seed DIR`, the schema of that dataset (built from its dataset.yaml's kinds and languages),
 * to stdout or `--out FILE`: the checked-in files stay the default dataset's.
 */
import { writeFileSync } from 'node:fs';
import { loadSeed } from '../graph/load-seed';
import { schemaOfGraph } from '../schema/index';
import { POSSIBLE_TYPES_FILE, printPossibleTypesFile } from '../schema/possible-types';
import { printSchemaFile, SCHEMA_FILE } from '../schema/print';
import { runWhenMain } from './command';

await runWhenMain(import.meta.url, {
  name: 'schema:print',
  summary:
    "Print the GraphQL schema (SDL) to schema/schema.graphql and the possible types of its interfaces and unions to schema/possible-types.json (for Apollo Client); with --seed, another dataset's schema.",
  options: {
    stdout: { description: 'write the SDL to standard output instead, and no file' },
    seed: {
      value: 'DIR',
      description:
        'the schema of the dataset in DIR (its kinds and languages), to standard output unless --out is given',
    },
    out: { value: 'FILE', description: 'with --seed: write the SDL to FILE' },
  },
  examples: [
    'npm run schema:print',
    'npm run schema:print -- --stdout > schema.graphql',
    'npm run schema:print -- --seed tests/fixtures/datasets/company',
  ],
  async run(_args, { stdout, seed, out }) {
    if (seed !== undefined) {
      const sdl = printSchemaFile(schemaOfGraph(await loadSeed(seed)));
      if (out === undefined) process.stdout.write(sdl);
      else {
        writeFileSync(out, sdl);
        console.log(`wrote ${out}`);
      }
      return;
    }
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
