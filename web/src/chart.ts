/**
 * The org chart: units laid out by reporting line (each unit under the unit it reports to, see
 * chart-store.ts) with d3-hierarchy, drawn as SVG, panned and zoomed with d3-zoom. Units without
 * sub-units on the chart are stacked in columns under their superior (a few columns side by side
 * when there are many), grouped by kind where kinds mix (divisions, offices), so the chart stays
 * readable at a glance instead of spreading a dozen boxes across one row. A unit with sub-units
 * carries a pill with its direct and total counts that expands or collapses it; an expanded unit
 * whose sub-units are not all loaded ends with a "show more" box.
 */
import { hierarchy, tree, type HierarchyPointNode } from 'd3-hierarchy';
import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior } from 'd3-zoom';
import type { ChartUnit, Lang } from './api';
import type { ChartStore } from './chart-store';
import { format, type UiText } from './i18n';

const BOX_W = 200;
const BOX_H = 60;
const COL_W = 232;
const ROW_H = 76;
/** Most boxes in one column of a stack: more make another column beside it. */
const STACK_ROWS = 8;
/** Zoom at which the smallest text of a box (10.5 px) is still 10 px on screen. */
export const READABLE_SCALE = 0.96;
const SVG_NS = 'http://www.w3.org/2000/svg';

interface ChartNode {
  id: string;
  unit: ChartUnit | null; // null for the invisible root, group headers and "show more" boxes
  label: string;
  /** The unit whose remaining sub-units a "show more" box loads. */
  moreOf: string | null;
  /** Units stacked under this node (drawn as a column, linked to it by a spine). */
  stackedUnder: ChartNode | null;
  /** First box of this node's column, when the stack has several columns (null for the head). */
  columnHead: ChartNode | null;
  children: ChartNode[];
  /** Parent in the display (not the layout chain). */
  displayParent: ChartNode | null;
}

function groupLabel(kind: string, lang: Lang): string {
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
  return (lang === 'fr' ? fr : en)[kind] ?? kind.replace(/_/g, ' ').toLowerCase();
}

/** The units in display order: the reporting tree, leaves grouped by kind and stacked. */
function buildTree(store: ChartStore, lang: Lang, text: UiText): ChartNode {
  const childrenOf = store.displayChildren();
  const unitsUnder = (key: string | null): ChartUnit[] =>
    (childrenOf.get(key) ?? []).map((k) => store.unit(k)).filter((u): u is ChartUnit => !!u);

  const make = (
    unit: ChartUnit | null,
    id: string,
    label: string,
    parent: ChartNode | null,
  ): ChartNode => ({
    id,
    unit,
    label,
    moreOf: null,
    stackedUnder: null,
    columnHead: null,
    children: [],
    displayParent: parent,
  });

  const stack = (holder: ChartNode, items: ChartNode[]) => {
    // A chain in the layout keeps the column free at every depth of the stack.
    const columns = Math.ceil(items.length / STACK_ROWS);
    for (let c = 0; c < columns; c++) {
      let last = holder;
      const column = items.slice(c * STACK_ROWS, (c + 1) * STACK_ROWS);
      for (const child of column) {
        child.stackedUnder = holder;
        child.displayParent = holder;
        if (columns > 1 && child !== column[0]) child.columnHead = column[0] ?? null;
        last.children.push(child);
        last = child;
      }
    }
  };

  const attach = (node: ChartNode, key: string): void => {
    const kids = unitsUnder(key);
    const inner = kids.filter((k) => childrenOf.has(k.key));
    const leaves = kids.filter((k) => !childrenOf.has(k.key));
    const more = store.hiddenChildren(key);
    const kinds = [...new Set(leaves.map((l) => l.kind))];
    for (const k of inner) {
      const child = make(k, k.key, k.name, node);
      node.children.push(child);
      attach(child, k.key);
    }
    const leafNodes = (items: ChartUnit[], holder: ChartNode) =>
      items.map((item) => make(item, item.key, item.name, holder));
    const moreNode = (holder: ChartNode): ChartNode[] => {
      if (more === 0) return [];
      const box = make(null, `more:${key}`, format(text.showMore, more), holder);
      box.moreOf = key;
      return [box];
    };
    if (inner.length === 0 && kinds.length <= 1) {
      stack(node, [...leafNodes(leaves, node), ...moreNode(node)]);
    } else if (kinds.length <= 1) {
      // One kind beside units that have their own sub-units: an unlabelled column of its own.
      const group = make(null, `group:${node.id}`, '', node);
      const items = [...leafNodes(leaves, group), ...moreNode(group)];
      if (items.length > 0) {
        node.children.push(group);
        stack(group, items);
      }
    } else {
      kinds.forEach((kind, i) => {
        const group = make(null, `group:${node.id}:${kind}`, groupLabel(kind, lang), node);
        node.children.push(group);
        const items = leafNodes(
          leaves.filter((l) => l.kind === kind),
          group,
        );
        stack(group, i === kinds.length - 1 ? [...items, ...moreNode(group)] : items);
      });
    }
  };

  const root = make(null, 'root', '', null);
  const roots = unitsUnder(null);
  // The Secretary General's line first: that is the structure people come for.
  roots.sort((a, b) => rootRank(a) - rootRank(b));
  for (const r of roots) {
    const node = make(r, r.key, r.name, root);
    root.children.push(node);
    attach(node, r.key);
  }
  return root;
}

