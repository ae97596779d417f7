/**
 * What can be found and by which texts: every unit, post, topic and event of the graph with its
 * searchable texts (names, acronyms, aliases, topic variants and related terms, descriptions,
 * event titles), each tagged with the field it comes from so a hit can say why it matched.
 */
import type { OrgGraph } from '../org-graph';
import type { AliasKind, Lang, Localized } from '../types';
import { significant, wordsOf, type Word } from './analyze';

export type NodeKind = 'unit' | 'post' | 'topic' | 'event';

/**
 * Where a text comes from. NAME is a node's own name (a unit's name, a post's title, a topic's
 * label); ALIAS another recorded name (a unit's alias, a topic's variant); RELATED a topic's
 * related term (a neighbouring notion, not the topic itself); TOPIC a topic a unit handles.
 */
export type MatchedField =
  'name' | 'acronym' | 'alias' | 'related' | 'description' | 'topic' | 'event-title';

export interface Entry {
  readonly field: MatchedField;
  readonly text: string;
  /** Language of the text; undefined for acronyms and keys that are the same in both. */
  readonly lang: Lang | undefined;
  /** The same field in both languages, so a snippet can be shown in the requested one. */
  readonly localized?: Localized | undefined;
  readonly aliasKind?: AliasKind | undefined;
  readonly words: readonly Word[];
  /** The words that take part in matching (small words dropped unless nothing else is left). */
  readonly significantWords: readonly Word[];
}

export interface NodeEntries {
  readonly kind: NodeKind;
  readonly key: string;
  readonly entries: readonly Entry[];
}

/** An entry whose words (with positions) are worked out only when a query checks it. */
class LazyEntry implements Entry {
  private cached: Word[] | undefined;
  readonly localized?: Localized | undefined;
  readonly aliasKind?: AliasKind | undefined;

  constructor(
    readonly field: MatchedField,
    readonly text: string,
    readonly lang: Lang | undefined,
    extra: Partial<Pick<Entry, 'localized' | 'aliasKind'>>,
  ) {
    if (extra.localized) this.localized = extra.localized;
    if (extra.aliasKind) this.aliasKind = extra.aliasKind;
  }

  private cachedSignificant: Word[] | undefined;

  get words(): readonly Word[] {
    return (this.cached ??= wordsOf(this.text));
  }

  get significantWords(): readonly Word[] {
    return (this.cachedSignificant ??= significant(this.words));
  }
}

function entry(
  field: MatchedField,
  text: string,
  lang: Lang | undefined,
  extra: Partial<Pick<Entry, 'localized' | 'aliasKind'>> = {},
): Entry {
  return new LazyEntry(field, text, lang, extra);
}

function localizedEntries(field: MatchedField, text: Localized): Entry[] {
  const both: Entry[] = [entry(field, text.en, 'en', { localized: text })];
  if (text.fr !== text.en) both.push(entry(field, text.fr, 'fr', { localized: text }));
  return both;
}

export function nodeEntries(graph: OrgGraph): NodeEntries[] {
  const nodes: NodeEntries[] = [];
  for (const u of graph.units()) {
    const entries = localizedEntries('name', u.name);
    if (u.acronym) {
      entries.push(entry('acronym', u.acronym.en, undefined));
      if (u.acronym.fr) entries.push(entry('acronym', u.acronym.fr, 'fr'));
    }
    for (const a of u.aliases) {
      const field = a.kind === 'acronym' || a.kind === 'unofficial-acronym' ? 'acronym' : 'alias';
      entries.push(entry(field, a.text, a.lang, { aliasKind: a.kind }));
    }
    entries.push(...localizedEntries('description', u.description));
    nodes.push({ kind: 'unit', key: u.key, entries });
  }
  for (const p of graph.posts()) {
    const entries = localizedEntries('name', p.title);
    if (p.acronym) entries.push(entry('acronym', p.acronym, undefined));
    nodes.push({ kind: 'post', key: p.key, entries });
  }
  for (const t of graph.topics()) {
    nodes.push({ kind: 'topic', key: t.key, entries: topicEntries(t) });
  }
  for (const e of graph.events()) {
    const entries = localizedEntries('event-title', e.title);
    if (e.description) entries.push(...localizedEntries('description', e.description));
    nodes.push({ kind: 'event', key: e.key, entries });
  }
  return nodes;
}

/** A topic's label, variants and related terms (its description is searched too, weakly). */
export function topicEntries(t: {
  label: Localized;
  variants: { en: readonly string[]; fr: readonly string[] };
  related: { en: readonly string[]; fr: readonly string[] };
  description?: Localized | undefined;
}): Entry[] {
  const entries = localizedEntries('name', t.label);
  for (const lang of ['en', 'fr'] as const) {
    for (const v of t.variants[lang]) entries.push(entry('alias', v, lang));
    for (const r of t.related[lang]) entries.push(entry('related', r, lang));
  }
  if (t.description) entries.push(...localizedEntries('description', t.description));
  return entries;
}
