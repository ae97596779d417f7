/** The default dataset holds what the source says, with provenance on everything. */
import { describe, expect, it } from 'vitest';
import { staffRuleList } from '../../src/graph/org-graph';
import { supportValidity } from '../../src/graph/validity';
import { defaultGraph } from '../kit';

describe('the default dataset', () => {
  it('describes the International Staff as of 2 November 2011', async () => {
    const g = await defaultGraph();
    expect(g.dataset.asOf.value).toBe('2011-11-02');
    expect(g.dataset.primarySource?.key).toBe('nato-is-2011-fr');
    expect(g.dataset.primarySource?.verifiedCopy).toBe(true);
  });

  it('keeps the source’s full update time, its time zone unknown, beside the dataset’s date', async () => {
    const g = await defaultGraph();
    const updated = g.documentUpdate(g.dataset.primarySource?.key ?? '');
    expect(updated?.localDateTime).toBe('2011-11-02T16:53');
    expect(updated?.date.value).toBe('2011-11-02');
    expect(updated?.timeZone).toBeUndefined();
    expect(updated?.sources.map((c) => [c.quote, c.locator])).toEqual([
      ['Mis à jour le: 02-Nov-2011 16:53', 'F119'],
    ]);
    expect(updated?.sources[0]?.document).toBe(g.dataset.primarySource);
    // No document holds its own citations: the data is a tree of objects, safe to serialise.
    expect(() => JSON.stringify([...g.citations()])).not.toThrow();
    expect(g.dataset.asOf.value).toBe('2011-11-02');
  });

  it('has the units the source names', async () => {
    const g = await defaultGraph();
    expect(g.units('division').map((u) => u.name.en)).toEqual([
      'Political Affairs and Security Policy Division',
      'Defence Policy and Planning Division',
      'Operations Division',
      'Defence Investment Division',
      'Public Diplomacy Division',
      'Executive Management Division',
      'Emerging Security Challenges Division',
    ]);
    expect(g.units('office').map((u) => u.name.en)).toEqual([
      'NATO Office of Security',
      'NATO Office of Resources',
      'Office of the Financial Controller',
      'International Board of Auditors for NATO',
    ]);
    expect(g.childrenOf('private-office').map((u) => u.key)).toEqual([
      'private-office-director-and-staff',
      'deputy-secretary-general',
      'office-of-legal-affairs',
      'policy-planning-unit',
    ]);
    expect(g.childrenOf('international-staff').map((u) => u.kind)).toEqual([
      'cabinet',
      ...Array(7).fill('division'),
      ...Array(4).fill('office'),
    ]);
    for (const key of ['nato', 'north-atlantic-council', 'secretary-general']) {
      expect(g.unit(key), key).toBeDefined();
    }
  });

  it('heads each division with an Assistant Secretary General, never the Deputy', async () => {
    const g = await defaultGraph();
    for (const division of g.units('division')) {
      const head = g.post(division.headKey ?? '');
      expect(head?.title.en, division.key).toBe('Assistant Secretary General');
      expect(head?.title.fr, division.key).toBe('secrétaire général adjoint');
    }
    expect(g.post(g.unit('deputy-secretary-general')?.headKey ?? '')?.title.fr).toBe(
      'secrétaire général délégué',
    );
  });

  it('gives the Private Office no head: its director is a member post (D05)', async () => {
    const g = await defaultGraph();
    expect(g.unit('private-office')?.headKey).toBeUndefined();
    expect(g.unit('private-office')?.notes[0]?.en).toMatch(/names no head of the Private Office/);
    expect(g.unit('private-office-director-and-staff')?.headKey).toBeUndefined();
    expect(g.postsIn('private-office')).toEqual([
      expect.objectContaining({ key: 'director-private-office', role: 'member' }),
    ]);
    expect(g.unitsHeadedBy('director-private-office')).toEqual([]);
    // Only the NATO Office of Security and the NATO Office of Resources have a Director at their head.
    const headedByDirector = g
      .units()
      .filter((u) => g.post(u.headKey ?? '')?.title.en.startsWith('Director'));
    expect(headedByDirector.map((u) => u.key)).toEqual([
      'nato-office-of-security',
      'nato-office-of-resources',
    ]);
  });

  it('cites the sentence each head rests on', async () => {
    const g = await defaultGraph();
    expect(g.dataset.citationPolicy).toBe('required');
    for (const u of g.units().filter((x) => x.headKey)) {
      expect(u.headSources.length, u.key).toBeGreaterThan(0);
    }
    expect(g.unit('international-staff')?.headSources[0]?.quote).toBe(
      'Le secrétaire général dirige le SI',
    );
  });

  it('holds the International Staff’s staff and recruitment rules as cited data', async () => {
    const g = await defaultGraph();
    const rules = g.unit('international-staff')?.staffRules;
    expect(rules?.eligibility).toMatchObject({
      nationality: { en: 'a NATO member country' },
      mandatory: true,
    });
    expect(rules?.recruitment.map((r) => [r.mode, r.by.en])).toEqual([
      ['direct', 'the Organization'],
      ['secondment', 'their governments'],
    ]);
    expect(g.post(rules?.appointments?.decidedByPostKey ?? '')?.title.en).toBe('Secretary General');
    expect(g.unit(rules?.allegiance?.owedToUnitKey ?? '')?.key).toBe('nato');
    expect(rules?.vacancies?.publishedOn.en).toBe('the NATO website');
    const locators = staffRuleList(rules).map((r) => r.sources.map((c) => c.locator).join());
    expect(locators).toEqual(['F014', 'F015', 'F016', 'F017, F018', 'F019', 'F020']);
    // The rules are data now, not a prose note.
    expect(g.unit('international-staff')?.notes.some((n) => /F014/.test(n.en))).toBe(false);
  });

  it('records the support the source states as cited relations, not only as topics', async () => {
    const g = await defaultGraph();
    const given = (key: string) =>
      g.supportsOf(key).map((sp) => ({
        to: sp.supported.kind === 'unit' ? sp.supported.unitKey : sp.supported.name.en,
        scope: sp.scope?.en,
        locators: sp.sources.map((c) => c.locator),
      }));
    expect(given('international-staff')).toEqual([
      { to: 'north-atlantic-council', scope: undefined, locators: ['F100, F101'] },
      {
        to: 'the delegations of member countries',
        scope: 'at the level of the various committees',
        locators: ['F007'],
      },
    ]);
    expect(given('executive-management')).toEqual([
      {
        to: 'all elements working at NATO Headquarters',
        scope: expect.stringMatching(/^notably through support services/),
        locators: ['F072', 'F073'],
      },
    ]);
    // Support holds while its ends do: the IS's from 1951, the Council being undated.
    expect(
      g.supportsOf('international-staff').map((sp) => supportValidity(g, sp).validFrom?.value),
    ).toEqual(['1951', '1951']);
    expect(g.supportersOf('north-atlantic-council').map((sp) => sp.unitKey)).toEqual([
      'international-staff',
    ]);
    expect(
      g
        .units()
        .filter((u) => u.supports.length > 0)
        .map((u) => u.key),
    ).toEqual(['international-staff', 'executive-management']);
  });

  it('holds the 2010 Strategic Concept as a document the Lisbon Summit endorsed', async () => {
    const g = await defaultGraph();
    const concept = g.orgDocument('strategic-concept-2010');
    expect(concept?.title).toEqual({
      en: '2010 Strategic Concept',
      fr: 'concept stratégique 2010',
    });
    expect(concept?.date?.value).toBe('2010-11');
    expect(concept?.commitments[0]?.text.en).toMatch(/^a process of continual reform/);
    expect(concept?.sources.map((c) => c.locator)).toEqual(['F010', 'F118']);
    expect(g.endorsementsOf('strategic-concept-2010').map((e) => e.key)).toEqual(['lisbon-summit']);
    expect(g.eventsFollowingFrom('strategic-concept-2010').map((e) => e.key)).toEqual([
      'nato-reform-package',
      'is-review',
    ]);
  });

  it('gives the North Atlantic Council its French acronym, citing where it comes from', async () => {
    const nac = (await defaultGraph()).unit('north-atlantic-council');
    expect(nac?.acronym).toEqual({ en: 'NAC', fr: 'CAN' });
    expect(nac?.sources.find((c) => c.quote.includes('(CAN)'))?.document.key).toBe(
      'parl-ca-natopa-2013-fr',
    );
  });

  it('links no ESC topic to "non-traditional risks", which the source does not do', async () => {
    const g = await defaultGraph();
    expect(g.narrowerOf('non-traditional-risks-and-challenges')).toEqual([]);
    expect(g.narrowerOf('weapons-of-mass-destruction').map((t) => t.key)).toEqual([
      'defence-against-wmd',
      'wmd-proliferation',
    ]);
  });

  it('keeps the International Staff’s figures and location', async () => {
    const is = (await defaultGraph()).unit('international-staff');
    expect(is?.headcount?.approx).toBe(1200);
    expect(is?.location?.name.en).toMatch(/Brussels/);
    expect((await defaultGraph()).unit('nato')?.headcount?.approx).toBe(5000);
    expect(is?.established?.value).toBe('1951');
  });

  it('cites a source for every unit, post, responsibility and event', async () => {
    const g = await defaultGraph();
    for (const u of g.units()) {
      expect(u.sources.length, u.key).toBeGreaterThan(0);
      for (const r of u.responsibilities)
        expect(r.sources.length, `${u.key}/${r.topicKey}`).toBeGreaterThan(0);
    }
    for (const p of g.posts()) expect(p.sources.length, p.key).toBeGreaterThan(0);
    for (const e of g.events()) expect(e.sources.length, e.key).toBeGreaterThan(0);
  });

  it('links every topic to a unit, except the umbrella terms above them', async () => {
    const g = await defaultGraph();
    const orphans = g
      .topics()
      .filter((t) => g.handlersOf(t.key).length === 0 && g.narrowerOf(t.key).length === 0);
    expect(orphans.map((t) => t.key)).toEqual([]);
  });

  it('keeps the source’s wrong date for the Prague summit beside the corrected one', async () => {
    const prague = (await defaultGraph()).event('prague-summit');
    expect(prague?.date.value.startsWith('2002-11')).toBe(true);
    const correction = prague?.corrections.find((c) => c.field === 'date');
    expect(correction?.claimed).toMatch(/2009/);
    expect(correction?.corrected).toMatch(/^2002-11/);
    expect(correction?.reason).toMatch(/2002/);
    expect(correction?.sources.length).toBeGreaterThan(0);
    expect(prague?.sources.some((s) => s.quote.includes('novembre 2009'))).toBe(true);
  });

  it('orders events by date, partial dates included', async () => {
    const keys = (await defaultGraph()).events().map((e) => e.key);
    expect(keys.indexOf('is-created')).toBeLessThan(keys.indexOf('ottawa-agreement-signed'));
    expect(keys.indexOf('prague-summit')).toBeLessThan(keys.indexOf('nor-created'));
    expect(keys.indexOf('nor-created')).toBeLessThan(keys.indexOf('esc-starts-work'));
    expect(keys.indexOf('esc-starts-work')).toBeLessThan(keys.indexOf('lisbon-summit'));
    expect(keys.indexOf('lisbon-summit')).toBeLessThan(keys.indexOf('is-review'));
  });

  it('has a stable version that changes with the data', async () => {
    const g = await defaultGraph();
    expect(g.meta.version).toMatch(/^[0-9a-f]{12}$/);
  });
});
