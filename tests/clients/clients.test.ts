/**
 * Three common clients against the running server (production configuration, real socket):
 * Apollo Client with a normalised cache (using the shipped possible types), urql and
 * graphql-request. They fetch the nested structure and a reporting line, and must agree.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client/core';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Client, fetchExchange } from '@urql/core';
import { GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSSIBLE_TYPES_FILE } from '../../src/schema/possible-types';
import { startServer, type TestServer } from '../http-kit';

// Fragments on the OrgUnit interface: a normalised cache needs the possible types to fill them.
const QUERY = /* GraphQL */ `
  fragment UnitFields on OrgUnit {
    __typename
    id
    key
    name
    acronym
    head {
      __typename
      id
      title
    }
  }

  query StructureAndLine($unit: String!) {
    internationalStaff {
      ...UnitFields
      headcount {
        __typename
        approx
      }
      units(first: 20) {
        __typename
        totalCount
        nodes {
          ...UnitFields
          ... on Division {
            responsibilities {
              __typename
              id
              label
            }
          }
          units(first: 10) {
            __typename
            nodes {
              ...UnitFields
            }
          }
        }
      }
    }
    reportingLine(unit: $unit) {
      ...UnitFields
    }
  }
`;
const VARIABLES = { unit: 'NATO Security Office' };

interface Unit {
  name: string;
  units?: { totalCount?: number; nodes: Unit[] };
}
interface Answer {
  internationalStaff: Unit;
  reportingLine: { name: string }[];
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ mode: 'production' });
});
afterAll(async () => {
  await server?.close();
});

/** The possible types the project ships for normalized caches (schema/possible-types.json). */
async function shippedPossibleTypes(): Promise<Record<string, string[]>> {
  return JSON.parse(await readFile(POSSIBLE_TYPES_FILE, 'utf8')) as Record<string, string[]>;
}

async function withApollo(): Promise<Answer> {
  const possibleTypes = await shippedPossibleTypes();
  const client = new ApolloClient({
    link: new HttpLink({ uri: server.url }),
    cache: new InMemoryCache({ possibleTypes }),
  });
  const { data, error } = await client.query<Answer>({ query: gql(QUERY), variables: VARIABLES });
  expect(error).toBeUndefined();
  return data as Answer;
}

async function withUrql(): Promise<Answer> {
  const client = new Client({ url: server.url, exchanges: [fetchExchange] });
  const { data, error } = await client.query<Answer>(QUERY, VARIABLES).toPromise();
  expect(error).toBeUndefined();
  return data as Answer;
}

function withGraphqlRequest(): Promise<Answer> {
  return new GraphQLClient(server.url).request<Answer>(QUERY, VARIABLES);
}

describe('clients', () => {
  it('Apollo Client, urql and graphql-request get the same nested answer', async () => {
    const [apollo, urql, request] = await Promise.all([
      withApollo(),
      withUrql(),
      withGraphqlRequest(),
    ]);
    expect(request.reportingLine.map((u) => u.name)).toEqual([
      'NATO Office of Security',
      'International Staff',
      'Secretary General',
    ]);
    expect(request.internationalStaff.units?.nodes.length).toBeGreaterThan(7);
    expect(request.internationalStaff.units?.totalCount).toBe(
      request.internationalStaff.units?.nodes.length,
    );
    // Apollo's cache rebuilt the same tree from normalised records, fragments included.
    expect(JSON.parse(JSON.stringify(apollo))).toEqual(request);
    expect(JSON.parse(JSON.stringify(urql))).toEqual(request);
  });

  it('Apollo Client sends a long query as a hash (automatic persisted queries)', async () => {
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    const bodies: string[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      bodies.push(String(init?.body));
      return fetch(input, init);
    };
    const possibleTypes = await shippedPossibleTypes();
    const client = () =>
      new ApolloClient({
        link: new PersistedQueryLink({ sha256 }).concat(
          new HttpLink({ uri: server.url, fetch: recordingFetch }),
        ),
        cache: new InMemoryCache({ possibleTypes }),
      });
    const first = await client().query<Answer>({ query: gql(QUERY), variables: VARIABLES });
    const second = await client().query<Answer>({ query: gql(QUERY), variables: VARIABLES });
    // Both answers are the server's own, fragments included, not merely equal to each other.
    const expected = await withGraphqlRequest();
    expect(JSON.parse(JSON.stringify(first.data))).toEqual(expected);
    expect(JSON.parse(JSON.stringify(second.data))).toEqual(expected);
    // Unknown hash, then hash and query, then (a new client) the hash alone.
    expect(bodies.map((b) => (JSON.parse(b) as { query?: string }).query !== undefined)).toEqual([
      false,
      true,
      false,
    ]);
  });
});
