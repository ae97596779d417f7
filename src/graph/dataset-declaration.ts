/**
 * What a dataset declares about itself in dataset.yaml: its languages (texts required in the
 * first, falling back to it in the others), its kinds of unit, and its citation policy. The
 * loader checks the other files against it, and the GraphQL schema is built from it: two datasets
 * with the same declaration share one schema (`declarationSignature`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SEED_DIR } from './project-paths';
import { SeedError } from './seed-error';
import { parseSeedFile } from './seed-file';
import {
  dataset,
  type CitationPolicy,
  type DatasetInput,
  type Lang,
  type SeedDeclaration,
} from './seed-schema';
import { unitKindOf, type UnitKindSpec } from './unit-kinds';

export interface DatasetDeclaration {
  /** The dataset's languages, the first the one every text has. */
  readonly languages: readonly [Lang, ...Lang[]];
  /** Its kinds of unit, in the order the schema lists them. */
  readonly kinds: readonly [UnitKindSpec, ...UnitKindSpec[]];
  readonly citationPolicy: CitationPolicy;
  /**
   * Whether the dataset names people holding its posts (people.yaml): its schema then has Person
   * and Post.holders. Read from the loaded data, not dataset.yaml; absent for the default dataset.
   */
  readonly people?: boolean | undefined;
}

/** The declaration of a checked dataset.yaml; kinds it does not declare are the default dataset's. */
export function declarationOf(input: DatasetInput): DatasetDeclaration {
  const languages = input.languages as [Lang, ...Lang[]];
  const declared = input.kinds?.map((k) => unitKindOf(k, languages));
  return {
    languages,
    kinds:
      (declared as [UnitKindSpec, ...UnitKindSpec[]] | undefined) ?? defaultDeclaration().kinds,
    citationPolicy: input.citationPolicy,
  };
}

/** What the seed files' schemas need of a declaration. */
export function seedDeclarationOf(declaration: DatasetDeclaration): SeedDeclaration {
  const [first, ...rest] = declaration.kinds;
  return {
    languages: declaration.languages,
    kindKeys: [first.key, ...rest.map((k) => k.key)],
    citationPolicy: declaration.citationPolicy,
  };
}

/** Equal for two declarations exactly when they give the same GraphQL schema. */
export function declarationSignature(declaration: DatasetDeclaration): string {
  const signature = [declaration.languages, declaration.citationPolicy, declaration.kinds];
  return JSON.stringify(declaration.people ? [...signature, 'people'] : signature);
}

let defaultOne: DatasetDeclaration | undefined;
let defaultKey: string | undefined;

/**
 * The default dataset's declaration (seed/dataset.yaml), read once: the checked-in schema is
 * built from it, and a dataset that declares no kinds has its kinds.
 */
export function defaultDeclaration(): DatasetDeclaration {
  if (defaultOne) return defaultOne;
  const path = join(DEFAULT_SEED_DIR, 'dataset.yaml');
  const result = parseSeedFile(path, 'dataset', readFileSync(path), dataset);
  if ('issues' in result) throw new SeedError(result.issues);
  const input = result.file.data;
  if (!input.kinds) throw new Error(`${path} declares no kinds`);
  defaultKey = input.key;
  defaultOne = declarationOf(input);
  return defaultOne;
}

/** The default dataset's key: another dataset is served with tabs and pages of its own. */
export function defaultDatasetKey(): string {
  defaultDeclaration();
  return defaultKey as string;
}
