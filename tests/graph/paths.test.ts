import { describe, expect, it } from 'vitest';
import { graphIndex, type EdgeKind } from '../../src/graph/graph-index';
import { neighbourhood } from '../../src/graph/neighbourhood';
import { shortestPath } from '../../src/graph/path';
import { nodeNamed } from '../../src/graph/node-by-name';
import { itemsOf } from '../../src/graph/page';
import {
  ancestors,
  checkDepth,
  childCount,
  descendantCount,
  descendants,
  siblings,
  MAX_DEPTH,
} from '../../src/graph/unit-tree';
import { defaultGraph } from '../kit';

const node = async (text: string) => {
  const found = nodeNamed(await defaultGraph(), text);
  if (!found) throw new Error(`no node ${text}`);
  return found;
};

describe('resolving any node', () => {
  it.each([
    ['NATO Security Office', 'unit:nato-office-of-security'],
    ['cyberdéfense', 'topic:cyber-defence'],
    ['prague-summit', 'event:prague-summit'],
    ['asg-emerging-security-challenges', 'post:asg-emerging-security-challenges'],
    ['secretary-general', 'unit:secretary-general'],
    ['post:secretary-general', 'post:secretary-general'],
    ['topic:cyber defense', 'topic:cyber-defence'],
  ])('"%s" is %s', async (text, id) => {
    expect((await node(text)).id).toBe(id);
  });

  it.each(['Ministry of Magic', '', 'post:nobody', 'unit:'])('"%s" is nothing', async (text) => {
    expect(nodeNamed(await defaultGraph(), text)).toBeUndefined();
  });
});

describe('paths', () => {
  const walk = async (from: string, to: string, via?: EdgeKind[]) => {
    const path = shortestPath(
      await defaultGraph(),
      await node(from),
      await node(to),
      via && new Set(via),
    );
    return (
      path && {
        steps: path.steps.map((s) =>
          s.edge ? `${s.direction === 'forward' ? '→' : '←'} ${s.node.key}` : s.node.key,
        ),
        superior: path.commonSuperior?.unit.key,
      }
    );
  };

  it('goes from the Office of Legal Affairs up to the Secretary General and down to NOS', async () => {
    expect(await walk('Office of Legal Affairs', 'NOS', ['reports-to'])).toEqual({
      steps: [
        'office-of-legal-affairs',
        '→ private-office',
        '→ secretary-general',
        '← international-staff',
        '← nato-office-of-security',
      ],
      superior: 'secretary-general',
    });
  });

  it('takes the shorter part-of route when every kind of edge is allowed', async () => {
    const path = await walk('Office of Legal Affairs', 'NOS');
    expect(path?.steps).toEqual([
      'office-of-legal-affairs',
      '→ private-office',
      '→ international-staff',
      '← nato-office-of-security',
    ]);
    expect(path?.superior).toBe('secretary-general');
  });

  it('crosses kinds of node: from a topic to an event', async () => {
    const path = await walk('cyber defence', 'esc-starts-work');
    expect(path?.steps).toEqual([
      'cyber-defence',
      '← emerging-security-challenges',
      '← esc-starts-work',
    ]);
    expect(path?.superior).toBeUndefined();
  });

  it('is null when the chosen edges do not join the nodes', async () => {
    expect(await walk('cyber defence', 'NOS', ['part-of'])).toBeNull();
  });

  it('is a single step from a node to itself', async () => {
    expect((await walk('ESC', 'ESC'))?.steps).toEqual(['emerging-security-challenges']);
  });
});

describe('support as edges of its own', () => {
  it('joins the International Staff to the North Atlantic Council, citing the source', async () => {
    const g = await defaultGraph();
    const edges = [...graphIndex(g).edges()].filter((e) => e.kind === 'supports');
    expect(edges.map((e) => [e.source, e.target, e.basis])).toEqual([
      ['unit:international-staff', 'unit:north-atlantic-council', 'stated'],
    ]);
    expect(edges[0]?.sources.map((c) => c.locator)).toEqual(['F100, F101']);
  });

  it('is walked by paths: the Council is one step from the International Staff', async () => {
    const path = shortestPath(
      await defaultGraph(),
      await node('IS'),
      await node('NAC'),
      new Set<EdgeKind>(['supports']),
    );
    expect(path?.steps.map((s) => s.node.key)).toEqual([
      'international-staff',
      'north-atlantic-council',
    ]);
  });
});

