/**
 * The data only changes on reload, so an answer is determined by (dataset version, operation,
 * variables, language). The response cache keys results by exactly that; its key is the `ETag`,
 * so `If-None-Match` gets `304`. A reload changes the version, so older entries are never served
 * again (they age out of the LRU). GET queries carry `Cache-Control` for CDNs. APQ lets clients
 * send a hash instead of a long query.
 */
import { useAPQ } from '@graphql-yoga/plugin-apq';
import {
  createInMemoryCache,
  type Cache,
  hashSHA256,
  useResponseCache,
} from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import { langFromAcceptLanguage } from './accept-language';
import type { Config } from './config';

type CachingConfig = Pick<Config, 'responseCache' | 'apq' | 'trustedDocuments' | 'cacheMaxAgeS'>;

/** Headers telling caches what a response depends on and how long it keeps. */
function useCacheHeaders(maxAgeS: number): Plugin {
  const graphql = new WeakSet<Request>();
  const cacheable = new WeakSet<Request>();
  return {
    onRequest({ request, url }) {
      if (url.pathname === '/graphql') graphql.add(request);
    },
    onResultProcess({ request, result }) {
      if (request.method !== 'GET' || Array.isArray(result) || Symbol.asyncIterator in result)
        return;
      if (!result.errors?.length && result.data) cacheable.add(request);
    },
    onResponse({ request, response }) {
      if (!graphql.has(request) || response.headers.get('content-type')?.startsWith('text/html'))
        return;
      try {
        const vary = response.headers.get('vary');
        response.headers.set('vary', `${vary ? `${vary}, ` : ''}Accept, Accept-Language`);
        response.headers.set(
          'cache-control',
          cacheable.has(request) || response.status === 304
            ? `public, max-age=${maxAgeS}`
            : 'no-store',
        );
      } catch {
        // a response with immutable headers keeps its own
      }
    },
  };
}

/**
 * The response cache's store, holding only answers of the dataset version being served: keys
 * start with the version, an entry of another version is neither served nor kept, and the whole
 * store is dropped when the version changes.
 */
function versionedCache(currentVersion: () => string): Cache {
  let version = currentVersion();
  let inner = createInMemoryCache({ max: 1000 });
  const current = (key: string): Cache | undefined => {
    const now = currentVersion();
    if (now !== version) {
      version = now;
      inner = createInMemoryCache({ max: 1000 });
    }
    return key.startsWith(`"${now}-`) ? inner : undefined;
  };
  return {
    get: (key) => current(key)?.get(key),
    set: (key, data, entities, ttl) => current(key)?.set(key, data, entities, ttl),
    invalidate: (entities) => inner.invalidate(entities),
  };
}

export function cachingPlugins(
  config: CachingConfig,
  versionOf: (request: Request) => string,
  currentVersion: () => string,
): Plugin[] {
  const plugins: Plugin[] = [useCacheHeaders(config.cacheMaxAgeS)];
  if (config.responseCache)
    plugins.push(
      useResponseCache({
        cache: versionedCache(currentVersion),
        ttl: 3_600_000,
        session: (request) => langFromAcceptLanguage(request.headers.get('accept-language')),
        // The key is the ETag: quoted as HTTP wants, the dataset version, a hash of the rest.
        buildResponseCacheKey: async ({
          documentString,
          variableValues,
          operationName,
          sessionId,
          request,
        }) => {
          const hash = await hashSHA256(
            JSON.stringify([
              documentString,
              variableValues ?? {},
              operationName ?? '',
              sessionId ?? '',
            ]),
          );
          return `"${versionOf(request)}-${hash.slice(0, 32)}"`;
        },
      }),
    );
  // Trusted-documents mode already sends hashes, and must not learn new queries from clients.
  if (config.apq && !config.trustedDocuments) plugins.push(useAPQ() as Plugin);
  return plugins;
}
