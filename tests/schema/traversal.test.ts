import { describe, expect, it } from 'vitest';
import { data, run } from '../kit';

describe('traversal through the schema', () => {
  it('walks the tree of the International Staff in one request', async () => {
    const d = await data<{
      unit: {
        childCount: number;
        descendantCount: number;
        descendants: {
          totalCount: number;
          nodes: { unit: { key: string }; depth: number; parentId: string }[];
        };
        ancestors: { key: string }[];
        id: string;
      };
    }>(`{ unit(name: "IS") { id childCount descendantCount ancestors { key }
          descendants { totalCount nodes { unit { key } depth parentId } } } }`);
    expect(d.unit.childCount).toBe(12);
    expect(d.unit.descendantCount).toBe(16);
    expect(d.unit.ancestors).toEqual([{ key: 'nato' }]);
    expect(d.unit.descendants.totalCount).toBe(16);
    const direct = d.unit.descendants.nodes.filter((x) => x.depth === 1);
    expect(direct).toHaveLength(12);
    expect(direct.every((x) => x.parentId === d.unit.id)).toBe(true);
  });

  it('accepts global IDs as path ends', async () => {
    const ids = await data<{ a: { id: string }; b: { id: string } }>(
      `{ a: unit(name: "OLA") { id } b: topic(name: "cyber defence") { id } }`,
    );
    const d = await data<{ path: { length: number; to: { type: string } } }>(
      `query($a: String!, $b: String!) { path(from: $a, to: $b) { length to { type } } }`,
      { a: ids.a.id, b: ids.b.id },
    );
    expect(d.path.to.type).toBe('TOPIC');
    expect(d.path.length).toBeGreaterThan(0);
  });

  it.each([
    [
      '{ neighbourhood(of: "ESC", depth: 11) { nodes { nodes { key } } } }',
      'depth: depth must be a whole number from 0 to 10',
    ],
    ['{ neighbourhood(of: "ESC", depth: -1) { nodes { nodes { key } } } }', 'from 0 to 10'],
    [
      '{ unit(name: "IS") { descendants(depth: 0) { totalCount } } }',
      'depth: depth must be a whole number, 1 or more (got 0).',
    ],
    [
      '{ path(from: "Ministry of Magic", to: "ESC") { length } }',
      'from: nothing in the graph is called "Ministry of Magic"',
    ],
    ['{ path(from: "ESC", to: "NOS", via: []) { length } }', 'via: give at least one EdgeKind'],
    ['{ events(affecting: "Ministry of Magic") { totalCount } }', 'affecting: no unit is called'],
    ['{ events(from: "2011", to: "2002") { totalCount } }', 'from (2011) is after to (2002)'],
  ])('%s is a clear error', async (query, message) => {
    const { result } = await run(query);
    expect(result.errors?.[0]?.message).toContain(message);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('filters events by kind and by the unit they affect, in date order', async () => {
    const d = await data<{
      events: { nodes: { key: string }[] };
      unit: { history: { nodes: { date: string }[] } };
    }>(
      `{ events(kinds: [SUMMIT, RESTRUCTURING], affecting: "NATO") { nodes { key } }
         unit(name: "IS") { history(from: "2002", to: "2011") { nodes { date } } } }`,
    );
    expect(d.events.nodes.map((e) => e.key)).toEqual(['prague-summit', 'lisbon-summit']);
    expect(d.unit.history.nodes.map((e) => e.date)).toEqual([
      '2002-11',
      '2007',
      '2010-08',
      '2010-11',
    ]);
  });
});
