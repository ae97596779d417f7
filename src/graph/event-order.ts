/**
 * Chronological order of events whose dates are partial and qualified. "2010" comes before
 * "2010-08" (a period sorts at its first day, coarser first on a tie); "after 2002-11" comes after
 * everything dated within November 2002 (the summit it followed); "before X" comes before X.
 * On a full tie a larger event comes before the events that are part of it.
 */
import { comparePartialDates, endOf, startOf } from './partial-date';
import type { OrgEvent } from './types';

function anchor(e: OrgEvent): [day: string, rank: number] {
  if (e.dateQualifier === 'after') return [endOf(e.date), 1];
  if (e.dateQualifier === 'before') return [startOf(e.date), -1];
  return [startOf(e.date), 0];
}

export function compareEvents(a: OrgEvent, b: OrgEvent): number {
  const [dayA, rankA] = anchor(a);
  const [dayB, rankB] = anchor(b);
  return (
    dayA.localeCompare(dayB) ||
    rankA - rankB ||
    comparePartialDates(a.date, b.date) ||
    (a.partOfKey === b.key ? 1 : 0) - (b.partOfKey === a.key ? 1 : 0) ||
    a.key.localeCompare(b.key)
  );
}
