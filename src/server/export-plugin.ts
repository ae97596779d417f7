/**
 * GET /export/org.jsonld, /export/popolo.json, /export/org.mmd and /export/org.dot: the graph
 * being served, in standard formats, optionally in French (`lang=fr`) and as of a date
 * (`asOf=2009-06-01`). A yoga plugin, so the exports share the server's graph store and port.
 */
import type { Plugin } from 'graphql-yoga';
import { EXPORT_FORMATS, exportGraph, formatForFile } from '../graph/export/formats';
import { parsePartialDate } from '../graph/partial-date';
import type { Lang } from '../graph/types';
import { langFromAcceptLanguage } from './accept-language';
import type { GraphStore } from './graph-store';

const PREFIX = '/export/';

function problem(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: message }, { status, headers });
}

export function exportResponse(store: GraphStore, request: Request, url: URL): Response {
  const file = url.pathname.slice(PREFIX.length);
  const format = formatForFile(file);
  if (!format) {
    const files = Object.values(EXPORT_FORMATS).map((f) => PREFIX + f.file);
    return problem(404, `No export ${url.pathname}; there are ${files.join(', ')}.`);
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return problem(405, 'Exports are read with GET.', { allow: 'GET, HEAD' });
  }
  const langParam = url.searchParams.get('lang');
  if (langParam !== null && langParam !== 'en' && langParam !== 'fr') {
    return problem(400, `lang must be "en" or "fr", not "${langParam}".`);
  }
  const lang: Lang = langParam ?? langFromAcceptLanguage(request.headers.get('accept-language'));
  const asOfParam = url.searchParams.get('asOf');
  const asOf = asOfParam === null ? undefined : parsePartialDate(asOfParam);
  if (typeof asOf === 'string') return problem(400, `asOf: ${asOf}.`);
  const body = exportGraph(store.current, format, { lang, asOf, base: `${url.origin}/id/` });
  return new Response(request.method === 'HEAD' ? null : body, {
    headers: {
      'content-type': EXPORT_FORMATS[format].contentType,
      'content-language': lang,
      'content-disposition': `inline; filename="${EXPORT_FORMATS[format].file}"`,
    },
  });
}

export function useExports(store: GraphStore): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname.startsWith(PREFIX)) endResponse(exportResponse(store, request, url));
    },
  };
}
