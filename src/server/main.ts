/** Starts the server: load the seed, listen, reload on SIGHUP, shut down cleanly on SIGTERM/SIGINT. */
import { SeedError } from '../graph/seed-error';
import { readConfig } from './config';
import { createLogger } from './observability';
import { serve } from './serve';

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const running = await serve(config, logger);

  process.on('SIGHUP', () => void running.reload('SIGHUP'));

  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, `${signal} received, finishing in-flight requests`);
    void running.close().then((outcome) => {
      logger.info({ outcome }, 'stopped');
      logger.flush();
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof SeedError) console.error(error.message);
  else
    console.error(
      `orggraph: cannot start: ${error instanceof Error ? error.message : String(error)}`,
    );
  process.exit(1);
});
