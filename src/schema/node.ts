/**
 * Relay object identification: `node(id:)` and `nodes(ids:)` fetch any object again by its global
 * ID. A dated ID (global-id.ts) brings the node back inside the view of its date.
 */
import type { OrgGraph } from '../graph/org-graph';
import { boundedList } from '../graph/page';
import type { OrgDocument, OrgEvent, Person, Post, Topic, Unit } from '../graph/types';
import type { Context } from './context';
import { decodeId } from './global-id';
import type { SchemaParts } from './parts';

type NodeRecord = Unit | Post | Topic | OrgEvent | OrgDocument | Person;

function recordIn(graph: OrgGraph, typename: string, key: string): NodeRecord | undefined {
  if (typename === 'Post') return graph.post(key);
  if (typename === 'Topic') return graph.topic(key);
  if (typename === 'Event') return graph.event(key);
  if (typename === 'Document') return graph.orgDocument(key);
  if (typename === 'Person') return graph.person(key);
  const unit = graph.unit(key);
  return unit && graph.kind(unit.kind).typeName === typename ? unit : undefined;
}

/** The object a global ID names, in the graph of its date; null for an ID naming nothing. */
async function nodeById(graph: OrgGraph, id: string, ctx: Context): Promise<NodeRecord | null> {
  const decoded = decodeId(id);
  if (!decoded) return null;
  const state = decoded.date
    ? await ctx.lookups.load('view', graph, decoded.date.value)
    : graph.base;
  return recordIn(state, decoded.typename, decoded.key) ?? null;
}

export function defineNode({ builder }: SchemaParts): void {
  const NodeRef = builder.nodeInterfaceRef();

  builder.queryFields((t) => ({
    node: t.field({
      type: NodeRef,
      nullable: true,
      description: 'Fetches any object by its global ID (Relay object identification).',
      args: {
        id: t.arg.id({ required: true, description: 'A global ID, as returned by an `id` field.' }),
      },
      resolve: (scope, args, ctx) => nodeById(scope.graph, String(args.id), ctx),
    }),
    nodes: t.field({
      type: [NodeRef],
      nullable: { list: false, items: true },
      description: 'Fetches objects by their global IDs, in the same order; null for unknown IDs.',
      args: {
        ids: t.arg.idList({
          required: true,
          description: 'Global IDs, as returned by `id` fields (at most 100).',
        }),
      },
      complexity: (args) => ({ field: 1, multiplier: args.ids.length }),
      resolve: (scope, args, ctx) =>
        Promise.all(
          boundedList(args.ids, 'ids').map((id) => nodeById(scope.graph, String(id), ctx)),
        ),
    }),
  }));
}
