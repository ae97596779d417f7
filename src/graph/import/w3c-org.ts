/**
 * W3C ORG in JSON-LD, as `/export/org.jsonld` writes it, back to a seed draft. Nodes are read by
 * their IRIs (`<base>unit/<key>`, `<base>post/<key>`…, the base taken from the dataset node) and
 * their properties by ORG, SKOS, DC and schema.org terms, written compact with the export's
 * prefixes or as full IRIs. Units are org:OrganizationalUnit / org:FormalOrganization (kind from
 * org:classification), names every skos:prefLabel, aliases the skos:altLabels; posts are org:Post;
 * topics are the skos:Concepts units point at with org:purpose; events are the ORG change events
 * and schema.org events. Citations (PROV derivations) are not read back.
 */
import { JSONLD_CONTEXT, TIME_CONTEXT } from '../export/jsonld';
import type { SeedIssue } from '../seed-error';
import { eventKind } from '../seed-schema';
import { pointerPlace } from './json-issues';
import { typeNameOf } from './names';
import type {
  DraftEvent,
  DraftHolding,
  DraftKind,
  DraftPerson,
  DraftPost,
  DraftTopic,
  DraftUnit,
  Imported,
  Origins,
  Place,
} from './seed-draft';
import type { JsonImportOptions } from './popolo';

type Node = Record<string, unknown>;

/** `http://www.w3.org/ns/org#unitOf` → `org:unitOf`: full IRIs read like the export's terms. */
const PREFIXES = Object.entries({ ...JSONLD_CONTEXT, ...TIME_CONTEXT }).map(
  ([prefix, iri]) => [iri, prefix] as const,
);
const compactIri = (iri: string) => {
  for (const [full, prefix] of PREFIXES)
    if (iri.startsWith(full)) return `${prefix}:${iri.slice(full.length)}`;
  return iri;
};

function normalize(node: Node): Node {
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k.startsWith('@') ? k : compactIri(k), v]),
  );
}

const list = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
const ids = (value: unknown): string[] =>
  list(value).flatMap((v) =>
    typeof v === 'object' && v !== null && typeof (v as Node)['@id'] === 'string'
      ? [compactIri((v as Node)['@id'] as string)]
      : [],
  );
const literal = (value: unknown): { value: string; lang?: string } | undefined => {
  if (typeof value === 'string' || typeof value === 'number') return { value: String(value) };
  if (typeof value === 'object' && value !== null && '@value' in value) {
    const v = value as Node;
    return {
      value: String(v['@value']),
      ...(typeof v['@language'] === 'string' ? { lang: v['@language'] } : {}),
    };
  }
  return undefined;
};
const literals = (value: unknown) =>
  list(value).flatMap((v) => {
    const l = literal(v);
    return l ? [l] : [];
  });
const types = (node: Node) => list(node['@type']).map((t) => compactIri(String(t)));

