/**
 * One answerer per kind of question: each reads the resolved slots, asks the domain modules
 * (responsibility, reporting lines, paths, as-of views, event queries) and returns the facts, the
 * sentences (as messages), the citations and the GraphQL document that gets the same facts. An
 * answerer never guesses: where the data is silent it says so, and `notStated` is true.
 */
import { coverageOf, graphAt, presenceAt, latestRestructuring } from '../as-of';
import { queryEvents } from '../event-query';
import { graphIndex, nodeId, type EdgeKind } from '../graph-index';
import type { OrgGraph } from '../org-graph';
import { comparePartialDates, overlaps, type PartialDate } from '../partial-date';
import { commonSuperiorOf, shortestPath, type GraphPath } from '../path';
import { reportingLine, superiorOf } from '../reporting-line';
import { nodeWithKey } from '../node-by-name';
import { staffRuleList } from '../org-graph';
import { wordsOf } from '../search/analyze';
import { ancestors } from '../unit-tree';
import type {
  Citation,
  Correction,
  Localized,
  OrgEvent,
  Post,
  SourceDocument,
  Topic,
  Unit,
  UnitKind,
} from '../types';
import type { Verdict } from './answer';
import { documents, type GraphQLDocument } from './graphql-documents';
import type { Intent } from './intent';
import type { AskedKind, Language, TemplateKey } from './language';
import {
  date,
  formatDate,
  list,
  localized,
  message,
  pick,
  quoted,
  sub,
  type Message,
  type Param,
} from './render';
import type { KindSlot, PeriodSlot, PostSlot, SlotText, TopicSlot, UnitSlot } from './slots';

/** What the question asked, its slots resolved against the data. */
export interface Asked {
  readonly graph: OrgGraph;
  readonly languages: readonly Language[];
  readonly texts: Readonly<Partial<Record<string, SlotText>>>;
  readonly unit?: UnitSlot | undefined;
  readonly unit2?: UnitSlot | undefined;
  readonly topic?: TopicSlot | undefined;
  readonly kind?: KindSlot | undefined;
  readonly post?: PostSlot | undefined;
  readonly event?: OrgEvent | undefined;
  readonly period?: PeriodSlot | undefined;
}

/** A note is a sentence of ours or a text of the dataset (already in both languages). */
export type NoteItem = Message | Localized;

export interface Draft {
  readonly units?: readonly Unit[];
  readonly posts?: readonly Post[];
  readonly topics?: readonly Topic[];
  readonly events?: readonly OrgEvent[];
  readonly count?: number;
  readonly approximate?: boolean;
  readonly date?: PartialDate | undefined;
  readonly endDate?: PartialDate | undefined;
  readonly path?: GraphPath | undefined;
  readonly verdict?: Verdict;
  readonly text: readonly NoteItem[];
  readonly note?: readonly NoteItem[];
  readonly sources?: readonly Citation[];
  readonly documents?: readonly SourceDocument[];
  readonly corrections?: readonly Correction[];
  readonly notStated?: boolean;
  readonly document?: GraphQLDocument | undefined;
  /** Extra weight on the answer's confidence (a related match, an assumed presence). */
  readonly confidence?: number;
  /** The unit slot named several units: the answer is to be given once per candidate. */
  readonly ambiguousUnit?: readonly Unit[];
}

export type Answerer = (asked: Asked) => Draft;

const name = (u: Unit): Param => localized(u.name);
const names = (units: readonly Unit[]): Param => list(units.map(name));
const chain =
  (items: readonly Param[]): Param =>
  (l) =>
    items.map((p) => (typeof p === 'function' ? p(l) : String(p))).join(' → ');
const asked = (a: Asked, slot: string): Param => quoted(a.texts[slot]?.text ?? '');
const number =
  (n: number): Param =>
  (l) =>
    new Intl.NumberFormat(l.code).format(n);

