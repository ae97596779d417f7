/**
 * One fresh process: loads a seed directory and builds its indexes as the server does, then prints
 * the wall and CPU time it took and the memory held afterwards (after a full GC, and again once
 * settled) as one JSON line.
 * Run by bench/scale/run.ts: `node --expose-gc --import tsx bench/scale/load.ts DIR`.
 */
import { loadSeed } from '../../src/graph/load-seed';
import { warmIndexes } from '../../src/graph/warm-indexes';

const dir = process.argv[2];
if (!dir) throw new Error('usage: load.ts DIR');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const cpu = process.cpuUsage();
const start = performance.now();
const graph = await loadSeed(dir);
const loaded = performance.now();
warmIndexes(graph);
const indexed = performance.now();
const used = process.cpuUsage(cpu);
gc();
gc();
const memory = process.memoryUsage();
// What a server holds once it has settled: V8 gives back the pages left over from loading only
// after a few seconds without allocation.
await new Promise((resolve) => setTimeout(resolve, 6000));
gc();
const settled = process.memoryUsage();
console.log(
  JSON.stringify({
    units: graph.counts().units,
    loadMs: loaded - start,
    indexMs: indexed - loaded,
    totalMs: indexed - start,
    cpuMs: (used.user + used.system) / 1000,
    rssMb: memory.rss / 2 ** 20,
    settledRssMb: settled.rss / 2 ** 20,
    heapMb: settled.heapUsed / 2 ** 20,
  }),
);
