/**
 * When an event can have happened, as far as its date tells, and whether it falls in a period.
 *
 * A plain partial date ("2010", "2010-08") says the event happened within that period, so a query
 * returns it for any period that overlaps it: it may have happened there, and the data does not
 * say it did not. A date qualified "after X" (or "before X") is only a bound: the event followed
 * something dated X, possibly within X itself, and like everything the data records it had begun
 * by the dataset's date. Overlap would put such an event in any period after X ("the events of
 * 2010" would return a review known only to have been launched after November 2010), so it is
 * returned only for a period it is known to fall in: one that holds all the time it can have
 * taken, or, for an event still ongoing at the dataset's date, one that holds that date.
 */
import { endOf, startOf, type PartialDate } from './partial-date';
import type { OrgEvent } from './types';

export interface EventSpan {
  /** The first day the event may have begun (undefined: the data gives no lower bound). */
  readonly earliest?: string | undefined;
  /** The last day the event may have lasted to (undefined: no upper bound). */
  readonly latest?: string | undefined;
  /**
   * True when the date is a bound ("after X", "before X"): the event lies somewhere in the span,
   * not throughout it, so a period must hold it to be known to hold the event.
   */
  readonly bound: boolean;
  /** A day the event is known to have been under way on: the dataset's date, when ongoing. */
  readonly knownOn?: string | undefined;
}

type DatedEvent = Pick<OrgEvent, 'date' | 'dateQualifier' | 'endDate' | 'status'>;

const later = (a: string, b: string) => (a > b ? a : b);

/** The span of an event in a dataset that describes things as of `asOf`. */
export function eventSpan(event: DatedEvent, asOf: PartialDate): EventSpan {
  const asOfDay = startOf(asOf);
  const ongoing = event.status === 'ongoing';
  const knownOn = ongoing ? asOfDay : undefined;
  const end = event.endDate && endOf(event.endDate);
  switch (event.dateQualifier) {
    case 'after':
      // It followed something dated X, possibly within X, and had begun by the dataset's date.
      return {
        earliest: startOf(event.date),
        latest: end ?? asOfDay,
        bound: true,
        knownOn,
      };
    case 'before':
      return { earliest: undefined, latest: end ?? endOf(event.date), bound: true, knownOn };
    default: {
      const latest = end ?? endOf(event.date);
      // An ongoing event is still under way on the dataset's date.
      return {
        earliest: startOf(event.date),
        latest: ongoing ? later(latest, asOfDay) : latest,
        bound: false,
        knownOn,
      };
    }
  }
}

/**
 * Whether an event falls in [from, to] (either bound open; partial bounds cover their whole
 * period): it overlaps the period when dated plainly, and is known to fall in it when its date is
 * only a bound.
 */
export function inPeriod(
  span: EventSpan,
  from: PartialDate | undefined,
  to: PartialDate | undefined,
): boolean {
  const first = from && startOf(from);
  const last = to && endOf(to);
  const holds = (day: string) => (!first || first <= day) && (!last || day <= last);
  if (!span.bound) {
    if (first && span.latest !== undefined && span.latest < first) return false;
    if (last && span.earliest !== undefined && span.earliest > last) return false;
    return true;
  }
  if (span.knownOn !== undefined && holds(span.knownOn)) return true;
  const fromHolds = !first || (span.earliest !== undefined && first <= span.earliest);
  const toHolds = !last || (span.latest !== undefined && span.latest <= last);
  return fromHolds && toHolds;
}
