/**
 * The graph in JSON-LD with the W3C Organization Ontology (ORG): NATO is an org:FormalOrganization,
 * the others org:OrganizationalUnit; org:unitOf into a formal organisation and org:subOrganizationOf
 * otherwise (unitOf's range is a FormalOrganization, which the IS is not); posts are org:Post with
 * org:postIn and org:role org:Head (no org:headOf or org:heldBy: the sources name no holders and
 * headOf's domain is a person); responsibilities are org:purpose pointing at SKOS concepts;
 * support given to another unit is org:linkedTo (ORG's link between organisations, meant to be
 * specialised for relations such as funding; support to a party that is no unit of the graph has
 * no node to point at, and is in the Popolo export); creations, starts and restructurings are
 * org:ChangeEvent. A document the graph describes (the 2010 Strategic Concept) is a
 * foaf:Document whose dct:dateAccepted is the date of the events that endorsed it (no ORG, PROV or
 * DC term names the endorsing event itself); an event that follows from its commitments
 * prov:wasInfluencedBy it. Every node cites its documents with dct:source and, quote by quote,
 * with PROV qualified derivations.
 *
 * A dataset that names people holding its posts (not the default one) adds them as foaf:Person
 * nodes: the post org:heldBy them and they org:holds it, and each holding is an org:Membership of
 * the post's unit, with the post's role, dated by org:memberDuring (an OWL-Time interval) and
 * pointing at its post with rdfs:seeAlso, as ORG has no property from a membership to a post.
 */
import type { OrgGraph } from '../org-graph';
import type { PartialDate } from '../partial-date';
import type { Citation, Lang, Localized, OrgEvent, Unit } from '../types';
import { coverageOf } from '../as-of';
import { holdersOf, holdingsOfPerson } from '../people';
import { kindDeclarations } from './kind-declarations';

