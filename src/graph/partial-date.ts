/**
 * Partial ISO dates ("1951", "1951-09", "2010-08-02"): what the sources give is often only a year or
 * a month, and an answer must neither invent the missing part nor lose the order between them.
 */
export type DatePrecision = 'year' | 'month' | 'day';

export interface PartialDate {
  /** The text as written: "1951", "1951-09" or "1951-09-20". */
  readonly value: string;
  readonly precision: DatePrecision;
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a partial date, or returns a sentence saying what is wrong with it. */
export function parsePartialDate(text: string): PartialDate | string {
  const m = PATTERN.exec(text);
  if (!m) return `"${text}" is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD`;
  const year = Number(m[1]);
  if (year < 1) return `"${text}" has an impossible year`;
  if (m[2] === undefined) return { value: text, precision: 'year', year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `"${text}" has an impossible month ${m[2]}`;
  if (m[3] === undefined) return { value: text, precision: 'month', year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) {
    return `"${text}" has an impossible day: ${year}-${m[2]} has ${daysInMonth(year, month)} days`;
  }
  return { value: text, precision: 'day', year, month, day };
}

/** First day covered by the date, as "YYYY-MM-DD" (sortable as text). */
export function startOf(d: PartialDate): string {
  return `${pad(d.year, 4)}-${pad(d.month ?? 1, 2)}-${pad(d.day ?? 1, 2)}`;
}

/** Last day covered by the date, as "YYYY-MM-DD". */
export function endOf(d: PartialDate): string {
  const month = d.month ?? 12;
  const day = d.day ?? daysInMonth(d.year, month);
  return `${pad(d.year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const PRECISION_RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

/**
 * Chronological order for partial dates: by first day covered, and on a tie the coarser date first,
 * so "2010" < "2010-01" < "2010-08" < "2010-11".
 */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  const s = startOf(a).localeCompare(startOf(b));
  if (s !== 0) return s;
  return PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision];
}

/** True when the period from `start` to `end` shares at least one day with [from, to]. */
export function overlaps(
  start: PartialDate,
  end: PartialDate,
  from: PartialDate | undefined,
  to: PartialDate | undefined,
): boolean {
  if (from && endOf(end) < startOf(from)) return false;
  if (to && startOf(start) > endOf(to)) return false;
  return true;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
