/**
 * The pipeline's plugins on a tiny schema of this test's, to provoke what the org schema never
 * does: an operation outliving its deadline, a resolver failing unexpectedly.
 */
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../src/server/config';
import { GraphStore } from '../../src/server/graph-store';
import { createLogger, Metrics } from '../../src/server/observability';
import { yogaPlugins } from '../../src/server/pipeline';
import { securityOptions } from '../../src/server/security';
import { defaultGraph } from '../kit';

const schema = createSchema({
  typeDefs: 'type Query { slow: String, broken: String, fast: String }',
  resolvers: {
    Query: {
      slow: () => new Promise((resolve) => setTimeout(() => resolve('late'), 1000)),
      broken: () => {
        throw new Error('ENOENT: /work/secret/seed/units.yaml');
      },
      fast: () => 'ok',
    },
  },
});

/** Refusals, by limit, as the pipeline reports them to the metrics. */
class CountingMetrics extends Metrics {
  readonly limits: string[] = [];
  override refused(limit: Parameters<Metrics['refused']>[0]): void {
    this.limits.push(limit);
    super.refused(limit);
  }
}

async function yogaWith(overrides: Partial<Config>) {
  const config = defaultConfig(overrides);
  const store = new GraphStore(await defaultGraph());
  const metrics = new CountingMetrics(() => store.current);
  const yoga = createYoga({
    schema,
    logging: false,
    ...securityOptions(config),
    // The server's own plugins, in the pipeline's order, around a schema of this test's.
    plugins: yogaPlugins({ config, store, logger: createLogger('silent'), metrics }),
  });
  const refused = metrics.limits;
  const ask = async (query: string) => {
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, text: await response.text() };
  };
  return { ask, refused };
}

describe('the execution deadline', () => {
  it('stops an operation that outlives it, with a clear error', async () => {
    const { ask, refused } = await yogaWith({ executionTimeoutMs: 50 });
    const { status, text } = await ask('{ slow }');
    expect(status).toBe(503);
    expect(JSON.parse(text)).toMatchObject({
      errors: [{ message: 'The operation did not finish within 50 ms.' }],
    });
    expect(refused).toEqual(['deadline']);
  });

  it('stops a compiled operation too (from its second run on, operations are compiled)', async () => {
    const { ask, refused } = await yogaWith({ executionTimeoutMs: 50 });
    for (let run = 0; run < 3; run++) {
      const { status, text } = await ask('{ slow }');
      expect(status).toBe(503);
      expect(JSON.parse(text)).toMatchObject({
        errors: [{ message: 'The operation did not finish within 50 ms.' }],
      });
    }
    expect(refused).toEqual(['deadline', 'deadline', 'deadline']);
  });

  it('lets a quick operation through', async () => {
    const { ask, refused } = await yogaWith({ executionTimeoutMs: 50 });
    expect(JSON.parse((await ask('{ fast }')).text)).toEqual({ data: { fast: 'ok' } });
    expect(refused).toEqual([]);
  });
});

describe('unexpected errors', () => {
  it('are masked in production: no message, path or stack', async () => {
    const { text } = await (await yogaWith({ mode: 'production' })).ask('{ broken }');
    expect(JSON.parse(text)).toEqual({
      data: { broken: null },
      errors: [
        {
          message: 'Unexpected error.',
          locations: [{ line: 1, column: 3 }],
          path: ['broken'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
  });

  it('say what happened in development', async () => {
    const { text } = await (await yogaWith({ mode: 'development' })).ask('{ broken }');
    expect(text).toContain('ENOENT');
  });
});
