/**
 * What can be found and by which texts: every unit, post, topic and event of the graph with its
 * searchable texts (names, acronyms, aliases, topic variants and related terms, descriptions,
 * event titles), each tagged with the field it comes from so a hit can say why it matched.
 */
import type { OrgGraph } from '../org-graph';
import type { AliasKind, Lang, Localized, OrgEvent, Post, Topic, Unit } from '../types';
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
  /** Worked out when first asked for (a query checks this node) and kept. */
  readonly entries: readonly Entry[];
  /** The same texts, made afresh and not kept: what indexing reads once. */
  freshEntries(): readonly Entry[];
}

/**
 * A node whose texts are made only when needed. Kept for every node, they took 61 MB for an
 * organisation of 100,000 units, most of it for nodes no query ever checks.
 */
type NodeRecord =
  | { readonly kind: 'unit'; readonly record: Unit }
  | { readonly kind: 'post'; readonly record: Post }
  | { readonly kind: 'topic'; readonly record: Topic }
  | { readonly kind: 'event'; readonly record: OrgEvent };

class LazyNode implements NodeEntries {
  private cached: readonly Entry[] | undefined;

  constructor(private readonly of: NodeRecord) {}

  get kind(): NodeKind {
    return this.of.kind;
  }

  get key(): string {
    return this.of.record.key;
  }

  get entries(): readonly Entry[] {
    return (this.cached ??= this.make());
  }

  freshEntries(): readonly Entry[] {
    return this.cached ?? this.make();
  }

  private make(): Entry[] {
    switch (this.of.kind) {
      case 'unit':
        return unitEntries(this.of.record);
      case 'post':
        return postEntries(this.of.record);
      case 'topic':
        return topicEntries(this.of.record);
      case 'event':
        return eventEntries(this.of.record);
    }
  }
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

function unitEntries(u: Unit): Entry[] {
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
  return entries;
}

function postEntries(p: Post): Entry[] {
  const entries = localizedEntries('name', p.title);
  if (p.acronym) entries.push(entry('acronym', p.acronym, undefined));
  return entries;
}

function eventEntries(e: OrgEvent): Entry[] {
  const entries = localizedEntries('event-title', e.title);
  if (e.description) entries.push(...localizedEntries('description', e.description));
  return entries;
}

export function nodeEntries(graph: OrgGraph): NodeEntries[] {
  const nodes: NodeEntries[] = [];
  for (const record of graph.units()) nodes.push(new LazyNode({ kind: 'unit', record }));
  for (const record of graph.posts()) nodes.push(new LazyNode({ kind: 'post', record }));
  for (const record of graph.topics()) nodes.push(new LazyNode({ kind: 'topic', record }));
  for (const record of graph.events()) nodes.push(new LazyNode({ kind: 'event', record }));
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