export const JSONLD_CONTEXT = {
  org: 'http://www.w3.org/ns/org#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dct: 'http://purl.org/dc/terms/',
  prov: 'http://www.w3.org/ns/prov#',
  schema: 'http://schema.org/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/** OWL-Time, for the dates of holdings: in the context only of an export that has people. */
export const TIME_CONTEXT = { time: 'http://www.w3.org/2006/time#' } as const;

/** OWL-Time's property for an instant given as a year, a month or a day. */
const TIME_BY_PRECISION = {
  year: 'time:inXSDgYear',
  month: 'time:inXSDgYearMonth',
  day: 'time:inXSDDate',
} as const;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface JsonLdOptions {
  /** The language of `rdfs:label` and descriptions; names are given in both languages anyway. */
  readonly lang: Lang;
  /** Prefix of every node's IRI, e.g. "https://example.org/id/". */
  readonly base: string;
}

const XSD_BY_PRECISION = { year: 'xsd:gYear', month: 'xsd:gYearMonth', day: 'xsd:date' } as const;

const dateLiteral = (d: PartialDate): JsonObject => ({
  '@value': d.value,
  '@type': XSD_BY_PRECISION[d.precision],
});

const text = (value: string, lang: Lang): JsonObject => ({ '@value': value, '@language': lang });

/** Creations and starts produce a unit; a restructuring changes one: both are ORG change events. */
const CHANGE_KINDS: ReadonlySet<OrgEvent['kind']> = new Set(['creation', 'start', 'restructuring']);

export function toJsonLd(graph: OrgGraph, { lang, base }: JsonLdOptions): JsonObject {
  const iri = (type: string, key: string) => ({
    '@id': `${base}${type}/${encodeURIComponent(key)}`,
  });
  const documentIri = (key: string) => iri('document', key);
  const personIri = (key: string) => iri('person', key);
  /** A text in each of the dataset's languages (no fallback copies in the others). */
  const inLanguages = (t: Readonly<Record<Lang, string>>) =>
    graph.dataset.languages.map((l) => text(t[l], l));

  const provenance = (citations: readonly Citation[]): JsonObject => {
    const documents = [...new Set(citations.map((c) => c.document.key))];
    return {
      'dct:source': documents.map(documentIri),
      'prov:qualifiedDerivation': citations.map((c) => ({
        '@type': 'prov:Derivation',
        'prov:entity': documentIri(c.document.key),
        'prov:value': text(c.quote, c.lang),
        ...(c.locator ? { 'dct:identifier': c.locator } : {}),
      })),
    };
  };

  const unitNode = (u: Unit): JsonObject => {
    const parent = u.parent && graph.unit(u.parent.unitKey);
    const node: JsonObject = {
      ...iri('unit', u.key),
      '@type': graph.kind(u.kind).formalOrganization
        ? 'org:FormalOrganization'
        : 'org:OrganizationalUnit',
      'rdfs:label': text(u.name[lang], lang),
      'skos:prefLabel': inLanguages(u.name),
      'skos:altLabel': u.aliases.map((a) => text(a.text, a.lang)),
      'dct:description': text(u.description[lang], lang),
      'org:classification': iri('class', u.kind),
      'org:purpose': u.responsibilities.map((r) => iri('topic', r.topicKey)),
      'org:hasPost': graph.postsIn(u.key).map((p) => iri('post', p.key)),
      ...provenance(u.sources),
    };
    if (u.acronym) node['org:identifier'] = u.acronym.en;
    if (parent) {
      const link = graph.kind(parent.kind).formalOrganization
        ? 'org:unitOf'
        : 'org:subOrganizationOf';
      node[link] = iri('unit', parent.key);
    }
    if (u.reportsTo && graph.unit(u.reportsTo.unitKey)) {
      node['org:reportsTo'] = iri('unit', u.reportsTo.unitKey);
    }
    const supported = graph
      .supportsOf(u.key)
      .flatMap((sp) => (sp.supported.kind === 'unit' ? [iri('unit', sp.supported.unitKey)] : []));
    if (supported.length > 0) node['org:linkedTo'] = supported;
    if (u.established) node['schema:foundingDate'] = dateLiteral(u.established);
    if (u.dissolved) node['schema:dissolutionDate'] = dateLiteral(u.dissolved);
    const memberships = u.memberOf.filter((m) => graph.unit(m.unitKey));
    if (memberships.length > 0) {
      // The member would be a person holding the post; none is named, so the membership says whose.
      node['org:hasMembership'] = memberships.map((m) => ({
        '@type': 'org:Membership',
        'org:organization': iri('unit', m.unitKey),
        'org:role': iri('role', 'administrative-member'),
        ...(m.note ? { 'rdfs:comment': text(m.note, 'en') } : {}),
        ...provenance(m.sources),
      }));
    }
    return node;
  };

  const eventNode = (e: OrgEvent): JsonObject => {
    const affected = e.affectsKeys.filter((k) => graph.unit(k));
    const created = affected.filter((k) => graph.unit(k)?.established?.value === e.date.value);
    const node: JsonObject = {
      ...iri('event', e.key),
      '@type': CHANGE_KINDS.has(e.kind)
        ? ['org:ChangeEvent', 'prov:Activity']
        : ['schema:Event', 'prov:Activity'],
      'rdfs:label': text(e.title[lang], lang),
      'skos:prefLabel': inLanguages(e.title),
      'dct:date': dateLiteral(e.date),
      'dct:type': iri('event-kind', e.kind),
      'prov:wasInformedBy': e.causedByKeys
        .filter((k) => graph.event(k))
        .map((k) => iri('event', k)),
      'prov:wasInfluencedBy': e.followsFromKeys
        .filter((k) => graph.orgDocument(k))
        .map(documentIri),
      ...provenance(e.sources),
    };
    if (e.dateQualifier) node['schema:temporalCoverage'] = `${e.dateQualifier} ${e.date.value}`;
    if (e.endDate) node['schema:endDate'] = dateLiteral(e.endDate);
    if (e.place) node['schema:location'] = text(e.place[lang], lang);
    if (e.partOfKey && graph.event(e.partOfKey))
      node['schema:superEvent'] = iri('event', e.partOfKey);
    if (e.description) node['dct:description'] = text(e.description[lang], lang);
    if (CHANGE_KINDS.has(e.kind)) {
      const resulting = e.kind === 'restructuring' ? affected : created;
      const original =
        e.kind === 'restructuring' ? affected : affected.filter((k) => !created.includes(k));
      node['org:resultingOrganization'] = resulting.map((k) => iri('unit', k));
      node['org:originalOrganization'] = original.map((k) => iri('unit', k));
    } else {
      node['schema:about'] = affected.map((k) => iri('unit', k));
    }
    if (e.corrections.length > 0) {
      node['skos:editorialNote'] = e.corrections.map((c) =>
        text(
          `${c.field}: the source says "${c.claimed}"; corrected to ${c.corrected}. ${c.reason}`,
          'en',
        ),
      );
    }
    return node;
  };

  const scheme = iri('scheme', 'topics');
  const kindScheme = iri('scheme', 'kinds');
  const coverage = coverageOf(graph);
  const nodes: Json[] = [
    {
      ...iri('dataset', graph.dataset.key),
      '@type': 'prov:Entity',
      'dct:title': text(graph.dataset.title[lang], lang),
      'dct:temporal': dateLiteral(coverage.date),
      ...(graph.dataset.primarySource
        ? { 'dct:source': documentIri(graph.dataset.primarySource.key) }
        : {}),
      'skos:note': coverage.notes.map((n) => text(n[lang], lang)),
    },
    ...graph.units().map(unitNode),
    ...graph.posts().map((p): JsonObject => ({
      ...iri('post', p.key),
      '@type': 'org:Post',
      'rdfs:label': text(p.title[lang], lang),
      'skos:prefLabel': inLanguages(p.title),
      'org:postIn': iri('unit', p.unitKey),
      ...(p.role === 'head'
        ? { 'org:role': { '@id': 'org:Head' } }
        : { 'org:role': iri('role', p.role) }),
      ...(p.acronym ? { 'skos:notation': p.acronym } : {}),
      ...(holdersOf(p).length > 0
        ? { 'org:heldBy': [...new Set(holdersOf(p).map((h) => h.personKey))].map(personIri) }
        : {}),
      ...provenance(p.sources),
    })),
    ...graph.people().map((person): JsonObject => {
      const holdings = holdingsOfPerson(person);
      return {
        ...personIri(person.key),
        '@type': 'foaf:Person',
        'rdfs:label': text(person.name[lang], lang),
        'foaf:name': inLanguages(person.name),
        'org:holds': [...new Set(holdings.map((h) => h.postKey))].map((k) => iri('post', k)),
        'org:hasMembership': holdings.map((h): JsonObject => {
          const post = graph.post(h.postKey);
          const instant = (d: PartialDate): JsonObject => ({
            '@type': 'time:Instant',
            [TIME_BY_PRECISION[d.precision]]: dateLiteral(d),
          });
          return {
            '@type': 'org:Membership',
            'org:member': personIri(person.key),
            'org:organization': iri('unit', post?.unitKey ?? ''),
            'org:role':
              post?.role === 'head' ? { '@id': 'org:Head' } : iri('role', post?.role ?? 'member'),
            'rdfs:seeAlso': iri('post', h.postKey),
            ...(h.from || h.until
              ? {
                  'org:memberDuring': {
                    '@type': 'time:Interval',
                    ...(h.from ? { 'time:hasBeginning': instant(h.from) } : {}),
                    ...(h.until ? { 'time:hasEnd': instant(h.until) } : {}),
                  },
                }
              : {}),
            ...provenance(h.sources),
          };
        }),
        ...provenance(person.sources),
      };
    }),
    { ...scheme, '@type': 'skos:ConceptScheme', 'dct:title': text('Responsibilities', 'en') },
    // The kinds of unit that org:classification points at, as dataset.yaml declares them.
    { ...kindScheme, '@type': 'skos:ConceptScheme', 'dct:title': text('Unit kinds', 'en') },
    ...kindDeclarations(graph).map((k): JsonObject => ({
      ...iri('class', k.key),
      '@type': 'skos:Concept',
      'skos:inScheme': kindScheme,
      'skos:prefLabel': Object.entries(k.labels).map(([l, label]) => text(label, l as Lang)),
      'skos:notation': k.typeName,
      'skos:definition': text(k.description, 'en'),
    })),
    ...graph.topics().map((t): JsonObject => ({
      ...iri('topic', t.key),
      '@type': 'skos:Concept',
      'skos:inScheme': scheme,
      'skos:prefLabel': inLanguages(t.label),
      'skos:altLabel': [
        ...t.variants.en.map((v) => text(v, 'en')),
        ...t.variants.fr.map((v) => text(v, 'fr')),
      ],
      'skos:broader': t.broaderKeys.map((k) => iri('topic', k)),
    })),
    ...graph.events().map(eventNode),
    ...graph.orgDocuments().map((d): JsonObject => {
      const node: JsonObject = {
        ...documentIri(d.key),
        '@type': ['foaf:Document', 'prov:Entity'],
        'rdfs:label': text(d.title[lang], lang),
        'dct:title': inLanguages(d.title),
        'dct:dateAccepted': graph.endorsementsOf(d.key).map((e) => dateLiteral(e.date)),
        'skos:note': d.commitments.map((c) => text(c.text[lang], lang)),
        ...provenance(d.sources),
      };
      if (d.date) node['dct:date'] = dateLiteral(d.date);
      if (d.description) node['dct:description'] = text(d.description[lang], lang);
      return node;
    }),
    ...[...graph.documents].map((d): JsonObject => ({
      ...documentIri(d.key),
      '@type': 'foaf:Document',
      'dct:title': Object.entries(d.title)
        .filter((entry): entry is [Lang, string] => typeof entry[1] === 'string')
        .map(([l, t]) => text(t, l)),
      'dct:language': d.lang,
      ...(d.date ? { 'dct:date': dateLiteral(d.date) } : {}),
      ...(d.publisher ? { 'dct:publisher': d.publisher } : {}),
      ...(d.url ? { 'foaf:page': { '@id': d.url } } : {}),
    })),
  ];
  const context =
    graph.people().length > 0 ? { ...JSONLD_CONTEXT, ...TIME_CONTEXT } : JSONLD_CONTEXT;
  return { '@context': { ...context }, '@graph': nodes };
}
