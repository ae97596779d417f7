/**
 * The org graph as one typed multigraph of units, posts, topics and events, held in graphology.
 * It is built once per OrgGraph (lazily, on first use) and shared by every request on that graph;
 * the views filtered by edge kind that traversals need are cached on it too. Nothing outside
 * src/graph/ sees graphology: callers get our own node and edge records.
 */
import { MultiDirectedGraph, UndirectedGraph } from 'graphology';
import type { OrgGraph } from './org-graph';
import { superiorOf } from './reporting-line';
import type { Citation, Correction } from './types';

export type NodeType = 'unit' | 'post' | 'topic' | 'event';

export interface NodeRef {
  /** `type:key`, e.g. "unit:nato-office-of-security": unique across the graph. */
  readonly id: string;
  readonly type: NodeType;
  readonly key: string;
}

export const EDGE_KINDS = [
  'part-of',
  'reports-to',
  'member-of',
  'heads',
  'post-in',
  'handles',
  'broader',
  'affects',
  'caused-by',
  'event-part-of',
] as const;

export type EdgeKind = (typeof EDGE_KINDS)[number];

/**
 * What an edge rests on: a source states it, or it is derived (a reporting step from part-of, a
 * responsibility read from a unit's name, the dataset's own topic vocabulary).
 */
export type EdgeBasis = 'stated' | 'part-of' | 'unit-name' | 'vocabulary';

export interface GraphEdge {
  readonly id: string;
  readonly kind: EdgeKind;
  /** Node id the edge goes from (the child of part-of, the post that heads, the event that affects). */
  readonly source: string;
  readonly target: string;
  readonly basis: EdgeBasis;
  readonly sources: readonly Citation[];
  readonly corrections: readonly Correction[];
}

export interface KindView {
  /** Only the chosen kinds, with their direction. */
  readonly directed: MultiDirectedGraph;
  /** The same adjacency without direction, for paths that may go up and down. */
  readonly undirected: UndirectedGraph;
}

export function nodeId(type: NodeType, key: string): string {
  return `${type}:${key}`;
}

export function parseNodeId(id: string): NodeRef | undefined {
  const colon = id.indexOf(':');
  const type = id.slice(0, colon);
  if (type !== 'unit' && type !== 'post' && type !== 'topic' && type !== 'event') return undefined;
  return { id, type, key: id.slice(colon + 1) };
}

const NO_CORRECTIONS: readonly Correction[] = Object.freeze([]);

export class GraphIndex {
  private readonly graph = new MultiDirectedGraph<Record<string, never>, { edge: GraphEdge }>();
  private readonly edgesById = new Map<string, GraphEdge>();
  private readonly views = new Map<string, KindView>();

  constructor(org: OrgGraph) {
    for (const u of org.units()) this.graph.addNode(nodeId('unit', u.key));
    for (const p of org.posts()) this.graph.addNode(nodeId('post', p.key));
    for (const t of org.topics()) this.graph.addNode(nodeId('topic', t.key));
    for (const e of org.events()) this.graph.addNode(nodeId('event', e.key));

    const add = (
      kind: EdgeKind,
      source: string,
      target: string,
      sources: readonly Citation[],
      basis: EdgeBasis = 'stated',
    ) => {
      // A view of the graph at a date may lack one end (a post whose unit did not exist yet).
      if (!this.graph.hasNode(source) || !this.graph.hasNode(target)) return;
      const edge: GraphEdge = {
        id: `${kind}:${source}->${target}`,
        kind,
        source,
        target,
        basis,
        sources,
        corrections: NO_CORRECTIONS,
      };
      if (this.edgesById.has(edge.id)) return;
      this.edgesById.set(edge.id, edge);
      this.graph.addDirectedEdgeWithKey(edge.id, source, target, { edge });
    };

    for (const u of org.units()) {
      const unit = nodeId('unit', u.key);
      if (u.parent) add('part-of', unit, nodeId('unit', u.parent.unitKey), u.parent.sources);
      const up = superiorOf(org, u);
      if (up) {
        add(
          'reports-to',
          unit,
          nodeId('unit', up.unit.key),
          up.sources,
          up.basis === 'part-of' ? 'part-of' : 'stated',
        );
      }
      for (const m of u.memberOf) add('member-of', unit, nodeId('unit', m.unitKey), m.sources);
      if (u.headKey) {
        add('heads', nodeId('post', u.headKey), unit, org.post(u.headKey)?.sources ?? u.sources);
      }
      for (const r of u.responsibilities) {
        add(
          'handles',
          unit,
          nodeId('topic', r.topicKey),
          r.sources,
          r.basis === 'unit-name' ? 'unit-name' : 'stated',
        );
      }
    }
    for (const p of org.posts()) {
      add('post-in', nodeId('post', p.key), nodeId('unit', p.unitKey), p.sources);
    }
    for (const t of org.topics()) {
      for (const b of t.broaderKeys) {
        add('broader', nodeId('topic', t.key), nodeId('topic', b), [], 'vocabulary');
      }
    }
    for (const e of org.events()) {
      const event = nodeId('event', e.key);
      for (const k of e.affectsKeys) add('affects', event, nodeId('unit', k), e.sources);
      for (const k of e.causedByKeys) add('caused-by', event, nodeId('event', k), e.sources);
      if (e.partOfKey) add('event-part-of', event, nodeId('event', e.partOfKey), e.sources);
    }
  }

  hasNode(id: string): boolean {
    return this.graph.hasNode(id);
  }

  edge(id: string): GraphEdge | undefined {
    return this.edgesById.get(id);
  }

  /** Every edge, in the order built (units, posts, topics, events). */
  edges(): IterableIterator<GraphEdge> {
    return this.edgesById.values();
  }

  /** The edges of these kinds between two nodes, in either direction. */
  edgesBetween(a: string, b: string, kinds: ReadonlySet<EdgeKind>): GraphEdge[] {
    const out: GraphEdge[] = [];
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      this.graph.forEachDirectedEdge(x, y, (_, attrs) => {
        if (kinds.has(attrs.edge.kind)) out.push(attrs.edge);
      });
    }
    return out;
  }

  /** The graph restricted to some edge kinds (every node kept), built once per set of kinds. */
  view(kinds: ReadonlySet<EdgeKind>): KindView {
    const cacheKey = EDGE_KINDS.filter((k) => kinds.has(k)).join(',');
    let view = this.views.get(cacheKey);
    if (!view) {
      const directed = new MultiDirectedGraph();
      const undirected = new UndirectedGraph();
      this.graph.forEachNode((n) => {
        directed.addNode(n);
        undirected.addNode(n);
      });
      for (const e of this.edgesById.values()) {
        if (!kinds.has(e.kind)) continue;
        directed.addDirectedEdgeWithKey(e.id, e.source, e.target);
        if (e.source !== e.target) undirected.mergeEdge(e.source, e.target);
      }
      view = { directed, undirected };
      this.views.set(cacheKey, view);
    }
    return view;
  }
}

const indexes = new WeakMap<OrgGraph, GraphIndex>();

/** The index of a loaded graph, built on first use and kept as long as the graph is. */
export function graphIndex(org: OrgGraph): GraphIndex {
  let index = indexes.get(org);
  if (!index) {
    index = new GraphIndex(org);
    indexes.set(org, index);
  }
  return index;
}
