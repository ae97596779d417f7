/**
 * The yoga instance: schema, per-request context, GraphiQL with example tabs, health and readiness
 * endpoints, and the plugins chosen by the configuration. It never opens a port, so tests drive it
 * through `yoga.fetch`.
 */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { OrgGraph } from '../graph/org-graph';
import { createContext, type Context } from '../schema/context';
import { schema } from '../schema/index';
import { langFromAcceptLanguage } from './accept-language';
import { cachingPlugins } from './caching';
import { useCompiledQueries } from './compile';
import { defaultConfig, type Config } from './config';
import { EXAMPLES } from './examples';
import { useExports } from './export-plugin';
import type { GraphStore } from './graph-store';
import { limitPlugins } from './limits';
import {
  createLogger,
  Metrics,
  observabilityPlugins,
  yogaLogger,
  type Logger,
} from './observability';
import { securityOptions, securityPlugins } from './security';
import { useWebApp } from './web-app';

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

export type OrgYoga = YogaServerInstance<Record<string, unknown>, Context>;

export function createOrgYoga({
  store,
  config = defaultConfig(),
  graphiql = config.graphiql,
  logging = true,
  logger = createLogger(logging ? config.logLevel : 'silent'),
  metrics = new Metrics(() => store.current),
}: YogaOptions): OrgYoga {
  // The graph is fixed when a request arrives: its cache key and its answer use the same one.
  const graphs = new WeakMap<Request, OrgGraph>();
  const graphOf = (request: Request) => graphs.get(request) ?? store.current;
  const onRefused = metrics.refused.bind(metrics);
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    logging: logging ? yogaLogger(logger) : false,
    ...securityOptions(config),
    context: ({ request }) =>
      createContext(
        graphOf(request),
        langFromAcceptLanguage(request.headers.get('accept-language')),
      ),
    graphiql: graphiql && {
      title: 'orggraph',
      defaultTabs: EXAMPLES.map((e) => ({ query: e.query })),
    },
    renderGraphiQL,
    plugins: [
      {
        onRequest({ request }) {
          graphs.set(request, store.current);
        },
      },
      ...observabilityPlugins(logger, metrics),
      useWebApp(),
      useExports(store),
      ...securityPlugins(config, onRefused),
      // Before the limits: the deadline wraps whichever executor is chosen.
      ...(config.compileQueries ? [useCompiledQueries()] : []),
      ...limitPlugins(config, onRefused),
      ...cachingPlugins(
        config,
        (request) => graphOf(request).meta.version,
        () => store.current.meta.version,
      ),
      useReadiness(store),
    ],
  });
}

/**
 * `/readyz`: which dataset and version this process serves (503 when draining). (yoga's readiness plugin matches
 * every request's URL against a URLPattern, a tenth of a small query's time in-process.)
 */
function useReadiness(store: GraphStore): Plugin {
  return {
    onRequest({ url, endResponse }) {
      if (url.pathname !== '/readyz') return;
      const { meta, dataset } = store.current;
      endResponse(
        Response.json(
          {
            status: store.draining ? 'draining' : 'ready',
            dataset: dataset.key,
            version: meta.version,
            loadedAt: meta.loadedAt.toISOString(),
            pid: process.pid,
          },
          { status: store.draining ? 503 : 200 },
        ),
      );
    },
  };
}
