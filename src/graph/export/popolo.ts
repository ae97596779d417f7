/**
 * The graph as Popolo JSON (organizations, posts, memberships, events). Popolo has no field for
 * responsibilities, reporting links or support, so they are extensions prefixed `x_`, as Popolo
 * asks.
 */
import { coverageOf } from '../as-of';
import type { OrgGraph } from '../org-graph';
import { holdersOf } from '../people';
import type { Citation, Lang } from '../types';
import { kindDeclarations } from './kind-declarations';

const sources = (citations: readonly Citation[]) =>
  citations.map((c) => ({
    url: c.document.url ?? null,
    note: [c.document.key, c.locator, c.quote].filter(Boolean).join(' · '),
  }));

export function toPopolo(graph: OrgGraph, lang: Lang) {
  const coverage = coverageOf(graph);
  // Names and titles in the dataset's other languages, each noted with its language.
  const others = graph.dataset.languages.filter((l) => l !== lang);
  return {
    meta: {
      dataset: graph.dataset.key,
      title: graph.dataset.title[lang],
      as_of: coverage.date.value,
      dataset_as_of: graph.dataset.asOf.value,
      coverage: coverage.notes.map((n) => n[lang]),
      // What dataset.yaml declares, so that `npm run import -- --from popolo` gives it back.
      x_languages: [lang, ...others],
      x_kinds: kindDeclarations(graph),
    },
    organizations: graph.units().map((u) => ({
      id: u.key,
      name: u.name[lang],
      other_names: [
        ...others.map((l) => ({ name: u.name[l], note: l })),
        ...u.aliases.map((a) => ({ name: a.text, note: `${a.kind} (${a.lang})` })),
      ],
      ...(u.acronym ? { identifiers: [{ scheme: 'acronym', identifier: u.acronym.en }] } : {}),
      classification: graph.kind(u.kind).popoloClassification,
      parent_id: u.parent && graph.unit(u.parent.unitKey) ? u.parent.unitKey : null,
      founding_date: u.established?.value ?? null,
      dissolution_date: u.dissolved?.value ?? null,
      description: u.description[lang],
      sources: sources(u.sources),
      x_reports_to: u.reportsTo && graph.unit(u.reportsTo.unitKey) ? u.reportsTo.unitKey : null,
      x_supports: graph.supportsOf(u.key).map((sp) => ({
        organization_id: sp.supported.kind === 'unit' ? sp.supported.unitKey : null,
        name:
          sp.supported.kind === 'unit'
            ? (graph.unit(sp.supported.unitKey)?.name[lang] ?? sp.supported.unitKey)
            : sp.supported.name[lang],
        scope: sp.scope?.[lang] ?? null,
        sources: sources(sp.sources),
      })),
      x_responsibilities: u.responsibilities.map((r) => {
        const topic = graph.topic(r.topicKey);
        return { topic_id: r.topicKey, label: topic?.label[lang] ?? r.topicKey, basis: r.basis };
      }),
    })),
    posts: graph.posts().map((p) => ({
      id: p.key,
      label: p.title[lang],
      other_label: [...others.map((l) => p.title[l]), ...(p.acronym ? [p.acronym] : [])],
      role: p.role === 'head' ? 'Head' : p.role === 'deputy' ? 'Deputy' : 'Member',
      organization_id: p.unitKey,
      sources: sources(p.sources),
    })),
    // Only a dataset that names people has persons (the default one names no holder).
    ...(graph.people().length > 0
      ? {
          persons: graph.people().map((p) => ({
            id: p.key,
            name: p.name[lang],
            other_names: others.map((l) => ({ name: p.name[l], note: l })),
            sources: sources(p.sources),
          })),
        }
      : {}),
    memberships: [
      ...graph.units().flatMap((u) =>
        u.memberOf
          .filter((m) => graph.unit(m.unitKey))
          .map((m) => ({
            id: `${u.key}-member-of-${m.unitKey}`,
            person_id: null,
            post_id: u.headKey ?? null,
            organization_id: m.unitKey,
            role: 'administrative member',
            sources: sources(m.sources),
          })),
      ),
      // A person holding a post: Popolo's own membership, dated by start_date and end_date.
      ...graph.posts().flatMap((p) =>
        holdersOf(p).map((h, i) => ({
          id: `${p.key}-held-by-${h.personKey}${i > 0 ? `-${i + 1}` : ''}`,
          person_id: h.personKey,
          post_id: p.key,
          organization_id: p.unitKey,
          role: p.title[lang],
          start_date: h.from?.value ?? null,
          end_date: h.until?.value ?? null,
          sources: sources(h.sources),
        })),
      ),
    ],
    events: graph.events().map((e) => ({
      id: e.key,
      name: e.title[lang],
      classification: e.kind,
      start_date: e.date.value,
      end_date: e.endDate?.value ?? null,
      ...(e.place ? { location: e.place[lang] } : {}),
      status: e.status,
      organization_id: e.affectsKeys.find((k) => graph.unit(k)) ?? null,
      parent_id: e.partOfKey && graph.event(e.partOfKey) ? e.partOfKey : null,
      x_affects: e.affectsKeys.filter((k) => graph.unit(k)),
      x_caused_by: e.causedByKeys.filter((k) => graph.event(k)),
      x_endorses: e.endorsesKeys.filter((k) => graph.orgDocument(k)),
      x_follows_from: e.followsFromKeys.filter((k) => graph.orgDocument(k)),
      x_corrections: e.corrections.map((c) => ({
        field: c.field,
        claimed: c.claimed,
        corrected: c.corrected,
        reason: c.reason,
      })),
      sources: sources(e.sources),
    })),
    // Popolo has no documents; those the graph describes are an extension, like x_ fields.
    x_documents: graph.orgDocuments().map((d) => ({
      id: d.key,
      title: d.title[lang],
      date: d.date?.value ?? null,
      description: d.description?.[lang] ?? null,
      commitments: d.commitments.map((c) => c.text[lang]),
      endorsed_by: graph.endorsementsOf(d.key).map((e) => e.key),
      followed_by: graph.eventsFollowingFrom(d.key).map((e) => e.key),
      sources: sources(d.sources),
    })),
  };
}
