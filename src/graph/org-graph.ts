/**
 * The immutable organisation graph: records by key, bound to this graph, and the indexes built
 * once at construction (children, heads, handlers, events per unit, depths). A relation is a plain
 * synchronous read through these accessors. Traversals and resolution live in their own modules
 * and use only these accessors.
 *
 * A graph is either the dataset as loaded or a view of it on a date (as-of.ts). Every record
 * belongs to exactly one graph: a view holds copies of the records it keeps, bound to itself, so
 * a unit seen in 2009 reads its relations from 2009 and carries that date in its identity.
 */
import {
  unitNamesOf,
  type GraphData,
  type TopicNameEntry,
  type UnitNameEntry,
} from './build-graph';
import { compareEvents } from './event-order';
import { perGraphInSlices } from './graph-memo';
import { nameKey } from './normalize';
import type { PartialDate } from './partial-date';
import type {
  AllegianceRule,
  AppointmentRule,
  Citation,
  Dataset,
  DocumentUpdate,
  EventData,
  OrgDocument,
  OrgDocumentData,
  OrgEvent,
  Owned,
  Person,
  PersonData,
  Post,
  PostData,
  Responsibility,
  ResponsibilityData,
  SourceDocument,
  StaffRule,
  StaffRules,
  Support,
  Topic,
  TopicData,
  Unit,
  UnitData,
  UnitKind,
} from './types';
import { kindLookup, type UnitKindSpec } from './unit-kinds';
import { UnitNameIndex } from './unit-name-index';

export interface GraphMeta {
  /** Content hash of the seed files: changes whenever the data does. */
  readonly version: string;
  readonly loadedAt: Date;
  readonly dir: string;
}

/** What makes a graph a dated view of another. */
export interface ViewOf {
  readonly base: OrgGraph;
  readonly date: PartialDate;
}

function groupBy<T>(items: Iterable<T>, keysOf: (item: T) => readonly string[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    }
  }
  return map;
}

const EMPTY: readonly never[] = Object.freeze([]);

/** A record an invariant of the graph guarantees; its absence is a bug, not bad input. */
function present<T>(value: T | undefined, missing: string): T {
  if (value === undefined) throw new Error(missing);
  return value;
}

/** Records from another graph (the one a view is cut from) are copied before being bound. */
type Bindable<T> = T & Partial<Owned>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Folded name → unit (see OrgGraph.unitNameIndex); the warm-up builds it in slices. */
export const unitNameIndex = perGraphInSlices((graph: OrgGraph) =>
  UnitNameIndex.inSlices(graph.units()),
);

export class OrgGraph {
  readonly dataset: Dataset;
  readonly meta: GraphMeta;
  /** The kinds of unit this dataset declares. */
  readonly kinds: readonly UnitKindSpec[];
  /** The declaration of a kind of this dataset's (every unit's kind has one). */
  readonly kind: (key: string) => UnitKindSpec;
  /** The date a dated view shows; undefined for the dataset as loaded. */
  readonly date: PartialDate | undefined;
  /** The graph as loaded that this one was cut from (itself when it is not a view). */
  readonly base: OrgGraph;
  /** The data the graph was built from (what a snapshot keeps); its records are bound here. */
  readonly data: GraphData;
  private readonly unitMap: ReadonlyMap<string, Unit>;
  private readonly documentMap: ReadonlyMap<string, OrgDocument>;
  private readonly postMap: ReadonlyMap<string, Post>;
  private readonly topicMap: ReadonlyMap<string, Topic>;
  private readonly eventMap: ReadonlyMap<string, OrgEvent>;
  private readonly personMap: ReadonlyMap<string, Person>;
  private readonly allPeople: readonly Person[];
  private readonly allUnits: readonly Unit[];
  private readonly unitsByKind: ReadonlyMap<string, readonly Unit[]>;
  private readonly allPosts: readonly Post[];
  private readonly allTopics: readonly Topic[];
  private readonly children: ReadonlyMap<string, readonly Unit[]>;
  private readonly handlers: ReadonlyMap<string, readonly Responsibility[]>;
  private readonly narrowerTopics: ReadonlyMap<string, readonly Topic[]>;
  private readonly unitsByPostHeaded: ReadonlyMap<string, readonly Unit[]>;
  private readonly postsByUnit: ReadonlyMap<string, readonly Post[]>;
  private readonly supportsReceived: ReadonlyMap<string, readonly Support[]>;
  private readonly eventsEndorsing: ReadonlyMap<string, readonly OrgEvent[]>;
  private readonly eventsFollowing: ReadonlyMap<string, readonly OrgEvent[]>;
  private readonly eventsByUnit: ReadonlyMap<string, readonly OrgEvent[]>;
  private readonly eventsInOrder: readonly OrgEvent[];
  private readonly depths: ReadonlyMap<string, number>;

