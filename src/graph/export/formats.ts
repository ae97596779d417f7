/** The export formats, by name: what each file is called and how it is built. */
import { graphAt } from '../as-of';
import type { OrgGraph } from '../org-graph';
import type { PartialDate } from '../partial-date';
import type { Lang } from '../types';
import { toDot, toMermaid } from './chart';
import { toJsonLd } from './jsonld';
import { toPopolo } from './popolo';

export const EXPORT_FORMATS = {
  jsonld: { file: 'org.jsonld' },
  popolo: { file: 'popolo.json' },
  mermaid: { file: 'org.mmd' },
  dot: { file: 'org.dot' },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export interface ExportOptions {
  readonly lang: Lang;
  /** The graph as of this date; the dataset's own date when absent. */
  readonly asOf?: PartialDate | undefined;
  /** Prefix of node IRIs in JSON-LD. */
  readonly base: string;
}

export function isExportFormat(name: string): name is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, name);
}

export function formatForFile(file: string): ExportFormat | undefined {
  return (Object.keys(EXPORT_FORMATS) as ExportFormat[]).find(
    (f) => EXPORT_FORMATS[f].file === file,
  );
}

/** The export as text, ready to write or serve. */
export function exportGraph(graph: OrgGraph, format: ExportFormat, options: ExportOptions): string {
  const g = options.asOf ? graphAt(graph, options.asOf) : graph;
  switch (format) {
    case 'jsonld':
      return `${JSON.stringify(toJsonLd(g, options), null, 2)}\n`;
    case 'popolo':
      return `${JSON.stringify(toPopolo(g, options.lang), null, 2)}\n`;
    case 'mermaid':
      return toMermaid(g, options.lang);
    case 'dot':
      return toDot(g, options.lang);
  }
}
