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
import { slug } from './names';
import type { DraftHolding, DraftPerson, Place, Texts } from './seed-draft';

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

/** The people a table's head cells name, each once, with where it was first named. */
export class HeadPeople {
  readonly records = new Map<string, DraftPerson>();
  readonly origins: ((field: string) => Place)[] = [];

  /** The people.yaml records, or nothing when no cell names anyone. */
  get list(): readonly DraftPerson[] | undefined {
    return this.records.size > 0 ? [...this.records.values()] : undefined;
  }
}

/**
 * A row's head cells (text by language) as its head post's title in each language and, from the
 * first language's cell, its holders; the people they name are added to `people`, and each
 * problem is reported at its cell.
 */
export function readHeadCells(
  head: Texts,
  base: string,
  placeOf: (lang: string) => Place,
  problems: { add(place: Place, message: string): void },
  people: HeadPeople,
): { title: Record<string, string>; holders: DraftHolding[] } {
  const title: Record<string, string> = {};
  const holders: DraftHolding[] = [];
  for (const [lang, text] of Object.entries(head)) {
    const cell = parseHeadCell(text);
    if ('problem' in cell) {
      problems.add(placeOf(lang), cell.problem);
      continue;
    }
    title[lang] = cell.title;
    if (lang !== base) continue;
    for (const { name, ...dates } of cell.holders) {
      const key = slug(name);
      if (key === '') {
        problems.add(placeOf(lang), `head "${text}": person "${name}": expected letters or digits`);
        continue;
      }
      if (!people.records.has(key)) {
        people.records.set(key, { key, name: { [base]: name } });
        const place = placeOf(lang);
        people.origins.push(() => place);
      }
      holders.push({ person: key, ...dates });
    }
  }
  return { title, holders };
}