function rootRank(u: ChartUnit): number {
  return u.kind === 'SECRETARY_GENERAL' ? 0 : u.kind === 'COUNCIL' ? 1 : 2;
}

/** Widest text in a box (10 px of padding on the left, 4 on the right). */
const TEXT_W = BOX_W - 14;

let measureContext: CanvasRenderingContext2D | null | undefined;

/** The width of a unit's name as the chart draws it (`.node .name` in styles.css). */
function nameWidth(text: string): number {
  if (measureContext === undefined) {
    measureContext = document.createElement('canvas').getContext('2d');
    if (measureContext)
      measureContext.font = `600 12.5px ${getComputedStyle(document.body).fontFamily}`;
  }
  // Without a canvas, an average glyph of the font.
  return measureContext ? measureContext.measureText(text).width : text.length * 7.4;
}

/** A name in at most two lines that fit the box, the second shortened with an ellipsis. */
function wrap(text: string): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && nameWidth(`${line} ${word}`) > TEXT_W) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > 2) return [lines[0]!, `${lines.slice(1).join(' ')}…`];
  return lines;
}

/** Shortens the text of an element with an ellipsis until it is at most `max` wide. */
function trimToWidth(el: SVGTextContentElement, max: number): void {
  const full = el.textContent ?? '';
  let keep = full.length;
  while (keep > 1 && el.getComputedTextLength() > max) {
    keep--;
    el.textContent = `${full.slice(0, keep).trimEnd()}…`;
  }
}

export interface ChartHandlers {
  onSelect(key: string): void;
  /** Expand a collapsed unit, or collapse an expanded one. */
  onToggle(key: string): void;
  /** Load the next page of a unit's sub-units. */
  onMore(key: string): void;
}

export class OrgChart {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly viewport: Selection<SVGGElement, unknown, null, undefined>;
  private readonly zoomBehavior: ZoomBehavior<SVGSVGElement, unknown>;
  private nodes: HierarchyPointNode<ChartNode>[] = [];
  private bounds = { x0: 0, x1: 0, y0: 0, y1: 0 };
  /** Least zoom the chart's own moves use: none for a whole small chart, readable for a part. */
  private minScale = 0;

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

