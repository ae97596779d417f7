/**
 * The immutable organisation graph: records by key and the indexes built once at load time
 * (children, heads, handlers, events per unit, names). Traversals and resolution live in their own
 * modules and use only these accessors.
 */
import {
  unitNamesOf,
  type GraphData,
  type TopicNameEntry,
  type UnitNameEntry,
} from './build-graph';
import { nameKey } from './normalize';
import { compareEvents } from './event-order';
import type {
  Citation,
  Dataset,
  DocumentUpdate,
  OrgDocument,
  OrgEvent,
  Post,
  Responsibility,
  SourceDocument,
  StaffRule,
  StaffRules,
  Support,
  Topic,
  Unit,
  UnitKind,
} from './types';

export interface GraphMeta {
  /** Content hash of the seed files: changes whenever the data does. */
  readonly version: string;
  readonly loadedAt: Date;
  readonly dir: string;
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

export class OrgGraph {
  readonly dataset: Dataset;
  readonly meta: GraphMeta;
  private readonly data: GraphData;
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

  constructor(data: GraphData, meta: GraphMeta) {
    this.data = data;
    this.dataset = data.dataset;
    this.meta = meta;
    const units = [...data.units.values()];
    this.children = groupBy(units, (u) => (u.parent ? [u.parent.unitKey] : []));
    this.handlers = groupBy(
      units.flatMap((u) => u.responsibilities),
      (r) => [r.topicKey],
    );
    this.narrowerTopics = groupBy(data.topics.values(), (t) => t.broaderKeys);
    this.unitsByPostHeaded = groupBy(units, (u) => (u.headKey ? [u.headKey] : []));
    this.postsByUnit = groupBy(data.posts.values(), (p) => [p.unitKey]);
    this.supportsReceived = groupBy(
      units.flatMap((u) => u.supports),
      (sp) => (sp.supported.kind === 'unit' ? [sp.supported.unitKey] : []),
    );
    this.eventsInOrder = [...data.events.values()].sort(compareEvents);
    this.eventsByUnit = groupBy(this.eventsInOrder, (e) => e.affectsKeys);
    this.eventsEndorsing = groupBy(this.eventsInOrder, (e) => e.endorsesKeys);
    this.eventsFollowing = groupBy(this.eventsInOrder, (e) => e.followsFromKeys);
    const depths = new Map<string, number>();
    const depthOf = (u: Unit): number => {
      const known = depths.get(u.key);
      if (known !== undefined) return known;
      const parent = u.parent && data.units.get(u.parent.unitKey);
      const d = parent ? depthOf(parent) + 1 : 0;
      depths.set(u.key, d);
      return d;
    };
    units.forEach(depthOf);
    this.depths = depths;
  }

  get documents(): Iterable<SourceDocument> {
    return this.data.documents.values();
  }

  unit(key: string): Unit | undefined {
    return this.data.units.get(key);
  }

  units(kind?: UnitKind): Unit[] {
    const all = [...this.data.units.values()];
    return kind ? all.filter((u) => u.kind === kind) : all;
  }

  /** Direct sub-units (part-of), in file order. */
  childrenOf(unitKey: string): readonly Unit[] {
    return this.children.get(unitKey) ?? EMPTY;
  }

  /** Distance from the top of the part-of tree (0 for a root). */
  depthOf(unitKey: string): number {
    return this.depths.get(unitKey) ?? 0;
  }

  post(key: string): Post | undefined {
    return this.data.posts.get(key);
  }

  posts(): Post[] {
    return [...this.data.posts.values()];
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
    const given = this.data.units.get(unitKey)?.supports ?? EMPTY;
    return given.every((sp) => this.holds(sp)) ? given : given.filter((sp) => this.holds(sp));
  }

  /** The support a unit receives from the units of this graph, in file order of the givers. */
  supportersOf(unitKey: string): readonly Support[] {
    return this.supportsReceived.get(unitKey) ?? EMPTY;
  }

  private holds(sp: Support): boolean {
    return sp.supported.kind === 'party' || this.data.units.has(sp.supported.unitKey);
  }

  /** Units whose `head` is this post (the Secretary General heads more than one). */
  unitsHeadedBy(postKey: string): readonly Unit[] {
    return this.unitsByPostHeaded.get(postKey) ?? EMPTY;
  }

  topic(key: string): Topic | undefined {
    return this.data.topics.get(key);
  }

  topics(): Topic[] {
    return [...this.data.topics.values()];
  }

  narrowerOf(topicKey: string): readonly Topic[] {
    return this.narrowerTopics.get(topicKey) ?? EMPTY;
  }

