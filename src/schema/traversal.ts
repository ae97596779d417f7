import {
  EDGE_KINDS,
  parseNodeId,
  type EdgeKind as EdgeKindValue,
  type GraphEdge,
  type NodeRef,
} from '../graph/graph-index';
import { InputError } from '../graph/input-error';
import { neighbourhood, type Neighbourhood } from '../graph/neighbourhood';
import { pageOf, sequenceOf } from '../graph/page';
import { nodeLabel } from '../graph/node-label';
import { ALL_KINDS, shortestPath, type CommonSuperior, type PathStep } from '../graph/path';
import { checkDepth, MAX_DEPTH } from '../graph/unit-tree';
import { edgeValidity } from '../graph/validity';
import { nodeArg } from './args';
import { globalIdOf } from './global-id';
import { Lang, LANG_ARG_DESCRIPTION, langOf } from './lang';
import type { SchemaParts } from './parts';
import { readFields } from './read-fields';

const EDGE_KIND_DESCRIPTIONS: Record<EdgeKindValue, string> = {
  'part-of': 'Unit → the unit it is part of.',
  'reports-to':
    'Unit → the next unit up its reporting line: stated by a source, or derived from part-of (the edge’s `basis` says which).',
  'member-of': 'Unit → a unit it is a member of.',
  supports: 'Unit → a unit it supports, as a source states (the IS supports the Council).',
  heads: 'Post → the unit it heads.',
  'post-in': 'Post → the unit it belongs to.',
  handles: 'Unit → a topic it handles.',
  broader: 'Topic → a wider topic.',
  affects: 'Event → a unit it created, changed or concerned.',
  'caused-by': 'Event → an event it resulted from.',
  'event-part-of': 'Event → a larger event.',
};

const EdgeKind = Object.fromEntries(
  EDGE_KINDS.map((k) => [k.toUpperCase().replace(/-/g, '_'), k]),
) as Record<string, EdgeKindValue>;

const NodeType = { UNIT: 'unit', POST: 'post', TOPIC: 'topic', EVENT: 'event' } as const;

const EdgeBasis = {
  STATED: 'stated',
  PART_OF: 'part-of',
  UNIT_NAME: 'unit-name',
  VOCABULARY: 'vocabulary',
} as const;

const StepDirection = { FORWARD: 'forward', BACKWARD: 'backward' } as const;

const TraversalDirection = { OUT: 'out', IN: 'in', BOTH: 'both' } as const;

interface NodeView {
  readonly node: NodeRef;
  readonly distance?: number | undefined;
}

const endOf = (edge: GraphEdge, id: string): NodeRef => {
  const node = parseNodeId(edge.graph, id);
  if (!node) throw new Error(`malformed node id ${id}`);
  return node;
};

const kindsArg = (via: readonly EdgeKindValue[] | null | undefined) => {
  if (via && via.length === 0) {
    throw new InputError(
      'via',
      'via: give at least one EdgeKind, or leave it out for all of them.',
    );
  }
  return via ? new Set(via) : ALL_KINDS;
};

const NODE_ARG =
  'A unit (name, acronym or alias, as in `unit(name:)`), a topic label, a post or event key, or a global ID. Prefix with "unit:", "post:", "topic:" or "event:" to say which kind is meant.';