function citations(lists: readonly (readonly Citation[] | undefined)[]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const c of lists.flat()) {
    if (!c) continue;
    const key = `${c.document.key}\u0000${c.quote}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

const isIndependent = (u: Unit) => u.independent;

/** The unit questions about "the staff" mean when they name none: the international staff. */
export function defaultUnit(graph: OrgGraph): Unit | undefined {
  return graph.units('international-staff')[0] ?? graph.units().find((u) => !u.parent);
}

/** A kind's declaration in the graph's dataset; undefined for a kind it does not have. */
const declaredKind = (graph: OrgGraph, kind: UnitKind | undefined) =>
  kind === undefined ? undefined : graph.kinds.find((k) => k.key === kind);

function kindPhrase(kind: AskedKind | UnitKind, count: number, independent = false): Param {
  return (l) => {
    const k = `kindPhrase.${kind}.${count === 1 ? 'one' : 'many'}` as TemplateKey;
    const words = l.file.templates[k];
    return independent ? l.file.templates.independentPhrase.replace('{kinds}', words) : words;
  };
}

const notFoundUnit = (a: Asked, slot = 'unit'): Draft => ({
  text: [message('unit.notFound', { asked: asked(a, slot) })],
  notStated: true,
});

/**
 * Runs `answer` with the unit the slot names; says so when it names none, and hands back the
 * candidates when it names several (the engine answers each as an interpretation).
 */
function withUnit(
  a: Asked,
  answer: (unit: Unit) => Draft,
  slot: 'unit' | 'unit2' = 'unit',
  fallback?: Unit,
): Draft {
  const s = slot === 'unit' ? a.unit : a.unit2;
  if (!s) return fallback ? answer(fallback) : notFoundUnit(a, slot);
  if (s.status === 'none') return notFoundUnit(a, slot);
  if (s.status === 'ambiguous') {
    const units = s.alternatives.map((m) => m.unit);
    return {
      text: [
        message('unit.ambiguous', {
          asked: asked(a, slot),
          count: units.length,
          units: names(units),
        }),
      ],
      ambiguousUnit: units,
    };
  }
  const draft = answer(s.unit);
  if (!s.partial) return draft;
  return {
    ...draft,
    note: [
      message('unit.partial', { asked: asked(a, slot), unit: name(s.unit) }),
      ...(draft.note ?? []),
    ],
  };
}

const KIND_OF_ASKED: Record<AskedKind, UnitKind | undefined> = {
  division: 'division',
  office: 'office',
  'cabinet-unit': 'cabinet-unit',
  cabinet: 'cabinet',
  council: 'council',
  any: undefined,
};

function ofKind(units: readonly Unit[], kind: KindSlot | undefined): Unit[] {
  const k = kind && KIND_OF_ASKED[kind.kind];
  return units.filter((u) => (!k || u.kind === k) && (!kind?.independent || isIndependent(u)));
}

// ---------------------------------------------------------------------------------------------
// Who handles a topic

const whoHandles: Answerer = (a) => {
  const slot = a.topic;
  const answer = slot?.answer;
  const topicsAsked = answer?.topics ?? [];
  const note: NoteItem[] = answer?.note ? [answer.note] : [];
  if (!answer || topicsAsked.length === 0) {
    return {
      text: [message('whoHandles.notFound', { asked: asked(a, 'topic') })],
      note,
      notStated: true,
    };
  }
  const topicNames = list(topicsAsked.map((t) => quoted(t.topic.label)));
  const topicKeys = [...new Set(topicsAsked.map((t) => t.topic.key))];
  if (answer.matches.length === 0) {
    return {
      topics: topicsAsked.map((t) => t.topic),
      text: [message('whoHandles.unhandled', { topic: topicNames })],
      note,
      notStated: true,
      document: documents.whoHandles(topicKeys),
    };
  }
  let matches = answer.matches;
  const wanted = a.kind && KIND_OF_ASKED[a.kind.kind];
  const text: NoteItem[] = [];
  let kindFilter: UnitKind | undefined;
  if (wanted) {
    const filtered = matches.filter((m) => m.unit.kind === wanted);
    if (filtered.length === 0) {
      text.push(
        message('whoHandles.kindMismatch', {
          kind: kindPhrase(wanted, 1),
          topic: topicNames,
          units: names(matches.map((m) => m.unit)),
        }),
      );
    } else {
      matches = filtered;
      kindFilter = wanted;
    }
  }
  const direct = matches.filter((m) => !m.viaNarrower);
  const narrower = matches.filter((m) => m.viaNarrower);
  if (text.length === 0) {
    if (direct.length > 0) {
      text.push(
        message(direct.length === 1 ? 'whoHandles.found.one' : 'whoHandles.found.many', {
          units: names(direct.map((m) => m.unit)),
          topic: topicNames,
        }),
      );
    }
    if (narrower.length > 0) {
      const narrowerTopics = [...new Map(narrower.map((m) => [m.topic.key, m.topic])).values()];
      text.push(
        message('whoHandles.narrower', {
          topics: list(narrowerTopics.map((t) => quoted(t.label))),
          units: names(narrower.map((m) => m.unit)),
        }),
      );
    }
  }
  for (const m of matches) {
    if (m.responsibility.scope) {
      note.push(
        message('whoHandles.scope', {
          unit: name(m.unit),
          scope: localized(m.responsibility.scope),
        }),
      );
    }
    if (m.basis === 'unit-name') note.push(message('whoHandles.unitName', { unit: name(m.unit) }));
  }
  return {
    units: matches.map((m) => m.unit),
    topics: [...new Map(topicsAsked.map((t) => [t.topic.key, t.topic])).values()],
    text,
    note,
    sources: citations(matches.map((m) => m.responsibility.sources)),
    confidence: Math.max(...matches.map((m) => m.confidence)),
    document: documents.whoHandles(topicKeys, declaredKind(a.graph, kindFilter)),
  };
};

// ---------------------------------------------------------------------------------------------
// Structure: reporting lines, heads, descriptions, positions, parts

const reportingLineOf: Answerer = (a) =>
  withUnit(a, (unit) => {
    const line = reportingLine(a.graph, unit.key) ?? [];
    const units = line.map((s) => s.unit);
    return {
      units,
      text: [
        units.length > 1
          ? message('reportingLine.found', { unit: name(unit), line: chain(units.map(name)) })
          : message('reportingLine.top', { unit: name(unit) }),
      ],
      sources: citations(line.map((s) => s.sources)),
      document: documents.reportingLine(unit.key),
    };
  });

const superior: Answerer = (a) =>
  withUnit(a, (unit) => {
    const up = superiorOf(a.graph, unit);
    if (!up) {
      return {
        text: [message('superior.none', { unit: name(unit) })],
        notStated: true,
        document: documents.superior(unit.key),
      };
    }
    const key = up.basis === 'part-of' ? 'superior.viaPart' : 'superior.found';
    return {
      units: [up.unit],
      text: [message(key, { unit: name(unit), superior: name(up.unit) })],
      sources: citations([up.sources]),
      document: documents.superior(unit.key),
    };
  });

const REPORTS: ReadonlySet<EdgeKind> = new Set(['reports-to']);

const subordinates: Answerer = (a) =>
  withUnit(a, (unit) => {
    const ids = graphIndex(a.graph).neighbours(nodeId('unit', unit.key), REPORTS, 'in');
    const units = ofKind(
      ids.flatMap((id) => a.graph.unit(id.slice('unit:'.length)) ?? []),
      a.kind,
    );
    const document = documents.subordinates(unit.key);
    if (units.length === 0)
      return {
        text: [message('subordinates.none', { unit: name(unit) })],
        notStated: true,
        document,
      };
    return {
      units,
      text: [message('subordinates.found', { unit: name(unit), units: names(units) })],
      sources: citations(units.map((u) => superiorOf(a.graph, u)?.sources)),
      document,
    };
  });

const postTitle =
  (p: Post): Param =>
  (l) =>
    `${pick(p.title, l.code)}${p.acronym ? ` (${p.acronym})` : ''}`;

const head: Answerer = (a) =>
  withUnit(a, (unit) => {
    const post = unit.headKey ? a.graph.post(unit.headKey) : undefined;
    const document = documents.head(unit.key);
    if (!post)
      return {
        units: [unit],
        text: [message('head.none', { unit: name(unit) })],
        notStated: true,
        document,
      };
    return {
      units: [unit],
      posts: [post],
      text: [
        message('head.found', { unit: name(unit), post: postTitle(post) }),
        message('head.noHolder'),
      ],
      sources: citations([post.sources]),
      document,
    };
  });

const holder: Answerer = (a) => {
  const posts =
    a.post?.posts ??
    (a.unit?.status === 'found' && a.unit.unit.headKey
      ? [a.graph.post(a.unit.unit.headKey)].flatMap((p) => p ?? [])
      : []);
  const scope = a.unit?.status === 'found' ? a.unit.unit : undefined;
  const withinUnit = scope && a.post ? posts.filter((p) => p.unitKey === scope.key) : posts;
  const found = withinUnit.length > 0 ? withinUnit : posts;
  const first = found[0];
  if (!first) {
    return {
      text: [message('holder.unknownPerson', { asked: asked(a, a.texts.post ? 'post' : 'unit') })],
      notStated: true,
    };
  }
  return {
    posts: found,
    text: [message('holder.none', { post: postTitle(first) })],
    notStated: true,
    sources: citations(found.map((p) => p.sources)),
    document: documents.holder(first.unitKey),
  };
};

function kindDescription(graph: OrgGraph, unit: Unit): Param {
  const parent = unit.parent ? graph.unit(unit.parent.unitKey) : undefined;
  const parentName: Param = parent ? name(parent) : '—';
  if (unit.kind === 'office' && unit.independent)
    return sub(message('independentOffice', { parent: parentName }));
  const headed = graph.unitsHeadedBy(unit.key).filter((u) => u.key !== unit.key);
  return sub(
    message(`unitKind.${unit.kind}` as TemplateKey, { parent: parentName, headed: names(headed) }),
  );
}

const describe: Answerer = (a) =>
  withUnit(a, (unit) => ({
    units: [unit],
    text: [
      message('describe.kind', { unit: name(unit), kindPhrase: kindDescription(a.graph, unit) }),
      unit.description,
    ],
    note: unit.notes,
    sources: citations([unit.sources]),
    corrections: unit.corrections,
    document: documents.describe(unit.key),
  }));

const responsibilities: Answerer = (a) =>
  withUnit(a, (unit) => {
    const links = unit.responsibilities;
    const topics = links.flatMap((r) => a.graph.topic(r.topicKey) ?? []);
    const document = documents.responsibilities(unit.key);
    if (topics.length === 0) {
      return {
        units: [unit],
        text: [message('responsibilities.none', { unit: name(unit) })],
        notStated: true,
        document,
      };
    }
    const labels = list(topics.map((t) => localized(t.label)));
    const fromName = links.every((r) => r.basis === 'unit-name');
    return {
      units: [unit],
      topics,
      text: [
        message(fromName ? 'responsibilities.unitName' : 'responsibilities.found', {
          unit: name(unit),
          topics: labels,
        }),
      ],
      notStated: fromName,
      sources: citations(links.map((r) => r.sources)),
      document,
    };
  });

const position: Answerer = (a) =>
  withUnit(a, (unit) => {
    const up = ancestors(unit).reverse();
    const document = documents.position(unit.key);
    const units = [unit, ...up];
    const sources = citations([unit.parent?.sources, ...up.map((u) => u.parent?.sources)]);
    const text: NoteItem[] = [
      up.length > 0
        ? message('position.found', { unit: name(unit), parents: chain(up.map(name)) })
        : message('position.top', { unit: name(unit) }),
    ];
    const superiorStep = superiorOf(a.graph, unit);
    if (superiorStep && superiorStep.basis === 'reports-to') {
      text.push(message('position.reports', { superior: name(superiorStep.unit) }));
    }
    const members = unit.memberOf.flatMap((m) => a.graph.unit(m.unitKey) ?? []);
    if (members.length > 0) text.push(message('position.member', { units: names(members) }));
    if (a.unit2?.status === 'found') {
      const other = a.unit2.unit;
      const inside = up.some((u) => u.key === other.key);
      return {
        units,
        verdict: inside ? 'yes' : 'no',
        text: [
          message(inside ? 'position.yes' : 'position.no', {
            unit: name(unit),
            other: name(other),
          }),
          ...text,
        ],
        sources,
        document,
      };
    }
    return { units, text, sources, document };
  });

const parts: Answerer = (a) =>
  withUnit(a, (unit) => {
    const kind = a.kind && KIND_OF_ASKED[a.kind.kind];
    const units = ofKind(a.graph.childrenOf(unit.key), a.kind);
    const document = documents.parts(unit.key, declaredKind(a.graph, kind));
    if (units.length === 0)
      return { text: [message('parts.none', { unit: name(unit) })], notStated: true, document };
    return {
      units,
      count: units.length,
      text: [
        message('parts.found', { unit: name(unit), count: units.length, units: names(units) }),
      ],
      sources: citations(units.map((u) => u.parent?.sources)),
      document,
    };
  });

// ---------------------------------------------------------------------------------------------
// Counts and lists

/** The date a period points at, for a view of the structure ("in 2009" → 2009). */
function viewDate(period: PeriodSlot | undefined): PartialDate | undefined {
  if (!period) return undefined;
  if (period.relation === 'before' || period.relation === 'until') return period.to;
  if (period.relation === 'after' || period.relation === 'since') return period.from;
  return period.date;
}

interface Selection {
  readonly units: readonly Unit[];
  /** Undefined when the sources do not describe these units on the date asked. */
  readonly described: boolean;
  readonly notes: readonly Localized[];
  readonly date?: PartialDate | undefined;
}

/** The units of a kind (within a unit, on a date), as the count and list questions ask. */
function select(a: Asked, within: Unit | undefined, on: PartialDate | undefined): Selection {
  const pick = (g: OrgGraph) => ofKind(within ? g.childrenOf(within.key) : g.units(), a.kind);
  if (!on) return { units: pick(a.graph), described: true, notes: [] };
  const view = graphAt(a.graph, on);
  const coverage = coverageOf(view);
  const candidates = pick(a.graph);
  const since = latestRestructuring(a.graph);
  const described = candidates.every(
    (u) => presenceAt(a.graph, u, startDay(on), since) !== 'unknown',
  );
  const units = within && !view.unit(within.key) ? [] : pick(view);
  return {
    units,
    described:
      described &&
      (candidates.length === 0 ||
        units.length > 0 ||
        candidates.every((u) => coverage.presence.get(u.key) === 'absent')),
    notes: coverage.notes,
    date: on,
  };
}

/** "in 2009", "on 1 June 2009": the date of a view, as a phrase. */
const when = (d: PartialDate): Param =>
  sub(message(d.precision === 'day' ? 'period.on' : 'period.in', { date: date(d) }));

const startDay = (d: PartialDate) =>
  `${String(d.year).padStart(4, '0')}-${String(d.month ?? 1).padStart(2, '0')}-${String(d.day ?? 1).padStart(2, '0')}`;

const within = (a: Asked): Unit | undefined =>
  a.unit?.status === 'found' ? a.unit.unit : undefined;

function unitsDocument(a: Asked, on: PartialDate | undefined): GraphQLDocument {
  const kind = a.kind && KIND_OF_ASKED[a.kind.kind];
  const scope = within(a);
  return scope
    ? documents.parts(scope.key, declaredKind(a.graph, kind), on?.value)
    : documents.unitsOfKind(declaredKind(a.graph, kind), on?.value, a.kind?.independent ?? false);
}

const count: Answerer = (a) => {
  if (a.post && !a.kind) {
    const posts = a.post.posts;
    return {
      posts,
      count: posts.length,
      text: [message('count.posts', { count: posts.length, post: localized(a.post.title) })],
      sources: citations(posts.map((p) => p.sources)),
      document: documents.posts(),
    };
  }
  if (a.unit && a.unit.status !== 'found') return withUnit(a, () => ({ text: [] }));
  const on = viewDate(a.period);
  const s = select(a, within(a), on);
  const kind = a.kind?.kind ?? 'any';
  const phrase = kindPhrase(kind, s.units.length, a.kind?.independent);
  const document = unitsDocument(a, on);
  if (!s.described) {
    return {
      text: [
        message('count.notDescribed', {
          kindPhrase: kindPhrase(kind, 2, a.kind?.independent),
          when: when(on!),
        }),
      ],
      note: s.notes,
      notStated: true,
      date: on,
      document,
    };
  }
  const scope = within(a);
  const key = on
    ? 'count.at'
    : scope
      ? 'count.inUnit'
      : s.units.length === 0
        ? 'count.zero'
        : 'count.found';
  return {
    units: s.units,
    count: s.units.length,
    date: on,
    text: [
      message(key, {
        count: s.units.length,
        kindPhrase: phrase,
        units: names(s.units),
        unit: scope ? name(scope) : '',
        when: on ? when(on) : '',
      }),
    ],
    note: s.notes,
    sources: citations(s.units.map((u) => u.parent?.sources)),
    document,
  };
};

/** Units whose head post is one of these, a post's own unit aside (the SG heads itself). */
function headedBy(graph: OrgGraph, posts: readonly Post[]): Unit[] {
  const keys = new Set(posts.map((p) => p.key));
  return graph.units().filter((u) => u.headKey && keys.has(u.headKey) && u.key !== u.headKey);
}

const listUnits: Answerer = (a) => {
  if (a.post) {
    const units = ofKind(headedBy(a.graph, a.post.posts), a.kind);
    const title = quoted(a.texts.post?.text ?? pick(a.post.title, 'en'));
    const document = documents.eachUnit(
      units.map((u) => u.key),
      documents.headField,
    );
    if (units.length === 0)
      return { text: [message('list.headedByNone', { post: title })], notStated: true, document };
    return {
      units,
      posts: a.post.posts.filter((p) => units.some((u) => u.headKey === p.key)),
      count: units.length,
      text: [message('list.headedBy', { post: title, units: names(units) })],
      sources: citations(
        units.map((u) => (u.headKey ? a.graph.post(u.headKey)?.sources : undefined)),
      ),
      document,
    };
  }
  if (a.unit && a.unit.status !== 'found') return withUnit(a, () => ({ text: [] }));
  const on = viewDate(a.period);
  const s = select(a, within(a), on);
  const kind = a.kind?.kind ?? 'any';
  const document = unitsDocument(a, on);
  const phrase =
    (n: number): Param =>
    (l) => {
      const p = kindPhrase(kind, n, a.kind?.independent);
      const text = typeof p === 'function' ? p(l) : String(p);
      return text.charAt(0).toUpperCase() + text.slice(1);
    };
  if (!s.described) {
    return {
      text: [
        message('count.notDescribed', {
          kindPhrase: kindPhrase(kind, 2, a.kind?.independent),
          when: when(on!),
        }),
      ],
      note: s.notes,
      notStated: true,
      date: on,
      document,
    };
  }
  if (s.units.length === 0)
    return {
      text: [message('list.none', { kindPhrase: kindPhrase(kind, 1, a.kind?.independent) })],
      notStated: true,
      document,
    };
  return {
    units: s.units,
    count: s.units.length,
    date: on,
    text: [message('list.found', { kindPhrase: phrase(s.units.length), units: names(s.units) })],
    note: s.notes,
    sources: citations(s.units.map((u) => u.parent?.sources)),
    document,
  };
};

// ---------------------------------------------------------------------------------------------
// Time: creation, events, chronology, the structure on a date

const CREATION_KINDS = new Set(['creation', 'start']);

/** The notes of a unit that speak of the year a date falls in (the NOR's unverified 2007). */
const notesAbout = (unit: Unit, d: PartialDate) =>
  unit.notes.filter((n) => n.en.includes(String(d.year)));

const created: Answerer = (a) => {
  if (!a.unit && (a.kind || a.period)) return createdUnits(a);
  return withUnit(a, (unit) => {
    const events = a.graph
      .eventsAffecting(unit.key)
      .filter((e) => CREATION_KINDS.has(e.kind) && e.affectsKeys[0] === unit.key);
    const document = documents.created(unit.key);
    const established = unit.established;
    if (!established) {
      return {
        units: [unit],
        text: [message('created.none', { unit: name(unit) })],
        notStated: true,
        document,
      };
    }
    const start = events.find((e) => e.kind === 'start');
    const text = start
      ? message('created.started', {
          unit: name(unit),
          date: date(start.date, start.dateQualifier),
        })
      : message('created.found', { unit: name(unit), date: date(established) });
    return {
      units: [unit],
      events,
      date: established,
      text: [text],
      note: notesAbout(unit, established),
      sources: citations(events.length > 0 ? events.map((e) => e.sources) : [unit.sources]),
      corrections: events.flatMap((e) => e.corrections),
      document,
    };
  });
};

function createdUnits(a: Asked): Draft {
  const dated = ofKind(a.graph.units(), a.kind).filter((u) => u.established);
  const kind = a.kind?.kind ?? 'any';
  if (!a.period) {
    const newest = [...dated].sort((x, y) => comparePartialDates(y.established!, x.established!));
    const top = newest[0];
    if (!top)
      return {
        text: [message('list.createdNone', { kindPhrase: kindPhrase(kind, 1), period: '' })],
        notStated: true,
      };
    const units = newest.filter((u) => comparePartialDates(u.established!, top.established!) === 0);
    return {
      units,
      date: top.established,
      text: [
        message('list.newest', {
          kindPhrase: kindPhrase(kind, 1),
          units: names(units),
          date: date(top.established!),
        }),
      ],
      sources: citations(units.map((u) => u.sources)),
      document: documents.eachUnit(
        units.map((u) => u.key),
        documents.establishedField,
      ),
    };
  }
  const p = a.period;
  const units = dated.filter((u) => overlaps(u.established!, u.established!, p.from, p.to));
  const document = documents.eachUnit(
    units.map((u) => u.key),
    documents.establishedField,
  );
  const when = periodText(p);
  if (units.length === 0) {
    return {
      text: [message('list.createdNone', { kindPhrase: kindPhrase(kind, 1), period: when })],
      notStated: true,
      document,
    };
  }
  return {
    units,
    text: [message('list.created', { period: when, units: names(units.map((u) => u)) })],
    sources: citations(units.map((u) => u.sources)),
    document,
  };
}

function periodText(p: PeriodSlot): Param {
  const at = (d: PartialDate, e: OrgEvent | undefined): Param => (e ? localized(e.title) : date(d));
  switch (p.relation) {
    case 'between':
      return sub(
        message('period.between', {
          from: at(p.date, p.event),
          to: at(p.date2 ?? p.date, p.event2),
        }),
      );
    case 'in':
      return sub(
        message(p.date.precision === 'day' && !p.event ? 'period.on' : 'period.in', {
          date: at(p.date, p.event),
        }),
      );
    default:
      return sub(message(`period.${p.relation}`, { date: at(p.date, p.event) }));
  }
}

const eventLine =
  (e: OrgEvent): Param =>
  (l) =>
    `${pick(e.title, l.code)} (${formatDate(l, e.date, e.dateQualifier)})`;

const eventDate: Answerer = (a) => {
  const e = a.event;
  if (!e)
    return { text: [message('event.notFound', { asked: asked(a, 'event') })], notStated: true };
  const text: NoteItem[] = [
    message('eventDate.found', {
      event: localized(e.title),
      date: date(e.date, e.dateQualifier, e.endDate),
    }),
  ];
  const note: NoteItem[] = [];
  for (const c of e.corrections.filter((c) => c.field === 'date')) {
    text.push(
      message('eventDate.corrected', {
        claimed: quoted(c.claimed),
        corrected: date(e.date, undefined, e.endDate),
      }),
    );
    note.push({ en: c.reason, fr: c.reason });
  }
  if (e.dateQualifier === 'after' || e.dateQualifier === 'before') {
    note.push(message('eventDate.inferred', { date: date(e.date, e.dateQualifier) }));
  }
  return {
    events: [e],
    date: e.date,
    endDate: e.endDate,
    text,
    note,
    sources: citations([e.sources, ...e.corrections.map((c) => c.sources)]),
    corrections: e.corrections,
    document: documents.events(e.date.value, (e.endDate ?? e.date).value),
  };
};

const eventsIn: Answerer = (a) => {
  const p = a.period;
  if (!p)
    return { text: [message('date.notDate', { asked: asked(a, 'period') })], notStated: true };
  const unit = within(a);
  if (a.unit && !unit) return withUnit(a, () => ({ text: [] }));
  const events = queryEvents(a.graph, {
    from: p.from,
    to: p.to,
    affecting: unit ? [unit.key] : undefined,
  });
  const document = documents.events(p.from?.value, p.to?.value, unit?.key);
  const when = periodText(p);
  if (events.length === 0)
    return { text: [message('events.none', { period: when })], notStated: true, document };
  return {
    events,
    count: events.length,
    text: [
      message(events.length === 1 ? 'events.found.one' : 'events.found.many', {
        count: events.length,
        period: when,
        events: list(events.map(eventLine)),
      }),
    ],
    sources: citations(events.map((e) => e.sources)),
    corrections: events.flatMap((e) => e.corrections),
    document,
  };
};

const chronology: Answerer = (a) => {
  const run = (unit: Unit | undefined): Draft => {
    const events = unit ? [...a.graph.eventsAffecting(unit.key)] : [...a.graph.events()];
    const document = documents.events(undefined, undefined, unit?.key);
    if (events.length === 0)
      return {
        text: [message('chronology.none', { unit: unit ? name(unit) : '' })],
        notStated: true,
        document,
      };
    const updated = a.graph.dataset.primarySource?.date;
    return {
      events,
      count: events.length,
      text: [
        message(unit ? 'chronology.unit' : 'chronology.found', {
          unit: unit ? name(unit) : '',
          count: events.length,
          events: list(events.map(eventLine)),
        }),
        ...(updated && !unit ? [message('chronology.updated', { date: date(updated) })] : []),
      ],
      sources: citations(events.map((e) => e.sources)),
      corrections: events.flatMap((e) => e.corrections),
      document,
    };
  };
  return a.unit ? withUnit(a, run) : run(undefined);
};

const structureAt: Answerer = (a) => {
  const on = viewDate(a.period);
  if (!on)
    return { text: [message('date.notDate', { asked: asked(a, 'period') })], notStated: true };
  return withUnit(
    a,
    (unit) => {
      const view = graphAt(a.graph, on);
      const coverage = coverageOf(view);
      const document = documents.structureAt(unit.key, on.value);
      if (!view.unit(unit.key)) {
        const absent = coverage.presence.get(unit.key) === 'absent';
        return {
          date: on,
          text: [
            message(absent ? 'structureAt.unitAbsent' : 'structureAt.notDescribed', {
              unit: name(unit),
              when: when(on),
            }),
          ],
          note: coverage.notes,
          notStated: !absent,
          document,
        };
      }
      const units = view.childrenOf(unit.key);
      if (units.length === 0 && a.graph.childrenOf(unit.key).length > 0) {
        return {
          date: on,
          text: [message('structureAt.notDescribed', { unit: name(unit), when: when(on) })],
          note: coverage.notes,
          notStated: true,
          document,
        };
      }
      return {
        units,
        count: units.length,
        date: on,
        text: [
          message('structureAt.found', {
            unit: name(unit),
            when: when(on),
            count: units.length,
            units: names(units),
          }),
        ],
        note: coverage.notes,
        sources: citations(units.map((u) => u.parent?.sources)),
        document,
      };
    },
    'unit',
    defaultUnit(a.graph),
  );
};

const existed: Answerer = (a) => {
  const on = viewDate(a.period);
  if (!on)
    return { text: [message('date.notDate', { asked: asked(a, 'period') })], notStated: true };
  return withUnit(a, (unit) => {
    const presence = coverageOf(graphAt(a.graph, on)).presence.get(unit.key) ?? 'unknown';
    const document = documents.existed(unit.key, on.value);
    const established: Param = unit.established ? date(unit.established) : '';
    const params = { unit: name(unit), date: date(on), when: when(on), established };
    switch (presence) {
      case 'known':
      case 'implied':
        return {
          units: [unit],
          verdict: 'yes',
          date: on,
          text: [message(unit.established ? 'existed.yes' : 'existed.assumed', params)],
          sources: citations([unit.sources]),
          document,
        };
      case 'assumed':
        return {
          units: [unit],
          verdict: 'yes',
          date: on,
          text: [message('existed.assumed', params)],
          confidence: 0.8,
          document,
        };
      case 'absent':
        return {
          verdict: 'no',
          date: on,
          text: [message('existed.no', params)],
          sources: citations([unit.sources]),
          document,
        };
      case 'unknown':
        return {
          verdict: 'not-stated',
          date: on,
          text: [message('existed.unknown', params)],
          notStated: true,
          document,
        };
    }
  });
};

// ---------------------------------------------------------------------------------------------
// Two units: how they are connected, their common superior

const STRUCTURE_EDGES: ReadonlySet<EdgeKind> = new Set(['part-of', 'reports-to', 'member-of']);
const STEP_LABEL: Partial<Record<EdgeKind, [TemplateKey, TemplateKey]>> = {
  'part-of': ['step.partOf', 'step.hasPart'],
  'reports-to': ['step.reportsTo', 'step.hasReport'],
  'member-of': ['step.memberOf', 'step.hasMember'],
};

function twoUnits(a: Asked, run: (x: Unit, y: Unit) => Draft): Draft {
  return withUnit(a, (x) => withUnit(a, (y) => run(x, y), 'unit2'));
}

const connection: Answerer = (a) =>
  twoUnits(a, (x, y) => {
    if (x.key === y.key)
      return { units: [x], text: [message('connection.same', { from: name(x) })] };
    const from = nodeWithKey(a.graph, 'unit', x.key)!;
    const to = nodeWithKey(a.graph, 'unit', y.key)!;
    const path = shortestPath(a.graph, from, to, STRUCTURE_EDGES);
    const document = documents.path(x.key, y.key);
    if (!path)
      return {
        text: [message('connection.none', { from: name(x), to: name(y) })],
        notStated: true,
        document,
      };
    const units = path.steps.flatMap((s) =>
      s.node.type === 'unit' ? (a.graph.unit(s.node.key) ?? []) : [],
    );
    const pieces: Param[] = [];
    path.steps.forEach((s, i) => {
      const u = units[i];
      if (i > 0 && s.edge) {
        const labels = STEP_LABEL[s.edge.kind];
        if (labels) pieces.push(sub(message(s.direction === 'forward' ? labels[0] : labels[1])));
      }
      if (u) pieces.push(name(u));
    });
    const text: NoteItem[] = [
      message('connection.found', {
        from: name(x),
        to: name(y),
        steps: path.steps.length - 1,
        path: chain(pieces),
      }),
    ];
    const common = commonSuperiorOf(a.graph, x.key, y.key);
    if (common) text.push(message('connection.superior', { unit: name(common.unit) }));
    return {
      units,
      path,
      text,
      sources: citations(path.steps.map((s) => s.edge?.sources)),
      document,
    };
  });

const commonSuperior: Answerer = (a) =>
  twoUnits(a, (x, y) => {
    const common = commonSuperiorOf(a.graph, x.key, y.key);
    const document = documents.commonSuperior(x.key, y.key);
    if (!common)
      return {
        text: [message('commonSuperior.none', { a: name(x), b: name(y) })],
        notStated: true,
        document,
      };
    return {
      units: [common.unit],
      text: [message('commonSuperior.found', { a: name(x), b: name(y), unit: name(common.unit) })],
      sources: citations([...common.fromLine, ...common.toLine].map((s) => s.sources)),
      document,
    };
  });

// ---------------------------------------------------------------------------------------------
// The International Staff: where it is, how many work there, how to join; the sources

const location: Answerer = (a) =>
  withUnit(
    a,
    (unit) => {
      const withLocation = [unit, ...ancestors(unit).reverse()].find((u) => u.location);
      if (!withLocation?.location) {
        return {
          units: [unit],
          text: [message('location.none', { unit: name(unit) })],
          notStated: true,
          document: documents.location(unit.key),
        };
      }
      const place = localized(withLocation.location.name);
      return {
        units: [withLocation],
        text: [
          withLocation === unit
            ? message('location.found', { unit: name(unit), location: place })
            : message('location.inherited', {
                unit: name(unit),
                parent: name(withLocation),
                location: place,
              }),
        ],
        sources: citations([withLocation.location.sources]),
        document: documents.location(withLocation.key),
      };
    },
    'unit',
    defaultUnit(a.graph),
  );

const headcount: Answerer = (a) =>
  withUnit(
    a,
    (unit) => {
      const h = unit.headcount;
      if (!h) {
        return {
          units: [unit],
          text: [message('headcount.none', { unit: name(unit) })],
          notStated: true,
          document: documents.notes(unit.key),
        };
      }
      return {
        units: [unit],
        count: h.approx,
        approximate: true,
        date: h.asOf,
        text: [
          message('headcount.found', {
            count: number(h.approx),
            scope: localized(h.scope),
            date: date(h.asOf),
          }),
        ],
        note: notesAbout(unit, h.asOf),
        sources: citations([h.sources]),
        document: documents.headcount(
          unit.key,
          unit.kind === 'organization' ? 'Organization' : 'InternationalStaff',
        ),
      };
    },
    'unit',
    defaultUnit(a.graph),
  );

const staffRules: Answerer = (a) =>
  withUnit(
    a,
    (unit) => {
      const rules = staffRuleList(unit.staffRules);
      const document = documents.staffRules(unit.key);
      if (rules.length === 0)
        return {
          units: [unit],
          text: [message('staffRules.none', { unit: name(unit) })],
          notStated: true,
          document,
        };
      return {
        units: [unit],
        text: rules.map((r) => r.statement),
        sources: citations(rules.map((r) => r.sources)),
        document,
      };
    },
    'unit',
    defaultUnit(a.graph),
  );

const sourcesOf: Answerer = (a) => {
  const docs = [...a.graph.documents];
  const primary = a.graph.dataset.primarySource;
  return {
    documents: docs,
    count: docs.length,
    date: primary?.date,
    text: [
      message('sources.found', {
        count: docs.length,
        primary: primary ? quoted(primary.title.fr ?? primary.title.en ?? primary.key) : '—',
        publisher: primary?.publisher ?? '—',
        date: primary?.date ? date(primary.date) : '—',
      }),
    ],
    document: documents.sources(),
  };
};

const lastUpdated: Answerer = (a) => {
  const primary = a.graph.dataset.primarySource;
  return {
    documents: primary ? [primary] : [],
    date: primary?.date,
    text: [
      message('lastUpdated.found', {
        primary: primary ? quoted(primary.title.fr ?? primary.title.en ?? primary.key) : '—',
        date: primary?.date ? date(primary.date) : '—',
        asOf: date(a.graph.dataset.asOf),
      }),
    ],
    note: primary?.note ? [{ en: primary.note, fr: primary.note }] : [],
    document: documents.lastUpdated(),
  };
};

export const ANSWERERS: Record<Exclude<Intent, 'UNKNOWN'>, Answerer> = {
  WHO_HANDLES: whoHandles,
  REPORTING_LINE: reportingLineOf,
  SUPERIOR: superior,
  SUBORDINATES: subordinates,
  HEAD: head,
  HOLDER: holder,
  DESCRIBE: describe,
  RESPONSIBILITIES: responsibilities,
  POSITION: position,
  PARTS: parts,
  COUNT: count,
  LIST: listUnits,
  CREATED: created,
  EVENT_DATE: eventDate,
  EVENTS: eventsIn,
  CHRONOLOGY: chronology,
  STRUCTURE_AT: structureAt,
  EXISTED: existed,
  CONNECTION: connection,
  COMMON_SUPERIOR: commonSuperior,
  LOCATION: location,
  HEADCOUNT: headcount,
  STAFF_RULES: staffRules,
  SOURCES: sourcesOf,
  LAST_UPDATED: lastUpdated,
};