  /** The responsibilities (unit links) for a topic, in file order of the units. */
  handlersOf(topicKey: string): readonly Responsibility[] {
    return this.handlers.get(topicKey) ?? EMPTY;
  }

  event(key: string): OrgEvent | undefined {
    return this.data.events.get(key);
  }

  /** All events in chronological order (partial dates ordered by the period they start). */
  events(): readonly OrgEvent[] {
    return this.eventsInOrder;
  }

  eventsAffecting(unitKey: string): readonly OrgEvent[] {
    return this.eventsByUnit.get(unitKey) ?? EMPTY;
  }

  /** A cited document (sources.yaml). */
  document(key: string): SourceDocument | undefined {
    return this.data.documents.get(key);
  }

  /** When a cited document says it was last updated ("Mis à jour le…"), if it says. */
  documentUpdate(documentKey: string): DocumentUpdate | undefined {
    return this.data.documentUpdates.get(documentKey);
  }

  /** A document the graph describes as a node (documents.yaml): the 2010 Strategic Concept. */
  orgDocument(key: string): OrgDocument | undefined {
    return this.data.orgDocuments.get(key);
  }

  /** The documents the graph describes, in file order (a view at a date: those adopted by then). */
  orgDocuments(): OrgDocument[] {
    return [...this.data.orgDocuments.values()];
  }

  /** The events that endorsed a document (the Lisbon Summit), in chronological order. */
  endorsementsOf(documentKey: string): readonly OrgEvent[] {
    return this.eventsEndorsing.get(documentKey) ?? EMPTY;
  }

  /** The events that follow from a document's commitments (the review), in chronological order. */
  eventsFollowingFrom(documentKey: string): readonly OrgEvent[] {
    return this.eventsFollowing.get(documentKey) ?? EMPTY;
  }

  /** The name entries (official name, acronym or alias) that match `text` exactly once folded. */
  unitNameEntries(text: string): readonly UnitNameEntry[] {
    const key = nameKey(text);
    const unit = this.data.units.get(this.data.unitNames.get(key) ?? '');
    if (!unit) return EMPTY;
    return unitNamesOf(unit)
      .map(([, entry]) => entry)
      .filter((entry) => nameKey(entry.text) === key);
  }

  topicNameEntry(text: string): TopicNameEntry | undefined {
    return this.data.topicNames.get(nameKey(text));
  }

  /**
   * The same graph with only some units, posts, events and described documents (a view at a
   * date); topics and cited documents stay. Name entries of the units left out are dropped, so they are not found by name either.
   */
  restrictedTo(keep: {
    readonly units: ReadonlySet<string>;
    readonly posts: ReadonlySet<string>;
    readonly events: ReadonlySet<string>;
    readonly orgDocuments: ReadonlySet<string>;
  }): OrgGraph {
    const only = <T>(map: ReadonlyMap<string, T>, keys: ReadonlySet<string>) =>
      new Map([...map].filter(([k]) => keys.has(k)));
    const unitNames = new Map<string, string>();
    for (const [name, unitKey] of this.data.unitNames) {
      if (keep.units.has(unitKey)) unitNames.set(name, unitKey);
    }
    return new OrgGraph(
      {
        ...this.data,
        units: only(this.data.units, keep.units),
        posts: only(this.data.posts, keep.posts),
        events: only(this.data.events, keep.events),
        orgDocuments: only(this.data.orgDocuments, keep.orgDocuments),
        unitNames,
      },
      this.meta,
    );
  }

  /** Every citation in the data: of units, their links and rules, posts, events and documents. */
  *citations(): Generator<Citation> {
    for (const list of citationLists(this.data)) yield* list;
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
      units: this.data.units.size,
      posts: this.data.posts.size,
      topics: this.data.topics.size,
      events: this.data.events.size,
      documents: this.data.orgDocuments.size,
      citations: [...citationLists(this.data)].reduce((n, list) => n + list.length, 0),
    };
  }
}

/**
 * Every list of citations the data holds, each once (a link without citations of its own shares
 * its unit's, and a head without them its post's): what `counts` totals and `citations` yields.
 */
function* citationLists(data: GraphData): Generator<readonly Citation[]> {
  for (const u of data.documentUpdates.values()) yield u.sources;
  for (const u of data.units.values()) {
    yield u.sources;
    if (u.headKey && u.headSources !== data.posts.get(u.headKey)?.sources) yield u.headSources;
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
  for (const p of data.posts.values()) yield p.sources;
  for (const d of data.orgDocuments.values()) {
    yield d.sources;
    for (const c of d.commitments) yield c.sources;
  }
  for (const e of data.events.values()) {
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
