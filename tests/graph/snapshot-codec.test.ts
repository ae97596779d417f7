/**
 * The snapshot's encoding: what it writes reads back as the same objects, sharing what they
 * shared, with keys whose value is undefined kept, over as many lines as it is written in; what
 * it cannot keep is refused when written, and damage is refused when read.
 */
import { describe, expect, it } from 'vitest';
import { SnapshotDecoder, SnapshotEncoder, type Encoded } from '../../src/graph/snapshot-codec';

/** Encodes each value as its own line (through JSON, as the file does) and decodes them in turn. */
function roundTrip(values: unknown[]): unknown[] {
  const encoder = new SnapshotEncoder(values);
  const lines = values.map((value) => {
    const payload = encoder.encode(value);
    return JSON.stringify([encoder.takeNewShapes(), payload]);
  });
  const decoder = new SnapshotDecoder();
  return lines.map((line) => {
    const [shapes, payload] = JSON.parse(line) as [unknown, Encoded];
    decoder.addShapes(shapes);
    return decoder.decode(payload);
  });
}

describe('the snapshot encoding', () => {
  it('reads back the same data, sharing what was shared, across lines', () => {
    const document = { key: 'doc-one', title: { en: 'One' } };
    const sources = [{ document, quote: 'a quoted sentence', lang: 'en', locator: undefined }];
    const empty: never[] = [];
    const units = new Map([
      [
        'unit-number-one',
        { key: 'unit-number-one', year: 1951, open: true, sources, notes: empty },
      ],
      ['unit-number-two', { key: 'unit-number-two', year: -3, open: false, sources, notes: empty }],
    ]);
    const [documents, readUnits, dataset] = roundTrip([
      new Map([['doc-one', document]]),
      units,
      {
        primary: document,
        asOf: { value: '2011', precision: 'year', year: 2011, month: undefined },
      },
    ]) as [Map<string, typeof document>, typeof units, { primary: typeof document }];

    expect(readUnits).toStrictEqual(units);
    expect(dataset.primary).toBe(documents.get('doc-one'));
    const [one, two] = [...readUnits.values()];
    expect(one?.sources).toBe(two?.sources);
    expect(one?.notes).toBe(two?.notes);
    expect(one?.sources[0]?.document).toBe(documents.get('doc-one'));
    expect(Object.keys(one?.sources[0] ?? {})).toEqual(['document', 'quote', 'lang', 'locator']);
    // A long string met twice is one string, and written once.
    const list = ['a-long-key', 'a-long-key', 'short', 'short', 'a-long-one'];
    const text = JSON.stringify(new SnapshotEncoder([list]).encode(list));
    expect(text.match(/a-long-key/g)).toHaveLength(1);
    expect(text.match(/short/g)).toHaveLength(2);
    // Only what is met again is kept for reference: a value met once is written plainly.
    expect(text).toBe('[-1,[-4,"a-long-key"],0,"short","short","a-long-one"]');
  });

  it.each([
    ['a null', { a: null }, /no null/],
    ['a class instance', { when: new Date(0) }, /instance of Date/],
    ['a function', { f: () => 1 }, /function/],
    ['a number that JSON cannot hold', { n: Number.NaN }, /number NaN/],
    ['a key that is not a name', { 'not a name': 1 }, /key not a name/],
  ])('refuses to write %s', (_, value, message) => {
    expect(() => new SnapshotEncoder([value]).encode(value)).toThrow(message);
  });

  it('refuses data that refers to itself', () => {
    const loop: { self?: unknown } = {};
    loop.self = loop;
    expect(() => new SnapshotEncoder([loop]).encode(loop)).toThrow(/refers to itself/);
  });

  it.each([
    ['a reference to nothing yet read', [], 5, /reference is damaged/],
    ['an unknown shape', [], [3, 'x'], /unknown shape/],
    ['a shape that would set a prototype', [['__proto__']], [0, 1], /shape is damaged/],
    ['a shape key that is code', [['a}; process.exit(1); ({b']], [0, 1], /shape is damaged/],
  ])('refuses to read %s', (_, shapes, payload, message) => {
    const decoder = new SnapshotDecoder();
    expect(() => {
      decoder.addShapes(shapes);
      decoder.decode(payload as Encoded);
    }).toThrow(message);
  });
});
