/** Events in a period, where both the events' and the period's dates may be partial. */
import { eventSpan, inPeriod } from './event-span';
import type { OrgGraph } from './org-graph';
import type { PartialDate } from './partial-date';
import type { OrgEvent } from './types';

/**
 * Events that fall in [from, to], in chronological order. A partial bound covers its whole period
 * ("to: 2010" includes December 2010), and an event dated "2010" falls inside "from: 2010-08"
 * because it may have happened then: the data does not say it did not. An event dated only
 * "after X" is returned only for a period it is known to fall in (see event-span.ts).
 */
export function eventsBetween(
  graph: OrgGraph,
  from: PartialDate | undefined,
  to: PartialDate | undefined,
): OrgEvent[] {
  const asOf = graph.dataset.asOf;
  return graph.events().filter((e) => inPeriod(eventSpan(e, asOf), from, to));
}
