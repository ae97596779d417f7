/**
 * Queries sent by id instead of text. In trusted-documents mode only the operations of a file the
 * operator supplies run, by hash; otherwise clients may use automatic persisted queries (APQ),
 * sending a hash once the server has seen the query.
 */
import { readFileSync } from 'node:fs';
import { useAPQ } from '@graphql-yoga/plugin-apq';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { Config } from './config';
import type { OnRefused } from './limits';

/** The trusted documents: a JSON object from operation hash (or any id) to its query text. */
export function readTrustedDocuments(file: string): ReadonlyMap<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`TRUSTED_DOCUMENTS: cannot read ${file}: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`TRUSTED_DOCUMENTS: ${file} must hold a JSON object { "hash": "query" }`);
  const entries = Object.entries(parsed);
  for (const [key, value] of entries)
    if (typeof value !== 'string')
      throw new Error(`TRUSTED_DOCUMENTS: ${file}: "${key}" must map to a query string`);
  return new Map(entries as [string, string][]);
}

/** Only the trusted documents run, sent by id (`extensions.persistedQuery.sha256Hash`). */
function useTrustedDocuments(documents: ReadonlyMap<string, string>, onRefused: OnRefused): Plugin {
  const refuse = (message: string, status: number) => () => {
    onRefused('trusted-documents');
    return createGraphQLError(message, {
      extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status } },
    });
  };
  return usePersistedOperations({
    getPersistedOperation: (key) => documents.get(key) ?? null,
    allowArbitraryOperations: false,
    customErrors: {
      notFound: refuse('Unknown trusted document.', 404),
      persistedQueryOnly: refuse('Only trusted documents run here: send a document id.', 400),
      keyNotFound: refuse('Only trusted documents run here: send a document id.', 400),
    },
  }) as Plugin;
}

/** Bytes of query text APQ keeps (clients register queries; each may be as long as a body). */
const APQ_STORE_BYTES = 8 * 2 ** 20;

function apqStore() {
  const queries = new LRUCache<string, string>({
    maxSize: APQ_STORE_BYTES,
    sizeCalculation: (query, hash) => 2 * (query.length + hash.length),
  });
  return {
    get: (hash: string) => queries.get(hash) ?? null,
    set: (hash: string, query: string) => void queries.set(hash, query),
  };
}

/** The persisted-query plugin this configuration asks for, if any. */
export function persistedQueries(
  config: Pick<Config, 'trustedDocuments' | 'apq'>,
  onRefused: OnRefused,
): Plugin[] {
  // Trusted-documents mode already sends hashes, and must not learn new queries from clients.
  if (config.trustedDocuments)
    return [useTrustedDocuments(readTrustedDocuments(config.trustedDocuments), onRefused)];
  return config.apq ? [useAPQ({ store: apqStore() }) as Plugin] : [];
}
