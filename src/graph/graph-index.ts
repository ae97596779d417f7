/**
 * The org graph as one typed multigraph of units, posts, topics and events: every edge once, and
 * for each node the edges leaving and entering it, in the order built. It is built once per
 * OrgGraph (on first use, or by warmIndexes) and shared by every request on that graph. Walks
 * filter edges by kind as they go, so no per-kind copy of the graph is made.
 *
 * Why not graphology (used here before): its general-purpose structures (an attributes object per
 * edge, neighbour dictionaries, one filtered copy per set of kinds) took several times the memory
 * and time of these numbered tables for a large organisation (npm run bench:scale). The walks keep
 * graphology's order (neighbours in the order their first edge was added), so paths and
 * neighbourhoods are the same as before.
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

const BASES: readonly EdgeBasis[] = ['stated', 'part-of', 'unit-name', 'vocabulary'];

/**
 * An edge as the walks' callers see it, made when asked for: the index holds edges as numbers (see
 * GraphIndex), and only an answer's few edges ever become objects.
 */
class Edge implements GraphEdge {
  constructor(
    readonly graph: OrgGraph,
    readonly kind: EdgeKind,
    readonly source: string,
    readonly target: string,
    readonly basis: EdgeBasis,
    readonly sources: readonly Citation[],
  ) {}

  get id(): string {
    return `${this.kind}:${this.source}->${this.target}`;
  }

  get corrections(): readonly Correction[] {
    return NO_CORRECTIONS;
  }
}

const NODE_TYPES: readonly NodeType[] = ['unit', 'post', 'topic', 'event'];

/**
 * The nodes by number, each a type and its record's key: no `type:key` string is held per node
 * (one a unit was a tenth of the index's memory); an ID is spelled out when a walk returns it.
 */
class NodeNumbers {
  private readonly byType: Map<string, number>[] = NODE_TYPES.map(() => new Map());
  private readonly keys: string[] = [];
  private readonly types: Uint8Array;

  constructor(count: number) {
    this.types = new Uint8Array(count);
  }

  add(type: NodeType, key: string): void {
    const t = NODE_TYPES.indexOf(type);
    this.byType[t]?.set(key, this.keys.length);
    this.types[this.keys.length] = t;
    this.keys.push(key);
  }

  of(type: NodeType, key: string): number | undefined {
    return this.byType[NODE_TYPES.indexOf(type)]?.get(key);
  }

  /** The number of a `type:key` ID; undefined when the graph has no such node. */
  numberOf(id: string): number | undefined {
    const colon = id.indexOf(':');
    const t = NODE_TYPES.indexOf(id.slice(0, colon) as NodeType);
    return t < 0 ? undefined : this.byType[t]?.get(id.slice(colon + 1));
  }

  idOf(node: number): string {
    return nodeId(NODE_TYPES[this.types[node] as number] as NodeType, this.keys[node] as string);
  }

  get size(): number {
    return this.keys.length;
  }
}

