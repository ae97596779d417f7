/**
 * What graphql-jit would generate for an operation (compiled-size.ts), and what the server decides
 * from it (execution.ts's compiler): a document whose code grows as the kinds to the power of its
 * nesting is interpreted, however often it runs, and compiled forms are kept within a bound.
 */
import { parse, type ExecutionArgs, type GraphQLInterfaceType } from 'graphql';
import type { compileQuery } from 'graphql-jit';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index';
import { compiledFields } from '../../src/server/compiled-size';
import { compiler } from '../../src/server/execution';

const kinds = schema.getPossibleTypes(schema.getType('OrgUnit') as GraphQLInterfaceType).length;
const fieldsOf = (query: string, limit = 1e9) =>
  compiledFields(schema, parse(query), undefined, limit);
const parents = (depth: number) => {
  let selection = 'key';
  for (let i = 0; i < depth; i++) selection = `parent { ${selection} }`;
  return `{ unit(name: "NOS") { ${selection} } }`;
};

describe('the fields graphql-jit would generate', () => {
  it('counts a unit’s selection once per kind, at every level', () => {
    expect(kinds).toBeGreaterThan(2);
    // Below one unit, `parent^n { key }` is the field and, per kind, its case and what it holds.
    const below = (n: number): number => (n === 0 ? 1 : 1 + kinds * (1 + below(n - 1)));
    for (const depth of [0, 1, 2, 3])
      expect(fieldsOf(parents(depth))).toBe(1 + kinds * (1 + below(depth)));
  });

  it('applies fragments by type condition, and merges fields by response key', () => {
    expect(fieldsOf('{ unit(name: "NOS") { ... on Division { key } } }')).toBe(1 + kinds + 1);
    expect(fieldsOf('{ unit(name: "NOS") { ...F } } fragment F on OrgUnit { key name }')).toBe(
      1 + kinds * 3,
    );
    expect(fieldsOf('{ a: unit(name: "NOS") { key } a: unit(name: "NOS") { name } }')).toBe(
      1 + kinds * 3,
    );
    expect(fieldsOf('{ __typename divisions { key } }')).toBe(3);
  });

  it('stops counting soon after the limit, however deep the document', () => {
    const counted = fieldsOf(parents(11), 1000);
    expect(counted).toBeGreaterThan(1000);
    expect(counted).toBeLessThan(1100);
  });
});

/** A compiler whose compilations are counted; a compiled operation answers its key. */
function countingCompiler() {
  const compiled: string[] = [];
  const compile = ((_, document) => {
    compiled.push(String(document.loc?.source.body));
    return { query: () => ({ data: {} }) };
  }) as typeof compileQuery;
  return { compiledFor: compiler(compile), compiled };
}

const argsOf = (query: string) => ({ schema, document: parse(query) }) as ExecutionArgs;

describe('which operations run compiled', () => {
  it('compiles a small operation on its second run and keeps it', () => {
    const { compiledFor, compiled } = countingCompiler();
    const args = argsOf('{ divisions { key name } }');
    expect(compiledFor(args)).toBeNull();
    const second = compiledFor(args);
    expect(second).not.toBeNull();
    expect(compiledFor(args)).toBe(second);
    expect(compiled).toHaveLength(1);
  });

  it('makes a larger one wait a run per hundred fields it would generate', () => {
    const { compiledFor, compiled } = countingCompiler();
    const args = argsOf(parents(2));
    const fields = fieldsOf(parents(2));
    expect(fields).toBeGreaterThan(300);
    const waits = Math.ceil(fields / 100);
    for (let run = 0; run < waits; run++) expect(compiledFor(args)).toBeNull();
    expect(compiledFor(args)).not.toBeNull();
    expect(compiled).toHaveLength(1);
  });

  it('never compiles an operation whose code would grow past the bound', () => {
    const { compiledFor, compiled } = countingCompiler();
    const args = argsOf(parents(4));
    // Past the bound: it would otherwise compile after a run per hundred fields.
    const fields = fieldsOf(parents(4));
    expect(fields).toBeGreaterThan(10_000);
    for (let run = 0; run < fields / 100 + 10; run++) expect(compiledFor(args)).toBeNull();
    expect(compiled).toHaveLength(0);
  });

  it('keeps compiled forms within a bound in fields, dropping the least recently run', () => {
    const { compiledFor } = countingCompiler();
    // Documents of about 1,200 fields each, told apart by an alias.
    const documents = Array.from({ length: 60 }, (_, i) =>
      argsOf(parents(2).replace('unit(', `u${i}: unit(`)),
    );
    const runUntilCompiled = (args: ExecutionArgs) => {
      for (let run = 0; run < 100; run++) if (compiledFor(args)) return;
      throw new Error('never compiled');
    };
    for (const args of documents) runUntilCompiled(args);
    // The last ones are still compiled; the first were dropped and are counted again.
    expect(compiledFor(documents[59] as ExecutionArgs)).not.toBeNull();
    expect(compiledFor(documents[0] as ExecutionArgs)).toBeNull();
  });
});
