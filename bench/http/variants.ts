/**
 * The servers the HTTP benchmark compares, all answering from the same loaded seed: orggraph as
 * shipped and with its response cache off; the plain peer (mercurius + graphql-jit with its own
 * small SDL and direct resolvers: the server a user would write instead, the one to beat);
 * mercurius + graphql-jit on orggraph's own schema; plain yoga on orggraph's schema; and a raw
 * node:http server returning precomputed bytes (the ceiling).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { createYoga } from 'graphql-yoga';
import mercurius from 'mercurius';
import type { OrgGraph } from '../../src/graph/org-graph';
import { createContext, type Context } from '../../src/schema/context';
import { schema } from '../../src/schema/index';
import { readConfig } from '../../src/server/config';
import { GraphStore } from '../../src/server/graph-store';
import { createFront } from '../../src/server/front';
import { createLogger, Metrics } from '../../src/server/observability';
import { createOrgYoga } from '../../src/server/yoga';
import { startPlainPeer } from './plain-peer';
import { WORKLOADS, type Request } from './workloads';

export const VARIANTS = [
  'orggraph',
  'orggraph-nocache',
  'plain-peer',
  'mercurius-jit',
  'yoga-plain',
  'raw',
] as const;
export type Variant = (typeof VARIANTS)[number];

export function requestBody(r: Request): string {
  return JSON.stringify({ query: r.query, variables: r.variables ?? {} });
}

/** The response every server must give to `r`, computed by executing it directly. */
export async function expectedResponse(graph: OrgGraph, r: Request): Promise<string> {
  const context = createContext(graph);
  const result = await execute({
    schema,
    document: parse(r.query),
    variableValues: r.variables,
    contextValue: context,
    rootValue: context.root,
  });
  return JSON.stringify(result);
}

/**
 * orggraph's schema for servers that take no per-request root value (mercurius keeps one root
 * object; plain yoga passes none): Query's fields get the context's root instead, as orggraph's
 * own executor gives them. A copy: the shared schema is left as it is.
 */
function rootedInContext(original: GraphQLSchema): GraphQLSchema {
  return mapSchema(original, {
    [MapperKind.QUERY_ROOT_FIELD]: (field) => {
      const resolve = field.resolve;
      return resolve
        ? {
            ...field,
            resolve: (_root, args, context: Context, info) =>
              resolve(context.root, args, context, info),
          }
        : field;
    },
  });
}

/** orggraph as an operator runs it (every setting at its default), over the loaded graph. */
function orggraph(graph: OrgGraph, env: Record<string, string>) {
  const config = readConfig({ ORGGRAPH_MODE: 'production', LOG_LEVEL: 'warn', ...env }, []);
  const store = new GraphStore(graph);
  const logger = createLogger(config.logLevel);
  const metrics = new Metrics(() => store.current);
  const yoga = createOrgYoga({ store, config, logger, metrics });
  return createServer(createFront({ yoga, store, config, logger, metrics }));
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

export async function startVariant(variant: Variant, graph: OrgGraph): Promise<number> {
  switch (variant) {
    case 'orggraph':
      // As an operator would run it: production mode, warnings only in the logs, every other
      // setting (limits, response cache, ETags, metrics) at its default.
      return listen(orggraph(graph, {}));
    case 'orggraph-nocache':
      // The same, with the response cache off: every query executes.
      return listen(orggraph(graph, { RESPONSE_CACHE: 'false' }));
    case 'plain-peer':
      return startPlainPeer(graph);
    case 'yoga-plain': {
      const yoga = createYoga({
        schema: rootedInContext(schema),
        context: () => createContext(graph),
        logging: false,
      });
      return listen(createServer(yoga));
    }
    case 'mercurius-jit': {
      const app = Fastify({ logger: false });
      await app.register(mercurius, {
        schema: rootedInContext(schema),
        jit: 1,
        context: () => createContext(graph),
      });
      await app.listen({ port: 0, host: '127.0.0.1' });
      return (app.server.address() as AddressInfo).port;
    }
    case 'raw': {
      const bytes = new Map<string, Buffer>();
      for (const w of WORKLOADS) {
        for (const r of w.requests(graph)) {
          bytes.set(requestBody(r), Buffer.from(await expectedResponse(graph, r)));
        }
      }
      return listen(
        createServer((req, res) => {
          const chunks: Buffer[] = [];
          req.on('data', (c: Buffer) => chunks.push(c));
          req.on('end', () => {
            const body = bytes.get(Buffer.concat(chunks).toString());
            res.writeHead(body ? 200 : 404, { 'content-type': 'application/json; charset=utf-8' });
            res.end(body ?? '{}');
          });
        }),
      );
    }
  }
}