/** Builds a graph's index, a slice of units at a time (graph-memo.ts). */
export function* buildGraphIndex(org: OrgGraph): Generator<void, GraphIndex, void> {
  const nodes = new NodeNumbers(
    org.units().length + org.posts().length + org.topics().length + org.events().length,
  );
  for (const u of org.units()) nodes.add('unit', u.key);
  for (const p of org.posts()) nodes.add('post', p.key);
  for (const t of org.topics()) nodes.add('topic', t.key);
  for (const e of org.events()) nodes.add('event', e.key);
  const unit = (key: string) => nodes.of('unit', key);
  const post = (key: string) => nodes.of('post', key);
  const topic = (key: string) => nodes.of('topic', key);
  const event = (key: string) => nodes.of('event', key);

  // Edge n is kinds[n], bases[n], from sources[n] to targets[n], citing citations[n]. The columns
  // are typed arrays as long as the most edges the records can make, cut to length at the end:
  // lists of numbers grown by push would take several times their memory while the index is built.
  const most = mostEdges(org);
  const kinds = new Uint8Array(most);
  const bases = new Uint8Array(most);
  const sources = new Int32Array(most);
  const targets = new Int32Array(most);
  const citations: (readonly Citation[])[] = [];
  let count = 0;
  // Each node's edges out so far, newest first (to refuse a repeated edge): a list through `next`.
  const newestOut = new Int32Array(nodes.size).fill(-1);
  const next = new Int32Array(most);

  const add = (
    kind: EdgeKind,
    from: number | undefined,
    to: number | undefined,
    cited: readonly Citation[],
    basis: EdgeBasis = 'stated',
  ) => {
    // A view of the graph at a date may lack one end (a post whose unit did not exist yet).
    if (from === undefined || to === undefined) return;
    const k = EDGE_KINDS.indexOf(kind);
    for (let e = newestOut[from] as number; e !== -1; e = next[e] as number)
      if (kinds[e] === k && targets[e] === to) return;
    next[count] = newestOut[from] as number;
    newestOut[from] = count;
    kinds[count] = k;
    bases[count] = BASES.indexOf(basis);
    sources[count] = from;
    targets[count] = to;
    citations.push(cited);
    count += 1;
  };

  let done = 0;
  for (const u of org.units()) {
    if (++done % SLICE === 0) yield;
    const self = unit(u.key);
    if (u.parent) add('part-of', self, unit(u.parent.unitKey), u.parent.sources);
    const up = superiorOf(org, u);
    if (up) {
      add(
        'reports-to',
        self,
        unit(up.unit.key),
        up.sources,
        up.basis === 'part-of' ? 'part-of' : 'stated',
      );
    }
    for (const m of u.memberOf) add('member-of', self, unit(m.unitKey), m.sources);
    for (const sp of u.supports) {
      // Support to a party that is no unit of the graph has no node to point at.
      if (sp.supported.kind === 'unit') {
        add('supports', self, unit(sp.supported.unitKey), sp.sources);
      }
    }
    if (u.headKey) add('heads', post(u.headKey), self, u.headSources);
    for (const r of u.responsibilities) {
      add(
        'handles',
        self,
        topic(r.topicKey),
        r.sources,
        r.basis === 'unit-name' ? 'unit-name' : 'stated',
      );
    }
  }
  for (const p of org.posts()) add('post-in', post(p.key), unit(p.unitKey), p.sources);
  for (const t of org.topics()) {
    for (const b of t.broaderKeys) add('broader', topic(t.key), topic(b), [], 'vocabulary');
  }
  for (const e of org.events()) {
    const self = event(e.key);
    for (const k of e.affectsKeys) add('affects', self, unit(k), e.sources);
    for (const k of e.causedByKeys) add('caused-by', self, event(k), e.sources);
    if (e.partOfKey) add('event-part-of', self, event(e.partOfKey), e.sources);
  }
  const sourceOf = sources.slice(0, count);
  const targetOf = targets.slice(0, count);
  return new GraphIndex(org, nodes, {
    kinds: kinds.slice(0, count),
    bases: bases.slice(0, count),
    sources: sourceOf,
    targets: targetOf,
    citations,
    out: adjacencyOf(nodes.size, sourceOf),
    in: adjacencyOf(nodes.size, targetOf),
  });
}

/** The most edges `buildGraphIndex` can make of a graph's records (fewer when some repeat). */
function mostEdges(org: OrgGraph): number {
  let most = 0;
  for (const u of org.units()) {
    most += (u.parent ? 2 : 1) + (u.headKey ? 1 : 0);
    most += u.memberOf.length + u.supports.length + u.responsibilities.length;
  }
  most += org.posts().length;
  for (const t of org.topics()) most += t.broaderKeys.length;
  for (const e of org.events()) most += e.affectsKeys.length + e.causedByKeys.length + 1;
  return most;
}

/**
 * Each node's edges leaving it (given each edge's source) or entering it (given its target), in
 * the order built: the edge numbers of node n are `edges[start[n]]` to `edges[start[n + 1] - 1]`.
 */
interface Adjacency {
  readonly start: Int32Array;
  readonly edges: Int32Array;
}

function adjacencyOf(nodes: number, endOf: Int32Array): Adjacency {
  const start = new Int32Array(nodes + 1);
  for (const n of endOf) start[n + 1] = (start[n + 1] as number) + 1;
  for (let n = 0; n < nodes; n++) start[n + 1] = (start[n + 1] as number) + (start[n] as number);
  const filled = start.slice(0, nodes);
  const edges = new Int32Array(endOf.length);
  endOf.forEach((n, e) => {
    edges[filled[n] as number] = e;
    filled[n] = (filled[n] as number) + 1;
  });
  return { start, edges };
}

interface EdgeTable {
  readonly kinds: Uint8Array;
  readonly bases: Uint8Array;
  readonly sources: Int32Array;
  readonly targets: Int32Array;
  readonly citations: readonly (readonly Citation[])[];
  readonly out: Adjacency;
  readonly in: Adjacency;
}