  constructor(data: GraphData, meta: GraphMeta, view?: ViewOf) {
    this.data = data;
    this.dataset = data.dataset;
    this.kinds = data.dataset.kinds;
    this.kind = kindLookup(this.kinds);
    this.meta = meta;
    this.date = view?.date;
    this.base = view?.base ?? this;

    this.unitMap = this.bindAll(data.units, (u) => this.bindUnit(u));
    this.postMap = this.bindAll(data.posts, (p) => this.bind<PostData>(p));
    this.topicMap = this.bindAll(data.topics, (t) => this.bind<TopicData>(t));
    this.eventMap = this.bindAll(data.events, (e) => this.bind<EventData>(e));
    this.documentMap = this.bindAll(data.orgDocuments, (d) => this.bind<OrgDocumentData>(d));
    this.personMap = this.bindAll(data.people ?? new Map(), (p) => this.bind<PersonData>(p));
    this.allPeople = [...this.personMap.values()];

    const units = [...this.unitMap.values()];
    this.allUnits = units;
    this.unitsByKind = groupBy(units, (u) => [u.kind]);
    this.allPosts = [...this.postMap.values()];
    this.allTopics = [...this.topicMap.values()];
    this.children = groupBy(units, (u) => (u.parent ? [u.parent.unitKey] : []));
    this.handlers = groupBy(
      units.flatMap((u) => u.responsibilities),
      (r) => [r.topicKey],
    );
    this.narrowerTopics = groupBy(this.allTopics, (t) => t.broaderKeys);
    this.unitsByPostHeaded = groupBy(units, (u) => (u.headKey ? [u.headKey] : []));
    this.postsByUnit = groupBy(this.allPosts, (p) => [p.unitKey]);
    this.supportsReceived = groupBy(
      units.flatMap((u) => u.supports),
      (sp) => (sp.supported.kind === 'unit' ? [sp.supported.unitKey] : []),
    );
    this.eventsInOrder = [...this.eventMap.values()].sort(compareEvents);
    this.eventsByUnit = groupBy(this.eventsInOrder, (e) => e.affectsKeys);
    this.eventsEndorsing = groupBy(this.eventsInOrder, (e) => e.endorsesKeys);
    this.eventsFollowing = groupBy(this.eventsInOrder, (e) => e.followsFromKeys);
    // Up from each unit to the first one whose depth is known (or a root), then down that chain:
    // each unit is visited once, and no call stack grows with the depth of the tree. A unit met
    // again on its own chain is a part-of cycle, which the builder refuses (a snapshot's records
    // are not searched for cycles again: this is their check).
    const depths = new Map<string, number>();
    const ON_CHAIN = -1;
    const chain: Unit[] = [];
    for (const unit of units) {
      let u: Unit | undefined = unit;
      let base = -1;
      while (u !== undefined) {
        const known = depths.get(u.key);
        if (known === ON_CHAIN) throw new Error(`part-of forms a cycle through unit ${u.key}`);
        if (known !== undefined) {
          base = known;
          break;
        }
        depths.set(u.key, ON_CHAIN);
        chain.push(u);
        u = u.parent && this.unitMap.get(u.parent.unitKey);
      }
      for (let i = chain.length - 1; i >= 0; i--) depths.set((chain[i] as Unit).key, ++base);
      chain.length = 0;
    }
    this.depths = depths;
  }

