/**
 * Real clients page through every unit of a generated organisation of 10,000 units, 100 at a
 * time, as a frontend's "load more" does: plain fetch following `pageInfo.endCursor`, Apollo
 * Client with `relayStylePagination()` and `fetchMore`, urql's Graphcache with `relayPagination()`.
 * Each ends with exactly the 10,000 units, once each, in the order asked, and `totalCount` 10,000.
 */
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client/core';
import { relayStylePagination } from '@apollo/client/utilities';
import { Client, fetchExchange, type OperationResult } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { introspectionFromSchema, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index';
import {
  PAGE,
  UNITS_PAGE,
  UNITS_PAGE_NODES,
  expectWholeList,
  orderByOf,
  servePagedOrg,
  type Order,
  type PagedOrg,
  type UnitsPage,
  type UnitsPageNodes,
} from './pagination-kit';

let org: PagedOrg;
beforeAll(async () => {
  org = await servePagedOrg();
}, 300_000);
afterAll(async () => {
  await org?.close();
});

async function withFetch(order: Order) {
  const keys: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  let pages = 0;
  for (;;) {
    const response = await fetch(org.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        query: UNITS_PAGE,
        variables: { first: PAGE, after, orderBy: orderByOf(order) },
      }),
    });
    const body = (await response.json()) as { data?: UnitsPage; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const page = body.data!.units;
    pages += 1;
    totalCount = page.totalCount;
    keys.push(...page.edges.map((e) => e.node.key));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { keys, totalCount, pages };
}

async function withApollo(order: Order) {
  const client = new ApolloClient({
    link: new HttpLink({ uri: org.server.url }),
    cache: new InMemoryCache({
      // Pages with other `first`/`after` merge into one list; another filter or order is another.
      typePolicies: { Query: { fields: { units: relayStylePagination(['filter', 'orderBy']) } } },
    }),
  });
  const variables = { first: PAGE, orderBy: orderByOf(order) };
  const read = () => client.readQuery<UnitsPage>({ query: gql(UNITS_PAGE), variables })!;
  // The query a component would watch; fetchMore's pages are merged into its cache entry.
  const observable = client.watchQuery<UnitsPage>({ query: gql(UNITS_PAGE), variables });
  const first = await new Promise<UnitsPage>((resolve, reject) => {
    const subscription = observable.subscribe({
      next: (result) => {
        if (result.dataState !== 'complete') return;
        subscription.unsubscribe();
        resolve(result.data as UnitsPage);
      },
      error: reject,
    });
  });
  let pages = 1;
  // Paging forward, the merged list ends where the last page fetched ends: its endCursor is the
  // next `after`. The merged list itself is read once, at the end (reading it after every page
  // would only repeat the check, at a cost that grows with the list).
  let { pageInfo } = first.units;
  while (pageInfo.hasNextPage) {
    const more = await observable.fetchMore({ variables: { after: pageInfo.endCursor } });
    expect(more.error).toBeUndefined();
    pages += 1;
    pageInfo = (more.data as UnitsPage).units.pageInfo;
  }
  const merged = read();
  client.stop();
  return {
    keys: merged!.units.edges.map((e) => e.node.key),
    totalCount: merged!.units.totalCount,
    pages,
  };
}

async function withUrql(order: Order) {
  // Graphcache keys objects by `id`; connections, edges and page infos live inside their parent.
  const keys = Object.fromEntries(
    Object.values(schema.getTypeMap())
      .filter((t) => isObjectType(t) && !t.name.startsWith('__') && !('id' in t.getFields()))
      .map((t) => [t.name, () => null]),
  );
  const client = new Client({
    url: org.server.url,
    exchanges: [
      cacheExchange({
        schema: introspectionFromSchema(schema),
        keys,
        resolvers: { Query: { units: relayPagination() } },
      }),
      fetchExchange,
    ],
  });
  const variables = (after: string | null) => ({ first: PAGE, after, orderBy: orderByOf(order) });
  let pages = 0;
  // Each page's answer is the merged list so far; only its pageInfo is used while paging.
  for (let after: string | null = null; ;) {
    const result: OperationResult<UnitsPageNodes> = await client
      .query<UnitsPageNodes>(UNITS_PAGE_NODES, variables(after))
      .toPromise();
    expect(result.error).toBeUndefined();
    pages += 1;
    const { pageInfo } = result.data!.units;
    if (!pageInfo.hasNextPage) break;
    after = pageInfo.endCursor;
  }
  // The first page's query, read from the cache alone, is the merged list.
  const merged = await client
    .query<UnitsPageNodes>(UNITS_PAGE_NODES, variables(null), { requestPolicy: 'cache-only' })
    .toPromise();
  expect(merged.error).toBeUndefined();
  return {
    keys: merged.data!.units.nodes.map((n) => n.key),
    totalCount: merged.data!.units.totalCount,
    pages,
  };
}

describe('clients paging through 10,000 units', () => {
  it('plain fetch, following pageInfo.endCursor (in the dataset order and by name)', async () => {
    expectWholeList(org, 'dataset', await withFetch('dataset'));
    expectWholeList(org, 'name-asc', await withFetch('name-asc'));
  }, 300_000);

  it('Apollo Client: relayStylePagination and fetchMore, the merged list read from the cache', async () => {
    expectWholeList(org, 'name-asc', await withApollo('name-asc'));
  }, 300_000);

  it('urql Graphcache: relayPagination, the merged list read from the cache', async () => {
    expectWholeList(org, 'name-desc', await withUrql('name-desc'));
  }, 300_000);
});
