/** Starts the server: load the seed, listen, reload on SIGHUP, shut down cleanly on SIGTERM/SIGINT. */
import { createServer } from 'node:http';
import { SeedError } from '../graph/seed-error';
import { readConfig } from './config';
import { GraphStore } from './graph-store';
import { createOrgYoga } from './yoga';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = readConfig();
  const store = await GraphStore.open(config.seedDir);
  const yoga = createOrgYoga({ store, graphiql: config.graphiql });
  const server = createServer(yoga);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const counts = store.current.counts();
  console.log(
    `orggraph: serving "${store.current.dataset.key}" (${counts.units} units, ${counts.topics} topics, ${counts.events} events, version ${store.current.meta.version})`,
  );
  console.log(`orggraph: GraphQL and GraphiQL at http://${host}:${port}/graphql`);

  process.on('SIGHUP', () => {
    store.reload().then(
      (g) => console.log(`orggraph: reloaded, version ${g.meta.version}`),
      (error: unknown) =>
        console.error(
          `orggraph: reload refused, still serving ${store.current.meta.version}\n${String(error instanceof Error ? error.message : error)}`,
        ),
    );
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`orggraph: ${signal} received, finishing in-flight requests`);
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof SeedError) console.error(error.message);
  else
    console.error(
      `orggraph: cannot start: ${error instanceof Error ? error.message : String(error)}`,
    );
  process.exit(1);
});