  /**
   * Binds a record to this graph: in place when it is fresh from the loader, as a copy when it
   * belongs to another graph. `graph` is not enumerable, so a record still reads, compares and
   * serialises as plain data.
   */
  private bind<T extends object>(record: Bindable<T>): T & Owned {
    const owner = record.graph;
    if (owner === this) return record as T & Owned;
    const own = owner === undefined ? record : { ...record };
    Object.defineProperty(own, 'graph', { value: this, enumerable: false });
    return own as T & Owned;
  }

  /** A unit, with the link records it holds: responsibilities, supports, staff rules. */
  private bindUnit(unit: Bindable<UnitData>): Unit {
    if (unit.graph === undefined) {
      // Fresh from the loader: bound in place, lists and all (no list is made for it).
      for (const r of unit.responsibilities) this.bind(r as Bindable<typeof r>);
      for (const s of unit.supports) this.bind(s as Bindable<typeof s>);
      if (unit.staffRules) this.bindStaffRules(unit.staffRules);
      return this.bind<UnitData>(unit) as unknown as Unit;
    }
    const own = this.bind<UnitData>(unit) as Mutable<UnitData> & Owned;
    const responsibilities = unit.responsibilities.map((r) => this.bind(r as Bindable<typeof r>));
    const supports = unit.supports.map((s) => this.bind(s as Bindable<typeof s>));
    const staffRules = unit.staffRules && this.bindStaffRules(unit.staffRules);
    // A copy gets the copies of its links.
    if (responsibilities.length > 0) own.responsibilities = responsibilities;
    if (supports.length > 0) own.supports = supports;
    if (staffRules) own.staffRules = staffRules;
    return own as unknown as Unit;
  }

  /** Each rule bound (it may name a post or a unit); the rules a copy when they were copied. */
  private bindStaffRules(rules: StaffRules): StaffRules {
    const bind = <R extends object>(rule: R | undefined) =>
      rule && this.bind<R>(rule as Bindable<R>);
    const bound: StaffRules = {
      eligibility: bind(rules.eligibility),
      recruitment: rules.recruitment.map((r) => this.bind(r as Bindable<typeof r>)),
      appointments: bind(rules.appointments),
      allegiance: bind(rules.allegiance),
      vacancies: bind(rules.vacancies),
    };
    return bound.recruitment.every((r, i) => r === rules.recruitment[i]) &&
      bound.eligibility === rules.eligibility
      ? rules
      : bound;
  }

  /**
   * The records bound to this graph, by key: the same map when each was bound in place (a graph
   * as loaded), a new one when some are copies (a view).
   */
  private bindAll<D, R>(
    records: ReadonlyMap<string, D>,
    bind: (d: D) => R,
  ): ReadonlyMap<string, R> {
    let copies: Map<string, R> | undefined;
    for (const [key, record] of records) {
      const bound = bind(record);
      if (copies) copies.set(key, bound);
      else if (bound !== (record as unknown)) {
        copies = new Map();
        for (const [k, r] of records) {
          if (k === key) break;
          copies.set(k, r as unknown as R);
        }
        copies.set(key, bound);
      }
    }
    return copies ?? (records as unknown as ReadonlyMap<string, R>);
  }

  /** True for a dated view (its records' IDs carry its date). */
  get isView(): boolean {
    return this.date !== undefined;
  }

  get documents(): Iterable<SourceDocument> {
    return this.data.documents.values();
  }

  unit(key: string): Unit | undefined {
    return this.unitMap.get(key);
  }

  /** Every unit in dataset order, or those of one kind. */
  units(kind?: UnitKind | string): readonly Unit[] {
    return kind === undefined ? this.allUnits : (this.unitsByKind.get(kind) ?? EMPTY);
  }

  /** Direct sub-units (part-of), in file order. */
  childrenOf(unitKey: string): readonly Unit[] {
    return this.children.get(unitKey) ?? EMPTY;
  }

  /** The unit this one is part of, when it is in this graph. */
  parentOf(unit: Unit): Unit | undefined {
    return unit.parent && this.unitMap.get(unit.parent.unitKey);
  }

