import { describe, expect, it } from 'vitest';
import { post, testYoga } from '../kit';

describe('analysts over HTTP', () => {
  it('answers at(date:) through yoga, nested fields included', async () => {
    const yoga = await testYoga();
    const { status, body } = await post<{
      at: {
        internationalStaff: { units: { nodes: { key: string }[] } };
        coverage: { date: string };
      };
      divisions: unknown[];
    }>(
      yoga,
      `{ at(date: "2009-06-01") { internationalStaff { units { nodes { key } } } coverage { date } } divisions { key } }`,
    );
    expect(status).toBe(200);
    expect(body.data?.at.coverage.date).toBe('2009-06-01');
    expect(body.data?.at.internationalStaff.units.nodes.map((u) => u.key)).not.toContain(
      'emerging-security-challenges',
    );
    expect(body.data?.divisions).toHaveLength(7);
  });

  it('gives a clear error, not a stack trace, for a depth past the bound', async () => {
    const yoga = await testYoga();
    const { status, body } = await post(
      yoga,
      `{ neighbourhood(of: "ESC", depth: 50) { nodes { nodes { key } } } }`,
    );
    expect(status).toBe(200);
    expect(body.errors?.[0]?.message).toBe(
      'depth: depth must be a whole number from 0 to 10 (got 50).',
    );
    expect(JSON.stringify(body)).not.toContain('    at ');
  });
});
