/**
 * `npm run seed:schemas`: writes the JSON Schema of each seed file into schema/seed/, from the
 * zod schemas in src/graph/seed-schema.ts (run it after changing them; a test fails until then).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { SEED_JSON_SCHEMA_DIR } from '../graph/project-paths';
import { seedJsonSchemas } from '../graph/seed-json-schema';
import { runWhenMain } from './command';

await runWhenMain(import.meta.url, {
  name: 'seed:schemas',
  summary:
    'Write the JSON Schema of each seed file into schema/seed/ (the seed files point editors to them), generated from the zod schemas the loader checks them with.',
  options: { out: { value: 'DIR', description: 'write them there instead of schema/seed/' } },
  examples: ['npm run seed:schemas'],
  async run(_args, { out = SEED_JSON_SCHEMA_DIR }) {
    await mkdir(out, { recursive: true });
    for (const schema of seedJsonSchemas()) {
      const path = join(out, schema.file);
      await writeFile(path, schema.text);
      const shown = relative(process.cwd(), path);
      console.log(`wrote ${shown.startsWith('..') ? path : shown} (${schema.describes})`);
    }
  },
});
