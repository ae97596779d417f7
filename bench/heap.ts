/**
 * A leak check (`npm run bench:heap`, not part of `npm test`): rounds of 5,000 mixed requests
 * through yoga.fetch, a full garbage collection after each, and the heap left over. A leak shows
 * as a steady climb; a healthy server levels off once its caches are full. It found the
 * AbortSignal.any leak noted in src/server/limits.ts.
 */
import { loadSeed } from '../src/graph/load-seed';
import { DEFAULT_SEED_DIR } from '../src/graph/project-paths';
import { defaultConfig } from '../src/server/config';
import { EXAMPLES } from '../src/server/examples';
import { GraphStore } from '../src/server/graph-store';
import { createOrgYoga } from '../src/server/yoga';

const ROUNDS = 6;
const PER_ROUND = 5000;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:heap does)');

const store = new GraphStore(await loadSeed(DEFAULT_SEED_DIR));
const yoga = createOrgYoga({
  store,
  config: defaultConfig({ mode: 'production' }),
  logging: false,
});

async function request(i: number): Promise<string> {
  const body =
    i % 3 === 0
      ? { query: EXAMPLES[i % EXAMPLES.length]?.query }
      : i % 3 === 1
        ? {
            query: 'query Line($u: String!) { reportingLine(unit: $u) { name } }',
            variables: { u: `unit ${i}` },
          }
        : { query: '{ whoHandles(topic: "cyber defence") { name } }' };
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.text();
}

const heaps: number[] = [];
let i = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (let k = 0; k < PER_ROUND; k += 32)
    await Promise.all(Array.from({ length: 32 }, () => request(i++)));
  gc();
  gc();
  heaps.push(process.memoryUsage().heapUsed / 1e6);
  console.log(`after ${i} requests: heap ${heaps.at(-1)?.toFixed(1)} MB`);
}
const perRequest = (((heaps.at(-1) ?? 0) - (heaps[1] ?? 0)) * 1e6) / ((ROUNDS - 2) * PER_ROUND);
console.log(`heap growth after the first rounds: ${perRequest.toFixed(0)} bytes per request`);
