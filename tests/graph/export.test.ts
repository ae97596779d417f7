import { spawnSync } from 'node:child_process';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { graphAt } from '../../src/graph/as-of';
import { toDot, toMermaid } from '../../src/graph/export/chart';
import { exportGraph } from '../../src/graph/export/formats';
import { toJsonLd } from '../../src/graph/export/jsonld';
import { toPopolo } from '../../src/graph/export/popolo';
import { parsePartialDate, type PartialDate } from '../../src/graph/partial-date';
import { defaultGraph } from '../kit';

const BASE = 'https://example.org/id/';
const ORG = 'http://www.w3.org/ns/org#';
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const PROV = 'http://www.w3.org/ns/prov#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const unit = (key: string) => `<${BASE}unit/${key}>`;

const date = (text: string): PartialDate => {
  const d = parsePartialDate(text);
  if (typeof d === 'string') throw new Error(d);
  return d;
};

async function nquads(asOf?: string): Promise<string> {
  const g = await defaultGraph();
  const doc = toJsonLd(asOf ? graphAt(g, date(asOf)) : g, { lang: 'en', base: BASE });
  // Expanding first proves the document is valid JSON-LD with no remote context to fetch.
  const expanded = await jsonld.expand(doc as jsonld.JsonLdDocument);
  expect(expanded.length).toBeGreaterThan(50);
  return (await jsonld.toRDF(doc as jsonld.JsonLdDocument, {
    format: 'application/n-quads',
  })) as string;
}

describe('JSON-LD with the W3C Organization Ontology', () => {
  it('holds the key triples of the organisation', async () => {
    const rdf = await nquads();
    const triples = [
      `${unit('nato')} <${RDF_TYPE}> <${ORG}FormalOrganization> .`,
      `${unit('emerging-security-challenges')} <${RDF_TYPE}> <${ORG}OrganizationalUnit> .`,
      `${unit('international-staff')} <${ORG}unitOf> ${unit('nato')} .`,
      `${unit('emerging-security-challenges')} <${ORG}subOrganizationOf> ${unit('international-staff')} .`,
      `${unit('office-of-legal-affairs')} <${ORG}subOrganizationOf> ${unit('private-office')} .`,
      `${unit('international-board-of-auditors')} <${ORG}reportsTo> ${unit('north-atlantic-council')} .`,
      `${unit('international-staff')} <${ORG}linkedTo> ${unit('north-atlantic-council')} .`,
      `<${BASE}event/is-review> <${PROV}wasInfluencedBy> <${BASE}document/strategic-concept-2010> .`,
      `<${BASE}document/strategic-concept-2010> <http://purl.org/dc/terms/dateAccepted> "2010-11"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> .`,
      `${unit('emerging-security-challenges')} <${ORG}purpose> <${BASE}topic/cyber-defence> .`,
      `${unit('emerging-security-challenges')} <${ORG}hasPost> <${BASE}post/asg-emerging-security-challenges> .`,
      `<${BASE}post/asg-emerging-security-challenges> <${ORG}postIn> ${unit('emerging-security-challenges')} .`,
      `<${BASE}post/asg-emerging-security-challenges> <${ORG}role> <${ORG}Head> .`,
      `<${BASE}topic/cyber-defence> <${RDF_TYPE}> <${SKOS}Concept> .`,
      `<${BASE}topic/cyber-defence> <${SKOS}prefLabel> "cyberdéfense"@fr .`,
      `<${BASE}event/esc-starts-work> <${RDF_TYPE}> <${ORG}ChangeEvent> .`,
      `<${BASE}event/esc-starts-work> <${ORG}resultingOrganization> ${unit('emerging-security-challenges')} .`,
      `<${BASE}event/esc-starts-work> <${ORG}originalOrganization> ${unit('international-staff')} .`,
      `<${BASE}event/prague-summit> <http://purl.org/dc/terms/date> "2002-11-21"^^<http://www.w3.org/2001/XMLSchema#date> .`,
      `${unit('emerging-security-challenges')} <http://purl.org/dc/terms/source> <${BASE}document/nato-is-2011-fr> .`,
    ];
    for (const t of triples) expect(rdf, t).toContain(t);
    expect(rdf).toContain(`<${PROV}qualifiedDerivation>`);
    expect(rdf).toContain('"Elle a commencé ses travaux début août 2010"@fr');
    // org:headOf's domain is a person, and the sources name none.
    expect(rdf).not.toContain(`<${ORG}headOf>`);
  });

  it('as of 2009 has no Emerging Security Challenges Division', async () => {
    const rdf = await nquads('2009-06-01');
    expect(rdf).not.toContain(unit('emerging-security-challenges'));
    expect(rdf).toContain(unit('nato-office-of-resources'));
  });
});