  /** The units this one is a member of without being part of them. */
  membershipsOf(unit: Unit): Unit[] {
    return this.existing(
      unit.memberOf.map((m) => m.unitKey),
      this.unitMap,
    );
  }

  /** Distance from the top of the part-of tree (0 for a root). */
  depthOf(unitKey: string): number {
    return this.depths.get(unitKey) ?? 0;
  }

  post(key: string): Post | undefined {
    return this.postMap.get(key);
  }

  posts(): readonly Post[] {
    return this.allPosts;
  }

  /** The post heading a unit, where a source names one. */
  headOf(unit: Unit): Post | undefined {
    return unit.headKey === undefined ? undefined : this.postMap.get(unit.headKey);
  }

  /**
   * The unit a post belongs to: the loader refuses a post of an unknown unit, and a view keeps a
   * post only with its unit.
   */
  unitOfPost(post: Post): Unit {
    return present(this.unitMap.get(post.unitKey), `post ${post.key} has no unit`);
  }

  /** The unit and topic a responsibility links (both checked by the loader, kept by views). */
  unitOfLink(link: Responsibility): Unit {
    return present(
      this.unitMap.get(link.unitKey),
      `responsibility of unknown unit ${link.unitKey}`,
    );
  }

  topicOfLink(link: Responsibility): Topic {
    return present(
      this.topicMap.get(link.topicKey),
      `responsibility for unknown topic ${link.topicKey}`,
    );
  }

  /**
   * The posts that belong to a unit, whatever their role, in file order: its head post if it has
   * one, and its member posts (the Director of the Private Office, which heads nothing).
   */
  postsIn(unitKey: string): readonly Post[] {
    return this.postsByUnit.get(unitKey) ?? EMPTY;
  }

  /**
   * The support a unit gives, in file order: to units of this graph (a view at a date leaves out
   * those it does not hold) and to parties named only in passing.
   */
  supportsOf(unitKey: string): readonly Support[] {
    const given = this.unitMap.get(unitKey)?.supports ?? EMPTY;
    return given.every((sp) => this.holds(sp)) ? given : given.filter((sp) => this.holds(sp));
  }

  /** The support a unit receives from the units of this graph, in file order of the givers. */
  supportersOf(unitKey: string): readonly Support[] {
    return this.supportsReceived.get(unitKey) ?? EMPTY;
  }

  /** The unit that gives a support (always one of this graph: a view keeps it with its unit). */
  unitOfSupport(support: Support): Unit {
    return present(this.unitMap.get(support.unitKey), `support of unknown unit ${support.unitKey}`);
  }

  private holds(sp: Support): boolean {
    return sp.supported.kind === 'party' || this.unitMap.has(sp.supported.unitKey);
  }

  /** The post that decides appointments under a staff rule (the loader checks it exists). */
  appointingPost(rule: AppointmentRule): Post {
    return present(this.postMap.get(rule.decidedByPostKey), `no post ${rule.decidedByPostKey}`);
  }

  /** The unit staff owe allegiance to under a staff rule (the loader checks it exists). */
  allegianceUnit(rule: AllegianceRule): Unit {
    return present(this.unitMap.get(rule.owedToUnitKey), `no unit ${rule.owedToUnitKey}`);
  }

  /** Units whose `head` is this post (the Secretary General heads more than one). */
  unitsHeadedBy(postKey: string): readonly Unit[] {
    return this.unitsByPostHeaded.get(postKey) ?? EMPTY;
  }

  /** A person the dataset names as holding a post (people.ts reads their holdings). */
  person(key: string): Person | undefined {
    return this.personMap.get(key);
  }

  /** The people the dataset names, in file order (a view keeps them all: holdings are dated). */
  people(): readonly Person[] {
    return this.allPeople;
  }

  topic(key: string): Topic | undefined {
    return this.topicMap.get(key);
  }

  topics(): readonly Topic[] {
    return this.allTopics;
  }

  /** The topics a unit handles, in the order the source lists them. */
  topicsOf(unit: Unit): Topic[] {
    return this.existing(
      unit.responsibilities.map((r) => r.topicKey),
      this.topicMap,
    );
  }

