import { describe, expect, it } from 'vitest';
import { data } from '../kit';

interface Cited {
  sources: { quote: string; document: { key: string } }[];
  corrections: { claimed: string; corrected: string }[];
}

describe('provenance on every node and edge', () => {
  it('gives every edge of a neighbourhood its basis, and sources unless derived', async () => {
    const d = await data<{
      neighbourhood: { edges: { nodes: (Cited & { kind: string; basis: string })[] } };
    }>(`{ neighbourhood(of: "ESC", depth: 2) {
          edges(first: 100) { nodes { kind basis sources { quote document { key } } corrections { claimed corrected } } } } }`);
    const edges = d.neighbourhood.edges.nodes;
    expect(edges.length).toBeGreaterThan(10);
    for (const e of edges) {
      if (e.basis === 'STATED')
        expect(e.sources.length, `${e.kind} has sources`).toBeGreaterThan(0);
    }
    expect(edges.some((e) => e.kind === 'REPORTS_TO' && e.basis === 'PART_OF')).toBe(true);
  });

  it('answers sources and corrections on units, posts, topics and events', async () => {
    const d = await data<{
      unit: Cited;
      posts: { nodes: Cited[] };
      topic: Cited;
      events: { nodes: Cited[] };
    }>(`{ unit(name: "ESC") { sources { quote document { key } } corrections { claimed corrected } }
          posts(first: 100) { nodes { sources { quote document { key } } corrections { claimed corrected } } }
          topic(name: "cyber defence") { sources { quote document { key } } corrections { claimed corrected } }
          events(from: "2002", to: "2002", kinds: [SUMMIT]) { nodes { sources { quote document { key } } corrections { claimed corrected } } } }`);
    expect(d.unit.sources.length).toBeGreaterThan(0);
    expect(d.posts.nodes.every((p) => p.sources.length > 0)).toBe(true);
    expect(d.topic.sources.map((s) => s.quote)).toContain('de la cyberdéfense');
    expect(d.events.nodes[0]?.corrections).toEqual([
      { claimed: 'novembre 2009', corrected: '2002-11-21' },
    ]);
  });

  it('dates posts and responsibilities from their unit, and says so', async () => {
    const d = await data<{
      unit: {
        head: { validity: { validFrom: string; basis: string } };
        responsibilityLinks: { validity: { validFrom: string; basis: string } }[];
      };
    }>(`{ unit(name: "ESC") { head { validity { validFrom basis } }
          responsibilityLinks { validity { validFrom basis } } } }`);
    expect(d.unit.head.validity).toEqual({ validFrom: '2010-08', basis: 'INHERITED' });
    expect(d.unit.responsibilityLinks[0]?.validity).toEqual({
      validFrom: '2010-08',
      basis: 'INHERITED',
    });
  });
});
