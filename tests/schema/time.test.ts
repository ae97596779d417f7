import { describe, expect, it } from 'vitest';
import { data, run } from '../kit';

describe('at(date:): every field as of a date', () => {
  it('answers the whole subtree from the same date, nested fields included', async () => {
    const d = await data<{
      at: {
        divisions: { key: string }[];
        internationalStaff: {
          childCount: number;
          units: { totalCount: number; nodes: { key: string }[] };
          descendantCount: number;
        };
        unit: null;
        coverage: { date: string; complete: boolean; absentUnits: { nodes: { key: string }[] } };
      };
    }>(`{ at(date: "2009-06-01") {
          divisions { key }
          internationalStaff { childCount descendantCount units { totalCount nodes { key } } }
          unit(name: "ESC") { key }
          coverage { date complete absentUnits { nodes { key } } } } }`);
    expect(d.at.divisions).toHaveLength(6);
    expect(d.at.internationalStaff.childCount).toBe(11);
    expect(d.at.internationalStaff.units.totalCount).toBe(11);
    expect(d.at.internationalStaff.units.nodes.map((u) => u.key)).not.toContain(
      'emerging-security-challenges',
    );
    expect(d.at.unit).toBeNull();
    expect(d.at.coverage).toEqual({
      date: '2009-06-01',
      complete: true,
      absentUnits: { nodes: [{ key: 'emerging-security-challenges' }] },
    });
  });

  it('keeps different dates apart in one request, and the undated fields at the dataset’s date', async () => {
    const d = await data<{
      a: { divisions: unknown[] };
      b: { divisions: unknown[]; inner: { divisions: unknown[] } };
      divisions: unknown[];
      coverage: { date: string };
    }>(`{ a: at(date: "2009") { divisions { key } }
          b: at(date: "2011") { divisions { key } inner: at(date: "2006") { divisions { key } } }
          divisions { key } coverage { date } }`);
    expect(d.a.divisions).toHaveLength(6);
    expect(d.b.divisions).toHaveLength(7);
    expect(d.b.inner.divisions).toHaveLength(6);
    expect(d.divisions).toHaveLength(7);
    expect(d.coverage.date).toBe('2011-11-02');
  });

  it('walks paths and neighbourhoods in the dated graph', async () => {
    const d = await data<{ at: { neighbourhood: { nodes: { nodes: { key: string }[] } } } }>(
      `{ at(date: "2008") { neighbourhood(of: "IS", depth: 1, via: [PART_OF], direction: IN) { nodes { nodes { key } } } } }`,
    );
    const keys = d.at.neighbourhood.nodes.nodes.map((n) => n.key);
    expect(keys).toContain('nato-office-of-resources');
    expect(keys).not.toContain('emerging-security-challenges');
    const { result } = await run(`{ at(date: "2009") { path(from: "ESC", to: "IS") { length } } }`);
    expect(result.errors?.[0]?.message).toContain('nothing in the graph is called "ESC"');
  });

  it('refuses a reversed period in changes', async () => {
    const { result } = await run(
      `{ changes(from: "2011", to: "2006") { events { nodes { key } } } }`,
    );
    expect(result.errors?.[0]?.message).toContain('from (2011) is after to (2006)');
  });
});
