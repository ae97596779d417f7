/**
 * The GraphiQL tabs that show the audited data (issue 16): staff rules with their sources, the
 * source page's update time, the Private Office without a head, the support the IS and EM give,
 * the 2010 Strategic Concept, and the events of 2010.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/server/examples';
import { data } from '../kit';

function example<T>(title: string): Promise<T> {
  const found = EXAMPLES.find((e) => e.title === title);
  if (!found) throw new Error(`no example "${title}"`);
  return data<T>(found.query);
}

interface Sourced {
  sources: { quote?: string; locator: string }[];
}

describe('the GraphiQL tabs of the audited data', () => {
  it('gives the staff rules, each with the sentence it rests on', async () => {
    const { internationalStaff: is } = await example<{
      internationalStaff: {
        staffRules: {
          eligibility: { nationality: string; mandatory: boolean } & Sourced;
          recruitment: ({ mode: string; by: string } & Sourced)[];
          appointments: { decidedBy: { title: string } } & Sourced;
          allegiance: { owedTo: { name: string }; duration: string } & Sourced;
          vacancies: { publishedOn: string } & Sourced;
        };
      };
    }>('Staff and recruitment rules of the International Staff');
    const r = is.staffRules;
    expect(r.eligibility).toMatchObject({
      nationality: 'a NATO member country',
      mandatory: true,
      sources: [
        {
          quote:
            "Les membres du Secrétariat international, qui doivent impérativement être ressortissants d'un pays membre",
          locator: 'F014',
        },
      ],
    });
    expect(r.recruitment.map((x) => [x.mode, x.by, x.sources[0]?.locator])).toEqual([
      ['DIRECT', 'the Organization', 'F015'],
      ['SECONDMENT', 'their governments', 'F016'],
    ]);
    expect(r.appointments.decidedBy.title).toBe('Secretary General');
    expect(r.appointments.sources[0]?.quote).toBe(
      'Le SI relève du secrétaire général, qui décide des nominations',
    );
    expect(r.allegiance).toMatchObject({
      owedTo: { name: 'North Atlantic Treaty Organization' },
      duration: 'throughout their appointment',
      sources: [{ locator: 'F019' }],
    });
    expect(r.vacancies).toMatchObject({
      publishedOn: 'the NATO website',
      sources: [
        {
          quote: "Les vacances de postes au sein du SI sont publiées sur le site web de l'OTAN",
          locator: 'F020',
        },
      ],
    });
  });

  it('gives the page’s update time, its time zone stated as unknown', async () => {
    expect(await example('When the source page was last updated')).toEqual({
      dataset: {
        asOf: '2011-11-02',
        citationPolicy: 'REQUIRED',
        primarySource: {
          key: 'nato-is-2011-fr',
          updated: {
            at: '2011-11-02T16:53',
            date: '2011-11-02',
            timeZone: null,
            timeZoneKnown: false,
            sources: [{ quote: 'Mis à jour le: 02-Nov-2011 16:53', locator: 'F119' }],
          },
        },
      },
    });
  });

  it('gives the Private Office no head, and its director as a member post', async () => {
    const { unit } = await example<{
      unit: {
        head: null;
        notes: string[];
        posts: { key: string; role: string; heads: unknown[] }[];
        units: { nodes: { name: string; head: { title: string } | null }[] };
      };
    }>('The Private Office has no stated head');
    expect(unit.head).toBeNull();
    expect(unit.notes[0]).toMatch(/^The source names no head of the Private Office/);
    expect(unit.posts).toEqual([
      {
        key: 'director-private-office',
        title: 'Director of the Private Office',
        role: 'MEMBER',
        heads: [],
      },
    ]);
    expect(unit.units.nodes.map((u) => [u.name, u.head?.title ?? null])).toEqual([
      ['Director of the Private Office and staff', null],
      ['Deputy Secretary General', 'Deputy Secretary General'],
      ['Office of Legal Affairs', null],
      ['Policy Planning Unit', null],
    ]);
  });

  it('gives the support the IS and EM give, as cited edges', async () => {
    const d = await example<{
      is: {
        supports: { unit: { name: string } | null; party: string | null; scope: string | null }[];
      };
      em: { supports: ({ party: string } & Sourced)[] };
      nac: { acronym: string; supportedBy: { giver: { name: string } }[] };
      neighbourhood: {
        nodes: { nodes: { label: string }[] };
        edges: { nodes: { kind: string; basis: string }[] };
      };
    }>('Whom the International Staff and the Executive Management Division support');
    expect(d.is.supports.map((s) => [s.unit?.name ?? null, s.party, s.scope])).toEqual([
      ['North Atlantic Council', null, null],
      [null, 'the delegations of member countries', 'at the level of the various committees'],
    ]);
    expect(d.em.supports.map((s) => [s.party, s.sources.map((c) => c.locator)])).toEqual([
      ['all elements working at NATO Headquarters', ['F072', 'F073']],
    ]);
    expect(d.nac).toEqual({
      acronym: 'CAN',
      supportedBy: [{ giver: { name: 'International Staff' } }],
    });
    expect(d.neighbourhood).toEqual({
      nodes: { nodes: [{ label: 'International Staff' }, { label: 'North Atlantic Council' }] },
      edges: { nodes: [{ kind: 'SUPPORTS', basis: 'STATED' }] },
    });
  });

  it('gives the Strategic Concept as a document the Lisbon Summit endorsed', async () => {
    const { document } = await example<{
      document: {
        title: string;
        date: string;
        commitments: ({ text: string } & Sourced)[];
        endorsedBy: { key: string }[];
        followedBy: { key: string; dateQualifier: string; dateInferred: boolean }[];
      } & Sourced;
    }>('The 2010 Strategic Concept');
    expect(document).toMatchObject({ title: '2010 Strategic Concept', date: '2010-11' });
    expect(document.commitments.map((c) => c.sources.map((s) => s.locator))).toEqual([['F117']]);
    expect(document.endorsedBy.map((e) => e.key)).toEqual(['lisbon-summit']);
    expect(document.followedBy).toEqual([
      { key: 'nato-reform-package', date: '2010-11', dateQualifier: 'AFTER', dateInferred: true },
      { key: 'is-review', date: '2010-11', dateQualifier: 'AFTER', dateInferred: true },
    ]);
    expect(document.sources.map((s) => s.locator)).toEqual(['F010', 'F118']);
  });

  it('keeps what is known only to be after November 2010 out of 2010', async () => {
    const d = await example<{
      in2010: { nodes: { key: string }[] };
      in2011: { nodes: { key: string; dateInferred: boolean; dateInference: Sourced }[] };
    }>('The events of 2010, and what is known only to be after November 2010');
    expect(d.in2010.nodes.map((e) => e.key)).toEqual(['esc-starts-work', 'lisbon-summit']);
    expect(d.in2011.nodes.map((e) => [e.key, e.dateInferred])).toEqual([
      ['nato-reform-package', true],
      ['is-review', true],
    ]);
    expect(d.in2011.nodes[1]?.dateInference.sources.map((s) => s.locator)).toEqual([
      'F115',
      'F118',
      'F009',
    ]);
  });
});
