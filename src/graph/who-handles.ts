/**
 * "Who handles X?": the topic named by X and the units linked to it or to a narrower topic, as a
 * plain list. X may be any label or recorded variant, with other word forms or typos
 * (search/responsibility.ts decides, and explains, what X names). Nothing matches a topic the data
 * does not name: the answer is then empty, never the nearest guess.
 */
import type { OrgGraph } from './org-graph';
import { responsibilityFor, type ResponsibilityAnswer } from './search/responsibility';
import type { Responsibility, Topic, Unit } from './types';

export interface Handler {
  readonly unit: Unit;
  readonly responsibility: Responsibility;
  readonly topic: Topic;
  /** True when the unit handles a narrower topic than the one asked about. */
  readonly viaNarrower: boolean;
}

/** The handlers of an answer already worked out (whoHandles and handlers share one). */
export function handlersIn(answer: ResponsibilityAnswer): Handler[] {
  return answer.matches.map((m) => ({
    unit: m.unit,
    responsibility: m.responsibility,
    topic: m.topic,
    viaNarrower: m.viaNarrower,
  }));
}

/**
 * Units responsible for the topic `text` names, most specific first: direct links before links to
 * narrower topics, stated before name-derived, deeper units (further down the tree) before their
 * ancestors. Each unit appears once.
 */
export function whoHandles(graph: OrgGraph, text: string): Handler[] {
  return handlersIn(responsibilityFor(graph, text));
}
