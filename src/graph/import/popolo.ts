/**
 * Popolo JSON, as `/export/popolo.json` writes it, back to a seed draft: organizations are units
 * (`classification` their kind, `other_names` noted with a language code their names in it, the
 * others their aliases), posts are posts (a Head post heads its organization), `x_responsibilities`
 * are the topics units handle, events are events. What the export does not carry cannot come
 * back: citations, notes, topic variants and texts other than names in other languages.
 */
import { z } from 'zod';
import { aliasKind, eventKind } from '../seed-schema';
import type { SeedIssue } from '../seed-error';
import { zodIssues, pointerPlace } from './json-issues';
import { slug, typeNameOf, LANGUAGE_CODE } from './names';
import type {
  DraftKind,
  DraftPerson,
  DraftUnit,
  Imported,
  Origins,
  Place,
  Texts,
} from './seed-draft';

const id = z.string().min(1);
const maybe = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

const kindDeclaration = z.looseObject({
  key: id,
  typeName: id,
  labels: z.record(z.string(), z.string()),
  description: z.string(),
  formalOrganization: z.boolean().optional(),
  popoloClassification: z.string().optional(),
  typeDescription: z.string().optional(),
  rootField: z
    .object({ name: z.string(), many: z.boolean().optional(), description: z.string() })
    .optional(),
  facets: z.record(z.string(), z.string()).optional(),
});

const popolo = z.looseObject({
  meta: maybe(
    z.looseObject({
      dataset: maybe(z.string()),
      title: maybe(z.string()),
      dataset_as_of: maybe(z.string()),
      as_of: maybe(z.string()),
      /** The dataset's languages, the export's first, and its kinds (orggraph's extensions). */
      x_languages: maybe(z.array(z.string())),
      x_kinds: maybe(z.array(kindDeclaration)),
    }),
  ),
  organizations: z.array(
    z.looseObject({
      id,
      name: z.string().min(1),
      other_names: maybe(z.array(z.looseObject({ name: z.string(), note: maybe(z.string()) }))),
      identifiers: maybe(
        z.array(z.looseObject({ scheme: maybe(z.string()), identifier: z.string() })),
      ),
      classification: maybe(z.string()),
      parent_id: maybe(id),
      founding_date: maybe(z.string()),
      dissolution_date: maybe(z.string()),
      description: maybe(z.string()),
      x_reports_to: maybe(id),
      x_responsibilities: maybe(
        z.array(
          z.looseObject({ topic_id: id, label: maybe(z.string()), basis: maybe(z.string()) }),
        ),
      ),
      x_supports: maybe(
        z.array(
          z.looseObject({
            organization_id: maybe(id),
            name: maybe(z.string()),
            scope: maybe(z.string()),
          }),
        ),
      ),
    }),
  ),
  posts: maybe(
    z.array(
      z.looseObject({
        id,
        label: z.string().min(1),
        other_label: maybe(z.array(z.string())),
        role: maybe(z.string()),
        organization_id: id,
      }),
    ),
  ),
  persons: maybe(
    z.array(
      z.looseObject({
        id,
        name: z.string().min(1),
        other_names: maybe(z.array(z.looseObject({ name: z.string(), note: maybe(z.string()) }))),
      }),
    ),
  ),
  memberships: maybe(
    z.array(
      z.looseObject({
        id: maybe(z.string()),
        organization_id: maybe(id),
        person_id: maybe(id),
        post_id: maybe(id),
        start_date: maybe(z.string()),
        end_date: maybe(z.string()),
      }),
    ),
  ),
  events: maybe(
    z.array(
      z.looseObject({
        id,
        name: z.string().min(1),
        classification: maybe(z.string()),
        start_date: z.string(),
        end_date: maybe(z.string()),
        location: maybe(z.string()),
        status: maybe(z.enum(['completed', 'ongoing'])),
        parent_id: maybe(id),
        x_affects: maybe(z.array(id)),
        x_caused_by: maybe(z.array(id)),
      }),
    ),
  ),
});

const ROLES = { head: 'head', deputy: 'deputy', member: 'member' } as const;
const ALIAS_NOTE = /^(.+) \(([a-z]{2,3}(?:-[a-z0-9]+)*)\)$/;

export interface JsonImportOptions {
  /** The language of `name`, `label`, `description` (the export's `--lang`). */
  readonly lang?: string | undefined;
  readonly asOf: string;
  readonly key?: string | undefined;
}