/**
 * Nodes and edges as numbers: a node is its number (NodeNumbers), an edge its position in the order
 * built, and an edge's kind, basis, ends and citations are columns of `EdgeTable`. An object per
 * edge and per node's lists, as before, took as much memory as the graph's units themselves (npm
 * run bench:scale, once warm).
 */
export class GraphIndex {
  constructor(
    private readonly org: OrgGraph,
    private readonly nodes: NodeNumbers,
    private readonly table: EdgeTable,
  ) {}

  hasNode(id: string): boolean {
    return this.nodes.numberOf(id) !== undefined;
  }

  private kindOf(e: number): EdgeKind {
    return EDGE_KINDS[this.table.kinds[e] as number] as EdgeKind;
  }

  private edgeAt(e: number): Edge {
    const { bases, sources, targets, citations } = this.table;
    return new Edge(
      this.org,
      this.kindOf(e),
      this.nodes.idOf(sources[e] as number),
      this.nodes.idOf(targets[e] as number),
      BASES[bases[e] as number] as EdgeBasis,
      citations[e] as readonly Citation[],
    );
  }

  /** The numbers of the edges leaving (`out`) or entering (`in`) a node, in the order built. */
  private edgesOf(node: number, side: 'out' | 'in'): Int32Array {
    const { start, edges } = this.table[side];
    return edges.subarray(start[node], start[node + 1]);
  }

  edge(id: string): GraphEdge | undefined {
    const arrow = id.indexOf('->');
    const source = this.nodes.numberOf(id.slice(id.indexOf(':') + 1, arrow));
    if (source === undefined) return undefined;
    for (const e of this.edgesOf(source, 'out')) {
      const edge = this.edgeAt(e);
      if (edge.id === id) return edge;
    }
    return undefined;
  }

  /** Every edge, in the order built (units, posts, topics, events). */
  *edges(): IterableIterator<GraphEdge> {
    for (let e = 0; e < this.table.kinds.length; e++) yield this.edgeAt(e);
  }

  /** The edges of these kinds whose two ends are both among `nodes`, in the order built. */
  edgesAmong(nodes: ReadonlySet<string>, kinds: ReadonlySet<EdgeKind>): GraphEdge[] {
    const found: number[] = [];
    for (const id of nodes) {
      const node = this.nodes.numberOf(id);
      if (node === undefined) continue;
      for (const e of this.edgesOf(node, 'out')) {
        if (
          kinds.has(this.kindOf(e)) &&
          nodes.has(this.nodes.idOf(this.table.targets[e] as number))
        )
          found.push(e);
      }
    }
    return found.sort((a, b) => a - b).map((e) => this.edgeAt(e));
  }

  /** The edges of these kinds between two nodes, in either direction. */
  edgesBetween(a: string, b: string, kinds: ReadonlySet<EdgeKind>): GraphEdge[] {
    const out: GraphEdge[] = [];
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const from = this.nodes.numberOf(x);
      const to = this.nodes.numberOf(y);
      if (from === undefined || to === undefined) continue;
      for (const e of this.edgesOf(from, 'out'))
        if (this.table.targets[e] === to && kinds.has(this.kindOf(e))) out.push(this.edgeAt(e));
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
    const node = this.nodes.numberOf(id);
    if (node === undefined) return [];
    const { sources, targets } = this.table;
    const found: string[] = [];
    const seen = new Set<string>();
    const take = (e: number, end: Int32Array) => {
      if (!kinds.has(this.kindOf(e))) return;
      const other = this.nodes.idOf(end[e] as number);
      if (other === id || seen.has(other)) return;
      seen.add(other);
      found.push(other);
    };
    const out = this.edgesOf(node, 'out');
    const into = this.edgesOf(node, 'in');
    if (undirected) {
      // Both lists are in the order built: merged, they are every edge of the node in that order.
      for (let i = 0, j = 0; i < out.length || j < into.length;) {
        const o = out[i];
        const n = into[j];
        if (o !== undefined && (n === undefined || o < n)) {
          take(o, targets);
          i += 1;
        } else if (n !== undefined) {
          take(n, sources);
          j += 1;
        }
      }
      return found;
    }
    if (mode !== 'out') for (const e of into) take(e, sources);
    if (mode !== 'in') for (const e of out) take(e, targets);
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
    if (!this.hasNode(start)) return;
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
    if (!this.hasNode(from) || !this.hasNode(to)) return null;
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
