/**
 * `npm run export -- --format jsonld|popolo|mermaid|dot [--as-of DATE] [--lang fr] [--seed DIR]
 * [--base IRI]`: writes an export of the dataset to standard output.
 */
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, exportGraph, isExportFormat } from '../graph/export/formats';
import { loadSeed } from '../graph/load-seed';
import { parsePartialDate } from '../graph/partial-date';
import { SeedError } from '../graph/seed-error';
import { DEFAULT_SEED_DIR } from '../server/config';

function fail(message: string): never {
  console.error(`export: ${message}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      format: { type: 'string' },
      'as-of': { type: 'string' },
      lang: { type: 'string', default: 'en' },
      seed: { type: 'string', default: DEFAULT_SEED_DIR },
      base: { type: 'string' },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const formats = Object.keys(EXPORT_FORMATS).join('|');
const format = values.format;
if (!format || !isExportFormat(format)) fail(`--format must be one of ${formats}`);
const lang = values.lang;
if (lang !== 'en' && lang !== 'fr') fail(`--lang must be en or fr, not "${lang}"`);
const asOf = values['as-of'] === undefined ? undefined : parsePartialDate(values['as-of']);
if (typeof asOf === 'string') fail(`--as-of: ${asOf}`);

try {
  const graph = await loadSeed(values.seed);
  const base = values.base ?? `urn:orggraph:${graph.dataset.key}:`;
  process.stdout.write(exportGraph(graph, format, { lang, asOf, base }));
} catch (error) {
  fail(error instanceof SeedError ? error.message : String(error));
}
