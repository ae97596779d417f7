/**
 * Resolvers reach the graph through the request's DataLoaders: a deep query costs a bounded number
 * of batch calls per level, however many nodes each level has.
 */
import { describe, expect, it } from 'vitest';
import { totalBatches } from '../../src/schema/loaders';
import { run } from '../kit';

const DEEP = `{
  divisions {
    name
    head { title heads { name } }
    responsibilities {
      label
      handledBy {
        name
        reportingLine { name head { title } }
        units { name }
        events { title affected { name } }
      }
    }
  }
}`;

describe('loader batching', () => {
  it('bounds batch calls by the depth of the query, not the number of nodes', async () => {
    const { result, context } = await run(DEEP);
    expect(result.errors).toBeUndefined();
    const divisions = (result.data as { divisions: { responsibilities: unknown[] }[] }).divisions;
    const nodes = divisions.reduce((n, d) => n + 1 + d.responsibilities.length, 0);
    expect(nodes).toBeGreaterThan(40);
    // Nine levels of selection below the root; allow two batches per level.
    expect(totalBatches(context.stats)).toBeLessThanOrEqual(18);
    for (const [name, count] of context.stats.batches) {
      expect(count, name).toBeLessThanOrEqual(3);
    }
  });

  it('creates fresh loaders per request', async () => {
    const a = await run(DEEP);
    const b = await run(DEEP);
    expect(a.context.loaders).not.toBe(b.context.loaders);
    expect(totalBatches(b.context.stats)).toBe(totalBatches(a.context.stats));
  });
});
