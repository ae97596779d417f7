/**
 * GET /export/org.jsonld, /export/popolo.json, /export/org.mmd and /export/org.dot: the graph
 * being served, in standard formats, optionally in French (`lang=fr`) and as of a date
 * (`asOf=2009-06-01`).
 */
import {
  EXPORT_FORMATS,
  exportGraph,
  formatForFile,
  type ExportFormat,
} from '../graph/export/formats';
import { parsePartialDate } from '../graph/partial-date';
import type { Lang } from '../graph/types';
import { langFromAcceptLanguage } from './accept-language';
import type { GraphStore } from './graph-store';

export const EXPORT_PREFIX = '/export/';
const PREFIX = EXPORT_PREFIX;

/** How each format is served. */
const CONTENT_TYPES: Record<ExportFormat, string> = {
  jsonld: 'application/ld+json; charset=utf-8',
  popolo: 'application/json; charset=utf-8',
  mermaid: 'text/vnd.mermaid; charset=utf-8',
  dot: 'text/vnd.graphviz; charset=utf-8',
};

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
  const graph = store.current;
  const { languages } = graph.dataset;
  const langParam = url.searchParams.get('lang');
  const asked = languages.find((l) => l === langParam);
  if (langParam !== null && asked === undefined) {
    return problem(
      400,
      `lang must be ${languages.map((l) => `"${l}"`).join(' or ')}, not "${langParam}".`,
    );
  }
  const lang: Lang =
    asked ?? langFromAcceptLanguage(request.headers.get('accept-language'), languages);
  const asOfParam = url.searchParams.get('asOf');
  const asOf = asOfParam === null ? undefined : parsePartialDate(asOfParam);
  if (typeof asOf === 'string') return problem(400, `asOf: ${asOf}.`);
  const body = exportGraph(graph, format, { lang, asOf, base: `${url.origin}/id/` });
  return new Response(request.method === 'HEAD' ? null : body, {
    headers: {
      'content-type': CONTENT_TYPES[format],
      'content-language': lang,
      'content-disposition': `inline; filename="${EXPORT_FORMATS[format].file}"`,
    },
  });
}
