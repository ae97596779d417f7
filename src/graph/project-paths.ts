/**
 * Where the project's own files are, found from this module's place: the bundled dataset and the
 * built chart page. `npm run build` bundles each command into a file at the same depth under dist/
 * as its source under src/ (dist/server/main.js for src/server/main.ts), so these paths hold from
 * both; the build refuses any module whose `import.meta.url` would point elsewhere.
 */
import { fileURLToPath } from 'node:url';

/** The default dataset, `seed/`. */
export const DEFAULT_SEED_DIR = fileURLToPath(new URL('../../seed', import.meta.url));

/** The org chart page as `npm run build` writes it. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** The JSON Schemas of the seed files, `npm run seed:schemas` writes them. */
export const SEED_JSON_SCHEMA_DIR = fileURLToPath(new URL('../../schema/seed', import.meta.url));

/**
 * The words and patterns of `ask`, one file per language, and the search's domain words: data
 * the code reads at run time (`npm run build` copies them beside the compiled code).
 */
export const ASK_LANGUAGE_DIR = fileURLToPath(new URL('../graph/ask/lang/', import.meta.url));
export const DOMAIN_WORDS_FILE = fileURLToPath(
  new URL('../graph/search/domain-words.yaml', import.meta.url),
);

/**
 * What a snapshot's code version is made of (snapshot.ts): the package's version, the domain
 * sources in a checkout, and the build's hash of its inputs where there are no sources.
 */
export const PACKAGE_JSON_FILE = fileURLToPath(new URL('../../package.json', import.meta.url));
export const GRAPH_SOURCE_DIR = fileURLToPath(new URL('../../src/graph', import.meta.url));
export const BUILD_STAMP_FILE = fileURLToPath(new URL('../../dist/build.json', import.meta.url));
