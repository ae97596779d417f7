import { describe, expect, it } from 'vitest';
import { coverageOf, graphAt } from '../../src/graph/as-of';
import { changesBetween } from '../../src/graph/changes';
import { parsePartialDate, type PartialDate } from '../../src/graph/partial-date';
import { postValidity, unitValidity } from '../../src/graph/validity';
import { defaultGraph } from '../kit';

const date = (text: string): PartialDate => {
  const d = parsePartialDate(text);
  if (typeof d === 'string') throw new Error(d);
  return d;
};

const divisionsAt = async (text: string) =>
  graphAt(await defaultGraph(), date(text))
    .units('division')
    .map((u) => u.key);

describe('validity read from the data', () => {
  it.each([
    ['international-staff', '1951'],
    ['emerging-security-challenges', '2010-08'],
    ['nato-office-of-resources', '2007'],
  ])('%s is valid from %s', async (key, from) => {
    const g = await defaultGraph();
    expect(unitValidity(g.unit(key)!)).toMatchObject({
      validFrom: { value: from },
      basis: 'recorded',
    });
  });

  it('is open, not invented, where the data gives no date', async () => {
    const g = await defaultGraph();
    expect(unitValidity(g.unit('operations')!)).toEqual({ basis: 'undated' });
  });

  it('passes a unit’s dates to its posts', async () => {
    const g = await defaultGraph();
    expect(postValidity(g.post('asg-emerging-security-challenges')!)).toMatchObject({
      validFrom: { value: '2010-08' },
      basis: 'inherited',
    });
  });
});

describe('the graph as of a date', () => {
  it.each([
    ['2011-11-02', 7],
    ['2010-08-15', 7],
    ['2010-07-31', 6],
    ['2009-06-01', 6],
    ['2003', 6],
    ['2002-06', 0],
  ])('on %s has %i divisions', async (text, n) => {
    expect(await divisionsAt(text)).toHaveLength(n);
  });

  it('has no NATO Office of Resources before 2007', async () => {
    const g = await defaultGraph();
    expect(graphAt(g, date('2006-12-31')).unit('nato-office-of-resources')).toBeUndefined();
    expect(graphAt(g, date('2007')).unit('nato-office-of-resources')).toBeDefined();
  });

  it('finds no unit by a name it did not have yet', async () => {
    const g = graphAt(await defaultGraph(), date('2009-06-01'));
    expect(g.unitNameEntries('ESC')).toEqual([]);
    expect(g.childrenOf('international-staff').map((u) => u.key)).not.toContain(
      'emerging-security-challenges',
    );
    expect(g.posts().map((p) => p.key)).not.toContain('asg-emerging-security-challenges');
  });

  it('says where the source does not describe the structure, instead of inventing it', async () => {
    const g = graphAt(await defaultGraph(), date('1960'));
    expect(g.units().map((u) => u.key)).toEqual(['nato', 'international-staff']);
    const c = coverageOf(g);
    expect(c.presence.get('nato')).toBe('implied');
    expect(c.presence.get('operations')).toBe('unknown');
    expect(c.notes.map((n) => n.en).join(' ')).toContain('does not describe the structure before');
  });

  it('after the dataset’s date, keeps its structure and says later changes are not recorded', async () => {
    const g = graphAt(await defaultGraph(), date('2020'));
    expect(g.units('division')).toHaveLength(7);
    expect(coverageOf(g).notes[0]?.en).toContain('later changes are not recorded');
  });

  it('keeps only the events that had happened', async () => {
    const g = graphAt(await defaultGraph(), date('2002-11-25'));
    expect(g.events().map((e) => e.key)).toEqual([
      'is-created',
      'ottawa-agreement-signed',
      'prague-summit',
    ]);
  });

  it('lists an event dated only "after X" once it is known to have happened', async () => {
    const g = await defaultGraph();
    const events = (d: string) =>
      graphAt(g, date(d))
        .events()
        .map((e) => e.key);
    // Not known by mid-2011 to have begun (or, for the restructuring, happened) yet.
    expect(events('2011-06')).not.toContain('is-review');
    expect(events('2011-06')).not.toContain('nato-reform-package');
    expect(events('2008')).not.toContain('prague-restructuring');
    // Known by the dataset's date: the review and the package were under way then.
    expect(events('2011-11-02').slice(-4)).toEqual([
      'esc-starts-work',
      'lisbon-summit',
      'nato-reform-package',
      'is-review',
    ]);
    expect(events('2011-11-02')).toContain('prague-restructuring');
    // Undated units are still assumed from that restructuring on, as the coverage says.
    expect(coverageOf(graphAt(g, date('2008'))).describedSince?.key).toBe('prague-restructuring');
    expect(graphAt(g, date('2008')).units('division')).toHaveLength(6);
  });

  it('holds a document from the period it was endorsed in', async () => {
    const g = await defaultGraph();
    expect(graphAt(g, date('2010-10')).orgDocuments()).toEqual([]);
    expect(
      graphAt(g, date('2010-11'))
        .orgDocuments()
        .map((d) => d.key),
    ).toEqual(['strategic-concept-2010']);
  });

  it('builds each date once per loaded graph', async () => {
    const g = await defaultGraph();
    expect(graphAt(g, date('2009-06-01'))).toBe(graphAt(g, date('2009-06-01')));
  });
});

describe('changes between two dates', () => {
  it('between 2006 and 2011: NOR and ESC appeared, nothing else is claimed', async () => {
    const c = changesBetween(await defaultGraph(), date('2006'), date('2011'));
    expect(c.appeared.map((x) => x.unit.key)).toEqual([
      'nato-office-of-resources',
      'emerging-security-challenges',
    ]);
    expect(c.appeared[0]?.events.map((e) => e.key)).toEqual(['nor-created']);
    expect(c.disappeared).toEqual([]);
    expect(c.moved).toEqual([]);
    expect(c.events.map((e) => e.key)).toContain('esc-starts-work');
  });

  it('does not call undated units new when the earlier date is not described', async () => {
    const c = changesBetween(await defaultGraph(), date('1990'), date('2011'));
    expect(c.appeared.map((x) => x.unit.key)).toHaveLength(2);
    expect(c.notes[0]?.en).toContain('whether they changed in between is not known');
  });
});
