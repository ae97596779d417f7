/**
 * Arguments that name something in the graph (`events(affecting:)`, `path(from:)`,
 * `neighbourhood(of:)`): text the request's lookups resolve, or a global ID. A name that matches
 * nothing is a clear error, not a null that could be mistaken for "no path".
 */
import type { NodeRef } from '../graph/graph-index';
import { InputError } from '../graph/input-error';
import { nodeWithKey } from '../graph/node-by-name';
import type { OrgGraph } from '../graph/org-graph';
import type { Topic, Unit } from '../graph/types';
import type { Context } from './context';
import { decodeId } from './global-id';

/** The unit an argument names, as `unit(name:)` matches it, or by its global ID. */
export async function unitArg(
  ctx: Context,
  graph: OrgGraph,
  argument: string,
  text: string,
): Promise<Unit> {
  const byId = fromGlobalId(graph, text.trim());
  const unit =
    byId?.type === 'unit' ? graph.unit(byId.key) : (await ctx.lookups.unitNamed(graph, text))?.unit;
  if (!unit) throw new InputError(argument, `${argument}: no unit is called "${text}".`);
  return unit;
}

/** The topic an argument names, as `topic(name:)` matches it. */
export async function topicArg(
  ctx: Context,
  graph: OrgGraph,
  argument: string,
  text: string,
): Promise<Topic> {
  const topic = await ctx.lookups.load('topicNamed', graph, text);
  if (!topic) throw new InputError(argument, `${argument}: no topic is called "${text}".`);
  return topic;
}

/** The node a global ID of this graph's state names, if it is one. */
function fromGlobalId(graph: OrgGraph, text: string): NodeRef | undefined {
  const decoded = decodeId(text);
  if (!decoded || decoded.date?.value !== graph.date?.value) return undefined;
  const { typename, key } = decoded;
  if (typename === 'Post') return nodeWithKey(graph, 'post', key);
  if (typename === 'Topic') return nodeWithKey(graph, 'topic', key);
  if (typename === 'Event') return nodeWithKey(graph, 'event', key);
  const unit = nodeWithKey(graph, 'unit', key);
  const record = graph.unit(key);
  return unit && record && graph.kind(record.kind).typeName === typename ? unit : undefined;
}

/** The node an argument names: a global ID, or any text `nodeNamed` understands. */
export async function nodeArg(
  ctx: Context,
  graph: OrgGraph,
  argument: string,
  text: string,
): Promise<NodeRef> {
  const found =
    fromGlobalId(graph, text.trim()) ?? (await ctx.lookups.load('nodeNamed', graph, text));
  if (!found) {
    throw new InputError(
      argument,
      `${argument}: nothing in the graph is called "${text}". Give a unit's name, acronym or alias, a topic label, a post or event key (prefix "unit:", "post:", "topic:" or "event:" to say which), or a global ID.`,
    );
  }
  return found;
}
