/**
 * The org graph as one typed multigraph of units, posts, topics and events: every edge once, and
 * for each node the edges leaving and entering it, in the order built. It is built once per
 * OrgGraph (on first use, or by warmIndexes) and shared by every request on that graph. Walks
 * filter edges by kind as they go, so no per-kind copy of the graph is made.
 *
 * Why not graphology (used here before): its general-purpose structures (an attributes object per
 * edge, neighbour dictionaries, one filtered copy per set of kinds) took 230 MB and 2.4 s for an
 * organisation of 100,000 units, against about 40 MB and a fraction of a second for these lists.
 * The walks keep graphology's order (neighbours in the order their first edge was added), so
 * paths and neighbourhoods are the same as before.
 */
import { perGraphInSlices, SLICE } from './graph-memo';
import type { OrgGraph } from './org-graph';
import { superiorOf } from './reporting-line';
import type { Citation, Correction } from './types';

export type NodeType = 'unit' | 'post' | 'topic' | 'event';

/** A node of one graph state (the dataset as loaded, or a dated view). */
export interface NodeRef {
  /** `type:key`, e.g. "unit:nato-office-of-security": unique across the graph. */
  readonly id: string;
  readonly type: NodeType;
  readonly key: string;
  readonly graph: OrgGraph;
}

export const EDGE_KINDS = [
  'part-of',
  'reports-to',
  'member-of',
  'supports',
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
  /** The graph state the edge belongs to. */
  readonly graph: OrgGraph;
  readonly id: string;
  readonly kind: EdgeKind;
  /** Node id the edge goes from (the child of part-of, the post that heads, the event that affects). */
  readonly source: string;
  readonly target: string;
  readonly basis: EdgeBasis;
  readonly sources: readonly Citation[];
  readonly corrections: readonly Correction[];
}

/** OUT follows edges as they point, IN against them, BOTH either way (each neighbour once). */
export type WalkMode = 'out' | 'in' | 'both';

export function nodeId(type: NodeType, key: string): string {
  return `${type}:${key}`;
}

/** The node a `type:key` id names in a graph (whether or not the graph holds it). */
export function parseNodeId(graph: OrgGraph, id: string): NodeRef | undefined {
  const colon = id.indexOf(':');
  const type = id.slice(0, colon);
  if (type !== 'unit' && type !== 'post' && type !== 'topic' && type !== 'event') return undefined;
  return { id, type, key: id.slice(colon + 1), graph };
}

const NO_CORRECTIONS: readonly Correction[] = Object.freeze([]);

/** An edge; its ID is spelled out only when asked for (most walks never read it). */
class Edge implements GraphEdge {
  readonly corrections = NO_CORRECTIONS;

  constructor(
    readonly graph: OrgGraph,
    readonly kind: EdgeKind,
    readonly source: string,
    readonly target: string,
    readonly basis: EdgeBasis,
    readonly sources: readonly Citation[],
    /** Position in build order, to merge a node's outgoing and incoming edges in that order. */
    readonly seq: number,
  ) {}

  get id(): string {
    return `${this.kind}:${this.source}->${this.target}`;
  }
}

interface Adjacency {
  /** The node's ID, one string shared by all its edges (100,000s of copies otherwise). */
  readonly id: string;
  out: Edge[];
  in: Edge[];
}

