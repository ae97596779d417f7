/**
 * Normalised client caches and time travel: a node seen through `at(date:)` has an ID of its
 * own, so Apollo Client's InMemoryCache (with the shipped possible types), urql's Graphcache and
 * Relay's store each give exactly the server's answer for the current and the past structure, in
 * one document or in two, in either order; and a current query read back from the cache after a
 * dated one is never poisoned by it.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { Client, fetchExchange } from '@urql/core';
import { introspectionFromSchema, isObjectType } from 'graphql';
import {
  createOperationDescriptor,
  Environment,
  fetchQuery,
  Network,
  RecordSource,
  Store,
  type ConcreteRequest,
} from 'relay-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index';
import { POSSIBLE_TYPES_FILE } from '../../src/schema/possible-types';
import { startServer, type TestServer } from '../http-kit';
import BothQuery from './relay/__generated__/TimeTravelBothQuery.graphql';
import CurrentQuery from './relay/__generated__/TimeTravelCurrentQuery.graphql';
import PastQuery from './relay/__generated__/TimeTravelPastQuery.graphql';
import { BOTH, CURRENT, PAST } from './relay/TimeTravel';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ mode: 'production', responseCache: false });
});
afterAll(async () => {
  await server?.close();
});

/** The server's own answer, by plain fetch. */
async function serverAnswer(query: string): Promise<unknown> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** A client's data, without the `__typename`s it asked for on its own. */
function plain(data: unknown): unknown {
  return JSON.parse(JSON.stringify(data, (k, v: unknown) => (k === '__typename' ? undefined : v)));
}

interface CacheClient {
  /** Runs a query through the client and its cache. */
  query(document: string): Promise<unknown>;
  /** Reads a query back from the cache alone. */
  read(document: string): Promise<unknown>;
}

async function apollo(): Promise<CacheClient> {
  const possibleTypes = JSON.parse(await readFile(POSSIBLE_TYPES_FILE, 'utf8')) as Record<
    string,
    string[]
  >;
  const client = new ApolloClient({
    link: new HttpLink({ uri: server.url }),
    cache: new InMemoryCache({ possibleTypes }),
  });
  return {
    query: async (d) => (await client.query({ query: gql(d), fetchPolicy: 'network-only' })).data,
    read: async (d) => client.readQuery({ query: gql(d) }),
  };
}

function urql(): CacheClient {
  // Graphcache keys objects by `id`; the others (a DatedView, a coverage…) live inside their parent.
  const keys = Object.fromEntries(
    Object.values(schema.getTypeMap())
      .filter((t) => isObjectType(t) && !t.name.startsWith('__') && !('id' in t.getFields()))
      .map((t) => [t.name, () => null]),
  );
  const client = new Client({
    url: server.url,
    exchanges: [cacheExchange({ schema: introspectionFromSchema(schema), keys }), fetchExchange],
  });
  const run = async (d: string, requestPolicy: 'network-only' | 'cache-only') => {
    const { data, error } = await client.query(d, {}, { requestPolicy }).toPromise();
    expect(error).toBeUndefined();
    return data;
  };
  return { query: (d) => run(d, 'network-only'), read: (d) => run(d, 'cache-only') };
}

const RELAY: Record<string, ConcreteRequest> = {
  [BOTH]: BothQuery,
  [CURRENT]: CurrentQuery,
  [PAST]: PastQuery,
};

function relay(): CacheClient {
  const environment = new Environment({
    network: Network.create(async (params) => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: params.text, variables: {} }),
      });
      return (await response.json()) as never;
    }),
    store: new Store(new RecordSource()),
  });
  const request = (d: string) => {
    const compiled = RELAY[d];
    if (!compiled) throw new Error('no compiled Relay artifact for this document');
    return compiled;
  };
  return {
    query: (d) =>
      fetchQuery(environment, request(d), {}, { fetchPolicy: 'network-only' }).toPromise(),
    read: async (d) => environment.lookup(createOperationDescriptor(request(d), {}).fragment).data,
  };
}

const CLIENTS: [string, () => CacheClient | Promise<CacheClient>][] = [
  ['Apollo Client (InMemoryCache)', apollo],
  ['urql (Graphcache)', urql],
  ['Relay (relay-runtime store)', relay],
];

describe.each(CLIENTS)('%s', (_, makeClient) => {
  it('shows the current and the 2009 structure of one document as the server does', async () => {
    const expected = (await serverAnswer(BOTH)) as {
      divisions: unknown[];
      internationalStaff: { childCount: number };
      past: { divisions: unknown[]; internationalStaff: { childCount: number } };
    };
    expect(expected.divisions).toHaveLength(7);
    expect(expected.past.divisions).toHaveLength(6);
    // The same unit in two states: its ID must tell them apart for the counts to stay right.
    expect(expected.internationalStaff.childCount).toBe(
      expected.past.internationalStaff.childCount + 1,
    );
    const client = await makeClient();
    expect(plain(await client.query(BOTH))).toEqual(expected);
    expect(plain(await client.read(BOTH))).toEqual(expected);
  });

  it.each([
    ['the dated structure first', [PAST, CURRENT]],
    ['the current structure first', [CURRENT, PAST]],
  ])('keeps both answers right with %s, and the cache never mixes them', async (__, order) => {
    const client = await makeClient();
    const expected = new Map<string, unknown>();
    for (const document of order) {
      expected.set(document, await serverAnswer(document));
      expect(plain(await client.query(document))).toEqual(expected.get(document));
    }
    // Read back from the cache alone: the current structure is not poisoned by the dated one.
    for (const document of order)
      expect(plain(await client.read(document))).toEqual(expected.get(document));
    type Units = { totalCount: number; nodes: { name: string }[] };
    const current = expected.get(CURRENT) as { internationalStaff: { units: Units } };
    const past = expected.get(PAST) as { at: { internationalStaff: { units: Units } } };
    expect(current.internationalStaff.units.nodes.map((u) => u.name)).toContain(
      'Emerging Security Challenges Division',
    );
    expect(past.at.internationalStaff.units.nodes.length).toBe(
      current.internationalStaff.units.nodes.length - 1,
    );
    expect(past.at.internationalStaff.units.totalCount).toBe(
      current.internationalStaff.units.totalCount - 1,
    );
  });
});

describe('the Relay artifacts', () => {
  it('are what relay-compiler makes of the documents and the checked-in schema', async () => {
    const dir = fileURLToPath(new URL('./relay/', import.meta.url));
    const compiler = fileURLToPath(
      new URL('../../node_modules/.bin/relay-compiler', import.meta.url),
    );
    await expect(
      promisify(execFile)(compiler, ['--validate', 'relay.config.json'], { cwd: dir }),
    ).resolves.toBeDefined();
  });
});