  /**
   * Draws the units of the store. `whole`: the store holds the whole organisation, and the
   * chart may shrink to show it all at once; otherwise its moves keep every label readable.
   */
  render(store: ChartStore, text: UiText, lang: Lang, whole: boolean): void {
    this.minScale = whole ? 0 : READABLE_SCALE;
    this.svg.attr('aria-label', text.chart);
    const root = hierarchy(buildTree(store, lang, text));
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
      const head = n.data.columnHead ? position.get(n.data.columnHead.id) : undefined;
      const path = head
        ? // In a column beside the first: a spine down from the column's first box.
          `M${head.x - BOX_W / 2 + 12},${head.y + BOX_H / 2} V${n.y} H${n.x - BOX_W / 2}`
        : n.data.stackedUnder && n.x === p.x
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
    const texts: SVGTextContentElement[] = [];
    for (const n of this.nodes) {
      const unit = n.data.unit;
      const more = n.data.moreOf;
      const g = boxes
        .append('g')
        .attr('class', unit ? `node kind-${unit.kind}` : more ? 'node more' : 'node group')
        .attr('transform', `translate(${n.x - BOX_W / 2},${n.y - BOX_H / 2})`)
        .attr('data-key', unit?.key ?? null);
      g.append('rect').attr('width', BOX_W).attr('height', BOX_H).attr('rx', 6);
      const lines = more ? [n.data.label] : wrap(n.data.label);
      const title = g
        .append('text')
        .attr('class', 'name')
        .attr('x', more ? BOX_W / 2 : 10)
        .attr('y', more ? BOX_H / 2 + 4 : 19);
      lines.forEach((line, i) => {
        const span = title
          .append('tspan')
          .attr('x', more ? BOX_W / 2 : 10)
          .attr('dy', i === 0 ? 0 : 15)
          .text(line);
        texts.push(span.node() as SVGTextContentElement);
      });
      if (unit) {
        const meta = [unit.acronym, unit.head?.title].filter(Boolean).join(' · ');
        if (meta)
          texts.push(
            g
              .append('text')
              .attr('class', 'meta')
              .attr('x', 10)
              .attr('y', BOX_H - 8)
              .text(meta)
              .node() as SVGTextContentElement,
          );
        const counts =
          unit.childCount > 0
            ? format(
                text.subUnits,
                unit.childCount.toLocaleString(lang),
                unit.descendantCount.toLocaleString(lang),
              )
            : '';
        const label = [unit.name, unit.acronym, unit.head?.title, counts]
          .filter(Boolean)
          .join(', ');
        g.attr('tabindex', 0)
          .attr('role', 'button')
          .attr('aria-label', label)
          .on('click', () => this.handlers.onSelect(unit.key))
          .on('keydown', (event: KeyboardEvent) => this.onKey(event, n, store));
        g.append('title').text(label);
        if (unit.childCount > 0) this.drawCounts(g, unit, store.isExpanded(unit.key), text, lang);
      } else if (more) {
        g.attr('tabindex', 0)
          .attr('role', 'button')
          .attr('aria-label', n.data.label)
          .attr('data-more', more)
          .on('click', () => this.handlers.onMore(more))
          .on('keydown', (event: KeyboardEvent) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              this.handlers.onMore(more);
            }
          });
      } else {
        g.attr('aria-hidden', 'true');
      }
    }
    // Read every width first (one layout), then shorten the few that overflow their box.
    for (const el of texts.filter((t) => t.getComputedTextLength() > TEXT_W))
      trimToWidth(el, TEXT_W);
  }

  /** The pill under a unit's box: its direct and total sub-units, and the expand/collapse switch. */
  private drawCounts(
    g: Selection<SVGGElement, unknown, null, undefined>,
    unit: ChartUnit,
    expanded: boolean,
    text: UiText,
    lang: Lang,
  ): void {
    g.attr('aria-expanded', String(expanded));
    const label = `${expanded ? '−' : '+'} ${unit.childCount.toLocaleString(lang)} · ${unit.descendantCount.toLocaleString(lang)}`;
    const width = Math.round(label.length * 6.4 + 14);
    const pill = g
      .append('g')
      .attr('class', `counts ${expanded ? 'expanded' : 'collapsed'}`)
      .attr('transform', `translate(${BOX_W - width - 8},${BOX_H + 1})`)
      .attr('role', 'button')
      .attr('tabindex', -1)
      .attr('data-toggle', unit.key)
      .attr('aria-label', `${expanded ? text.collapse : text.expand}: ${unit.name}`)
      .on('click', (event: MouseEvent) => {
        event.stopPropagation();
        this.handlers.onToggle(unit.key);
      });
    pill.append('rect').attr('width', width).attr('height', 14).attr('rx', 7);
    pill
      .append('text')
      .attr('x', width / 2)
      .attr('y', 10.5)
      .text(label);
  }

  private onKey(event: KeyboardEvent, n: HierarchyPointNode<ChartNode>, store: ChartStore): void {
    const unit = n.data.unit;
    if (!unit) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.handlers.onSelect(unit.key);
      return;
    }
    // + and - expand and collapse, as in a tree view.
    const expanded = store.isExpanded(unit.key);
    if (
      unit.childCount > 0 &&
      ((event.key === '+' && !expanded) || (event.key === '-' && expanded))
    ) {
      event.preventDefault();
      this.handlers.onToggle(unit.key);
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

  /** Focuses the "show more" box of a unit, else the unit itself. */
  focusMore(key: string): void {
    const more = this.element.querySelector<SVGGElement>(`.node[data-more="${CSS.escape(key)}"]`);
    if (more) more.focus();
    else this.focus(key);
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
    const scale = Math.max(current.k, 0.8, this.minScale);
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
    const scale = Math.max(Math.min(width / (x1 - x0), height / (y1 - y0), 1.2), this.minScale);
    this.svg.call(
      this.zoomBehavior.transform,
      zoomIdentity
        .translate(width / 2 - ((x0 + x1) / 2) * scale, height / 2 - ((y0 + y1) / 2) * scale)
        .scale(scale),
    );
  }

  /**
   * Shows the whole chart; when it is too big to read that way (a part of a large organisation),
   * shows its top at a readable size instead, centred on the first top unit.
   */
  fit(): void {
    const { width, height } = this.element.getBoundingClientRect();
    const w = this.bounds.x1 - this.bounds.x0;
    const h = this.bounds.y1 - this.bounds.y0;
    if (!width || !height || !w || !h) return;
    const scale = Math.max(Math.min(width / w, height / h, 1.5), this.minScale);
    const top = this.nodes[0];
    const tx =
      w * scale <= width || !top
        ? (width - w * scale) / 2 - this.bounds.x0 * scale
        : Math.min(-this.bounds.x0 * scale, width / 2 - top.x * scale);
    const ty =
      h * scale <= height
        ? (height - h * scale) / 2 - this.bounds.y0 * scale
        : -this.bounds.y0 * scale;
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