export function defineTraversal(parts: SchemaParts): void {
  const { builder, refs } = parts;
  builder.enumType(EdgeKind, {
    name: 'EdgeKind',
    description: 'A kind of edge of the graph, pointing the way the relation reads.',
    values: Object.fromEntries(
      Object.entries(EdgeKind).map(([name, k]) => [
        name,
        { description: EDGE_KIND_DESCRIPTIONS[k] },
      ]),
    ),
  });
  builder.enumType(NodeType, {
    name: 'GraphNodeType',
    description: 'What a node of the graph is.',
    values: {
      UNIT: { description: 'An OrgUnit.' },
      POST: { description: 'A Post.' },
      TOPIC: { description: 'A Topic.' },
      EVENT: { description: 'An Event.' },
    },
  });
  builder.enumType(EdgeBasis, {
    name: 'EdgeBasis',
    description: 'What an edge rests on.',
    values: {
      STATED: { description: 'A source states it (see `sources`).' },
      PART_OF: {
        description: 'Derived: a reporting step read from part-of, as no source names a superior.',
      },
      UNIT_NAME: { description: 'Derived from the unit’s name only.' },
      VOCABULARY: {
        description: 'The dataset’s own topic vocabulary (SKOS broader), not a source’s claim.',
      },
    },
  });
  builder.enumType(StepDirection, {
    name: 'StepDirection',
    description: 'Which way a path walks an edge.',
    values: {
      FORWARD: { description: 'Along the edge (from its source to its target).' },
      BACKWARD: { description: 'Against the edge (from its target to its source).' },
    },
  });
  builder.enumType(TraversalDirection, {
    name: 'TraversalDirection',
    description: 'Which edges a neighbourhood follows from each node.',
    values: {
      OUT: { description: 'Edges leaving the node (a unit to its parent).' },
      IN: { description: 'Edges arriving at the node (a unit to its sub-units).' },
      BOTH: { description: 'Either.' },
    },
  });

  const GraphNodeRef = builder.objectRef<NodeView>('GraphNode').implement({
    description:
      'A node of the graph in a plain form for drawing: its ID, kind and label, and the full object.',
    fields: (t) => ({
      id: t.id({
        description: 'Global ID of the object (the same as its `id`); edges refer to it.',
        resolve: (n) => globalIdOf(n.node),
      }),
      key: t.string({ description: 'Key in the dataset.', resolve: (n) => n.node.key }),
      type: t.field({ type: NodeType, description: 'What it is.', resolve: (n) => n.node.type }),
      label: t.string({
        description: 'A name to display.',
        args: { lang: t.arg({ type: Lang, description: LANG_ARG_DESCRIPTION }) },
        resolve: (n, args, ctx) => nodeLabel(n.node, langOf(args.lang, ctx)),
      }),
      distance: t.int({
        nullable: true,
        description: 'Edges from the centre of a neighbourhood (null elsewhere).',
        resolve: (n) => n.distance ?? null,
      }),
      unit: t.field({
        type: refs.OrgUnit,
        nullable: true,
        description: 'The unit, when the node is one.',
        resolve: (n) => (n.node.type === 'unit' ? (n.node.graph.unit(n.node.key) ?? null) : null),
      }),
      post: t.field({
        type: refs.Post,
        nullable: true,
        description: 'The post, when the node is one.',
        resolve: (n) => (n.node.type === 'post' ? (n.node.graph.post(n.node.key) ?? null) : null),
      }),
      topic: t.field({
        type: refs.Topic,
        nullable: true,
        description: 'The topic, when the node is one.',
        resolve: (n) => (n.node.type === 'topic' ? (n.node.graph.topic(n.node.key) ?? null) : null),
      }),
      event: t.field({
        type: refs.Event,
        nullable: true,
        description: 'The event, when the node is one.',
        resolve: (n) => (n.node.type === 'event' ? (n.node.graph.event(n.node.key) ?? null) : null),
      }),
    }),
  });

  const GraphEdgeRef = builder.objectRef<GraphEdge>('GraphEdge').implement({
    description: 'An edge of the graph, with what it rests on and when it held.',
    fields: (t) => ({
      id: t.id({
        description: 'Stable ID of the edge (kind, source and target).',
        resolve: (e) => e.id,
      }),
      kind: t.field({
        type: EdgeKind,
        description: 'What relation it is.',
        resolve: (e) => e.kind,
      }),
      source: t.id({
        description: 'Global ID of the node it goes from.',
        resolve: (e) => globalIdOf(endOf(e, e.source)),
      }),
      target: t.id({
        description: 'Global ID of the node it goes to.',
        resolve: (e) => globalIdOf(endOf(e, e.target)),
      }),
      basis: t.field({
        type: EdgeBasis,
        description: 'Stated by a source, or derived (and how).',
        resolve: (e) => e.basis,
      }),
      sources: t.field({
        type: [refs.Citation],
        description: 'The sentences it rests on (empty for the dataset’s own topic vocabulary).',
        resolve: (e) => e.sources,
      }),
      corrections: t.field({
        type: [refs.Correction],
        description: 'Where a source is wrong about this relation.',
        resolve: (e) => e.corrections,
      }),
      validity: t.field({
        type: refs.Validity,
        description: 'When it held: while both its ends did, as far as the data dates them.',
        resolve: (e) => edgeValidity(e),
      }),
    }),
  });

  const PathStepRef = builder.objectRef<PathStep>('PathStep').implement({
    description: 'One node of a path, with the edge walked to reach it.',
    fields: (t) => ({
      node: t.field({
        type: GraphNodeRef,
        description: 'The node.',
        resolve: (s) => ({ node: s.node }),
      }),
      edge: t.field({
        type: GraphEdgeRef,
        nullable: true,
        description: 'The edge from the previous node (null for the first step).',
        resolve: (s) => s.edge ?? null,
      }),
      direction: t.field({
        type: StepDirection,
        nullable: true,
        description: 'Whether the edge was walked along or against its direction.',
        resolve: (s) => s.direction ?? null,
      }),
    }),
  });

  const CommonSuperiorRef = builder.objectRef<CommonSuperior>('CommonSuperior').implement({
    description:
      'The lowest unit on the reporting lines of both ends of a path. Derived: each line follows stated reporting links and otherwise part-of (see each step’s basis).',
    fields: (t) => ({
      unit: t.field({
        type: refs.OrgUnit,
        description: 'The common superior.',
        resolve: (c) => c.unit,
      }),
      fromLine: t.field({
        type: [refs.ReportingStep],
        description: 'The reporting line of `from`, up to the common superior.',
        resolve: (c) => c.fromLine,
      }),
      toLine: t.field({
        type: [refs.ReportingStep],
        description: 'The reporting line of `to`, up to the common superior.',
        resolve: (c) => c.toLine,
      }),
      basis: t.string({
        description: 'How the answer was derived.',
        resolve: () =>
          'derived: the first unit of the reporting line of `from` that is also on the reporting line of `to`',
      }),
    }),
  });

  const PathRef = refs.Path.implement({
    description: 'A shortest path between two nodes, each step with its edge kind and direction.',
    fields: (t) => ({
      from: t.field({
        type: GraphNodeRef,
        description: 'Where it starts.',
        resolve: (p) => ({ node: p.from }),
      }),
      to: t.field({
        type: GraphNodeRef,
        description: 'Where it ends.',
        resolve: (p) => ({ node: p.to }),
      }),
      length: t.int({ description: 'Number of edges.', resolve: (p) => p.steps.length - 1 }),
      steps: t.field({
        type: [PathStepRef],
        description: 'The nodes in order, `from` first.',
        resolve: (p) => p.steps,
      }),
      commonSuperior: t.field({
        type: CommonSuperiorRef,
        nullable: true,
        description: 'When both ends are units: their lowest common superior (null when none).',
        resolve: (p) => p.commonSuperior ?? null,
      }),
    }),
  });

  const GraphNodeConnection = builder.connectionObject(
    {
      type: GraphNodeRef,
      name: 'GraphNodeConnection',
      description: 'A page of nodes, with their total.',
    },
    { name: 'GraphNodeEdge', description: 'One node of a page, with its cursor.' },
  );
  const GraphEdgeConnection = builder.connectionObject(
    {
      type: GraphEdgeRef,
      name: 'GraphEdgeConnection',
      description: 'A page of edges, with their total.',
    },
    { name: 'GraphEdgeEdge', description: 'One edge of a page, with its cursor.' },
  );

  const NeighbourhoodRef = builder.objectRef<Neighbourhood>('Neighbourhood').implement({
    description: 'The nodes within some distance of a node, and the edges among them.',
    fields: (t) => ({
      centre: t.field({
        type: GraphNodeRef,
        description: 'The node asked about.',
        resolve: (n) => ({ node: n.centre, distance: 0 }),
      }),
      nodes: t.connection(
        {
          type: GraphNodeRef,
          description: 'The centre first, then the others by distance, a page at a time.',
          resolve: (n, args) =>
            pageOf(sequenceOf<NodeView>(n.nodes), args, {
              graph: n.centre.graph,
              keyOf: (v) => v.node.id,
            }),
        },
        GraphNodeConnection,
      ),
      edges: t.connection(
        {
          type: GraphEdgeRef,
          description: 'Every edge of the chosen kinds joining two of the nodes, a page at a time.',
          resolve: (n, args) =>
            pageOf(sequenceOf(n.edges), args, { graph: n.centre.graph, keyOf: (e) => e.id }),
        },
        GraphEdgeConnection,
      ),
    }),
  });

  readFields(parts, (t) => ({
    path: t.field({
      type: PathRef,
      nullable: true,
      description:
        'The shortest path between two nodes over the chosen kinds of edge, walked either way; null when none joins them. Between two units, also their common superior.',
      args: {
        from: t.arg.string({ required: true, description: NODE_ARG }),
        to: t.arg.string({ required: true, description: NODE_ARG }),
        via: t.arg({
          type: [EdgeKind],
          description: 'The kinds of edge to walk; all of them when left out.',
        }),
      },
      resolve: async (scope, args, ctx) =>
        shortestPath(
          scope.graph,
          await nodeArg(ctx, scope.graph, 'from', args.from),
          await nodeArg(ctx, scope.graph, 'to', args.to),
          kindsArg(args.via),
        ),
    }),
    neighbourhood: t.field({
      type: NeighbourhoodRef,
      description: `The nodes within \`depth\` edges of a node (at most ${MAX_DEPTH}), and the edges among them.`,
      args: {
        of: t.arg.string({ required: true, description: NODE_ARG }),
        depth: t.arg.int({
          required: true,
          description: `How many edges away, from 0 to ${MAX_DEPTH}.`,
        }),
        via: t.arg({
          type: [EdgeKind],
          description: 'The kinds of edge to follow; all of them when left out.',
        }),
        direction: t.arg({
          type: TraversalDirection,
          defaultValue: 'both',
          description: 'Follow edges out of each node, into it, or both (the default).',
        }),
      },
      resolve: async (scope, args, ctx) => {
        checkDepth(args.depth);
        return neighbourhood(
          scope.graph,
          await nodeArg(ctx, scope.graph, 'of', args.of),
          args.depth,
          kindsArg(args.via),
          args.direction ?? 'both',
        );
      },
    }),
  }));
}
