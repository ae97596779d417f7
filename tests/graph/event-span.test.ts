/**
 * Which periods an event falls in: a plain date overlaps the periods it may lie in; a date that is
 * only a bound ("after X") is returned only for a period it is known to fall in.
 */
import { describe, expect, it } from 'vitest';
import { eventSpan, inPeriod } from '../../src/graph/event-span';
import { eventsBetween } from '../../src/graph/events-between';
import { parsePartialDate, type PartialDate } from '../../src/graph/partial-date';
import type { OrgEvent } from '../../src/graph/types';
import { defaultGraph } from '../kit';

const d = (text: string): PartialDate => {
  const parsed = parsePartialDate(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
};
const opt = (text: string | undefined) => (text === undefined ? undefined : d(text));

type Dated = Pick<OrgEvent, 'date' | 'dateQualifier' | 'endDate' | 'status'>;
const event = (
  date: string,
  more: { qualifier?: OrgEvent['dateQualifier']; end?: string; ongoing?: boolean } = {},
): Dated => ({
  date: d(date),
  dateQualifier: more.qualifier,
  endDate: opt(more.end),
  status: more.ongoing ? 'ongoing' : 'completed',
});

const AS_OF = d('2011-11-02');
const falls = (e: Dated, from?: string, to?: string) =>
  inPeriod(eventSpan(e, AS_OF), opt(from), opt(to));

describe('a plainly dated event', () => {
  it.each([
    ['2010-08', '2010', '2010', true],
    ['2010', '2010-08', undefined, true], // may have happened in or after August 2010
    ['2010-08', '2010-09', undefined, false],
    ['2010-08', undefined, '2010-07', false],
    ['2002-11-21', '2002-11-22', '2002-11-22', false],
  ] as const)('dated %s: in [%s, %s] is %s', (date, from, to, expected) => {
    expect(falls(event(date), from, to)).toBe(expected);
  });

  it('spans its end date', () => {
    const summit = event('2002-11-21', { end: '2002-11-22' });
    expect(falls(summit, '2002-11-22', '2002-11-22')).toBe(true);
    expect(falls(summit, '2002-11-23')).toBe(false);
  });

  it('when ongoing, is still under way on the dataset’s date', () => {
    expect(falls(event('2009', { ongoing: true }), '2011', '2011')).toBe(true);
    expect(falls(event('2009'), '2011', '2011')).toBe(false);
  });
});

describe('an event dated only "after X"', () => {
  const review = event('2010-11', { qualifier: 'after', ongoing: true });
  const restructuring = event('2002-11', { qualifier: 'after' });

  it.each([
    // Not known to fall in 2010: it may have begun in 2011.
    [review, '2010', '2010', false],
    [review, '2010-11', '2010-12', false],
    // Known to be under way on the dataset's date.
    [review, '2011', '2011', true],
    [review, '2011-11-02', '2011-11-02', true],
    [review, '2010-11', undefined, true],
    [review, undefined, undefined, true],
    [review, '2010-12', undefined, true],
    [review, '2012', undefined, false],
    // Completed some time after November 2002 and by the dataset's date.
    [restructuring, '2002', '2002', false],
    [restructuring, '2003', '2011', false],
    [restructuring, '2002-11', '2011-11-02', true],
    [restructuring, '2002', undefined, true],
    [restructuring, undefined, '2011', true],
    [restructuring, undefined, '2010', false],
    [restructuring, '2002-12', undefined, false],
  ] as const)('%# in [%s, %s]', (e, from, to, expected) => {
    expect(falls(e, from, to)).toBe(expected);
  });

  it('with an end date, is known to fall only in a period that holds both bounds', () => {
    const e = event('2005', { qualifier: 'after', end: '2007' });
    expect(falls(e, '2005', '2007')).toBe(true);
    expect(falls(e, '2006', '2007')).toBe(false);
    expect(falls(e, '2005', '2006')).toBe(false);
  });
});

describe('an event dated only "before X"', () => {
  const e = event('1951', { qualifier: 'before' });
  it('falls only in a period open at its start that reaches X', () => {
    expect(falls(e, undefined, '1951')).toBe(true);
    expect(falls(e, '1900', '1951')).toBe(false);
    expect(falls(e, undefined, '1950')).toBe(false);
  });
});

describe('the events of a period in the default dataset', () => {
  const keys = async (from?: string, to?: string) =>
    eventsBetween(await defaultGraph(), opt(from), opt(to)).map((e) => e.key);

  it('for 2010: what happened in 2010, not what is known only to be after November 2010', async () => {
    expect(await keys('2010', '2010')).toEqual(['esc-starts-work', 'lisbon-summit']);
  });

  it('for 2011: the reform package and the review, under way on the page’s date', async () => {
    expect(await keys('2011', '2011')).toEqual(['nato-reform-package', 'is-review']);
  });

  it('marks every date it infers, with its reason', async () => {
    const g = await defaultGraph();
    const inferred = g.events().filter((e) => e.dateInference);
    expect(inferred.map((e) => e.key)).toEqual([
      'prague-restructuring',
      'nato-reform-package',
      'is-review',
    ]);
    for (const e of inferred) {
      expect(e.dateInference?.reason.en, e.key).toMatch(/gives no date/);
      expect(e.dateInference?.sources.length, e.key).toBeGreaterThan(0);
    }
    // A date qualified "after" is a bound no source states: it must say why.
    for (const e of g.events().filter((x) => x.dateQualifier === 'after')) {
      expect(e.dateInference, e.key).toBeDefined();
    }
  });
});
