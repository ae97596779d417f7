/**
 * Finding a topic from its key, label or a recorded variant, compared exactly once folded (no
 * typos: search/responsibility.ts is the forgiving matcher that explains what a text names).
 */
import type { OrgGraph } from './org-graph';
import type { Topic } from './types';

export function topicNamed(graph: OrgGraph, text: string): Topic | undefined {
  const direct = graph.topic(text.trim());
  if (direct) return direct;
  const entry = graph.topicNameEntry(text);
  return entry && graph.topic(entry.topicKey);
}
