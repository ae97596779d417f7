/**
 * The yoga instance: the schema, the per-request context, GraphiQL with example tabs, liveness,
 * and the plugins of pipeline.ts. It never opens a port, so tests drive it through `yoga.fetch`.
 */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { createContext, type Context } from '../schema/context';
import { schemaOfGraph } from '../schema/index';
import { defaultConfig, type Config } from './config';
import { useDatasetSchema } from './dataset-schema';
import { examplesFor } from './examples';
import type { ServerContext } from './exchange';
import type { GraphStore } from './graph-store';
import { createLogger, Metrics, yogaLogger, type Logger } from './observability';
import { yogaPlugins } from './pipeline';
import { securityOptions } from './security';

export interface YogaOptions {
  readonly store: GraphStore;
  /** Settings; the development defaults when absent. */
  readonly config?: Config;
  /** Overrides `config.graphiql`. */
  readonly graphiql?: boolean;
  /** `false`: no logs at all (tests). */
  readonly logging?: boolean;
  readonly logger?: Logger;
  readonly metrics?: Metrics;
}

export type OrgYoga = YogaServerInstance<ServerContext, Context>;

export function createOrgYoga({
  store,
  config = defaultConfig(),
  graphiql = config.graphiql,
  logging = true,
  logger = createLogger(logging ? config.logLevel : 'silent'),
  metrics = new Metrics(() => store.current),
}: YogaOptions): OrgYoga {
  return createYoga<ServerContext, Context>({
    // The graph's schema at start; each request then gets its own graph's (dataset-schema.ts).
    schema: schemaOfGraph(store.current),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    logging: logging ? yogaLogger(logger) : false,
    ...securityOptions(config),
    // The exchange fixed the graph and the language when the request arrived.
    context: ({ exchange }) =>
      exchange ? createContext(exchange.graph, exchange.lang) : createContext(store.current),
    // The tabs show the served dataset's own units, topics and kinds.
    graphiql: graphiql
      ? () => ({
          title: 'orggraph',
          defaultTabs: examplesFor(store.current).map((e) => ({ query: e.query })),
        })
      : false,
    renderGraphiQL,
    // The schema of the request's graph first (dataset-schema.ts), then the pipeline.
    plugins: [
      useDatasetSchema(() => store.current),
      ...yogaPlugins({ config, store, logger, metrics }),
    ],
  });
}
