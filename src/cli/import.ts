/**
 * `npm run import -- --from csv|json|popolo|w3c-org FILE --out DIR`: converts an organisation chart
 * to a seed directory, checks it as `seed:check` does, and writes it only when it passes.
 */
import { IMPORT_FORMATS, importFile, isImportFormat } from '../graph/import/formats';
import { writeSeed } from '../graph/import/write-seed';
import { parsePartialDate } from '../graph/partial-date';
import { runWhenMain, UsageError } from './command';

await runWhenMain(import.meta.url, {
  name: 'import',
  summary:
    'Convert an organisation chart (a spreadsheet, JSON, or a Popolo / W3C ORG export) to a seed directory, check it as seed:check does, and write it only if it passes. Problems are listed with their row and column (or JSON pointer), and nothing is written (exit 1).',
  arguments: [{ name: '<file>', description: 'the file to import' }],
  options: {
    from: {
      value: 'format',
      description: Object.entries(IMPORT_FORMATS)
        .map(([name, f]) => `${name}: ${f.description}`)
        .join('; '),
      choices: Object.keys(IMPORT_FORMATS),
      required: true,
    },
    out: {
      value: 'DIR',
      description: 'the seed directory to write (new or empty)',
      required: true,
    },
    columns: {
      value: 'MAP',
      description:
        'tables: the file\'s headers for our columns, e.g. "name=Department,parent=Reports to,name:fr=Nom"',
    },
    lang: {
      value: 'lang',
      description: "the language of unsuffixed columns (the dataset's first)",
      default: 'en',
    },
    key: { value: 'KEY', description: "the dataset's key (default: from the organisation's name)" },
    'as-of': { value: 'DATE', description: 'the date the chart describes (default: today)' },
  },
  examples: [
    'npm run import -- --from csv docs/examples/acme.csv --out /tmp/acme',
    'npm run import -- --from csv hr.csv --columns "name=Department,parent=Reports to" --out /tmp/hr',
    'npm run export -- --format popolo > nato.json && npm run import -- --from popolo nato.json --out /tmp/nato',
  ],
  async run([file], options) {
    if (file === undefined) throw new UsageError('missing the file to import');
    if (!isImportFormat(options.from)) throw new UsageError(`unknown format ${options.from}`);
    const asOf = options['as-of'];
    if (asOf !== undefined && typeof parsePartialDate(asOf) === 'string')
      throw new UsageError(`--as-of: ${parsePartialDate(asOf) as string}`);
    const imported = await importFile(options.from, file, {
      lang: options.lang,
      columns: options.columns,
      key: options.key,
      asOf,
    });
    const graph = await writeSeed(imported, options.out);
    const c = graph.counts();
    const people = graph.people().length;
    console.log(
      `${options.out}: ok: ${c.units} units, ${c.posts} posts, ${people > 0 ? `${people} people, ` : ''}${c.topics} topics (dataset ${graph.dataset.key}, kinds ${imported.draft.dataset.kinds.map((k) => k.typeName).join(', ')}); serve it with SEED_DIR=${options.out} npm start`,
    );
  },
});
