import { describe, expect, it } from 'vitest';
import {
  comparePartialDates,
  endOf,
  overlaps,
  parsePartialDate,
  startOf,
  type PartialDate,
} from '../../src/graph/partial-date';

const d = (text: string): PartialDate => {
  const parsed = parsePartialDate(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
};

describe('partial dates', () => {
  it.each([
    ['1951', 'year'],
    ['1951-09', 'month'],
    ['2010-08-02', 'day'],
    ['2012-02-29', 'day'],
  ])('accepts %s as a %s', (text, precision) => {
    expect(d(text)).toMatchObject({ value: text, precision });
  });

  it.each([
    ['2010-13', /impossible month/],
    ['2010-00', /impossible month/],
    ['2011-02-29', /impossible day/],
    ['2010-04-31', /impossible day/],
    ['10-08', /not a date/],
    ['August 2010', /not a date/],
    ['0000', /impossible year/],
  ])('refuses %s', (text, message) => {
    expect(parsePartialDate(text)).toMatch(message);
  });

  it('orders coarser dates before finer ones that start with them', () => {
    const dates = ['2010-11', '2007', '2010-08', '2010', '1951-09', '1951'].map(d);
    expect(dates.sort(comparePartialDates).map((x) => x.value)).toEqual([
      '1951',
      '1951-09',
      '2007',
      '2010',
      '2010-08',
      '2010-11',
    ]);
  });

  it('knows the period a partial date covers', () => {
    expect([startOf(d('2012-02')), endOf(d('2012-02'))]).toEqual(['2012-02-01', '2012-02-29']);
    expect([startOf(d('1951')), endOf(d('1951'))]).toEqual(['1951-01-01', '1951-12-31']);
  });

  it('overlaps a range when any day of its period is inside', () => {
    expect(overlaps(d('2010'), d('2010'), d('2010-08'), undefined)).toBe(true);
    expect(overlaps(d('2010-07'), d('2010-07'), d('2010-08'), undefined)).toBe(false);
    expect(overlaps(d('2010-11'), d('2010-11'), undefined, d('2010'))).toBe(true);
    expect(overlaps(d('2011'), d('2011'), undefined, d('2010-12-31'))).toBe(false);
  });
});