describe('Popolo', () => {
  it('lists organizations with parents, posts, memberships and events', async () => {
    const p = toPopolo(await defaultGraph(), 'fr');
    const esc = p.organizations.find((o) => o.id === 'emerging-security-challenges');
    expect(esc).toMatchObject({
      name: 'Division Défis de sécurité émergents',
      parent_id: 'international-staff',
      founding_date: '2010-08',
      classification: 'division',
    });
    expect(p.posts.find((x) => x.id === 'asg-emerging-security-challenges')).toMatchObject({
      role: 'Head',
      organization_id: 'emerging-security-challenges',
    });
    expect(p.memberships).toEqual([
      expect.objectContaining({ organization_id: 'international-staff', person_id: null }),
    ]);
    expect(p.events.find((e) => e.id === 'prague-summit')?.x_corrections[0]?.claimed).toBe(
      'novembre 2009',
    );
    const is = p.organizations.find((o) => o.id === 'international-staff');
    expect(is?.x_supports.map((x) => [x.organization_id, x.name, x.scope])).toEqual([
      ['north-atlantic-council', "Conseil de l'Atlantique Nord", null],
      [null, 'les délégations des pays membres', 'au niveau de différents comités'],
    ]);
    expect(is?.x_supports[1]?.sources[0]?.note).toContain('F007');
    expect(p.x_documents).toEqual([
      expect.objectContaining({
        id: 'strategic-concept-2010',
        title: 'concept stratégique 2010',
        date: '2010-11',
        endorsed_by: ['lisbon-summit'],
        followed_by: ['nato-reform-package', 'is-review'],
      }),
    ]);
    expect(p.events.find((e) => e.id === 'lisbon-summit')?.x_endorses).toEqual([
      'strategic-concept-2010',
    ]);
  });
});

describe('org charts', () => {
  it('in Mermaid, draws every unit and the part-of links', async () => {
    const g = await defaultGraph();
    const mmd = toMermaid(g, 'en');
    expect(mmd).toContain('flowchart TD');
    for (const u of g.units()) expect(mmd).toContain(u.name.en);
    expect(mmd).toContain('u_international_staff --> u_emerging_security_challenges');
    expect(mmd).toContain(
      'u_international_board_of_auditors -. reports to .-> u_north_atlantic_council',
    );
  });

  const hasDot = spawnSync('dot', ['-V']).status === 0;
  it.runIf(hasDot || process.env.CI)(
    'in DOT, renders with Graphviz naming every unit',
    async () => {
      const g = await defaultGraph();
      for (const lang of ['en', 'fr'] as const) {
        const rendered = spawnSync('dot', ['-Tsvg'], { input: toDot(g, lang), encoding: 'utf8' });
        expect(rendered.status, rendered.stderr).toBe(0);
        const svg = rendered.stdout
          .replace(/&#39;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&');
        expect(svg).toContain('<svg');
        for (const u of g.units()) expect(svg).toContain(`>${u.name[lang]}</text>`);
      }
    },
  );

  it('as of a date, leaves out units not yet established', async () => {
    const dot = exportGraph(await defaultGraph(), 'dot', {
      lang: 'en',
      asOf: date('2009-06-01'),
      base: BASE,
    });
    expect(dot).not.toContain('Emerging Security Challenges Division\\n');
    expect(dot).toContain('// Not yet established on 2009-06-01');
  });
});
