/**
 * Finding any node from what a person writes. `unit:`, `post:`, `topic:` or `event:` before a key
 * or name says which kind is meant; otherwise the text is tried, in this order, as a unit (key,
 * name, acronym or alias, as `unit(name:)` matches them), a post key, an event key, and a topic
 * (key, label or variant). The order settles the one overlap in the data: "secretary-general" is
 * both a unit and a post key, and means the unit unless written `post:secretary-general`.
 */
import { nodeId, type NodeRef, type NodeType } from './graph-index';
import type { OrgGraph } from './org-graph';
import { topicNamed } from './topic-by-name';
import { unitNamed } from './unit-by-name';

const ref = (graph: OrgGraph, type: NodeType, key: string): NodeRef => ({
  id: nodeId(type, key),
  type,
  key,
  graph,
});

function namedAs(graph: OrgGraph, type: NodeType, text: string): NodeRef | undefined {
  switch (type) {
    case 'unit': {
      const unit = unitNamed(graph, text)?.unit;
      return unit && ref(graph, 'unit', unit.key);
    }
    case 'post':
      return graph.post(text) && ref(graph, 'post', text);
    case 'event':
      return graph.event(text) && ref(graph, 'event', text);
    case 'topic': {
      const topic = topicNamed(graph, text);
      return topic && ref(graph, 'topic', topic.key);
    }
  }
}

const ORDER: readonly NodeType[] = ['unit', 'post', 'event', 'topic'];

/** The node this text names exactly, if any. */
export function nodeNamed(graph: OrgGraph, text: string): NodeRef | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const prefixed = /^(unit|post|topic|event):(.+)$/.exec(trimmed);
  if (prefixed) return namedAs(graph, prefixed[1] as NodeType, (prefixed[2] ?? '').trim());
  for (const type of ORDER) {
    const found = namedAs(graph, type, trimmed);
    if (found) return found;
  }
  return undefined;
}

/** The node a key of a given type names, if the graph has it. */
export function nodeWithKey(graph: OrgGraph, type: NodeType, key: string): NodeRef | undefined {
  const exists =
    type === 'unit'
      ? graph.unit(key)
      : type === 'post'
        ? graph.post(key)
        : type === 'topic'
          ? graph.topic(key)
          : graph.event(key);
  return exists ? ref(graph, type, key) : undefined;
}
