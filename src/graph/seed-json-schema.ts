/**
 * The JSON Schema of each seed file, generated from the zod schemas that check them, for editors
 * (the seed files name theirs in a `# yaml-language-server: $schema=…` line). They describe what
 * a file may hold as written (`io: 'input'`: defaults make fields optional); the loader's own
 * checks (dates, references, quotes) go further than any JSON Schema can.
 */
import { z } from 'zod';
import { SEED_FILES, seedFileSchema } from './load-seed';

export interface SeedJsonSchema {
  /** File name in schema/seed/, e.g. `units.schema.json`. */
  readonly file: string;
  /** The seed file it describes, e.g. `units.yaml`. */
  readonly describes: string;
  /** The schema as it is written to the file. */
  readonly text: string;
}

/** Seed file name → the JSON Schema file name beside the others. */
export const jsonSchemaFileOf = (seedFile: string) => seedFile.replace(/\.yaml$/, '.schema.json');

/** The default dataset's: the one that names them (another dataset's kinds and languages differ). */
export function seedJsonSchemas(): SeedJsonSchema[] {
  return (Object.keys(SEED_FILES) as (keyof typeof SEED_FILES)[]).map((file) => {
    const spec = SEED_FILES[file];
    const schema = z.toJSONSchema(seedFileSchema(file), {
      io: 'input',
      // What editors' YAML support (yaml-language-server) and most validators read.
      target: 'draft-7',
    });
    const described = {
      ...schema,
      title: `orggraph seed file ${spec.name}`,
      description: `Generated from src/graph/seed-schema.ts by \`npm run seed:schemas\`; seed/README.md describes each field.`,
    };
    return {
      file: jsonSchemaFileOf(spec.name),
      describes: spec.name,
      text: `${JSON.stringify(described, null, 2)}\n`,
    };
  });
}
