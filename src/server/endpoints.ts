/**
 * The server's other endpoints, routed in one place: the org chart page at `/` and its assets, the
 * exports under `/export/`, readiness at `/readyz` (liveness, `/healthz`, is yoga's own) and the
 * Prometheus metrics at `/metrics`. Every other request goes on to GraphQL.
 */
import type { Plugin } from 'graphql-yoga';
import { EXPORT_PREFIX, exportResponse } from './export-route';
import type { GraphStore } from './graph-store';
import type { Metrics } from './observability';
import { WEB_DIST_DIR } from '../graph/project-paths';
import { ASSET, assetResponse, pageResponse } from './web-app';

/** Which dataset and version this process serves; 503 once it drains, so proxies stop sending. */
function readiness(store: GraphStore): Response {
  const { meta, dataset } = store.current;
  return Response.json(
    {
      status: store.draining ? 'draining' : 'ready',
      dataset: dataset.key,
      version: meta.version,
      loadedAt: meta.loadedAt.toISOString(),
      pid: process.pid,
    },
    { status: store.draining ? 503 : 200 },
  );
}

async function metricsResponse(metrics: Metrics): Promise<Response> {
  return new Response(await metrics.registry.metrics(), {
    status: 200,
    headers: { 'content-type': metrics.registry.contentType },
  });
}

export function useEndpoints(store: GraphStore, metrics: Metrics, webDir = WEB_DIST_DIR): Plugin {
  return {
    // Synchronous for every other request: an async hook would put a promise on the GraphQL path.
    onRequest({ request, url, endResponse }) {
      const { pathname } = url;
      if (pathname === '/graphql') return;
      const read = request.method === 'GET' || request.method === 'HEAD';
      if (pathname.startsWith(EXPORT_PREFIX))
        return endResponse(exportResponse(store, request, url));
      if (pathname === '/readyz') return endResponse(readiness(store));
      if (!read) return;
      if (pathname === '/metrics') return metricsResponse(metrics).then(endResponse);
      if (pathname === '/' || pathname === '/index.html')
        return pageResponse(webDir).then(endResponse);
      const asset = ASSET.exec(pathname);
      if (asset?.[1] && asset[2])
        return assetResponse(webDir, asset[1], `.${asset[2]}`).then(endResponse);
    },
  };
}
