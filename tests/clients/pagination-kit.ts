/**
 * What the client pagination tests share: a generated organisation of 10,000 units served by the
 * real server (production configuration, a real socket), the query a client pages with, and the
 * order the pages must add up to, worked out from the loaded graph without the server's code.
 */
import { rm } from 'node:fs/promises';
import { expect } from 'vitest';
import { generateOrgInTemp } from '../../src/cli/seed-generate';
import { loadSeed } from '../../src/graph/load-seed';
import { startServer, type TestServer } from '../http-kit';

export const UNITS = 10_000;
export const PAGE = 100;

/** One page of the root list; `orderBy` is part of the list's identity, `first`/`after` are not. */
export const UNITS_PAGE = /* GraphQL */ `
  query UnitsPage($first: Int!, $after: String, $orderBy: UnitOrder) {
    units(first: $first, after: $after, orderBy: $orderBy) {
      __typename
      totalCount
      pageInfo {
        __typename
        hasNextPage
        endCursor
      }
      edges {
        __typename
        cursor
        node {
          __typename
          id
          key
        }
      }
    }
  }
`;

/**
 * The same page read as `nodes`, without edges: what a Graphcache client should select on a long
 * list, since relayPagination() merges `nodes` by key but `edges` by resolving each edge's node
 * again for every page it has, which grows with the square of the pages.
 */
export const UNITS_PAGE_NODES = /* GraphQL */ `
  query UnitsPageNodes($first: Int!, $after: String, $orderBy: UnitOrder) {
    units(first: $first, after: $after, orderBy: $orderBy) {
      __typename
      totalCount
      pageInfo {
        __typename
        hasNextPage
        endCursor
      }
      nodes {
        __typename
        id
        key
      }
    }
  }
`;

export interface UnitsPageNodes {
  units: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { id: string; key: string }[];
  };
}

export interface UnitsPage {
  units: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; key: string } }[];
  };
}

export type Order = 'dataset' | 'name-asc' | 'name-desc';

/** The `orderBy` argument for an order (none for the dataset's own order). */
export function orderByOf(order: Order): { field: 'NAME'; direction: 'ASC' | 'DESC' } | undefined {
  if (order === 'dataset') return undefined;
  return { field: 'NAME', direction: order === 'name-asc' ? 'ASC' : 'DESC' };
}

export interface PagedOrg {
  readonly server: TestServer;
  /** Unit keys in each order, as the whole list must read. */
  readonly expected: Record<Order, readonly string[]>;
  close(): Promise<void>;
}

/** Generates the organisation, starts the server on it and works out the expected orders. */
export async function servePagedOrg(): Promise<PagedOrg> {
  const org = await generateOrgInTemp({ units: UNITS, seed: 12 });
  const graph = await loadSeed(org.dir);
  const units = graph.units();
  // English names (the server's default language), compared as the README promises; ties keep
  // the dataset's order in either direction.
  const collator = new Intl.Collator('en', { numeric: true });
  const byName = (sign: number) =>
    units
      .map((unit, i) => ({ unit, i }))
      .sort((a, b) => sign * collator.compare(a.unit.name.en, b.unit.name.en) || a.i - b.i)
      .map(({ unit }) => unit.key);
  const server = await startServer({
    mode: 'production',
    seedDir: org.dir,
    // The clients share this process with the server: a connection idle while a client merges a
    // page must not be closed under it.
    keepAliveTimeoutMs: 120_000,
  });
  return {
    server,
    expected: {
      dataset: units.map((u) => u.key),
      'name-asc': byName(1),
      'name-desc': byName(-1),
    },
    close: async () => {
      await server.close();
      await rm(org.dir, { recursive: true, force: true });
    },
  };
}

/** The whole list a client ended with: every unit once, in the order, with the full count. */
export function expectWholeList(
  org: PagedOrg,
  order: Order,
  list: { totalCount: number; keys: readonly string[]; pages: number },
): void {
  expect(list.totalCount).toBe(UNITS);
  expect(new Set(list.keys).size).toBe(UNITS);
  expect(list.keys).toEqual(org.expected[order]);
  expect(list.pages).toBe(UNITS / PAGE);
}