export function importPopolo(
  file: string,
  value: unknown,
  options: JsonImportOptions,
): Imported | { issues: SeedIssue[] } {
  const parsed = popolo.safeParse(value);
  if (!parsed.success) return { issues: zodIssues(file, parsed.error) };
  const doc = parsed.data;
  const first = doc.meta?.x_languages?.[0] ?? options.lang ?? 'en';
  const languages = [first, ...(doc.meta?.x_languages ?? []).filter((l) => l !== first)];
  const addLanguage = (lang: string) => {
    if (!languages.includes(lang)) languages.push(lang);
  };
  const issues: SeedIssue[] = [];
  const at = (...path: PropertyKey[]): Place => pointerPlace(file, ...path);

  // Kinds: as the export declares them, else one per classification.
  const kinds = new Map<string, DraftKind>();
  const kindByClass = new Map<string, string>();
  for (const k of doc.meta?.x_kinds ?? []) {
    kinds.set(k.key, k);
    kindByClass.set(k.popoloClassification ?? k.key, k.key);
  }
  const kindOf = (classification: string | undefined, root: boolean): string => {
    const label = classification ?? (root ? 'organization' : 'unit');
    const known = kindByClass.get(label);
    if (known) return known;
    const key = slug(label) || 'unit';
    kindByClass.set(label, key);
    if (!kinds.has(key))
      kinds.set(key, {
        key,
        typeName: typeNameOf(key),
        labels: { [first]: label },
        description: `A unit of kind "${label}".`,
        ...(root ? { formalOrganization: true } : {}),
        ...(label !== key ? { popoloClassification: label } : {}),
      });
    return key;
  };

  const headOf = new Map<string, string>();
  for (const p of doc.posts ?? [])
    if (p.role?.toLowerCase() === 'head' && !headOf.has(p.organization_id))
      headOf.set(p.organization_id, p.id);
  const memberOf = new Map<string, string[]>();
  // A person's membership is their holding of a post (below); the others link two units.
  const holdings = new Map<string, { person: string; from?: string; until?: string }[]>();
  for (const [i, m] of (doc.memberships ?? []).entries()) {
    if (m.person_id) {
      if (!m.post_id) {
        issues.push({
          ...at('memberships', i, 'post_id'),
          message: `membership of person "${m.person_id}" names no post: expected post_id`,
        });
        continue;
      }
      const holding = {
        person: m.person_id,
        ...(m.start_date ? { from: m.start_date } : {}),
        ...(m.end_date ? { until: m.end_date } : {}),
      };
      holdings.set(m.post_id, [...(holdings.get(m.post_id) ?? []), holding]);
      continue;
    }
    const member = m.id?.split('-member-of-')[0];
    if (member && m.organization_id)
      memberOf.set(member, [...(memberOf.get(member) ?? []), m.organization_id]);
  }

  const topics = new Map<string, Record<string, string>>();
  const origins: Record<Exclude<keyof Origins, 'kinds'>, ((field: string) => Place)[]> = {
    units: [],
    posts: [],
    topics: [],
    events: [],
    people: [],
  };
  const units: DraftUnit[] = doc.organizations.map((o, i) => {
    const name: Record<string, string> = { [first]: o.name };
    const aliases: { text: string; lang: string; kind: string }[] = [];
    for (const other of o.other_names ?? []) {
      const note = other.note ?? '';
      const alias = ALIAS_NOTE.exec(note);
      if (LANGUAGE_CODE.test(note)) {
        name[note] = other.name;
        addLanguage(note);
      } else if (alias) {
        const kind = aliasKind.safeParse(alias[1]).success ? alias[1]! : 'informal';
        aliases.push({ text: other.name, lang: alias[2]!, kind });
        addLanguage(alias[2]!);
      } else aliases.push({ text: other.name, lang: first, kind: 'informal' });
    }
    const acronym = o.identifiers?.find((x) => x.scheme === 'acronym')?.identifier;
    const responsibilities = (o.x_responsibilities ?? []).map((r) => {
      if (!topics.has(r.topic_id)) {
        topics.set(r.topic_id, { [first]: r.label ?? r.topic_id });
        origins.topics.push((field) => at('organizations', i, 'x_responsibilities', field));
      }
      return r.topic_id;
    });
    origins.units.push((field) => at('organizations', i, field === 'parent' ? 'parent_id' : field));
    const unit: DraftUnit = {
      key: o.id,
      kind: kindOf(o.classification, !o.parent_id),
      name,
      ...(acronym ? { acronym: { en: acronym } } : {}),
      ...(aliases.length > 0 ? { aliases } : {}),
      ...(o.description ? { description: { [first]: o.description } } : {}),
      ...(headOf.has(o.id) ? { head: headOf.get(o.id) } : {}),
      ...(o.parent_id ? { parent: o.parent_id } : {}),
      ...(o.x_reports_to ? { reportsTo: o.x_reports_to } : {}),
      ...(memberOf.has(o.id) ? { memberOf: memberOf.get(o.id) } : {}),
      ...(o.founding_date ? { established: o.founding_date } : {}),
      ...(o.dissolution_date ? { dissolved: o.dissolution_date } : {}),
      ...(responsibilities.length > 0 ? { responsibilities } : {}),
      ...((o.x_supports ?? []).length > 0
        ? {
            supports: (o.x_supports ?? []).map((s) =>
              s.organization_id
                ? { unit: s.organization_id }
                : {
                    party: { [first]: s.name ?? '' },
                    ...(s.scope ? { scope: { [first]: s.scope } } : {}),
                  },
            ),
          }
        : {}),
    };
    return unit;
  });

  const posts = (doc.posts ?? []).map((p, i) => {
    // Titles in the other languages, in the order of x_languages, then the acronym.
    const labels = p.other_label ?? [];
    const others = languages.slice(1);
    const titles = Object.fromEntries(
      others.flatMap((l, j) => (labels[j] ? [[l, labels[j]]] : [])),
    );
    const acronym = labels[others.length];
    origins.posts.push((field) => at('posts', i, field));
    const role = ROLES[(p.role ?? 'member').toLowerCase() as keyof typeof ROLES];
    if (!role)
      issues.push({
        ...at('posts', i, 'role'),
        message: `role "${p.role}": expected Head, Deputy or Member`,
      });
    return {
      key: p.id,
      title: { [first]: p.label, ...titles } as Texts,
      ...(acronym ? { acronym } : {}),
      unit: p.organization_id,
      role: role ?? 'member',
      ...(holdings.has(p.id) ? { holders: holdings.get(p.id) } : {}),
    };
  });

  const people = (doc.persons ?? []).map((p, i): DraftPerson => {
    origins.people.push((field) => at('persons', i, field));
    const name: Record<string, string> = { [first]: p.name };
    for (const other of p.other_names ?? [])
      if (other.note && languages.includes(other.note)) name[other.note] = other.name;
    return { key: p.id, name };
  });

  const events = (doc.events ?? []).map((e, i) => {
    origins.events.push((field) => at('events', i, field));
    const kind = eventKind.safeParse(e.classification);
    if (!kind.success)
      issues.push({
        ...at('events', i, 'classification'),
        message: `classification "${e.classification}": expected one of ${eventKind.options.join(', ')}`,
      });
    return {
      key: e.id,
      kind: e.classification ?? 'creation',
      date: e.start_date,
      ...(e.end_date ? { endDate: e.end_date } : {}),
      ...(e.status ? { status: e.status } : {}),
      title: { [first]: e.name },
      ...(e.location ? { place: { [first]: e.location } } : {}),
      ...(e.x_affects?.length ? { affects: e.x_affects } : {}),
      ...(e.parent_id ? { partOf: e.parent_id } : {}),
      ...(e.x_caused_by?.length ? { causedBy: e.x_caused_by } : {}),
    };
  });

  if (issues.length > 0) return { issues };
  const root = units.find((u) => u.parent === undefined);
  const key = options.key ?? (doc.meta?.dataset ? slug(doc.meta.dataset) : root?.key) ?? 'imported';
  return {
    draft: {
      dataset: {
        key,
        title: { [first]: doc.meta?.title ?? root?.name[first] ?? key },
        asOf: doc.meta?.dataset_as_of ?? doc.meta?.as_of ?? options.asOf,
        languages,
        kinds: [...kinds.values()],
      },
      sourceTitle: file.split(/[\\/]/).pop() ?? file,
      units,
      posts,
      topics: [...topics].map(([key, label]) => ({ key, label })),
      events,
      ...(people.length > 0 ? { people } : {}),
    },
    origins,
  };
}