export function importW3cOrg(
  file: string,
  value: unknown,
  options: JsonImportOptions,
): Imported | { issues: SeedIssue[] } {
  const issues: SeedIssue[] = [];
  const graph = typeof value === 'object' && value !== null ? (value as Node)['@graph'] : undefined;
  if (!Array.isArray(graph))
    return {
      issues: [
        {
          ...pointerPlace(file),
          message: 'expected a JSON-LD document with an @graph list of nodes (W3C ORG)',
        },
      ],
    };
  const nodes = graph.map((n, i) => ({
    node: typeof n === 'object' && n !== null ? normalize(n as Node) : {},
    i,
  }));
  const datasetNode = nodes.find(({ node }) =>
    /\/?dataset\/[^/]+$/.test(String(node['@id'] ?? '')),
  );
  const datasetId = String(datasetNode?.node['@id'] ?? '');
  const base = datasetId.replace(/dataset\/[^/]+$/, '');
  const keyOf = (iri: string, type: string): string | undefined =>
    iri.startsWith(`${base}${type}/`)
      ? decodeURIComponent(iri.slice(base.length + type.length + 1))
      : undefined;

  const title = literal(datasetNode?.node['dct:title']);
  const first = title?.lang ?? options.lang ?? 'en';
  const languages = [first];
  const texts = (value: unknown): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const l of literals(value)) {
      const lang = l.lang ?? first;
      if (!languages.includes(lang)) languages.push(lang);
      out[lang] ??= l.value;
    }
    return out;
  };
  const origins: Record<Exclude<keyof Origins, 'kinds'>, ((field: string) => Place)[]> = {
    units: [],
    posts: [],
    topics: [],
    events: [],
    people: [],
  };
  const at = (i: number, field: string) => pointerPlace(file, '@graph', i, field);

  const kinds = new Map<string, DraftKind>();
  const formalKinds = new Set<string>();
  const units: DraftUnit[] = [];
  const posts: DraftPost[] = [];
  const topics: DraftTopic[] = [];
  const events: DraftEvent[] = [];
  const people: DraftPerson[] = [];
  const holdings = new Map<string, DraftHolding[]>();
  const headOf = new Map<string, string>();
  for (const { node } of nodes)
    if (types(node).includes('org:Post') && ids(node['org:role']).includes('org:Head')) {
      const post = keyOf(String(node['@id']), 'post');
      const unit = ids(node['org:postIn']).map((u) => keyOf(u, 'unit'))[0];
      if (post && unit && !headOf.has(unit)) headOf.set(unit, post);
    }
  // Kinds the export describes (skos:Concept in its kinds scheme), read before the units using them.
  for (const { node } of nodes) {
    const kind = keyOf(String(node['@id'] ?? ''), 'class');
    if (!kind) continue;
    const notation = literal(node['skos:notation'])?.value;
    kinds.set(kind, {
      key: kind,
      typeName: notation ?? typeNameOf(kind),
      labels: texts(node['skos:prefLabel']),
      description: literal(node['skos:definition'])?.value ?? `A unit of kind "${kind}".`,
    });
  }

  for (const { node, i } of nodes) {
    const id = String(node['@id'] ?? '');
    const t = types(node);
    const place = (field: string) => at(i, field);
    if (t.includes('org:OrganizationalUnit') || t.includes('org:FormalOrganization')) {
      const key = keyOf(id, 'unit');
      const kind =
        ids(node['org:classification']).map((c) => keyOf(c, 'class'))[0] ??
        (t.includes('org:FormalOrganization') ? 'organization' : 'unit');
      if (!key) {
        issues.push({
          ...place('@id'),
          message: `"${id}" is not a unit IRI of this export: expected ${base}unit/KEY`,
        });
        continue;
      }
      if (t.includes('org:FormalOrganization')) formalKinds.add(kind);
      if (!kinds.has(kind))
        kinds.set(kind, {
          key: kind,
          typeName: typeNameOf(kind),
          labels: { [first]: kind.replace(/-/g, ' ') },
          description: `A unit of kind "${kind.replace(/-/g, ' ')}".`,
          ...(t.includes('org:FormalOrganization') ? { formalOrganization: true } : {}),
        });
      const name = texts(node['skos:prefLabel']);
      if (Object.keys(name).length === 0) Object.assign(name, texts(node['rdfs:label']));
      const aliases = literals(node['skos:altLabel']).map((l) => ({
        text: l.value,
        lang: l.lang ?? first,
        kind: 'informal',
      }));
      const description = texts(node['dct:description']);
      const parent = [...ids(node['org:unitOf']), ...ids(node['org:subOrganizationOf'])].map((u) =>
        keyOf(u, 'unit'),
      )[0];
      const reportsTo = ids(node['org:reportsTo']).map((u) => keyOf(u, 'unit'))[0];
      const memberOf = list(node['org:hasMembership'])
        .flatMap((m) => ids(normalize(m as Node)['org:organization']).map((u) => keyOf(u, 'unit')))
        .filter((k): k is string => !!k);
      const supports = ids(node['org:linkedTo'])
        .map((u) => keyOf(u, 'unit'))
        .filter((k): k is string => !!k);
      const responsibilities = ids(node['org:purpose'])
        .map((p) => keyOf(p, 'topic'))
        .filter((k): k is string => !!k);
      const acronym = literal(node['org:identifier'])?.value;
      const established = literal(node['schema:foundingDate'])?.value;
      const dissolved = literal(node['schema:dissolutionDate'])?.value;
      origins.units.push((field) => place(field));
      units.push({
        key,
        kind,
        name,
        ...(acronym ? { acronym: { en: acronym } } : {}),
        ...(aliases.length ? { aliases } : {}),
        ...(Object.keys(description).length ? { description } : {}),
        ...(headOf.has(key) ? { head: headOf.get(key) } : {}),
        ...(parent ? { parent } : {}),
        ...(reportsTo ? { reportsTo } : {}),
        ...(memberOf.length ? { memberOf } : {}),
        ...(supports.length ? { supports: supports.map((unit) => ({ unit })) } : {}),
        ...(established ? { established } : {}),
        ...(dissolved ? { dissolved } : {}),
        ...(responsibilities.length ? { responsibilities } : {}),
      });
    } else if (t.includes('org:Post')) {
      const key = keyOf(id, 'post');
      const unit = ids(node['org:postIn']).map((u) => keyOf(u, 'unit'))[0];
      if (!key || !unit) {
        issues.push({
          ...place(key ? 'org:postIn' : '@id'),
          message: 'expected a post IRI of this export in org:postIn a unit of it',
        });
        continue;
      }
      const role = ids(node['org:role']).map((r) =>
        r === 'org:Head' ? 'head' : keyOf(r, 'role'),
      )[0];
      const acronym = literal(node['skos:notation'])?.value;
      origins.posts.push((field) => place(field));
      posts.push({
        key,
        title: texts(node['skos:prefLabel']),
        ...(acronym ? { acronym } : {}),
        unit,
        role: role === 'head' || role === 'deputy' ? role : 'member',
      });
    } else if (t.includes('foaf:Person')) {
      const key = keyOf(id, 'person');
      if (!key) {
        issues.push({
          ...place('@id'),
          message: `"${id}" is not a person IRI of this export: expected ${base}person/KEY`,
        });
        continue;
      }
      const name = texts(node['foaf:name']);
      if (Object.keys(name).length === 0) Object.assign(name, texts(node['rdfs:label']));
      origins.people.push((field) => place(field));
      people.push({ key, name });
      // Each membership dates a holding of the post it points at; a post held with no
      // membership is held undated.
      const dated = new Set<string>();
      for (const m of list(node['org:hasMembership']).map((v) => normalize(v as Node))) {
        const post = ids(m['rdfs:seeAlso']).map((p) => keyOf(p, 'post'))[0];
        if (!post) continue;
        dated.add(post);
        const during = normalize((list(m['org:memberDuring'])[0] ?? {}) as Node);
        const instant = (end: string) => {
          const n = normalize((list(during[end])[0] ?? {}) as Node);
          return ['time:inXSDDate', 'time:inXSDgYearMonth', 'time:inXSDgYear']
            .map((p) => literal(n[p])?.value)
            .find((v) => v !== undefined);
        };
        const from = instant('time:hasBeginning');
        const until = instant('time:hasEnd');
        holdings.set(post, [
          ...(holdings.get(post) ?? []),
          { person: key, ...(from ? { from } : {}), ...(until ? { until } : {}) },
        ]);
      }
      for (const post of ids(node['org:holds']).map((p) => keyOf(p, 'post')))
        if (post && !dated.has(post))
          holdings.set(post, [...(holdings.get(post) ?? []), { person: key }]);
    } else if (t.includes('skos:Concept') && keyOf(id, 'topic')) {
      const variants: Record<string, string[]> = {};
      for (const l of literals(node['skos:altLabel']))
        (variants[l.lang ?? first] ??= []).push(l.value);
      const broader = ids(node['skos:broader'])
        .map((b) => keyOf(b, 'topic'))
        .filter((k): k is string => !!k);
      origins.topics.push((field) => place(field));
      topics.push({
        key: keyOf(id, 'topic')!,
        label: texts(node['skos:prefLabel']),
        ...(Object.keys(variants).length ? { variants } : {}),
        ...(broader.length ? { broader } : {}),
      });
    } else if (keyOf(id, 'event')) {
      const kind = ids(node['dct:type']).map((k) => keyOf(k, 'event-kind'))[0];
      if (!eventKind.safeParse(kind).success) {
        issues.push({
          ...place('dct:type'),
          message: `event kind "${kind}": expected one of ${eventKind.options.join(', ')}`,
        });
        continue;
      }
      const date = literal(node['dct:date'])?.value ?? '';
      const coverage = /^(early|late|after|before|about) /.exec(
        literal(node['schema:temporalCoverage'])?.value ?? '',
      );
      const endDate = literal(node['schema:endDate'])?.value;
      const place_ = texts(node['schema:location']);
      const description = texts(node['dct:description']);
      const affects = [
        ...new Set([
          ...ids(node['org:resultingOrganization']),
          ...ids(node['org:originalOrganization']),
          ...ids(node['schema:about']),
        ]),
      ]
        .map((u) => keyOf(u, 'unit'))
        .filter((k): k is string => !!k);
      const partOf = ids(node['schema:superEvent']).map((e) => keyOf(e, 'event'))[0];
      const causedBy = ids(node['prov:wasInformedBy'])
        .map((e) => keyOf(e, 'event'))
        .filter((k): k is string => !!k);
      origins.events.push((field) => place(field));
      events.push({
        key: keyOf(id, 'event')!,
        kind: kind!,
        date,
        ...(coverage ? { dateQualifier: coverage[1] } : {}),
        ...(endDate ? { endDate } : {}),
        title: texts(node['skos:prefLabel']),
        ...(Object.keys(description).length ? { description } : {}),
        ...(Object.keys(place_).length ? { place: place_ } : {}),
        ...(affects.length ? { affects } : {}),
        ...(partOf ? { partOf } : {}),
        ...(causedBy.length ? { causedBy } : {}),
      });
    }
  }
  // A kind is a whole organisation's when its units are typed so.
  for (const [key, kind] of kinds)
    if (formalKinds.has(key)) kinds.set(key, { ...kind, formalOrganization: true });
  if (units.length === 0 && issues.length === 0)
    issues.push({
      ...pointerPlace(file, '@graph'),
      message:
        'no org:OrganizationalUnit or org:FormalOrganization node: expected the units of an organisation',
    });
  if (issues.length > 0) return { issues };
  const root = units.find((u) => u.parent === undefined);
  const datasetKey = options.key ?? keyOf(datasetId, 'dataset') ?? root?.key ?? 'imported';
  const asOf = literal(datasetNode?.node['dct:temporal'])?.value ?? options.asOf;
  return {
    draft: {
      dataset: {
        key: datasetKey,
        title: title ? { [first]: title.value } : (root?.name ?? { [first]: datasetKey }),
        asOf,
        languages,
        kinds: [...kinds.values()],
      },
      sourceTitle: file.split(/[\\/]/).pop() ?? file,
      units,
      posts: posts.map((p) => (holdings.has(p.key) ? { ...p, holders: holdings.get(p.key) } : p)),
      topics,
      events,
      ...(people.length > 0 ? { people } : {}),
    },
    origins,
  };
}
