/**
 * How the server loads its dataset: from the snapshot when it matches the seed files and the code
 * (src/graph/snapshot.ts), otherwise from the YAML, then writing the snapshot once the new graph
 * is served. Every outcome is one log line: a snapshot ignored says why (a warning), a snapshot
 * that cannot be written says where and why.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { loadSeedWithSnapshot, snapshotDirFor } from '../graph/snapshot';
import type { Config } from './config';
import type { GraphLoader } from './graph-store';
import type { Logger } from './observability';

/** The snapshot directory for a configuration; undefined when snapshots are off. */
export function snapshotDirOf(config: Pick<Config, 'seedDir' | 'snapshotDir'>): string | undefined {
  return snapshotDirFor(config.seedDir, config.snapshotDir);
}

/** Whether a path reported by the seed watcher is inside the snapshot directory (not data). */
export function isSnapshotPath(
  config: Pick<Config, 'seedDir' | 'snapshotDir'>,
  changed: string,
): boolean {
  const dir = snapshotDirOf(config);
  if (dir === undefined) return false;
  const inside = relative(dir, resolve(config.seedDir, changed));
  return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside));
}

/** Errors that mean the directory is read-only to this process: expected, e.g. in an image. */
const READ_ONLY = ['EACCES', 'EROFS', 'EPERM'];

export interface SnapshotLoader {
  readonly load: GraphLoader;
  /** Resolves once every snapshot being written has been written (or given up). */
  settled(): Promise<void>;
}

export function createGraphLoader(
  config: Pick<Config, 'seedDir' | 'snapshotDir'>,
  logger: Logger,
): SnapshotLoader {
  const snapshotDir = snapshotDirOf(config);
  let writing: Promise<void> = Promise.resolve();
  const load: GraphLoader = async (dir) => {
    const result = await loadSeedWithSnapshot(dir, snapshotDir);
    const { graph, loadedFrom } = result;
    const version = graph.meta.version;
    if (loadedFrom.from === 'snapshot') {
      logger.info({ snapshot: loadedFrom.path, version }, 'loaded the dataset from its snapshot');
      return graph;
    }
    if (loadedFrom.ignored !== undefined)
      logger.warn(
        { snapshotDir, reason: loadedFrom.ignored, version },
        `snapshot ignored: ${loadedFrom.ignored}; loaded from the YAML`,
      );
    // After the caller has swapped the graph in (and, at start, begun to listen).
    writing = writing.then(
      () =>
        new Promise<void>((done) => {
          setImmediate(() => {
            void result
              .persist()
              .then((outcome) => {
                if ('written' in outcome)
                  logger.info({ snapshot: outcome.written, version }, 'wrote the dataset snapshot');
                else if ('failed' in outcome) {
                  const readOnly = READ_ONLY.some((code) => outcome.failed.startsWith(code));
                  logger[readOnly ? 'info' : 'warn'](
                    { snapshotDir, problem: outcome.failed },
                    `cannot write the dataset snapshot${readOnly ? ' (read-only: set SNAPSHOT_DIR to a writable directory for a fast start)' : ''}`,
                  );
                }
              })
              .finally(done);
          });
        }),
    );
    return graph;
  };
  return { load, settled: () => writing };
}
