/** Child process of the HTTP benchmark: starts one server variant and prints its port. */
import { loadSeed } from '../../src/graph/load-seed';
import { DEFAULT_SEED_DIR } from '../../src/graph/project-paths';
import { startVariant, VARIANTS, type Variant } from './variants';

const variant = process.argv[2] as Variant;
if (!VARIANTS.includes(variant)) {
  console.error(`usage: serve.ts ${VARIANTS.join('|')}`);
  process.exit(2);
}
const graph = await loadSeed(process.env.SEED_DIR ?? DEFAULT_SEED_DIR);
const port = await startVariant(variant, graph);
console.log(`LISTENING ${port}`);