  broaderOf(topic: Topic): Topic[] {
    return this.existing(topic.broaderKeys, this.topicMap);
  }

  narrowerOf(topicKey: string): readonly Topic[] {
    return this.narrowerTopics.get(topicKey) ?? EMPTY;
  }

  /** The responsibilities (unit links) for a topic, in file order of the units. */
  handlersOf(topicKey: string): readonly Responsibility[] {
    return this.handlers.get(topicKey) ?? EMPTY;
  }

  /** The units linked to a topic (not to narrower ones), in dataset order. */
  unitsHandling(topicKey: string): Unit[] {
    return this.existing(
      this.handlersOf(topicKey).map((r) => r.unitKey),
      this.unitMap,
    );
  }

  event(key: string): OrgEvent | undefined {
    return this.eventMap.get(key);
  }

  /** All events in chronological order (partial dates ordered by the period they start). */
  events(): readonly OrgEvent[] {
    return this.eventsInOrder;
  }

  eventsAffecting(unitKey: string): readonly OrgEvent[] {
    return this.eventsByUnit.get(unitKey) ?? EMPTY;
  }

  /** The units an event created, changed or concerned. */
  unitsAffectedBy(event: OrgEvent): Unit[] {
    return this.existing(event.affectsKeys, this.unitMap);
  }

  /** The larger event this one is part of. */
  partOfEvent(event: OrgEvent): OrgEvent | undefined {
    return event.partOfKey === undefined ? undefined : this.eventMap.get(event.partOfKey);
  }

  /** The events this one resulted from. */
  causesOf(event: OrgEvent): OrgEvent[] {
    return this.existing(event.causedByKeys, this.eventMap);
  }

  document(key: string): SourceDocument | undefined {
    return this.data.documents.get(key);
  }

  /** When a cited document says it was last updated ("Mis à jour le…"), if it says. */
  documentUpdate(documentKey: string): DocumentUpdate | undefined {
    return this.data.documentUpdates.get(documentKey);
  }

  /** A document the graph describes as a node (documents.yaml): the 2010 Strategic Concept. */
  orgDocument(key: string): OrgDocument | undefined {
    return this.documentMap.get(key);
  }

  /** The documents the graph describes, in file order (a view at a date: those adopted by then). */
  orgDocuments(): OrgDocument[] {
    return [...this.documentMap.values()];
  }

  /** The documents an event endorsed (the Lisbon Summit, the Strategic Concept). */
  documentsEndorsedBy(event: OrgEvent): OrgDocument[] {
    return this.existing(event.endorsesKeys, this.documentMap);
  }

  /** The documents whose commitments an event follows from. */
  documentsFollowedBy(event: OrgEvent): OrgDocument[] {
    return this.existing(event.followsFromKeys, this.documentMap);
  }

  /** The events that endorsed a document (the Lisbon Summit), in chronological order. */
  endorsementsOf(documentKey: string): readonly OrgEvent[] {
    return this.eventsEndorsing.get(documentKey) ?? EMPTY;
  }

  /** The events that follow from a document's commitments (the review), in chronological order. */
  eventsFollowingFrom(documentKey: string): readonly OrgEvent[] {
    return this.eventsFollowing.get(documentKey) ?? EMPTY;
  }

  /**
   * Folded name → unit, for the dataset as loaded, made on first use (the server's warm-up makes
   * it just after start, and a reload before the new graph is served).
   */
  unitNameIndex(): UnitNameIndex {
    return unitNameIndex(this);
  }

  /**
   * The name entries (official name, acronym or alias) that match `text` exactly once folded. A
   * view shares its base's name index: a name of a unit the view does not hold finds nothing.
   */
  unitNameEntries(text: string): readonly UnitNameEntry[] {
    const key = nameKey(text);
    const named = this.base.unitNameIndex().unitNamed(key);
    const unit = named && this.unitMap.get(named.key);
    if (!unit) return EMPTY;
    return unitNamesOf(unit)
      .map(([, entry]) => entry)
      .filter((entry) => nameKey(entry.text) === key);
  }

  topicNameEntry(text: string): TopicNameEntry | undefined {
    return this.data.topicNames.get(nameKey(text));
  }