describe('neighbourhoods', () => {
  it('holds the centre, the nodes within the distance and the edges among them', async () => {
    const g = await defaultGraph();
    const n = neighbourhood(g, await node('ESC'), 1, new Set(['part-of', 'handles']), 'both');
    expect(n.nodes[0]).toMatchObject({
      node: { key: 'emerging-security-challenges' },
      distance: 0,
    });
    expect(n.nodes.map((x) => x.node.key)).toContain('international-staff');
    expect(n.nodes.map((x) => x.node.key)).toContain('cyber-defence');
    expect(n.nodes.every((x) => x.distance <= 1)).toBe(true);
    const ids = new Set(n.nodes.map((x) => x.node.id));
    expect(n.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });

  it('follows only outgoing edges when asked', async () => {
    const g = await defaultGraph();
    const n = neighbourhood(g, await node('IS'), 1, new Set(['part-of']), 'out');
    expect(n.nodes.map((x) => x.node.key)).toEqual(['international-staff', 'nato']);
  });

  it('at depth 0 is the centre alone', async () => {
    const n = neighbourhood(await defaultGraph(), await node('ESC'), 0);
    expect(n.nodes).toHaveLength(1);
    expect(n.edges).toEqual([]);
  });
});

describe('the part-of tree', () => {
  it('gives ancestors top first', async () => {
    const g = await defaultGraph();
    expect(ancestors(g.unit('office-of-legal-affairs')!).map((u) => u.key)).toEqual([
      'nato',
      'international-staff',
      'private-office',
    ]);
  });

  it('flattens the subtree with depth and parent', async () => {
    const g = await defaultGraph();
    const below = itemsOf(descendants(g.unit('international-staff')!));
    expect(below).toHaveLength(16);
    expect(below.find((d) => d.unit.key === 'office-of-legal-affairs')).toMatchObject({
      depth: 2,
      parent: { key: 'private-office' },
    });
    expect(descendants(g.unit('international-staff')!, 1)).toHaveLength(12);
  });

  it('lists a subtree depth first: each unit followed by the units below it', async () => {
    const g = await defaultGraph();
    const below = itemsOf(descendants(g.unit('nato')!));
    expect(below).toHaveLength(g.units().length - 1);
    below.forEach((d, i) => {
      // What follows a unit up to the next unit of its depth or shallower is its subtree.
      let end = i + 1;
      while (end < below.length && below[end]!.depth > d.depth) end += 1;
      expect(below.slice(i + 1, end).length, d.unit.key).toBe(descendantCount(d.unit));
      if (i > 0) expect(d.depth).toBeLessThanOrEqual(below[i - 1]!.depth + 1);
      // The parent comes before its sub-units (the unit asked about is nobody's entry).
      const parentAt = below.findIndex((p) => p.unit.key === d.parent.key);
      if (d.parent.key === 'nato') {
        expect(parentAt).toBe(-1);
      } else {
        expect(parentAt).toBeGreaterThanOrEqual(0);
        expect(parentAt).toBeLessThan(i);
      }
    });
  });

  it('counts sub-units by kind without listing them', async () => {
    const g = await defaultGraph();
    const staff = g.unit('international-staff')!;
    const below = itemsOf(descendants(staff));
    for (const kind of new Set(g.units().map((u) => u.kind))) {
      expect(descendantCount(staff, [kind]), kind).toBe(
        below.filter((d) => d.unit.kind === kind).length,
      );
      expect(childCount(staff, [kind]), kind).toBe(
        g.childrenOf(staff.key).filter((u) => u.kind === kind).length,
      );
    }
    expect(descendantCount(staff, ['division', 'office'])).toBe(
      below.filter((d) => ['division', 'office'].includes(d.unit.kind)).length,
    );
    expect(descendantCount(staff)).toBe(16);
  });

  it('lists siblings without the unit itself', async () => {
    const g = await defaultGraph();
    const s = siblings(g.unit('emerging-security-challenges')!).map((u) => u.key);
    expect(s).toHaveLength(11);
    expect(s).not.toContain('emerging-security-challenges');
    expect(siblings(g.unit('nato')!)).toEqual([]);
  });

  it.each([-1, MAX_DEPTH + 1, 1.5])('refuses depth %s', (depth) => {
    expect(() => checkDepth(depth)).toThrow(`from 0 to ${MAX_DEPTH}`);
  });
});
