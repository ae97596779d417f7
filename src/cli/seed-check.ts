/** `npm run seed:check [dir]`: validates a seed directory and prints a one-line summary. */
import { relative } from 'node:path';
import { loadSeed } from '../graph/load-seed';
import { DEFAULT_SEED_DIR } from '../graph/project-paths';
import { runWhenMain } from './command';

await runWhenMain(import.meta.url, {
  name: 'seed:check',
  summary:
    'Check a seed directory: every file, field and reference. Prints a one-line summary, or every problem with its file, line, column and field (exit 1).',
  arguments: [{ name: '[dir]', description: 'the seed directory (default: the bundled seed/)' }],
  examples: ['npm run seed:check', 'npm run seed:check -- /tmp/org'],
  async run([dir = DEFAULT_SEED_DIR]) {
    const graph = await loadSeed(dir);
    const c = graph.counts();
    const name = relative(process.cwd(), dir) || '.';
    const counted = [
      [c.units, 'unit'],
      [c.posts, 'post'],
      // Only a dataset that names people says how many (the default one names none).
      ...(graph.people().length > 0 ? [[graph.people().length, 'person'] as const] : []),
      [c.topics, 'topic'],
      [c.events, 'event'],
      [c.documents, 'document'],
      [c.citations, 'citation'],
    ] as const;
    const plural = (what: string) => (what === 'person' ? 'people' : `${what}s`);
    const summary = counted.map(([n, what]) => `${n} ${n === 1 ? what : plural(what)}`).join(', ');
    console.log(
      `${name}: ok: ${summary} (dataset ${graph.dataset.key}, as of ${graph.dataset.asOf.value}, citations ${graph.dataset.citationPolicy}, version ${graph.meta.version})`,
    );
  },
});
