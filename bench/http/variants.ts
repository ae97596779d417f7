/**
 * The servers the HTTP benchmark compares, all answering orggraph's own schema and resolvers from
 * the same seed: orggraph as shipped, plain yoga, mercurius + graphql-jit (the reference peer) and
 * a raw node:http server returning precomputed bytes (the ceiling).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { execute, parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import mercurius from 'mercurius';
import type { OrgGraph } from '../../src/graph/org-graph';
import { createContext } from '../../src/schema/context';
import { schema } from '../../src/schema/index';
import { readConfig } from '../../src/server/config';
import { GraphStore } from '../../src/server/graph-store';
import { withFrontCache } from '../../src/server/front-cache';
import { createOrgYoga } from '../../src/server/yoga';
import { WORKLOADS, type Request } from './workloads';

export const VARIANTS = [
  'orggraph',
  'orggraph-nocache',
  'yoga-plain',
  'mercurius-jit',
  'raw',
] as const;
export type Variant = (typeof VARIANTS)[number];

export function requestBody(r: Request): string {
  return JSON.stringify({ query: r.query, variables: r.variables ?? {} });
}

/** The response every server must give to `r`, computed by executing it directly. */
export async function expectedResponse(graph: OrgGraph, r: Request): Promise<string> {
  const result = await execute({
    schema,
    document: parse(r.query),
    variableValues: r.variables,
    contextValue: createContext(graph),
  });
  return JSON.stringify(result);
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

export async function startVariant(variant: Variant, graph: OrgGraph): Promise<number> {
  switch (variant) {
    case 'orggraph': {
      // As an operator would run it: production mode, warnings only in the logs, every other
      // setting (limits, response cache, ETags, metrics) at its default.
      const config = readConfig({ ORGGRAPH_MODE: 'production', LOG_LEVEL: 'warn' }, []);
      const store = new GraphStore(graph);
      const yoga = createOrgYoga({ store, config });
      return listen(
        createServer(
          withFrontCache(yoga, {
            version: () => graph.meta.version,
            maxBodyBytes: config.maxBodyBytes,
          }),
        ),
      );
    }
    case 'orggraph-nocache': {
      // The same, with the response cache (and so the front cache) off: every query executes.
      const config = readConfig(
        { ORGGRAPH_MODE: 'production', LOG_LEVEL: 'warn', RESPONSE_CACHE: 'false' },
        [],
      );
      return listen(createServer(createOrgYoga({ store: new GraphStore(graph), config })));
    }
    case 'yoga-plain':
      return listen(
        createServer(createYoga({ schema, context: () => createContext(graph), logging: false })),
      );
    case 'mercurius-jit': {
      const app = Fastify({ logger: false });
      await app.register(mercurius, { schema, jit: 1, context: () => createContext(graph) });
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
