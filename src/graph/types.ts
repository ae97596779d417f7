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
import type { AliasKind, CitationPolicy, EventKind, Lang, RecruitmentMode } from './seed-schema';
import type { UnitKindSpec } from './unit-kinds';

/** The value of a unit's `kind:`, one of the kinds its dataset declares. */
export type UnitKind = string;

export type { AliasKind, CitationPolicy, EventKind, Lang, RecruitmentMode };

/** What a record of a graph state holds besides its data: the graph it belongs to. */
export interface Owned {
  readonly graph: OrgGraph;
}

export interface Localized {
  readonly en: string;
  readonly fr: string;
}

/**
 * When a document says it was last updated, as it says it (OrgGraph.documentUpdate; not a field
 * of SourceDocument, as its citations may be of the document itself).
 */
export interface DocumentUpdate {
  /** The local date and time, as written, in ISO form: "2011-11-02T16:53". */
  readonly localDateTime: string;
  /** Its day, as a date. */
  readonly date: PartialDate;
  /** A UTC offset or an IANA zone name; undefined when the document does not say (unknown). */
  readonly timeZone?: string | undefined;
  readonly sources: readonly Citation[];
}

export interface SourceDocument {
  /**
   * When the document says it was last updated (not enumerable: the update's citations may be
   * of the document itself, and the loop must not show when the document is copied or printed).
   */
  readonly updated?: DocumentUpdate | undefined;
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

/** A rule a source states about a unit's staff: in a sentence, and the source's own. */
export interface StaffRule {
  readonly statement: Localized;
  readonly sources: readonly Citation[];
}

/** Who may join: nationals of `nationality`; `mandatory` when the source says they must be. */
export interface EligibilityRule extends StaffRule {
  readonly nationality: Localized;
  readonly mandatory: boolean;
}

/** One way staff come to the unit: recruited directly (`by` the organisation) or seconded. */
export interface RecruitmentRule extends StaffRule {
  readonly mode: RecruitmentMode;
  readonly by: Localized;
}

export interface AppointmentRule extends StaffRule {
  /** The post that decides appointments. */
  readonly decidedByPostKey: string;
}

export interface AllegianceRule extends StaffRule {
  /** The unit staff owe allegiance to (NATO), and for how long. */
  readonly owedToUnitKey: string;
  readonly duration: Localized;
}

export interface VacancyRule extends StaffRule {
  readonly publishedOn: Localized;
}

/** The staff and recruitment rules a source states for a unit; each part only where stated. */
export interface StaffRules {
  readonly eligibility?: EligibilityRule | undefined;
  readonly recruitment: readonly RecruitmentRule[];
  readonly appointments?: AppointmentRule | undefined;
  readonly allegiance?: AllegianceRule | undefined;
  readonly vacancies?: VacancyRule | undefined;
}

/** What a unit supports: one of the dataset's units, or a party named only in passing. */
export type Supported =
  | { readonly kind: 'unit'; readonly unitKey: string }
  /** Not a unit of the dataset: "the delegations of member countries". */
  | { readonly kind: 'party'; readonly name: Localized };

/** Support a unit gives, as a source states it (F007, F072, F101). */
export interface SupportData {
  /** The unit that gives it. */
  readonly unitKey: string;
  readonly supported: Supported;
  /** Where or how, as the source qualifies it: "at the level of the various committees". */
  readonly scope?: Localized | undefined;
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
  readonly staffRules?: StaffRules | undefined;
  /** The support it gives, in file order. */
  readonly supports: readonly SupportData[];
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
  /** Who holds or held it, in file order; absent where the dataset names no one (people.ts). */
  readonly holders?: readonly HoldingData[] | undefined;
  readonly sources: readonly Citation[];
  readonly notes: readonly Localized[];
}

/** A person the dataset names as holding a post (people.yaml). */
export interface PersonData {
  readonly key: string;
  readonly name: Localized;
  readonly sources: readonly Citation[];
}

/** A person's holding of a post, from and until where the data says (an open end is unknown). */
export interface HoldingData {
  readonly personKey: string;
  readonly postKey: string;
  readonly from?: PartialDate | undefined;
  readonly until?: PartialDate | undefined;
  readonly sources: readonly Citation[];
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

/** A date no source states, inferred from what the sources do say. */
export interface DateInference {
  readonly reason: Localized;
  /** The sentences the inference rests on (may be empty). */
  readonly sources: readonly Citation[];
}

export interface EventData {
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
  /** Documents (OrgDocument keys) the event endorsed: the Lisbon Summit, the Strategic Concept. */
  readonly endorsesKeys: readonly string[];
  /** Documents whose commitments the event follows from: the review, the Strategic Concept. */
  readonly followsFromKeys: readonly string[];
  readonly sources: readonly Citation[];
  readonly corrections: readonly Correction[];
}

/** A commitment a document makes, in its words as the source quotes them. */
export interface Commitment {
  readonly text: Localized;
  readonly sources: readonly Citation[];
}

/**
 * A document the dataset describes as a node of the graph (the 2010 Strategic Concept), unlike a
 * SourceDocument, which the data cites. Events say which they endorsed or follow from.
 */
export interface OrgDocumentData {
  readonly key: string;
  readonly title: Localized;
  /** When it was adopted or endorsed. */
  readonly date?: PartialDate | undefined;
  readonly description?: Localized | undefined;
  readonly commitments: readonly Commitment[];
  readonly sources: readonly Citation[];
  readonly notes: readonly Localized[];
}

export interface Dataset {
  readonly key: string;
  readonly title: Localized;
  readonly asOf: PartialDate;
  /** The document it is primarily drawn from (a dataset that cites nothing may have none). */
  readonly primarySource?: SourceDocument | undefined;
  /** Whether the checker required a citation for every claim it can tie to one (seed/README.md). */
  readonly citationPolicy: CitationPolicy;
  /** Its languages, the first the one every text was given in (the others fall back to it). */
  readonly languages: readonly [Lang, ...Lang[]];
  /** Its kinds of unit, in schema order. */
  readonly kinds: readonly [UnitKindSpec, ...UnitKindSpec[]];
  readonly description?: Localized | undefined;
}

export type Responsibility = ResponsibilityData & Owned;
export type Post = PostData & Owned;
export type Topic = TopicData & Owned;
export type OrgEvent = EventData & Owned;
export type Support = SupportData & Owned;
export type OrgDocument = OrgDocumentData & Owned;
export type Person = PersonData & Owned;
/** A holding read from one graph state: its person and post are that state's. */
export type Holding = HoldingData & Owned;

/** A unit's staff rules, each bound to the unit's graph state (an appointment names a post). */
export interface BoundStaffRules {
  readonly eligibility?: (EligibilityRule & Owned) | undefined;
  readonly recruitment: readonly (RecruitmentRule & Owned)[];
  readonly appointments?: (AppointmentRule & Owned) | undefined;
  readonly allegiance?: (AllegianceRule & Owned) | undefined;
  readonly vacancies?: (VacancyRule & Owned) | undefined;
}

export interface Unit
  extends Omit<UnitData, 'responsibilities' | 'supports' | 'staffRules'>, Owned {
  readonly responsibilities: readonly Responsibility[];
  readonly supports: readonly Support[];
  readonly staffRules?: BoundStaffRules | undefined;
}
