/**
 * `npm run seed:build [dir]`: checks a seed directory and writes its start-up snapshot, so a
 * server (or every replica) starting on it skips reading the YAML (src/graph/snapshot.ts).
 */
import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { DEFAULT_SEED_DIR } from '../graph/project-paths';
import { buildSnapshot, snapshotDirFor } from '../graph/snapshot';
import { InputError, UsageError, runWhenMain } from './command';

/** A path as the user would type it from here, unless that climbs out of the working directory. */
function shown(path: string): string {
  const near = relative(process.cwd(), path);
  return near === '' || near.startsWith('..') ? path : near;
}

await runWhenMain(import.meta.url, {
  name: 'seed:build',
  summary:
    'Check a seed directory and write its start-up snapshot, which the server reads instead of the YAML while the seed files and the code are unchanged.',
  arguments: [{ name: '[dir]', description: 'the seed directory (default: the bundled seed/)' }],
  options: {
    out: {
      value: 'DIR',
      description:
        'the snapshot directory (default: SNAPSHOT_DIR as the server reads it, else .orggraph-cache/ in the seed directory)',
    },
  },
  examples: [
    'npm run seed:build',
    'npm run seed:build -- /tmp/org',
    'SNAPSHOT_DIR=/var/cache/orggraph npm run seed:build -- /srv/dataset',
  ],
  async run([dir = DEFAULT_SEED_DIR], options) {
    const isDir = await stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDir) throw new InputError(`${dir}: no such directory`);
    const snapshotDir = snapshotDirFor(dir, options.out ?? process.env.SNAPSHOT_DIR);
    if (snapshotDir === undefined)
      throw new UsageError('snapshots are off (SNAPSHOT_DIR=off): give --out DIR');
    const started = performance.now();
    const { graph, path } = await buildSnapshot(dir, snapshotDir);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `${shown(path)}: snapshot of ${graph.counts().units} units (dataset ${graph.dataset.key}, version ${graph.meta.version}) in ${seconds} s`,
    );
  },
});
