/**
 * Org charts for drawing tools: Mermaid and Graphviz DOT. Solid arrows go from a unit to its
 * parts; a dashed arrow is a reporting link a source states where it differs from part-of.
 */
import { coverageOf } from '../as-of';
import { acronymIn } from '../localize';
import type { OrgGraph } from '../org-graph';
import type { Lang, Unit } from '../types';

const label = (u: Unit, lang: Lang) => {
  const acronym = acronymIn(u, lang);
  return acronym ? [u.name[lang], `(${acronym})`] : [u.name[lang]];
};

/** Reporting links that part-of does not already draw. */
function reportingLinks(graph: OrgGraph): [from: Unit, to: Unit][] {
  return graph.units().flatMap((u): [Unit, Unit][] => {
    const to = u.reportsTo && graph.unit(u.reportsTo.unitKey);
    return to && to.key !== u.parent?.unitKey ? [[u, to]] : [];
  });
}

const REPORTS_TO: Record<Lang, string> = { en: 'reports to', fr: 'relève de' };

const mermaidId = (key: string) => `u_${key.replace(/[^A-Za-z0-9]/g, '_')}`;
const mermaidText = (s: string) => s.replace(/"/g, '#quot;');

export function toMermaid(graph: OrgGraph, lang: Lang): string {
  const lines = [
    `%% ${graph.dataset.title[lang]}, as of ${coverageOf(graph).date.value}`,
    ...coverageOf(graph).notes.map((n) => `%% ${n[lang].replace(/\n/g, ' ')}`),
    'flowchart TD',
  ];
  for (const u of graph.units()) {
    lines.push(`  ${mermaidId(u.key)}["${mermaidText(label(u, lang).join('<br/>'))}"]`);
  }
  for (const u of graph.units()) {
    if (u.parent && graph.unit(u.parent.unitKey)) {
      lines.push(`  ${mermaidId(u.parent.unitKey)} --> ${mermaidId(u.key)}`);
    }
  }
  for (const [from, to] of reportingLinks(graph)) {
    lines.push(`  ${mermaidId(from.key)} -. ${REPORTS_TO[lang]} .-> ${mermaidId(to.key)}`);
  }
  return `${lines.join('\n')}\n`;
}

const dotString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export function toDot(graph: OrgGraph, lang: Lang): string {
  const coverage = coverageOf(graph);
  const lines = [
    `// ${graph.dataset.title[lang]}, as of ${coverage.date.value}`,
    ...coverage.notes.map((n) => `// ${n[lang].replace(/\n/g, ' ')}`),
    'digraph org {',
    '  rankdir=TB;',
    '  node [shape=box, style="rounded", fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  for (const u of graph.units()) {
    // "\n" inside a DOT string is a line break in the drawn label.
    lines.push(
      `  ${dotString(u.key)} [label=${dotString(label(u, lang).join('\n'))}];`.replace(
        /\n/g,
        '\\n',
      ),
    );
  }
  for (const u of graph.units()) {
    if (u.parent && graph.unit(u.parent.unitKey)) {
      lines.push(`  ${dotString(u.parent.unitKey)} -> ${dotString(u.key)};`);
    }
  }
  for (const [from, to] of reportingLinks(graph)) {
    lines.push(
      `  ${dotString(from.key)} -> ${dotString(to.key)} [style=dashed, constraint=false, label=${dotString(REPORTS_TO[lang])}];`,
    );
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
