/**
 * The org chart: units laid out by reporting line (each unit under the unit it reports to) with
 * d3-hierarchy, drawn as SVG, panned and zoomed with d3-zoom. Leaf units are stacked in columns
 * under their superior, grouped by kind (divisions, offices), so the chart stays readable at a
 * glance instead of spreading a dozen boxes across one row.
 */
import { hierarchy, tree, type HierarchyPointNode } from 'd3-hierarchy';
import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior } from 'd3-zoom';
import type { ChartUnit } from './api';
import type { UiText } from './i18n';

const BOX_W = 200;
const BOX_H = 60;
const COL_W = 232;
const ROW_H = 76;
const SVG_NS = 'http://www.w3.org/2000/svg';

interface ChartNode {
  id: string;
  unit: ChartUnit | null; // null for the invisible root and for group headers
  label: string;
  /** Units stacked under this node (drawn as a column, linked to it by a spine). */
  stackedUnder: ChartNode | null;
  children: ChartNode[];
  /** Parent in the display (not the layout chain). */
  displayParent: ChartNode | null;
}

function groupLabel(kind: string, lang: 'en' | 'fr'): string {
  const en: Record<string, string> = {
    DIVISION: 'Divisions',
    OFFICE: 'Independent offices',
    CABINET_UNIT: 'Private Office',
  };
  const fr: Record<string, string> = {
    DIVISION: 'Divisions',
    OFFICE: 'Bureaux indépendants',
    CABINET_UNIT: 'Cabinet',
  };
  return (lang === 'fr' ? fr : en)[kind] ?? kind;
}

/** Units in display order: the reporting tree, leaves grouped by kind and stacked. */
function buildTree(units: ChartUnit[], lang: 'en' | 'fr'): ChartNode {
  const byKey = new Map(units.map((u) => [u.key, u]));
  const childrenOf = new Map<string, ChartUnit[]>();
  const roots: ChartUnit[] = [];
  for (const u of units) {
    const up = u.reportsTo && byKey.has(u.reportsTo.key) ? u.reportsTo.key : null;
    if (up) childrenOf.set(up, [...(childrenOf.get(up) ?? []), u]);
    else roots.push(u);
  }
  // The Secretary General's line first: that is the structure people come for.
  roots.sort((a, b) => rootRank(a) - rootRank(b));

  const make = (unit: ChartUnit | null, id: string, label: string, parent: ChartNode | null) => {
    const node: ChartNode = {
      id,
      unit,
      label,
      stackedUnder: null,
      children: [],
      displayParent: parent,
    };
    return node;
  };

  const attach = (node: ChartNode, kids: ChartUnit[]): void => {
    const leaves = kids.filter((k) => !childrenOf.has(k.key));
    const inner = kids.filter((k) => childrenOf.has(k.key));
    const kinds = [...new Set(leaves.map((l) => l.kind))];
    const stack = (holder: ChartNode, items: ChartUnit[]) => {
      // A chain in the layout keeps the column free at every depth of the stack.
      let last = holder;
      for (const item of items) {
        const child = make(item, item.key, item.name, holder);
        child.stackedUnder = holder;
        last.children.push(child);
        last = child;
      }
    };
    for (const k of inner) {
      const child = make(k, k.key, k.name, node);
      node.children.push(child);
      attach(child, childrenOf.get(k.key) ?? []);
    }
    if (kinds.length <= 1 && inner.length === 0) {
      stack(node, leaves);
    } else {
      for (const kind of kinds) {
        const group = make(null, `group:${node.id}:${kind}`, groupLabel(kind, lang), node);
        node.children.push(group);
        stack(
          group,
          leaves.filter((l) => l.kind === kind),
        );
      }
    }
  };

  const root = make(null, 'root', '', null);
  for (const r of roots) {
    const node = make(r, r.key, r.name, root);
    root.children.push(node);
    attach(node, childrenOf.get(r.key) ?? []);
  }
  return root;
}

function rootRank(u: ChartUnit): number {
  return u.kind === 'SECRETARY_GENERAL' ? 0 : u.kind === 'COUNCIL' ? 1 : 2;
}

function wrap(text: string, width: number): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > 2)
    return [
      lines[0]!,
      `${lines
        .slice(1)
        .join(' ')
        .slice(0, width - 1)}…`,
    ];
  return lines;
}

export interface ChartHandlers {
  onSelect(key: string): void;
}

export class OrgChart {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly viewport: Selection<SVGGElement, unknown, null, undefined>;
  private readonly zoomBehavior: ZoomBehavior<SVGSVGElement, unknown>;
  private nodes: HierarchyPointNode<ChartNode>[] = [];
  private bounds = { x0: 0, x1: 0, y0: 0, y1: 0 };

