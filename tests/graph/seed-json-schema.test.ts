/**
 * The published JSON Schemas of the seed files (schema/seed/): up to date with the zod schemas,
 * named by every seed file for editors, and agreeing with the loader on real and broken records.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { SEED_FILES, seedFileSchema } from '../../src/graph/load-seed';
import { DEFAULT_SEED_DIR, SEED_JSON_SCHEMA_DIR } from '../../src/graph/project-paths';
import { jsonSchemaFileOf, seedJsonSchemas } from '../../src/graph/seed-json-schema';
import { generateOrgInTemp } from '../../src/cli/seed-generate';

const ajv = new Ajv({ allErrors: true, validateFormats: false });
const validators = new Map<string, ValidateFunction>(
  seedJsonSchemas().map((s) => [s.describes, ajv.compile(JSON.parse(s.text) as object)]),
);
const validatorOf = (seedFile: string) => {
  const validate = validators.get(seedFile);
  if (!validate) throw new Error(`no JSON Schema for ${seedFile}`);
  return validate;
};

const readYaml = async (path: string): Promise<unknown> =>
  load(await readFile(path, 'utf8'), { schema: CORE_SCHEMA });

describe('the seed files’ JSON Schemas', () => {
  it('are up to date with the zod schemas (run `npm run seed:schemas` when this fails)', async () => {
    const expected = seedJsonSchemas();
    expect((await readdir(SEED_JSON_SCHEMA_DIR)).sort()).toEqual(
      expected.map((s) => s.file).sort(),
    );
    for (const schema of expected)
      expect(await readFile(join(SEED_JSON_SCHEMA_DIR, schema.file), 'utf8'), schema.file).toBe(
        schema.text,
      );
  });

  // people.yaml is for datasets naming people: the default one names none, and has no such file.
  it.each(
    Object.values(SEED_FILES)
      .map((spec) => spec.name)
      .filter((name) => existsSync(join(DEFAULT_SEED_DIR, name))),
  )('%s names its schema on its first line, for editors', async (name) => {
    const path = join(DEFAULT_SEED_DIR, name);
    const first = (await readFile(path, 'utf8')).split('\n')[0] ?? '';
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(match, first).not.toBeNull();
    const target = resolve(dirname(path), match?.[1] ?? '');
    expect(target).toBe(join(SEED_JSON_SCHEMA_DIR, jsonSchemaFileOf(name)));
    expect(existsSync(target)).toBe(true);
  });

  it('accept the default dataset and a generated one', async () => {
    const generated = await generateOrgInTemp({ units: 300, seed: 3 });
    for (const dir of [DEFAULT_SEED_DIR, generated.dir])
      for (const spec of Object.values(SEED_FILES)) {
        // An optional file a dataset does not have (documents.yaml) has nothing to validate.
        if ('optional' in spec && !existsSync(join(dir, spec.name))) continue;
        const validate = validatorOf(spec.name);
        const valid = validate(await readYaml(join(dir, spec.name)));
        expect(valid, `${dir}/${spec.name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      }
    await rm(generated.dir, { recursive: true, force: true });
  });

  // Each broken record is refused by the loader's zod schema and by the JSON Schema alike.
  const unit = {
    key: 'nato-office-of-security',
    kind: 'office',
    name: { en: 'NATO Office of Security', fr: "Bureau de sécurité de l'OTAN" },
    description: { en: 'Security.', fr: 'Sécurité.' },
    sources: [{ source: 'nato-is-2011-fr', quote: 'sécurité' }],
  };
  const broken: [string, string, unknown][] = [
    ['an unknown field', 'units.yaml', [{ ...unit, colour: 'blue' }]],
    ['a key that is not lower-case words', 'units.yaml', [{ ...unit, key: 'NATO Office' }]],
    ['a unit kind that does not exist', 'units.yaml', [{ ...unit, kind: 'ministry' }]],
    ['no citation', 'units.yaml', [{ ...unit, sources: [] }]],
    ['a name without its English', 'units.yaml', [{ ...unit, name: { fr: 'BSO' } }]],
    [
      'a name in a language the dataset lacks',
      'units.yaml',
      [{ ...unit, name: { en: 'NOS', de: 'x' } }],
    ],
    ['an empty name', 'units.yaml', [{ ...unit, name: { en: '', fr: 'x' } }]],
    ['a list where an object goes', 'dataset.yaml', [{ key: 'x' }]],
    ['a document in an unknown language', 'sources.yaml', [{ key: 'a', title: {}, lang: 'de' }]],
  ];
  it.each(broken)('refuse %s, as the loader does', (_name, file, value) => {
    const spec = Object.entries(SEED_FILES).find(([, s]) => s.name === file);
    const schema = seedFileSchema(spec?.[0] as keyof typeof SEED_FILES);
    expect(schema.safeParse(value).success).toBe(false);
    expect(validatorOf(file)(value)).toBe(false);
  });

  it('accept the valid record the broken ones start from', () => {
    expect(seedFileSchema('units').safeParse([unit]).success).toBe(true);
    expect(validatorOf('units.yaml')([unit])).toBe(true);
  });
});
