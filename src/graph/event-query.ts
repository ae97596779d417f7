/** Events filtered by period, kind and the unit they touch, in chronological order. */
import { eventsBetween } from './events-between';
import type { OrgGraph } from './org-graph';
import { endOf, startOf, type PartialDate } from './partial-date';
import type { EventKind, OrgEvent } from './types';

export interface EventFilter {
  readonly from?: PartialDate | undefined;
  readonly to?: PartialDate | undefined;
  readonly kinds?: readonly EventKind[] | undefined;
  /** Unit keys: events affecting any of them. */
  readonly affecting?: readonly string[] | undefined;
}

/** Why a period is refused ("from" after "to"), or undefined. */
export function periodProblem(from?: PartialDate, to?: PartialDate): string | undefined {
  if (from && to && startOf(from) > endOf(to)) {
    return `from (${from.value}) is after to (${to.value})`;
  }
  return undefined;
}

export function queryEvents(graph: OrgGraph, filter: EventFilter): OrgEvent[] {
  const kinds = filter.kinds && new Set(filter.kinds);
  const affecting = filter.affecting && new Set(filter.affecting);
  return eventsBetween(graph, filter.from, filter.to).filter(
    (e) =>
      (!kinds || kinds.has(e.kind)) && (!affecting || e.affectsKeys.some((k) => affecting.has(k))),
  );
}
