/** The domain's values, after the seed has been parsed and checked. Everything here is read-only. */
import type { PartialDate } from './partial-date';
import type { AliasKind, CitationPolicy, EventKind, Lang, UnitKind } from './seed-schema';

export type { AliasKind, CitationPolicy, EventKind, Lang, UnitKind };

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

export interface Responsibility {
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

export interface Unit {
  readonly key: string;
  readonly kind: UnitKind;
  readonly name: Localized;
  readonly acronym?: { readonly en: string; readonly fr?: string | undefined } | undefined;
  readonly aliases: readonly Alias[];
  readonly description: Localized;
  readonly headKey?: string | undefined;
  /**
   * What the head rests on: the citations given with the head, else the head post's own (which
   * say the post heads its unit); empty when the unit has no head.
   */
  readonly headSources: readonly Citation[];
  readonly parent?: UnitLink | undefined;
  readonly reportsTo?: UnitLink | undefined;
  readonly memberOf: readonly UnitLink[];
  readonly established?: PartialDate | undefined;
  readonly dissolved?: PartialDate | undefined;
  readonly independent: boolean;
  readonly headcount?: Headcount | undefined;
  readonly location?: Location | undefined;
  readonly responsibilities: readonly Responsibility[];
  readonly sources: readonly Citation[];
  readonly corrections: readonly Correction[];
  readonly notes: readonly Localized[];
}

export type PostRole = 'head' | 'deputy' | 'member';

export interface Post {
  readonly key: string;
  readonly title: Localized;
  readonly acronym?: string | undefined;
  readonly unitKey: string;
  readonly role: PostRole;
  readonly sources: readonly Citation[];
  readonly notes: readonly Localized[];
}

export interface Topic {
  readonly key: string;
  readonly label: Localized;
  readonly variants: { readonly en: readonly string[]; readonly fr: readonly string[] };
  /** Terms of neighbouring notions this topic serves, matched with lower confidence. */
  readonly related: { readonly en: readonly string[]; readonly fr: readonly string[] };
  readonly broaderKeys: readonly string[];
  readonly description?: Localized | undefined;
}

export type DateQualifier = 'early' | 'late' | 'after' | 'before' | 'about';

/** A date no source states, inferred from what the sources do say. */
export interface DateInference {
  readonly reason: Localized;
  /** The sentences the inference rests on (may be empty). */
  readonly sources: readonly Citation[];
}

export interface OrgEvent {
  readonly key: string;
  readonly kind: EventKind;
  readonly date: PartialDate;
  readonly dateQualifier?: DateQualifier | undefined;
  readonly endDate?: PartialDate | undefined;
  /** Set when the date is inferred rather than stated by a source; says why. */
  readonly dateInference?: DateInference | undefined;
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
  /** Whether the checker required a citation for every claim it can tie to one (seed/README.md). */
  readonly citationPolicy: CitationPolicy;
  readonly description?: Localized | undefined;
}
