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
  console.log(
    `${name}: ok: ${c.units} units, ${c.posts} posts, ${c.topics} topics, ${c.events} events, ${c.citations} citations (dataset ${graph.dataset.key}, as of ${graph.dataset.asOf.value}, version ${graph.meta.version})`,
  );
} catch (error) {
  console.error(error instanceof SeedError ? error.message : `seed:check failed: ${String(error)}`);
  process.exit(1);
}
