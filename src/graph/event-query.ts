/** Events filtered by period, kind and the unit they touch, in chronological order. */
import { eventsBetween } from './events-between';
import { InputError } from './input-error';
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

/** Refuses a period whose start is after its end. */
export function checkPeriod(from?: PartialDate, to?: PartialDate): void {
  if (from && to && startOf(from) > endOf(to)) {
    throw new InputError('from', `from: from (${from.value}) is after to (${to.value}).`);
  }
}

/** The events matching every part of the filter, in chronological order. */
export function queryEvents(graph: OrgGraph, filter: EventFilter): OrgEvent[] {
  checkPeriod(filter.from, filter.to);
  const kinds = filter.kinds && new Set(filter.kinds);
  const affecting = filter.affecting && new Set(filter.affecting);
  return eventsBetween(graph, filter.from, filter.to).filter(
    (e) =>
      (!kinds || kinds.has(e.kind)) && (!affecting || e.affectsKeys.some((k) => affecting.has(k))),
  );
}
