/**
 * What a topic rests on: the sentences of the responsibilities that link units to it, each once.
 * The vocabulary itself (labels, broader and narrower) is the dataset's own, not a source's claim.
 */
import type { Citation, Topic } from './types';

export function topicSources(topic: Topic): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const r of topic.graph.handlersOf(topic.key)) {
    for (const c of r.sources) {
      const key = `${c.document.key}\u0000${c.quote}`;
      if (!seen.has(key)) out.push(c);
      seen.add(key);
    }
  }
  return out;
}
