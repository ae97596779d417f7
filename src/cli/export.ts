/**
 * `npm run export -- --format jsonld|popolo|mermaid|dot [--as-of DATE] [--lang fr] [--seed DIR]
 * [--base IRI]`: writes an export of the dataset to standard output.
 */
import { EXPORT_FORMATS, exportGraph, isExportFormat } from '../graph/export/formats';
import { loadSeed } from '../graph/load-seed';
import { parsePartialDate } from '../graph/partial-date';
import { DEFAULT_SEED_DIR } from '../graph/project-paths';
import { runWhenMain, UsageError } from './command';

await runWhenMain(import.meta.url, {
  name: 'export',
  summary: 'Write the dataset, or its state on a date, in a standard format to standard output.',
  options: {
    format: {
      value: 'format',
      description: 'JSON-LD (W3C ORG), Popolo JSON, a Mermaid chart or a Graphviz DOT chart',
      choices: Object.keys(EXPORT_FORMATS),
      required: true,
    },
    'as-of': {
      value: 'DATE',
      description: 'the structure on that date: 2009, 2009-06, 2009-06-01',
    },
    lang: {
      value: 'lang',
      description: 'language of names and labels',
      choices: ['en', 'fr'],
      default: 'en',
    },
    seed: { value: 'DIR', description: 'the seed directory (default: the bundled seed/)' },
    base: { value: 'IRI', description: 'base of node IRIs (default: urn:orggraph:<dataset>:)' },
  },
  examples: [
    'npm run export -- --format jsonld > is.jsonld',
    'npm run export -- --format dot --as-of 2009 --lang fr | dot -Tsvg > is-2009.svg',
  ],
  async run(_args, options) {
    const { format, lang } = options;
    // Commander has checked both against their choices.
    if (!isExportFormat(format) || (lang !== 'en' && lang !== 'fr'))
      throw new UsageError('unknown format or language');
    const given = options['as-of'];
    const asOf = given === undefined ? undefined : parsePartialDate(given);
    if (typeof asOf === 'string') throw new UsageError(`--as-of: ${asOf}`);
    const graph = await loadSeed(options.seed ?? DEFAULT_SEED_DIR);
    const base = options.base ?? `urn:orggraph:${graph.dataset.key}:`;
    process.stdout.write(exportGraph(graph, format, { lang, asOf, base }));
  },
});
