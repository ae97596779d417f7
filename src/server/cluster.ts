/**
 * One server process per core: the primary forks `WORKERS` workers (default: one per core), each
 * running this same file, which runs main.ts in a worker (so it works from src/ and from the
 * bundle in dist/ alike); node:cluster shares the listening port between them. SIGHUP and SIGTERM
 * sent to the primary reach every worker; a worker that dies is replaced, unless it could not
 * start (a broken seed directory would fail again).
 */
import cluster, { type Worker } from 'node:cluster';
import { createServer, type Server } from 'node:http';
import { availableParallelism } from 'node:os';
import { AggregatorRegistry } from 'prom-client';
import { readConfig, type Config } from './config';
import { createLogger, type Logger } from './observability';

/** Every worker's metrics, summed (prom-client asks each worker over the cluster's IPC). */
function serveClusterMetrics(config: Config, logger: Logger): Server {
  const aggregator = new AggregatorRegistry();
  const server = createServer((request, response) => {
    if (request.url !== '/metrics' || request.method !== 'GET') {
      response.writeHead(404).end();
      return;
    }
    aggregator.clusterMetrics().then(
      (text) => response.writeHead(200, { 'content-type': aggregator.contentType }).end(text),
      (error: unknown) => {
        logger.warn({ problem: String(error) }, 'cluster metrics unavailable');
        response.writeHead(503).end();
      },
    );
  });
  server.listen(config.metricsPort, config.host, () =>
    logger.info(
      { metricsUrl: `http://${config.host}:${config.metricsPort}/metrics` },
      'cluster metrics served',
    ),
  );
  return server;
}

function primary(): void {
  let config;
  try {
    config = readConfig();
  } catch (error) {
    console.error(`orggraph: cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel).child({ role: 'primary' });
  const count = config.workers || availableParallelism();
  const metricsServer = config.metricsPort > 0 ? serveClusterMetrics(config, logger) : undefined;

  const listening = new WeakSet<Worker>();
  let stopping = false;
  let exitCode = 0;
  const fork = () => {
    const worker = cluster.fork();
    worker.once('listening', () => listening.add(worker));
  };
  cluster.on('exit', (worker, code, signal) => {
    const alive = Object.keys(cluster.workers ?? {}).length;
    if (stopping) {
      if (alive === 0) {
        logger.info('all workers stopped');
        logger.flush();
        process.exit(exitCode);
      }
      return;
    }
    if (!listening.has(worker)) {
      logger.error({ workerPid: worker.process.pid, code }, 'a worker could not start; stopping');
      stop('worker start failure', 1);
      return;
    }
    logger.warn({ workerPid: worker.process.pid, code, signal }, 'worker died; starting another');
    fork();
  });

  const stop = (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    metricsServer?.close();
    logger.info({ reason }, 'stopping workers');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    // Workers bound their own wait for in-flight requests; this bounds the primary's.
    setTimeout(() => process.exit(exitCode), config.shutdownGraceMs + 2000).unref();
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGHUP', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGHUP');
  });

  logger.info({ workers: count }, `starting ${count} workers`);
  for (let i = 0; i < count; i++) fork();
}

if (cluster.isPrimary) primary();
else await import('./main');
