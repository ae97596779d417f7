/**
 * One server process: load the seed, build yoga with the configured plugins, listen with the
 * transport limits, reload on demand (SIGHUP, a watched change), shut down gracefully. main.ts
 * runs one; cluster.ts runs one per worker.
 */
import cluster from 'node:cluster';
import type { Server } from 'node:http';
import type { Config } from './config';
import { createGraphLoader, isSnapshotPath } from './graph-loading';
import { GraphStore } from './graph-store';
import { createFront } from './front';
import { createHttpServer, listen, shutdown } from './http-server';
import { Metrics, type Logger } from './observability';
import { watchSeedDir, type SeedWatcher } from './seed-watch';
import { startTracing, type TracingOptions } from './tracing';
import { createOrgYoga, type OrgYoga } from './yoga';

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  readonly store: GraphStore;
  readonly yoga: OrgYoga;
  /** Resolves once the dataset snapshot being written, if any, is written. */
  snapshotWritten(): Promise<void>;
  /** Resolves once the first graph's indexes are built (it is served before: see warmUp). */
  indexesWarmed(): Promise<void>;
  /** Loads the seed directory again; a broken one is logged and the old graph stays. */
  reload(reason: string): Promise<boolean>;
  /** Turns `/readyz` to 503, stops accepting, waits (bounded) for requests in flight. */
  close(): Promise<'drained' | 'forced'>;
}

export async function serve(
  config: Config,
  logger: Logger,
  tracingOptions?: TracingOptions,
): Promise<RunningServer> {
  const loader = createGraphLoader(config, logger);
  const store = await GraphStore.open(config.seedDir, loader.load);
  const metrics = new Metrics(() => store.current);
  if (cluster.isWorker) metrics.shareWithClusterPrimary();
  // Off unless an OTLP endpoint is set: then nothing of OpenTelemetry is even loaded.
  const tracing = await startTracing(config, tracingOptions);
  const yoga = createOrgYoga({ store, config, logger, metrics, tracing });
  const server = createHttpServer(
    createFront({ yoga, store, config, logger, metrics, tracing }),
    config,
  );
  const address = await listen(server, config.port, config.host);
  const host = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/graphql`;

  const describe = () => {
    const graph = store.current;
    // Not graph.counts(): counting citations walks every record, a cost at start for a log line.
    return `"${graph.dataset.key}" (${graph.units().length} units, ${graph.topics().length} topics, ${graph.events().length} events, version ${graph.meta.version})`;
  };
  logger.info({ mode: config.mode, version: store.current.meta.version }, `serving ${describe()}`);
  logger.info({ url }, `GraphQL${config.graphiql ? ' and GraphiQL' : ''} at ${url}`);
  if (tracing) logger.info({ serviceName: config.serviceName }, 'tracing on');

  // Ready from here on: the indexes are built after, each once no request is in flight (a request
  // takes several turns of the event loop, and would otherwise wait for a step at each), and a
  // request that needs one before it is built builds it (the same answer, later).
  let inFlight = 0;
  const whenIdle: (() => void)[] = [];
  server.on('request', (_request, response) => {
    inFlight += 1;
    response.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) for (const resume of whenIdle.splice(0)) setImmediate(resume);
    });
  });
  const idle = () =>
    new Promise<void>((resolve) =>
      setImmediate(() => (inFlight === 0 ? resolve() : whenIdle.push(resolve))),
    );
  const warmStarted = performance.now();
  const warmed = store.warmUp(idle).then(
    () =>
      logger.info(
        { ms: Math.round(performance.now() - warmStarted), version: store.current.meta.version },
        'indexes built',
      ),
    (error: unknown) =>
      logger.error({ problem: (error as Error).message }, 'the index warm-up failed'),
  );

  const reload = async (reason: string): Promise<boolean> => {
    try {
      await store.reload(config.seedDir);
      metrics.reloaded('ok');
      logger.info({ reason, version: store.current.meta.version }, `reloaded ${describe()}`);
      return true;
    } catch (error) {
      metrics.reloaded('refused');
      logger.error(
        { reason, version: store.current.meta.version, problem: (error as Error).message },
        `reload refused, still serving version ${store.current.meta.version}`,
      );
      return false;
    }
  };

  let watcher: SeedWatcher | undefined;
  if (config.watchSeed)
    watcher = watchSeedDir(
      config.seedDir,
      config.watchDebounceMs,
      () => void reload('seed changed'),
      (changed) => isSnapshotPath(config, changed),
    );

  return {
    url,
    server,
    store,
    yoga,
    snapshotWritten: loader.settled,
    indexesWarmed: () => warmed,
    reload,
    async close() {
      store.drain();
      watcher?.close();
      const outcome = await shutdown(server, config.shutdownGraceMs);
      await yoga.dispose();
      // The last spans (those of the drained requests) are sent before the process exits.
      await tracing
        ?.shutdown()
        .catch((error: unknown) =>
          logger.warn({ problem: (error as Error).message }, 'some spans could not be sent'),
        );
      return outcome;
    },
  };
}
