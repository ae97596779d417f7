/**
 * The domain's values, after the seed has been parsed and checked. Everything here is read-only.
 *
 * Units, posts, topics, events and responsibilities are records of one graph state: the dataset
 * as loaded, or a dated view of it. Each knows the graph it belongs to (`graph`), so a relation is
 * read from the right state, and a node seen on a past date is a different object from today's.
 * The loader builds the `…Data` shapes; an OrgGraph binds them to itself.
 */
import type { OrgGraph } from './org-graph';
import type { PartialDate } from './partial-date';
import type { AliasKind, EventKind, Lang } from './seed-schema';
import type { UnitKind } from './unit-kinds';

export type { AliasKind, EventKind, Lang, UnitKind };

/** What a record of a graph state holds besides its data: the graph it belongs to. */
export interface Owned {
  readonly graph: OrgGraph;
}

export interface Localized {
  readonly en: string;
  readonly fr: string;
}

export interface SourceDocument {
  readonly key: string;
  readonly title: { readonly en?: string | undefined; readonly fr?: string | undefined };
  readonly publisher?: string | undefined;
  readonly lang: Lang;
  readonly date?: PartialDate | undefined;
  readonly url?: string | undefined;
  /** Whether the quotes from this document were checked against a local copy. */
  readonly verifiedCopy: boolean;
  readonly note?: string | undefined;
}

export interface Citation {
  readonly document: SourceDocument;
  readonly quote: string;
  readonly lang: Lang;
  readonly locator?: string | undefined;
}

export interface Correction {
  readonly field: string;
  readonly claimed: string;
  readonly corrected: string;
  readonly reason: string;
  readonly sources: readonly Citation[];
}

export interface Alias {
  readonly text: string;
  readonly lang: Lang;
  readonly kind: AliasKind;
  readonly note?: string | undefined;
  readonly sources: readonly Citation[];
}

/** An edge to another unit, with the citations it rests on (the unit's own when none are given). */
export interface UnitLink {
  readonly unitKey: string;
  readonly sources: readonly Citation[];
  readonly note?: string | undefined;
}

export type ResponsibilityBasis = 'stated' | 'unit-name';

export interface ResponsibilityData {
  readonly unitKey: string;
  readonly topicKey: string;
  readonly basis: ResponsibilityBasis;
  readonly role?: 'lead' | 'principal' | undefined;
  readonly scope?: Localized | undefined;
  readonly sources: readonly Citation[];
}

export interface Headcount {
  readonly approx: number;
  readonly asOf: PartialDate;
  readonly scope: Localized;
  readonly sources: readonly Citation[];
}

export interface Location {
  readonly name: Localized;
  readonly sources: readonly Citation[];
}

export interface UnitData {
  readonly key: string;
  readonly kind: UnitKind;
  readonly name: Localized;
  readonly acronym?: { readonly en: string; readonly fr?: string | undefined } | undefined;
  readonly aliases: readonly Alias[];
  readonly description: Localized;
  readonly headKey?: string | undefined;
  readonly parent?: UnitLink | undefined;
  readonly reportsTo?: UnitLink | undefined;
  readonly memberOf: readonly UnitLink[];
  readonly established?: PartialDate | undefined;
  readonly dissolved?: PartialDate | undefined;
  readonly independent: boolean;
  readonly headcount?: Headcount | undefined;
  readonly location?: Location | undefined;
  readonly responsibilities: readonly ResponsibilityData[];
  readonly sources: readonly Citation[];
  readonly corrections: readonly Correction[];
  readonly notes: readonly Localized[];
}

export type PostRole = 'head' | 'deputy' | 'member';

export interface PostData {
  readonly key: string;
  readonly title: Localized;
  readonly acronym?: string | undefined;
  readonly unitKey: string;
  readonly role: PostRole;
  readonly sources: readonly Citation[];
  readonly notes: readonly Localized[];
}

export interface TopicData {
  readonly key: string;
  readonly label: Localized;
  readonly variants: { readonly en: readonly string[]; readonly fr: readonly string[] };
  /** Terms of neighbouring notions this topic serves, matched with lower confidence. */
  readonly related: { readonly en: readonly string[]; readonly fr: readonly string[] };
  readonly broaderKeys: readonly string[];
  readonly description?: Localized | undefined;
}

export type DateQualifier = 'early' | 'late' | 'after' | 'before' | 'about';

export interface EventData {
  readonly key: string;
  readonly kind: EventKind;
  readonly date: PartialDate;
  readonly dateQualifier?: DateQualifier | undefined;
  readonly endDate?: PartialDate | undefined;
  readonly status: 'completed' | 'ongoing';
  readonly title: Localized;
  readonly description?: Localized | undefined;
  readonly place?: Localized | undefined;
  readonly affectsKeys: readonly string[];
  readonly partOfKey?: string | undefined;
  readonly causedByKeys: readonly string[];
  readonly sources: readonly Citation[];
  readonly corrections: readonly Correction[];
}

export interface Dataset {
  readonly key: string;
  readonly title: Localized;
  readonly asOf: PartialDate;
  readonly primarySource: SourceDocument;
  readonly description?: Localized | undefined;
}

export type Responsibility = ResponsibilityData & Owned;
export type Post = PostData & Owned;
export type Topic = TopicData & Owned;
export type OrgEvent = EventData & Owned;
export interface Unit extends Omit<UnitData, 'responsibilities'>, Owned {
  readonly responsibilities: readonly Responsibility[];
}
