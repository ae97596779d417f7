import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/server/examples';
import { data } from '../kit';

function example<T>(title: string): Promise<T> {
  const found = EXAMPLES.find((e) => e.title === title);
  if (!found) throw new Error(`no example "${title}"`);
  return data<T>(found.query);
}

describe('the analysts’ GraphiQL examples', () => {
  it('the path from OLA to NOS goes up to the Secretary General and down again', async () => {
    const d = await example<{
      path: {
        length: number;
        steps: {
          node: { label: string };
          edge: { kind: string; basis: string } | null;
          direction: string | null;
        }[];
        commonSuperior: { unit: { name: string } };
      };
    }>('Path from the Office of Legal Affairs to the NATO Office of Security');
    expect(d.path.steps.map((s) => [s.node.label, s.direction, s.edge?.basis ?? null])).toEqual([
      ['Office of Legal Affairs', null, null],
      ['Private Office', 'FORWARD', 'PART_OF'],
      ['Secretary General', 'FORWARD', 'STATED'],
      ['International Staff', 'BACKWARD', 'STATED'],
      ['NATO Office of Security', 'BACKWARD', 'PART_OF'],
    ]);
    expect(d.path.commonSuperior.unit.name).toBe('Secretary General');
  });

  it('the structure as of 2009-06-01 has six divisions and says what it assumes', async () => {
    const d = await example<{
      at: {
        coverage: {
          notes: string[];
          absentUnits: { nodes: { name: string; established: string }[] };
        };
        divisions: { totalCount: number; nodes: { name: string }[] };
        internationalStaff: { childCount: number };
      };
    }>('The structure as of 2009-06-01');
    expect(d.at.divisions.nodes).toHaveLength(6);
    expect(d.at.divisions.totalCount).toBe(6);
    expect(d.at.divisions.nodes.map((x) => x.name)).not.toContain(
      'Emerging Security Challenges Division',
    );
    expect(d.at.coverage.absentUnits.nodes).toEqual([
      { name: 'Emerging Security Challenges Division', established: '2010-08' },
    ]);
    expect(d.at.coverage.notes.join(' ')).toContain('are assumed to have existed');
    expect(d.at.internationalStaff.childCount).toBe(11);
  });

  it('the changes between 2006 and 2011 are the NOR and the ESC division', async () => {
    const d = await example<{
      changes: {
        appeared: { nodes: { unit: { name: string }; validity: { validFrom: string } }[] };
        disappeared: { nodes: unknown[] };
        moved: { nodes: unknown[] };
        notes: string[];
      };
    }>('Changes between 2006 and 2011');
    expect(d.changes.appeared.nodes.map((c) => [c.unit.name, c.validity.validFrom])).toEqual([
      ['NATO Office of Resources', '2007'],
      ['Emerging Security Challenges Division', '2010-08'],
    ]);
    expect(d.changes.disappeared.nodes).toEqual([]);
    expect(d.changes.moved.nodes).toEqual([]);
    expect(d.changes.notes.join(' ')).toContain('Review of the International Staff');
  });

  it('the neighbourhood of ESC at depth 2 is drawable: every edge joins two listed nodes', async () => {
    const d = await example<{
      neighbourhood: {
        centre: { id: string; label: string };
        nodes: { totalCount: number; nodes: { id: string; label: string; distance: number }[] };
        edges: { totalCount: number; nodes: { source: string; target: string }[] };
      };
    }>('Neighbourhood of the Emerging Security Challenges Division');
    const n = {
      centre: d.neighbourhood.centre,
      nodes: d.neighbourhood.nodes.nodes,
      edges: d.neighbourhood.edges.nodes,
    };
    // One page holds them all.
    expect(d.neighbourhood.nodes.totalCount).toBe(n.nodes.length);
    expect(d.neighbourhood.edges.totalCount).toBe(n.edges.length);
    expect(n.centre.label).toBe('Emerging Security Challenges Division');
    expect(n.nodes[0]?.id).toBe(n.centre.id);
    const ids = new Set(n.nodes.map((x) => x.id));
    expect(n.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    const labels = n.nodes.map((x) => x.label);
    expect(labels).toEqual(
      expect.arrayContaining(['International Staff', 'cyber defence', 'Secretary General']),
    );
    expect(Math.max(...n.nodes.map((x) => x.distance))).toBe(2);
  });

  it('the Prague Summit keeps the source’s wrong date beside the corrected one', async () => {
    const d = await example<{
      events: {
        nodes: {
          key: string;
          date: string;
          sources: { quote: string }[];
          corrections: { claimed: string; corrected: string; sources: unknown[] }[];
        }[];
      };
    }>('Sources and correction of the Prague Summit');
    expect(d.events.nodes.map((e) => e.key)).toEqual(['prague-summit']);
    const [summit] = d.events.nodes;
    expect(summit?.date).toBe('2002-11-21');
    expect(summit?.sources.map((s) => s.quote)).toContain(
      'du sommet de Prague, tenu en novembre 2009',
    );
    expect(summit?.corrections).toHaveLength(1);
    expect(summit?.corrections[0]).toMatchObject({
      claimed: 'novembre 2009',
      corrected: '2002-11-21',
    });
    expect(summit?.corrections[0]?.sources.length).toBeGreaterThan(0);
  });
});
