/**
 * "Who handles X?": the topic named by X (a label or recorded variant, folded), and the units
 * linked to it or to a narrower topic. Nothing matches a topic the data does not name: the answer
 * is then empty, never the nearest guess.
 */
import type { OrgGraph } from './org-graph';
import type { Responsibility, Topic, Unit } from './types';

export interface Handler {
  readonly unit: Unit;
  readonly responsibility: Responsibility;
  readonly topic: Topic;
  /** True when the unit handles a narrower topic than the one asked about. */
  readonly viaNarrower: boolean;
}

export function resolveTopic(graph: OrgGraph, text: string): Topic | undefined {
  const direct = graph.topic(text.trim());
  if (direct) return direct;
  const entry = graph.topicNameEntry(text);
  return entry && graph.topic(entry.topicKey);
}

/** The topic and every topic below it (SKOS narrower, transitively), the topic itself first. */
export function topicWithNarrower(graph: OrgGraph, topic: Topic): Topic[] {
  const out: Topic[] = [];
  const seen = new Set<string>();
  const queue = [topic];
  for (let t = queue.shift(); t; t = queue.shift()) {
    if (seen.has(t.key)) continue;
    seen.add(t.key);
    out.push(t);
    queue.push(...graph.narrowerOf(t.key));
  }
  return out;
}

const BASIS_RANK = { stated: 0, 'unit-name': 1 } as const;

/**
 * Units responsible for the topic `text` names, most specific first: direct links before links to
 * narrower topics, stated before name-derived, deeper units (further down the tree) before their
 * ancestors. Each unit appears once.
 */
export function whoHandles(graph: OrgGraph, text: string): Handler[] {
  const topic = resolveTopic(graph, text);
  if (!topic) return [];
  const candidates: Handler[] = topicWithNarrower(graph, topic).flatMap((t) =>
    graph.handlersOf(t.key).flatMap((r) => {
      const unit = graph.unit(r.unitKey);
      return unit ? [{ unit, responsibility: r, topic: t, viaNarrower: t.key !== topic.key }] : [];
    }),
  );
  candidates.sort(
    (a, b) =>
      Number(a.viaNarrower) - Number(b.viaNarrower) ||
      BASIS_RANK[a.responsibility.basis] - BASIS_RANK[b.responsibility.basis] ||
      graph.depthOf(b.unit.key) - graph.depthOf(a.unit.key),
  );
  const seen = new Set<string>();
  return candidates.filter((h) => !seen.has(h.unit.key) && seen.add(h.unit.key));
}
