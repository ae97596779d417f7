/**
 * The yoga instance: schema, per-request context, GraphiQL with example tabs, health and readiness
 * endpoints. It never opens a port, so tests drive it through `yoga.fetch`.
 */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import { createContext, type Context } from '../schema/context';
import { schema } from '../schema/index';
import { langFromAcceptLanguage } from './accept-language';
import { EXAMPLES } from './examples';
import { useExports } from './export-plugin';
import type { GraphStore } from './graph-store';
import { useWebApp } from './web-app';

export interface YogaOptions {
  readonly store: GraphStore;
  readonly graphiql?: boolean;
  readonly logging?: boolean;
}

export type OrgYoga = YogaServerInstance<Record<string, unknown>, Context>;

export function createOrgYoga({ store, graphiql = true, logging = true }: YogaOptions): OrgYoga {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    logging,
    context: ({ request }) =>
      createContext(store.current, langFromAcceptLanguage(request.headers.get('accept-language'))),
    graphiql: graphiql && {
      title: 'orggraph',
      defaultTabs: EXAMPLES.map((e) => ({ query: e.query })),
    },
    renderGraphiQL,
    plugins: [
      useWebApp(),
      useExports(store),
      useReadinessCheck({
        endpoint: '/readyz',
        check: () => {
          const { meta, dataset } = store.current;
          return Response.json({
            status: 'ready',
            dataset: dataset.key,
            version: meta.version,
            loadedAt: meta.loadedAt.toISOString(),
          });
        },
      }),
    ],
  });
}
