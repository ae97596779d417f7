/** Events in a period, where both the events' and the period's dates may be partial. */
import type { OrgGraph } from './org-graph';
import { overlaps, type PartialDate } from './partial-date';
import type { OrgEvent } from './types';

/**
 * Events whose date overlaps [from, to], in chronological order. A partial bound covers its whole
 * period ("to: 2010" includes December 2010), and an event dated "2010" falls inside "from: 2010-08"
 * because it may have happened then: the data does not say it did not.
 */
export function eventsBetween(
  graph: OrgGraph,
  from: PartialDate | undefined,
  to: PartialDate | undefined,
): OrgEvent[] {
  return graph.events().filter((e) => overlaps(e.date, e.endDate ?? e.date, from, to));
}
