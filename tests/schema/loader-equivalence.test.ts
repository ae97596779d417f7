/**
 * The loaders answer relations from a memo and a level at a time; whatever path they take, the
 * answer must be the one plain graph reads give, and a structure of levels the loaders produced
 * must be answered without waiting.
 */
import { execute, parse, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/schema/context';
import { schema } from '../../src/schema/index';
import { directLoaders, totalBatches } from '../../src/schema/loaders';
import { defaultGraph, run } from '../kit';

const UNIT = 'key name kind head { key title } responsibilities { key label }';

const QUERIES: Record<string, string> = {
  structure: `{ internationalStaff { ${UNIT} units { ${UNIT} units { ${UNIT} } } } }`,
  'two roots, aliased': `{ a: unit(name: "ESC") { key units { key parent { key } } }
    b: unit(name: "OLA") { key parent { key units { key head { title } } } } }`,
  'root lists': `{ divisions { key head { title heads { key memberOf { key } } } events { key affected { key } } }
    offices { key reportsTo { key } reportingSteps { basis unit { key head { key } } } } }`,
  'the same units at several levels': `{ internationalStaff { units { key parent { key units { key parent { key } } } } } }`,
  'topics and posts': `{ posts { key unit { key } heads { key units { key } } }
    topic(name: "cyber defence") { key broader { key narrower { key } } handledBy { key head { title } }
      responsibilities { basis unit { key } topic { key } } } }`,
  'one response name, two fields': `{ search(text: "secretary", first: 30) { edges { node { node {
    ... on Cabinet { key x: units { key head { key } } } ... on Post { key x: heads { key head { key } } }
    ... on Topic { key } ... on Event { key } } } } } }`,
  'dated views': `{ at(date: "1990-01-01") { internationalStaff { units { key head { title } units { key } } } }
    internationalStaff { units { key units { key } } } }`,
};

async function direct(query: string): Promise<ExecutionResult> {
  const graph = await defaultGraph();
  const contextValue: Context = {
    graph,
    loaders: directLoaders(graph),
    stats: { batches: new Map() },
    lang: 'en',
  };
  return execute({ schema, document: parse(query), contextValue });
}

describe('the loaders', () => {
  it.each(Object.entries(QUERIES))('answer %s as plain reads do', async (_, query) => {
    const { result } = await run(query);
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(result)).toBe(JSON.stringify(await direct(query)));
  });

  it('answer a structure they loaded level by level without waiting, in one batch a level', async () => {
    const graph = await defaultGraph();
    const { createContext } = await import('../../src/schema/context');
    const context = createContext(graph);
    const result = execute({
      schema,
      document: parse(QUERIES.structure!),
      contextValue: context,
    });
    expect(result).not.toBeInstanceOf(Promise);
    expect((result as ExecutionResult).errors).toBeUndefined();
    // head, responsibilities and units for each of the three levels, but no units below the last.
    expect(Object.fromEntries(context.stats.batches)).toEqual({
      post: 3,
      responsibilities: 3,
      subUnits: 2,
    });
    expect(totalBatches(context.stats)).toBe(8);
  });
});
