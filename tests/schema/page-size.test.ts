/** The bound on list arguments: 1 to 100, 20 by default, refused (not clamped) outside. */
import { describe, expect, it } from 'vitest';
import { boundedList, PAGE_SIZE, pageSize } from '../../src/graph/page';
import { pageComplexity } from '../../src/schema/page-cost';
import { run } from '../kit';

describe('page sizes', () => {
  it('defaults to 20 and accepts 1 to 100', () => {
    expect(pageSize(undefined)).toBe(PAGE_SIZE.default);
    expect(pageSize(null)).toBe(20);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
  });

  it.each([0, -1, 101, 2 ** 31 - 1, 1.5])('refuses %s with a clear error', (n) => {
    expect(() => pageSize(n, 'first')).toThrow(/Argument "first" must be between 1 and 100/);
  });

  it('bounds a list argument', () => {
    expect(boundedList([1, 2, 3], 'ids')).toEqual([1, 2, 3]);
    expect(() => boundedList(Array(101).fill(0), 'ids')).toThrow(/"ids" must be between/);
  });

  it('counts a page-sized list as many times as it asks for', () => {
    expect(pageComplexity('first')({ first: 50 })).toEqual({ field: 1, multiplier: 50 });
    expect(pageComplexity('first')({})).toEqual({ field: 1, multiplier: 20 });
  });

  it('applies to nodes(ids:)', async () => {
    const id = Buffer.from('Division:x').toString('base64');
    const { result } = await run('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: Array(101).fill(id),
    });
    expect(result.errors?.[0]?.message).toBe('Argument "ids" must be between 1 and 100, got 101.');
  });
});
