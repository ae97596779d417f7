/**
 * The yoga instance: the schema, the per-request context, GraphiQL with example tabs, liveness,
 * and the plugins of pipeline.ts. It never opens a port, so tests drive it through `yoga.fetch`.
 */
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { createContext, type Context } from '../schema/context';
import { schemaOfGraph } from '../schema/schemas';
import { defaultConfig, type Config } from './config';
import { useDatasetSchema } from './dataset-schema';
import { parseCaches } from './document-cache';
import { examplesFor } from './examples';
import type { ServerContext } from './exchange';
import type { GraphStore } from './graph-store';
import { createLogger, Metrics, yogaLogger, type Logger } from './observability';
import { yogaPlugins } from './pipeline';
import { securityOptions } from './security';
import type { Tracing } from './tracing';

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
  /** With tracing on (tracing.ts): the exchange's spans and the costly resolvers'. */
  readonly tracing?: Tracing | undefined;
}

export type OrgYoga = YogaServerInstance<ServerContext, Context>;

/** Each yoga's parsed documents by query text: its parse cache, which the fast lane reads too. */
const parsedDocuments = new WeakMap<OrgYoga, { get(query: string): DocumentNode | undefined }>();

/** The document yoga's parse cache holds for this query text, if any (fast-lane.ts). */
export function parsedDocument(yoga: OrgYoga, query: string): DocumentNode | undefined {
  return parsedDocuments.get(yoga)?.get(query);
}

export function createOrgYoga({
  store,
  config = defaultConfig(),
  graphiql = config.graphiql,
  logging = true,
  logger = createLogger(logging ? config.logLevel : 'silent'),
  metrics = new Metrics(() => store.current),
  tracing,
}: YogaOptions): OrgYoga {
  // With tracing on, each dataset's schema is served as a traced copy, made once per schema.
  const traced = new WeakMap<GraphQLSchema, GraphQLSchema>();
  const servedSchema = (schema: GraphQLSchema): GraphQLSchema => {
    if (!tracing) return schema;
    let copy = traced.get(schema);
    if (!copy) traced.set(schema, (copy = tracing.instrumentSchema(schema)));
    return copy;
  };
  const caches = parseCaches();
  const yoga = createYoga<ServerContext, Context>({
    // The graph's schema at start; each request then gets its own graph's (dataset-schema.ts).
    schema: servedSchema(schemaOfGraph(store.current)),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    logging: logging ? yogaLogger(logger) : false,
    ...securityOptions(config),
    // Parsed documents and parse errors, bounded in bytes rather than yoga's count.
    parserAndValidationCache: caches,
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
    // Loaded when first shown: the page is 9 MB of JavaScript that a production start (GraphiQL
    // off) would otherwise parse for nothing.
    renderGraphiQL: async (options) =>
      (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    // The schema of the request's graph first (dataset-schema.ts), then the pipeline.
    plugins: [
      useDatasetSchema(() => store.current, servedSchema),
      ...yogaPlugins({ config, store, logger, metrics, tracing }),
    ],
  });
  parsedDocuments.set(yoga, caches.documentCache);
  return yoga;
}
