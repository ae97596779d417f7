/** Word and header memos are bounded by the bytes they hold, whatever clients send. */
import { describe, expect, it } from 'vitest';
import { significantWords } from '../../src/graph/normalize';
import { MAX_MEMO_WORD, TextMemo, wordsBytes } from '../../src/graph/text-memo';

describe('TextMemo', () => {
  const memo = () =>
    new TextMemo<string[]>({ maxBytes: 10_000, sizeOf: wordsBytes, maxKeyLength: 64 });

  it('remembers what it was given', () => {
    const m = memo();
    m.set('otan', ['otan']);
    expect(m.get('otan')).toEqual(['otan']);
    expect(m.has('nato')).toBe(false);
  });

  it('never holds more than its budget, however many words arrive', () => {
    const m = memo();
    let most = 0;
    for (let i = 0; i < 10_000; i++) {
      m.set(`word${i}`, [`word${i}`]);
      expect(m.bytes).toBeLessThanOrEqual(10_000);
      most = Math.max(most, m.size);
    }
    expect(most).toBeGreaterThan(10);
    expect(m.get('word9999')).toEqual(['word9999']);
  });

  it('does not keep a key longer than its limit', () => {
    const m = memo();
    m.set('x'.repeat(65), ['x']);
    expect(m.size).toBe(0);
    expect(m.bytes).toBe(0);
  });

  it('folds long client words without keeping them', () => {
    const long = 'Ü'.repeat(MAX_MEMO_WORD * 100);
    expect(significantWords(`${long} Office`)).toEqual(['u'.repeat(MAX_MEMO_WORD * 100), 'office']);
  });
});
