/** The server's memos of parsed documents and operation costs are bounded in bytes. */
import { parse, type ExecutionArgs } from 'graphql';
import { describe, expect, it } from 'vitest';
import { documentBytes, parseCaches } from '../../src/server/document-cache';
import { operationMemo } from '../../src/server/operation-memo';
import { schema } from '../../src/schema/index';

describe('the parse cache', () => {
  it('counts a document by its text and its tokens', () => {
    const small = '{ unit(name: "NOS") { key } }';
    const large = `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: unit(name: "NOS") { key }`).join(' ')} }`;
    expect(documentBytes(parse(large), large)).toBeGreaterThan(
      100 * documentBytes(parse(small), small),
    );
  });

  it('keeps documents within its byte budget, not a count', () => {
    const { documentCache } = parseCaches();
    const text = (i: number) =>
      `{ ${Array.from({ length: 400 }, (_, j) => `a${j}: unit(name: "U${i}") { key }`).join(' ')} }`;
    for (let i = 0; i < 200; i++) documentCache.set(text(i), parse(text(i)));
    expect(documentCache.size).toBeLessThan(200);
    expect(documentCache.calculatedSize).toBeLessThanOrEqual(32 * 2 ** 20);
    expect(documentCache.get(text(199))).toBeDefined();
  });
});

describe('operationMemo', () => {
  const args = (query: string, variables: Record<string, unknown> = {}): ExecutionArgs => ({
    schema,
    document: parse(query),
    variableValues: variables,
  });

  it('computes once per document, operation and variables', () => {
    let computed = 0;
    const memo = operationMemo(10_000, () => ++computed);
    const a = args('query($n: Int) { units(first: $n) { totalCount } }', { n: 1 });
    expect(memo(a)).toBe(1);
    expect(memo(a)).toBe(1);
    expect(memo({ ...a, variableValues: { n: 2 } })).toBe(2);
    expect(memo(args('{ __typename }'))).toBe(3);
  });

  it('holds at most its budget across every document', () => {
    let computed = 0;
    const memo = operationMemo(10_000, () => ++computed);
    const docs = Array.from({ length: 50 }, () =>
      args('query($s: String) { search(text: $s) { totalCount } }'),
    );
    for (const doc of docs)
      for (let i = 0; i < 100; i++) memo({ ...doc, variableValues: { s: `text ${i}` } });
    expect(computed).toBe(5000);
    // The oldest are gone: asked again, they are computed again.
    memo({ ...docs[0]!, variableValues: { s: 'text 0' } });
    expect(computed).toBe(5001);
  });
});