/** Builds a graph's index, a slice of units at a time (graph-memo.ts). */
export function* buildGraphIndex(org: OrgGraph): Generator<void, GraphIndex, void> {
  const adjacency = new Map<string, Adjacency>();
  const all: Edge[] = [];
  const addNode = (id: string) => adjacency.set(id, { id, out: [], in: [] });
  for (const u of org.units()) addNode(nodeId('unit', u.key));
  for (const p of org.posts()) addNode(nodeId('post', p.key));
  for (const t of org.topics()) addNode(nodeId('topic', t.key));
  for (const e of org.events()) addNode(nodeId('event', e.key));

  const add = (
    kind: EdgeKind,
    source: string,
    target: string,
    sources: readonly Citation[],
    basis: EdgeBasis = 'stated',
  ) => {
    // A view of the graph at a date may lack one end (a post whose unit did not exist yet).
    const from = adjacency.get(source);
    const to = adjacency.get(target);
    if (!from || !to) return;
    if (from.out.some((e) => e.kind === kind && e.target === target)) return;
    const edge = new Edge(org, kind, from.id, to.id, basis, sources, all.length);
    all.push(edge);
    from.out.push(edge);
    to.in.push(edge);
  };

  let done = 0;
  for (const u of org.units()) {
    if (++done % SLICE === 0) yield;
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
    for (const sp of u.supports) {
      // Support to a party that is no unit of the graph has no node to point at.
      if (sp.supported.kind === 'unit') {
        add('supports', unit, nodeId('unit', sp.supported.unitKey), sp.sources);
      }
    }
    if (u.headKey) add('heads', nodeId('post', u.headKey), unit, u.headSources);
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
  // A list grown by push keeps room for 16 more edges; copies hold exactly theirs.
  for (const a of adjacency.values()) {
    a.out = a.out.slice();
    a.in = a.in.slice();
  }
  return new GraphIndex(adjacency, all);
}

export class GraphIndex {
  constructor(
    private readonly adjacency: Map<string, Adjacency>,
    private readonly all: Edge[],
  ) {}

  hasNode(id: string): boolean {
    return this.adjacency.has(id);
  }

  edge(id: string): GraphEdge | undefined {
    const arrow = id.indexOf('->');
    const source = id.slice(id.indexOf(':') + 1, arrow);
    return this.adjacency.get(source)?.out.find((e) => e.id === id);
  }

  /** Every edge, in the order built (units, posts, topics, events). */
  edges(): IterableIterator<GraphEdge> {
    return this.all.values();
  }

  /** The edges of these kinds between two nodes, in either direction. */
  edgesBetween(a: string, b: string, kinds: ReadonlySet<EdgeKind>): GraphEdge[] {
    const out: GraphEdge[] = [];
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      for (const e of this.adjacency.get(x)?.out ?? []) {
        if (e.target === y && kinds.has(e.kind)) out.push(e);
      }
    }
    return out;
  }

  /**
   * The nodes joined to `id` by an edge of these kinds, each once, in the order of the first such
   * edge: IN before OUT when walking both ways along directions (as graphology's directed
   * neighbours), or all edges in build order when `undirected`.
   */
  neighbours(
    id: string,
    kinds: ReadonlySet<EdgeKind>,
    mode: WalkMode,
    undirected = false,
  ): string[] {
    const adjacency = this.adjacency.get(id);
    if (!adjacency) return [];
    const found: string[] = [];
    const seen = new Set<string>();
    const take = (e: Edge, other: string) => {
      if (!kinds.has(e.kind) || other === id || seen.has(other)) return;
      seen.add(other);
      found.push(other);
    };
    if (undirected) {
      const { out, in: into } = adjacency;
      for (let i = 0, j = 0; i < out.length || j < into.length;) {
        const o = out[i];
        const n = into[j];
        if (o && (!n || o.seq < n.seq)) {
          take(o, o.target);
          i += 1;
        } else if (n) {
          take(n, n.source);
          j += 1;
        }
      }
      return found;
    }
    if (mode !== 'out') for (const e of adjacency.in) take(e, e.source);
    if (mode !== 'in') for (const e of adjacency.out) take(e, e.target);
    return found;
  }

  /**
   * Breadth-first from `start` over edges of these kinds: `visit` gets each node with its
   * distance, and returns true to go no further from it.
   */
  bfs(
    start: string,
    kinds: ReadonlySet<EdgeKind>,
    mode: WalkMode,
    visit: (id: string, depth: number) => boolean,
  ): void {
    if (!this.adjacency.has(start)) return;
    const seen = new Set([start]);
    let level = [start];
    for (let depth = 0; level.length > 0; depth += 1) {
      const next: string[] = [];
      for (const id of level) {
        if (visit(id, depth)) continue;
        for (const n of this.neighbours(id, kinds, mode)) {
          if (!seen.has(n)) {
            seen.add(n);
            next.push(n);
          }
        }
      }
      level = next;
    }
  }

  /**
   * A shortest path between two nodes over edges of these kinds walked either way, as node ids;
   * null when none. Searches from both ends, always widening the smaller frontier (the method and
   * the tie-breaking of graphology-shortest-path's `bidirectional`).
   */
  shortestPath(from: string, to: string, kinds: ReadonlySet<EdgeKind>): string[] | null {
    if (!this.adjacency.has(from) || !this.adjacency.has(to)) return null;
    if (from === to) return [from];
    const predecessor = new Map<string, string | null>([[from, null]]);
    const successor = new Map<string, string | null>([[to, null]]);
    let forward = [from];
    let reverse = [to];
    let meeting: string | undefined;
    outer: while (forward.length > 0 && reverse.length > 0) {
      const widenForward = forward.length <= reverse.length;
      const fringe = widenForward ? forward : reverse;
      const [mine, theirs] = widenForward ? [predecessor, successor] : [successor, predecessor];
      const next: string[] = [];
      for (const node of fringe) {
        for (const n of this.neighbours(node, kinds, 'both', true)) {
          if (!mine.has(n)) {
            next.push(n);
            mine.set(n, node);
          }
          if (theirs.has(n)) {
            meeting = n;
            break outer;
          }
        }
      }
      if (widenForward) forward = next;
      else reverse = next;
    }
    if (meeting === undefined) return null;
    const path: string[] = [];
    for (let n: string | null | undefined = meeting; n != null; n = predecessor.get(n)) {
      path.unshift(n);
    }
    for (let n = successor.get(meeting); n != null; n = successor.get(n)) path.push(n);
    return path;
  }
}

/** The index of a graph, built on first use and kept as long as the graph is. */
export const graphIndex = perGraphInSlices(buildGraphIndex);
