/**
 * A table's `head` cell: the title of the post heading the unit, and optionally who holds it.
 *
 *   Payroll Manager                                   the post only
 *   Payroll Manager: Jane Doe                         the post, held by Jane Doe (undated)
 *   Payroll Manager: Jane Doe (2020-01-01..)          held from 2020-01-01, still held
 *   Finance Director: Sam Holt (2016-04..2021); Priya Nair (2022-01-10..)
 *
 * The first `:` ends the title; after it, holders are separated by `;`, each with an optional
 * `(FROM..UNTIL)` of ISO dates, partial ones allowed (2016, 2016-04), either end left empty when
 * it is not known. The same name in two cells is the same person.
 */
import { endOf, parsePartialDate, startOf } from '../partial-date';

export interface HeadHolder {
  readonly name: string;
  readonly from?: string;
  readonly until?: string;
}

export interface HeadCell {
  readonly title: string;
  readonly holders: readonly HeadHolder[];
}

const DATED = /^(.*?)\s*\(([^()]*)\)$/;

/** The cell's post title and holders, or what is wrong with it. */
export function parseHeadCell(text: string): HeadCell | { problem: string } {
  const colon = text.indexOf(':');
  if (colon < 0) return { title: text.trim(), holders: [] };
  const title = text.slice(0, colon).trim();
  if (title === '')
    return { problem: `head "${text}": expected the post's title before ":" (Title: Person Name)` };
  const holders: HeadHolder[] = [];
  for (const part of text.slice(colon + 1).split(';')) {
    const given = part.trim();
    if (given === '') continue;
    const dated = DATED.exec(given);
    const name = (dated ? dated[1] : given)?.trim() ?? '';
    if (name === '' || /[()]/.test(name))
      return {
        problem: `head "${text}": "${given}" is not a person's name with optional dates: expected Name or Name (FROM..UNTIL)`,
      };
    if (!dated) {
      holders.push({ name });
      continue;
    }
    const period = dated[2] ?? '';
    const ends = period.split('..');
    if (ends.length !== 2)
      return {
        problem: `head "${text}": "(${period})" is not a period: expected (FROM..UNTIL), e.g. (2020-01-01..) or (2019-03..2021-12-31)`,
      };
    const [from = '', until = ''] = ends.map((e) => e.trim());
    const dates: { from?: string; until?: string } = {};
    for (const [end, value] of [
      ['from', from],
      ['until', until],
    ] as const) {
      if (value === '') continue;
      const date = parsePartialDate(value);
      if (typeof date === 'string') return { problem: `head "${text}": ${end} ${date}` };
      dates[end] = value;
    }
    if (dates.from && dates.until) {
      const [start, end] = [parsePartialDate(dates.from), parsePartialDate(dates.until)];
      if (typeof start !== 'string' && typeof end !== 'string' && endOf(end) < startOf(start))
        return {
          problem: `head "${text}": ${name} until ${dates.until} is before from ${dates.from}`,
        };
    }
    holders.push({ name, ...dates });
  }
  return { title, holders };
}
