/** `npm run seed:check [dir]`: validates a seed directory and prints a one-line summary. */
import { relative } from 'node:path';
import { loadSeed } from '../graph/load-seed';
import { SeedError } from '../graph/seed-error';
import { DEFAULT_SEED_DIR } from '../server/config';

const dir = process.argv[2] ?? DEFAULT_SEED_DIR;

try {
  const graph = await loadSeed(dir);
  const c = graph.counts();
  const name = relative(process.cwd(), dir) || '.';
  const counted = [
    [c.units, 'unit'],
    [c.posts, 'post'],
    [c.topics, 'topic'],
    [c.events, 'event'],
    [c.documents, 'document'],
    [c.citations, 'citation'],
  ] as const;
  const summary = counted.map(([n, what]) => `${n} ${what}${n === 1 ? '' : 's'}`).join(', ');
  console.log(
    `${name}: ok: ${summary} (dataset ${graph.dataset.key}, as of ${graph.dataset.asOf.value}, citations ${graph.dataset.citationPolicy}, version ${graph.meta.version})`,
  );
} catch (error) {
  console.error(error instanceof SeedError ? error.message : `seed:check failed: ${String(error)}`);
  process.exit(1);
}
