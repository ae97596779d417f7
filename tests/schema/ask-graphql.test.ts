/**
 * Every answer of the question table carries a GraphQL document for the ordinary fields; run
 * in-process against today's schema, it returns the same units. Units are the `{ key name }`
 * objects of the result, leaving out the centre of a neighbourhood (`distance: 0`) and units a
 * document selects `independent: false` for (the API cannot filter on it).
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/graph/ask/ask';
import { TABLE } from '../graph/ask-table';
import { data, defaultGraph } from '../kit';

function unitsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const v of value) unitsIn(v, out);
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.distance === 0) return out;
    if (typeof o.key === 'string' && typeof o.name === 'string' && o.independent !== false) {
      out.push(o.key);
    }
    for (const v of Object.values(o)) unitsIn(v, out);
  }
  return out;
}

const ORDERED = new Set([
  'REPORTING_LINE',
  'PARTS',
  'LIST',
  'COUNT',
  'WHO_HANDLES',
  'STRUCTURE_AT',
]);

describe.each(['en', 'fr'] as const)('each answer’s GraphQL document (%s)', (lang) => {
  for (const row of TABLE[lang].filter((r) => r.intent !== 'UNKNOWN')) {
    it(row.q, async () => {
      const answer = ask(await defaultGraph(), row.q);
      if (!answer.graphql) {
        expect(answer.units).toEqual([]);
        return;
      }
      const result = await data(answer.graphql, { ...answer.variables });
      const found = [...new Set(unitsIn(result))];
      const expected = answer.units.map((u) => u.key);
      if (ORDERED.has(answer.intent)) expect(found).toEqual(expected);
      else expect([...found].sort()).toEqual([...expected].sort());
    });
  }
});
