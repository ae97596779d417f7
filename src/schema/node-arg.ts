/**
 * Reading a node argument (`path(from:)`, `neighbourhood(of:)`): a global ID as returned by an `id`
 * field, or any text `resolveNode` understands. Unknown text is a clear error, not a null that
 * could be mistaken for "no path".
 */
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import type { NodeRef, NodeType } from '../graph/graph-index';
import type { OrgGraph } from '../graph/org-graph';
import { nodeRef, resolveNode } from '../graph/resolve-node';
import { resolveUnit } from '../graph/resolve-unit';
import { TYPE_NAME_BY_KIND } from './org-unit';

const TYPE_BY_TYPENAME: Record<string, NodeType> = {
  ...Object.fromEntries(Object.values(TYPE_NAME_BY_KIND).map((name) => [name, 'unit' as const])),
  Post: 'post',
  Topic: 'topic',
  Event: 'event',
};

function fromGlobalId(graph: OrgGraph, text: string): NodeRef | undefined {
  try {
    const { typename, id } = decodeGlobalID(text);
    const type = TYPE_BY_TYPENAME[typename];
    return type && nodeRef(graph, type, id);
  } catch {
    return undefined;
  }
}

export function nodeArg(graph: OrgGraph, argument: string, text: string): NodeRef {
  const found = fromGlobalId(graph, text.trim()) ?? resolveNode(graph, text);
  if (!found) {
    throw new GraphQLError(
      `${argument}: nothing in the graph is called "${text}". Give a unit's name, acronym or alias, a topic label, a post or event key (prefix "unit:", "post:", "topic:" or "event:" to say which), or a global ID.`,
      { extensions: { code: 'BAD_USER_INPUT', argumentName: argument } },
    );
  }
  return found;
}

/** The global ID of a node, the same one its object's `id` field gives. */
export function globalId(graph: OrgGraph, node: NodeRef): string {
  if (node.type === 'unit') {
    const unit = graph.unit(node.key);
    return encodeGlobalID(unit ? TYPE_NAME_BY_KIND[unit.kind] : 'OrgUnit', node.key);
  }
  return encodeGlobalID(
    node.type === 'post' ? 'Post' : node.type === 'topic' ? 'Topic' : 'Event',
    node.key,
  );
}

/** Turns a domain problem with an argument (a depth out of bounds, a reversed period) into a clear error. */
export function refuseIf(problem: string | undefined, argument = 'depth'): void {
  if (problem) {
    throw new GraphQLError(`${argument}: ${problem}.`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName: argument },
    });
  }
}

/** The key of the unit an argument names (as `unit(name:)` matches), or a clear error. */
export function unitArg(graph: OrgGraph, argument: string, text: string): string {
  const match = resolveUnit(graph, text);
  if (!match) {
    throw new GraphQLError(`${argument}: no unit is called "${text}".`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName: argument },
    });
  }
  return match.unit.key;
}