  /**
   * A view of this graph on `date` holding only some units, posts, events and described
   * documents; topics and cited documents stay. Its records are copies bound to it (see
   * as-of.ts, which decides what stays).
   */
  viewOn(
    date: PartialDate,
    keep: {
      readonly units: ReadonlySet<string>;
      readonly posts: ReadonlySet<string>;
      readonly events: ReadonlySet<string>;
      readonly orgDocuments: ReadonlySet<string>;
    },
  ): OrgGraph {
    const only = <T>(map: ReadonlyMap<string, T>, keys: ReadonlySet<string>) =>
      new Map([...map].filter(([k]) => keys.has(k)));
    return new OrgGraph(
      {
        ...this.data,
        units: only(this.unitMap, keep.units),
        posts: only(this.postMap, keep.posts),
        topics: this.topicMap,
        events: only(this.eventMap, keep.events),
        orgDocuments: only(this.documentMap, keep.orgDocuments),
      },
      this.meta,
      { base: this.base, date },
    );
  }

  /** Every citation in the data: of units, their links and rules, posts, events and documents. */
  *citations(): Generator<Citation> {
    for (const list of citationLists(this)) yield* list;
  }

  counts(): {
    units: number;
    posts: number;
    topics: number;
    events: number;
    documents: number;
    citations: number;
  } {
    return {
      units: this.unitMap.size,
      posts: this.postMap.size,
      topics: this.topicMap.size,
      events: this.eventMap.size,
      documents: this.documentMap.size,
      citations: [...citationLists(this)].reduce((n, list) => n + list.length, 0),
    };
  }

  /** The records of these keys that this graph holds, in the order of the keys. */
  private existing<T>(keys: readonly string[], records: ReadonlyMap<string, T>): T[] {
    const out: T[] = [];
    for (const key of keys) {
      const record = records.get(key);
      if (record !== undefined) out.push(record);
    }
    return out;
  }
}

/**
 * Every list of citations the data holds, each once (a link without citations of its own shares
 * its unit's, and a head without them its post's): what `counts` totals and `citations` yields.
 */
function* citationLists(graph: OrgGraph): Generator<readonly Citation[]> {
  for (const d of graph.documents) {
    const update = graph.documentUpdate(d.key);
    if (update) yield update.sources;
  }
  for (const u of graph.units()) {
    yield u.sources;
    if (u.headKey && u.headSources !== graph.post(u.headKey)?.sources) yield u.headSources;
    if (u.parent && u.parent.sources !== u.sources) yield u.parent.sources;
    if (u.reportsTo && u.reportsTo.sources !== u.sources) yield u.reportsTo.sources;
    for (const m of u.memberOf) if (m.sources !== u.sources) yield m.sources;
    for (const r of u.responsibilities) yield r.sources;
    for (const a of u.aliases) yield a.sources;
    for (const c of u.corrections) yield c.sources;
    if (u.headcount) yield u.headcount.sources;
    if (u.location) yield u.location.sources;
    for (const r of staffRuleList(u.staffRules)) yield r.sources;
    for (const sp of u.supports) yield sp.sources;
  }
  for (const p of graph.posts()) {
    yield p.sources;
    for (const h of p.holders ?? EMPTY) yield h.sources;
  }
  for (const p of graph.people()) yield p.sources;
  for (const d of graph.orgDocuments()) {
    yield d.sources;
    for (const c of d.commitments) yield c.sources;
  }
  for (const e of graph.events()) {
    yield e.sources;
    if (e.dateInference) yield e.dateInference.sources;
    for (const c of e.corrections) yield c.sources;
  }
}

/** A unit's staff rules as one list, in the order of StaffRules' fields. */
export function staffRuleList(rules: StaffRules | undefined): StaffRule[] {
  if (!rules) return [];
  const { eligibility, recruitment, appointments, allegiance, vacancies } = rules;
  const all: (StaffRule | undefined)[] = [
    eligibility,
    ...recruitment,
    appointments,
    allegiance,
    vacancies,
  ];
  return all.filter((r) => r !== undefined);
}
