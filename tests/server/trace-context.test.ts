/** W3C `traceparent`: what is accepted as the caller's span, and what starts a new trace. */
import { describe, expect, it } from 'vitest';
import {
  formatTraceparent,
  MAX_TRACESTATE_LENGTH,
  parseTraceparent,
  tracestateOf,
  untracedIds,
} from '../../src/server/trace-context';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const PARENT = 'b7ad6b7169203331';

describe('traceparent', () => {
  it.each([
    ['version 00, sampled', `00-${TRACE}-${PARENT}-01`, '01'],
    ['version 00, not sampled', `00-${TRACE}-${PARENT}-00`, '00'],
    ['surrounding spaces', `  00-${TRACE}-${PARENT}-01 `, '01'],
    ['a later version with more fields', `cc-${TRACE}-${PARENT}-01-what-comes-next`, '01'],
    ['a later version, exactly four fields', `01-${TRACE}-${PARENT}-09`, '09'],
  ])('accepts %s', (_, header, flags) => {
    expect(parseTraceparent(header)).toEqual({ traceId: TRACE, parentId: PARENT, flags });
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['garbage', 'hello'],
    ['version ff', `ff-${TRACE}-${PARENT}-01`],
    ['version 00 with more fields', `00-${TRACE}-${PARENT}-01-extra`],
    ['a later version run on', `cc-${TRACE}-${PARENT}-01extra`],
    ['upper-case hex', `00-${TRACE.toUpperCase()}-${PARENT}-01`],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${PARENT}-01`],
    ['an all-zero parent id', `00-${TRACE}-${'0'.repeat(16)}-01`],
    ['a short trace id', `00-${TRACE.slice(1)}-${PARENT}-01x`],
    ['non-hex flags', `00-${TRACE}-${PARENT}-zz`],
    ['wrong separators', `00_${TRACE}_${PARENT}_01`],
    ['non-hex version', `0g-${TRACE}-${PARENT}-01`],
  ])('starts a new trace for %s', (_, header) => {
    expect(parseTraceparent(header)).toBeUndefined();
  });

  it('keeps tracestate only with a valid parent and within its length', () => {
    const parent = parseTraceparent(`00-${TRACE}-${PARENT}-01`);
    expect(tracestateOf(parent, 'congo=t61rcWkgMzE')).toBe('congo=t61rcWkgMzE');
    expect(tracestateOf(undefined, 'congo=t61rcWkgMzE')).toBeUndefined();
    expect(tracestateOf(parent, `a=${'x'.repeat(MAX_TRACESTATE_LENGTH)}`)).toBeUndefined();
    expect(tracestateOf(parent, '  ')).toBeUndefined();
  });

  it("continues the caller's trace with a span of its own, or starts one unsampled", () => {
    const parent = parseTraceparent(`00-${TRACE}-${PARENT}-01`);
    const continued = untracedIds(parent);
    expect(continued.traceId).toBe(TRACE);
    expect(continued.flags).toBe('01');
    expect(continued.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(continued.spanId).not.toBe(PARENT);

    const fresh = new Set(Array.from({ length: 2000 }, () => untracedIds(undefined)));
    const traceIds = new Set([...fresh].map((ids) => ids.traceId));
    expect(traceIds.size).toBe(2000);
    for (const ids of fresh) {
      expect(ids.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(ids.flags).toBe('00');
      // What the server sends is itself a valid traceparent.
      expect(parseTraceparent(formatTraceparent(ids))).toEqual({
        traceId: ids.traceId,
        parentId: ids.spanId,
        flags: '00',
      });
    }
  });
});
