/**
 * Every GraphQL example of the README is valid against the schema and runs on the default
 * dataset without an error, so the documentation cannot drift from the fields it shows. Examples
 * on the Larkspur example company are run on it, with their answers, by imported-company.test.ts.
 */
import { readFile } from 'node:fs/promises';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index';
import { run } from '../kit';

const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
const LARKSPUR_EXAMPLE = '# On the Larkspur example company';
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)]
  .map((m) => m[1] as string)
  .filter((query) => !query.startsWith(LARKSPUR_EXAMPLE));

describe('the README examples', () => {
  it('are there', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  it.each(
    examples.map((query, i) => [i + 1, query.split('\n').slice(0, 2).join(' ').trim(), query]),
  )('example %i (%s) is valid and runs without errors', async (_, __, query) => {
    expect(validate(schema, parse(query)).map((e) => e.message)).toEqual([]);
    const { result } = await run(query);
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
  });
});
