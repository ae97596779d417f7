/**
 * Does the response cache pay? (`npm run bench:cache`, not part of `npm test`.) Runs the same
 * operations through yoga.fetch (no socket, so only the server's work is measured) with the cache
 * on and off, several rounds each, and prints the median time per request and the ratio.
 */
import { loadSeed } from '../src/graph/load-seed';
import { DEFAULT_SEED_DIR, defaultConfig } from '../src/server/config';
import { EXAMPLES } from '../src/server/examples';
import { GraphStore } from '../src/server/graph-store';
import { createOrgYoga, type OrgYoga } from '../src/server/yoga';

const ROUNDS = 7;
const REQUESTS = 400;

const CASES = [
  { name: 'whole structure (POST)', query: EXAMPLES[2]?.query ?? '' },
  { name: 'history with sources (POST)', query: EXAMPLES[4]?.query ?? '' },
  { name: 'one unit (POST)', query: '{ unit(name: "NOS") { name acronym } }' },
];

async function timeRound(yoga: OrgYoga, query: string): Promise<number> {
  const body = JSON.stringify({ query });
  const started = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await response.text();
  }
  return ((performance.now() - started) * 1000) / REQUESTS; // µs per request
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const store = new GraphStore(await loadSeed(DEFAULT_SEED_DIR));
  const make = (responseCache: boolean) =>
    createOrgYoga({
      store,
      config: defaultConfig({ mode: 'production', responseCache }),
      logging: false,
    });
  const cached = make(true);
  const uncached = make(false);
  console.log(
    `response cache: median µs per request over ${ROUNDS} rounds of ${REQUESTS} (yoga.fetch, no socket)`,
  );
  for (const c of CASES) {
    await timeRound(cached, c.query); // warm-up (JIT, first cache fill)
    await timeRound(uncached, c.query);
    const on: number[] = [];
    const off: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      off.push(await timeRound(uncached, c.query));
      on.push(await timeRound(cached, c.query));
    }
    const [mOn, mOff] = [median(on), median(off)];
    console.log(
      `  ${c.name}: off ${mOff.toFixed(0)} µs, on ${mOn.toFixed(0)} µs, ${(mOff / mOn).toFixed(2)}× faster with the cache`,
    );
  }
}

void main();