  constructor(
    private readonly container: HTMLElement,
    private readonly handlers: ChartHandlers,
  ) {
    this.svg = select(container)
      .append('svg')
      .attr('xmlns', SVG_NS)
      .attr('class', 'org-chart')
      .attr('role', 'group');
    this.viewport = this.svg.append('g').attr('class', 'viewport');
    this.zoomBehavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.2, 3])
      .on('zoom', (event: { transform: { toString(): string } }) => {
        this.viewport.attr('transform', event.transform.toString());
      });
    this.svg.call(this.zoomBehavior);
  }

  get element(): SVGSVGElement {
    const node = this.svg.node();
    if (!node) throw new Error('chart not mounted');
    return node;
  }

  render(units: ChartUnit[], text: UiText, lang: 'en' | 'fr'): void {
    this.svg.attr('aria-label', text.chart);
    const root = hierarchy(buildTree(units, lang));
    const layout = tree<ChartNode>()
      .nodeSize([COL_W, ROW_H])
      .separation(() => 1)(root);
    // Pre-order, so Tab and the arrow keys follow the chart top-down, branch by branch.
    const ordered: HierarchyPointNode<ChartNode>[] = [];
    layout.eachBefore((n) => {
      if (n.data.id !== 'root') ordered.push(n);
    });
    this.nodes = ordered;
    const xs = this.nodes.map((n) => n.x);
    const ys = this.nodes.map((n) => n.y);
    this.bounds = {
      x0: Math.min(...xs) - BOX_W / 2 - 20,
      x1: Math.max(...xs) + BOX_W / 2 + 20,
      y0: Math.min(...ys) - BOX_H / 2 - 20,
      y1: Math.max(...ys) + BOX_H / 2 + 20,
    };
    const position = new Map(this.nodes.map((n) => [n.data.id, n]));

    this.viewport.selectAll('*').remove();
    const links = this.viewport.append('g').attr('class', 'links');
    for (const n of this.nodes) {
      const parent = n.data.displayParent;
      const p = parent ? position.get(parent.id) : undefined;
      if (!p) continue;
      const path = n.data.stackedUnder
        ? // Stacked: a spine down the left of the column, then a tick into the box.
          `M${p.x - BOX_W / 2 + 12},${p.y + BOX_H / 2} V${n.y} H${n.x - BOX_W / 2}`
        : `M${p.x},${p.y + BOX_H / 2} V${(p.y + n.y) / 2} H${n.x} V${n.y - BOX_H / 2}`;
      links
        .append('path')
        .attr('d', path)
        .attr('class', 'link')
        .attr('data-from', parent?.id ?? '')
        .attr('data-to', n.data.id);
    }

    const boxes = this.viewport.append('g').attr('class', 'nodes');
    for (const n of this.nodes) {
      const unit = n.data.unit;
      const g = boxes
        .append('g')
        .attr('class', unit ? `node kind-${unit.kind}` : 'node group')
        .attr('transform', `translate(${n.x - BOX_W / 2},${n.y - BOX_H / 2})`)
        .attr('data-key', unit?.key ?? null);
      g.append('rect').attr('width', BOX_W).attr('height', BOX_H).attr('rx', 6);
      const lines = wrap(n.data.label, 25);
      const title = g.append('text').attr('class', 'name').attr('x', 10).attr('y', 19);
      lines.forEach((line, i) =>
        title
          .append('tspan')
          .attr('x', 10)
          .attr('dy', i === 0 ? 0 : 15)
          .text(line),
      );
      if (unit) {
        const meta = [unit.acronym, unit.head?.title].filter(Boolean).join(' · ');
        if (meta)
          g.append('text')
            .attr('class', 'meta')
            .attr('x', 10)
            .attr('y', BOX_H - 8)
            .text(meta);
        const label = [unit.name, unit.acronym, unit.head?.title].filter(Boolean).join(', ');
        g.attr('tabindex', 0)
          .attr('role', 'button')
          .attr('aria-label', label)
          .on('click', () => this.handlers.onSelect(unit.key))
          .on('keydown', (event: KeyboardEvent) => this.onKey(event, n));
        g.append('title').text(label);
      } else {
        g.attr('aria-hidden', 'true');
      }
    }
  }

  private onKey(event: KeyboardEvent, n: HierarchyPointNode<ChartNode>): void {
    const unit = n.data.unit;
    if (!unit) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.handlers.onSelect(unit.key);
      return;
    }
    const units = this.nodes.filter((m) => m.data.unit);
    const index = units.indexOf(n);
    let target: HierarchyPointNode<ChartNode> | undefined;
    if (event.key === 'ArrowDown' || event.key === 'ArrowRight') target = units[index + 1];
    if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') target = units[index - 1];
    if (event.key === 'Home') target = units[0];
    if (event.key === 'End') target = units[units.length - 1];
    if (target?.data.unit) {
      event.preventDefault();
      this.focus(target.data.unit.key);
    }
  }

  focus(key: string): void {
    const el = this.element.querySelector<SVGGElement>(`.node[data-key="${CSS.escape(key)}"]`);
    el?.focus();
  }

  /** Marks the selected unit and its reporting line (a list of unit keys, the unit first). */
  highlight(selected: string | null, line: string[]): void {
    const inLine = new Set(line);
    this.viewport.selectAll<SVGGElement, unknown>('.node').each(function () {
      const key = this.getAttribute('data-key');
      this.classList.toggle('selected', key !== null && key === selected);
      this.classList.toggle('in-line', key !== null && inLine.has(key) && key !== selected);
    });
    this.markLinks(inLine, 'in-line');
  }

  /** Marks the units an answer is about, and the links between them. */
  markAnswer(keys: string[]): void {
    const marked = new Set(keys);
    this.viewport.selectAll<SVGGElement, unknown>('.node').each(function () {
      const key = this.getAttribute('data-key');
      this.classList.toggle('answer', key !== null && marked.has(key));
    });
    this.markLinks(marked, 'answer');
  }

  /** Gives `className` to the links joining two of the units (through a group header too). */
  private markLinks(units: ReadonlySet<string>, className: string): void {
    const groupsWith = new Set<string>();
    for (const n of this.nodes) {
      const key = n.data.unit?.key;
      const parent = n.data.displayParent;
      if (key && units.has(key) && parent && !parent.unit) groupsWith.add(parent.id);
    }
    this.viewport.selectAll<SVGPathElement, unknown>('.link').each(function () {
      const from = this.getAttribute('data-from') ?? '';
      const to = this.getAttribute('data-to') ?? '';
      const fromKey = from.startsWith('group:') ? null : from;
      const on =
        (units.has(to) && (fromKey ? units.has(fromKey) : groupsWith.has(from))) ||
        (groupsWith.has(to) && units.has(from));
      this.classList.toggle(className, on);
    });
  }

  /** Brings a unit into view (used when search or a deep link selects it). */
  reveal(key: string): void {
    const n = this.nodes.find((m) => m.data.unit?.key === key);
    if (!n) return;
    // Pan only when the unit is out of sight or too small to read, keeping the reader's zoom.
    const { width, height } = this.element.getBoundingClientRect();
    const current = zoomTransform(this.element);
    const [sx, sy] = current.apply([n.x, n.y]);
    const margin = (BOX_W / 2) * current.k;
    const inView = sx > margin && sx < width - margin && sy > BOX_H && sy < height - BOX_H;
    if (inView && current.k >= 0.6) return;
    const scale = Math.max(current.k, 0.8);
    this.svg.call(
      this.zoomBehavior.transform,
      zoomIdentity.translate(width / 2 - n.x * scale, height / 2 - n.y * scale).scale(scale),
    );
  }

  /** Frames the given units: the smallest view that shows them all, at most a little zoomed in. */
  frame(keys: string[]): void {
    const wanted = new Set(keys);
    const shown = this.nodes.filter((n) => n.data.unit && wanted.has(n.data.unit.key));
    if (shown.length === 0) return;
    const { width, height } = this.element.getBoundingClientRect();
    const x0 = Math.min(...shown.map((n) => n.x)) - BOX_W / 2 - 20;
    const x1 = Math.max(...shown.map((n) => n.x)) + BOX_W / 2 + 20;
    const y0 = Math.min(...shown.map((n) => n.y)) - BOX_H / 2 - 20;
    const y1 = Math.max(...shown.map((n) => n.y)) + BOX_H / 2 + 20;
    if (!width || !height) return;
    const scale = Math.min(width / (x1 - x0), height / (y1 - y0), 1.2);
    this.svg.call(
      this.zoomBehavior.transform,
      zoomIdentity
        .translate(width / 2 - ((x0 + x1) / 2) * scale, height / 2 - ((y0 + y1) / 2) * scale)
        .scale(scale),
    );
  }

  fit(): void {
    const { width, height } = this.element.getBoundingClientRect();
    const w = this.bounds.x1 - this.bounds.x0;
    const h = this.bounds.y1 - this.bounds.y0;
    if (!width || !height || !w || !h) return;
    const scale = Math.min(width / w, height / h, 1.5);
    const tx = (width - w * scale) / 2 - this.bounds.x0 * scale;
    const ty = (height - h * scale) / 2 - this.bounds.y0 * scale;
    this.svg.call(this.zoomBehavior.transform, zoomIdentity.translate(tx, ty).scale(scale));
  }

  /** A standalone SVG document of the whole chart, with its styles inlined. */
  toSvgDocument(css: string): string {
    const clone = this.element.cloneNode(true) as SVGSVGElement;
    const w = this.bounds.x1 - this.bounds.x0;
    const h = this.bounds.y1 - this.bounds.y0;
    clone.setAttribute('viewBox', `${this.bounds.x0} ${this.bounds.y0} ${w} ${h}`);
    clone.setAttribute('width', String(Math.round(w)));
    clone.setAttribute('height', String(Math.round(h)));
    clone.querySelector('.viewport')?.removeAttribute('transform');
    const style = document.createElementNS(SVG_NS, 'style');
    style.textContent = css;
    clone.insertBefore(style, clone.firstChild);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
  }
}
