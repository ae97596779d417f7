/**
 * The graph as it stood on a date. Only what the data dates is known: a unit's `established`
 * (ESC from 2010-08, NOR from 2007, the IS from 1951). The source describes the structure as of its
 * own date and says the IS went through several restructurings, the latest dated one after the
 * Prague Summit; it itemises none of them. So a unit the data does not date is assumed to have
 * existed since that latest restructuring, and before it is left out as not described (never
 * invented); a unit that holds a dated part (NATO, for the IS of 1951) is implied by it. A view
 * says all this in its coverage.
 */
import { perGraph, perGraphKeyed } from './graph-memo';
import type { OrgGraph } from './org-graph';
import { eventSpan, inPeriod } from './event-span';
import { endOf, parsePartialDate, startOf, type PartialDate } from './partial-date';
import type { Localized, OrgEvent, Unit } from './types';
import { unitValidity } from './validity';

/** How a view knows whether a unit existed on its date. */
export type Presence =
  /** The unit's own dates include the date. */
  | 'known'
  /** Undated, and the date falls in the period the source describes. */
  | 'assumed'
  /** Undated, but a part of it existed then (the IS of 1951 implies NATO). */
  | 'implied'
  /** Undated, and the source does not describe the structure at that date: left out. */
  | 'unknown'
  /** Its dates exclude the date (not yet established, or dissolved). */
  | 'absent';

export const PRESENT: ReadonlySet<Presence> = new Set(['known', 'assumed', 'implied']);

export interface Coverage {
  /** The date answers describe. */
  readonly date: PartialDate;
  readonly datasetAsOf: PartialDate;
  /** The latest restructuring the source mentions, since which undated units are assumed. */
  readonly describedSince?: OrgEvent | undefined;
  readonly presence: ReadonlyMap<string, Presence>;
  readonly notes: readonly Localized[];
}

/** The first day on which a date counts as reached: the first day of a partial date's period. */
export const dayOf = (d: PartialDate) => startOf(d);

/**
 * Whether an event may have happened by `day`: one dated "after X" once X is over. This is the
 * assumption coverage makes about the latest restructuring (undated units are assumed from it on,
 * and say so); which events a view lists is stricter (knownBy).
 */
function mayHaveHappenedBy(e: OrgEvent, day: string): boolean {
  return e.dateQualifier === 'after' ? endOf(e.date) < day : startOf(e.date) <= day;
}

/**
 * Whether an event is known to have happened by `day`, as a period query up to that day would
 * return it: a plainly dated one once its date has begun, one dated only "after X" once all the
 * time it can have taken is over, or, ongoing, from the dataset's date (event-span.ts).
 */
function knownBy(e: OrgEvent, day: PartialDate, asOf: PartialDate): boolean {
  return inPeriod(eventSpan(e, asOf), undefined, day);
}

/** The latest restructuring the data records, if any (the source itemises no earlier structure). */
export function latestRestructuring(graph: OrgGraph): OrgEvent | undefined {
  return graph
    .events()
    .filter((e) => e.kind === 'restructuring')
    .at(-1);
}

/** `since` is the graph's latest restructuring, passed in when asking about many units. */
export function presenceAt(
  graph: OrgGraph,
  unit: Unit,
  day: string,
  since: OrgEvent | undefined = latestRestructuring(graph),
): Presence {
  const v = unitValidity(unit);
  if (v.validTo && endOf(v.validTo) < day) return 'absent';
  if (v.validFrom) return startOf(v.validFrom) <= day ? 'known' : 'absent';
  const datasetDay = dayOf(graph.dataset.asOf);
  if (day >= datasetDay) return 'assumed';
  if (!since) return 'unknown';
  return mayHaveHappenedBy(since, day) ? 'assumed' : 'unknown';
}

function presences(graph: OrgGraph, day: string): Map<string, Presence> {
  const map = new Map<string, Presence>();
  const since = latestRestructuring(graph);
  for (const u of graph.units()) map.set(u.key, presenceAt(graph, u, day, since));
  // A unit that exists implies the wholes it is part of, whatever the data dates of them.
  for (const u of graph.units()) {
    const p = map.get(u.key);
    if (p !== 'known' && p !== 'assumed') continue;
    for (let up = u.parent && graph.unit(u.parent.unitKey); up;) {
      if (map.get(up.key) !== 'unknown') break;
      map.set(up.key, 'implied');
      up = up.parent && graph.unit(up.parent.unitKey);
    }
  }
  return map;
}

const names = (units: readonly Unit[], lang: 'en' | 'fr') =>
  units.map((u) => u.name[lang]).join(', ');

function coverageNotes(graph: OrgGraph, date: PartialDate, presence: Map<string, Presence>) {
  const notes: Localized[] = [];
  const day = dayOf(date);
  const asOf = graph.dataset.asOf.value;
  const byPresence = new Map<Presence, Unit[]>();
  for (const u of graph.units()) {
    const p = presence.get(u.key) ?? 'unknown';
    const list = byPresence.get(p);
    if (list) list.push(u);
    else byPresence.set(p, [u]);
  }
  const with_ = (p: Presence): readonly Unit[] => byPresence.get(p) ?? [];
  const since = latestRestructuring(graph);
  if (day > dayOf(graph.dataset.asOf)) {
    notes.push({
      en: `The dataset describes the organisation as of ${asOf}; later changes are not recorded, so this is its structure on that date.`,
      fr: `Le jeu de données décrit l'organisation au ${asOf} ; les changements ultérieurs n'y figurent pas : c'est la structure à cette date.`,
    });
  }
  const unknown = with_('unknown');
  if (unknown.length > 0) {
    const when = since
      ? `${since.dateQualifier === 'after' ? 'after ' : ''}${since.date.value}`
      : asOf;
    const quand = since
      ? `${since.dateQualifier === 'after' ? 'après ' : ''}${since.date.value}`
      : asOf;
    notes.push({
      en: `The source does not describe the structure before ${since ? `“${since.title.en}” (${when})` : when}: earlier restructurings are not itemised. ${unknown.length} units it does not date are left out rather than assumed: ${names(unknown, 'en')}.`,
      fr: `La source ne décrit pas la structure avant ${since ? `« ${since.title.fr} » (${quand})` : quand} : les restructurations antérieures ne sont pas détaillées. ${unknown.length} unités qu'elle ne date pas sont omises plutôt que supposées : ${names(unknown, 'fr')}.`,
    });
  }
  const assumed = with_('assumed');
  if (assumed.length > 0 && day < dayOf(graph.dataset.asOf)) {
    notes.push({
      en: `${assumed.length} units are not dated by the sources and are assumed to have existed in their ${asOf} form${since ? ` since “${since.title.en}”` : ''}: ${names(assumed, 'en')}.`,
      fr: `${assumed.length} unités ne sont pas datées par les sources et sont supposées exister sous leur forme du ${asOf}${since ? ` depuis « ${since.title.fr} »` : ''} : ${names(assumed, 'fr')}.`,
    });
  }
  const implied = with_('implied');
  if (implied.length > 0) {
    notes.push({
      en: `Not dated, but implied by a dated part of them: ${names(implied, 'en')}.`,
      fr: `Non datées, mais impliquées par une de leurs parties datées : ${names(implied, 'fr')}.`,
    });
  }
  const absent = with_('absent');
  if (absent.length > 0) {
    notes.push({
      en: `Not yet established on ${date.value}: ${absent.map((u) => `${u.name.en} (${u.established?.value ?? '?'})`).join(', ')}.`,
      fr: `Pas encore créées le ${date.value} : ${absent.map((u) => `${u.name.fr} (${u.established?.value ?? '?'})`).join(', ')}.`,
    });
  }
  return notes;
}

function coverageFor(base: OrgGraph, date: PartialDate): Coverage {
  const presence = presences(base, dayOf(date));
  return {
    date,
    datasetAsOf: base.dataset.asOf,
    describedSince: latestRestructuring(base),
    presence,
    notes: coverageNotes(base, date, presence),
  };
}

/** What a view holds, roughly, per record kept: the copy, its map entries and its indexes. */
const VIEW_BYTES_PER_UNIT = 1200;
const VIEW_BYTES_PER_RECORD = 300;
/**
 * Views kept per loaded graph. Dates are few in practice; the budget keeps a client asking for
 * every day of a century from filling memory, and still holds a few views of a 100,000-unit
 * organisation.
 */
const VIEW_BUDGET_BYTES = 256 * 2 ** 20;

const viewAt = perGraphKeyed<OrgGraph>(
  {
    maxBytes: VIEW_BUDGET_BYTES,
    sizeOf: (view) => {
      const c = view.counts();
      return (
        c.units * VIEW_BYTES_PER_UNIT + (c.posts + c.topics + c.events) * VIEW_BYTES_PER_RECORD
      );
    },
  },
  (base, day) => buildView(base, parseDay(day)),
);

function parseDay(value: string): PartialDate {
  const date = parsePartialDate(value);
  if (typeof date === 'string') throw new Error(`not a date: ${value}`);
  return date;
}

function buildView(base: OrgGraph, date: PartialDate): OrgGraph {
  const coverage = coverageFor(base, date);
  const day = dayOf(date);
  // The view answers as of the first day of a partial date.
  const firstDay = parsePartialDate(day);
  if (typeof firstDay === 'string') throw new Error(firstDay);
  const units = new Set(
    base
      .units()
      .filter((u) => PRESENT.has(coverage.presence.get(u.key) ?? 'unknown'))
      .map((u) => u.key),
  );
  const posts = new Set(
    base
      .posts()
      .filter((p) => units.has(p.unitKey))
      .map((p) => p.key),
  );
  const events = new Set(
    base
      .events()
      .filter((e) => knownBy(e, firstDay, base.dataset.asOf))
      .map((e) => e.key),
  );
  // A document exists from the period it was adopted in: the data dates it no more precisely.
  const orgDocuments = new Set(
    base
      .orgDocuments()
      .filter((d) => !d.date || startOf(d.date) <= day)
      .map((d) => d.key),
  );
  const view = base.viewOn(date, { units, posts, events, orgDocuments });
  coverageOf.remember(view, coverage);
  return view;
}

/** The graph as it stood on `date`, built once per date and kept with the loaded graph. */
export function graphAt(graph: OrgGraph, date: PartialDate): OrgGraph {
  return viewAt(graph.base, date.value);
}

/** What a graph (a view, or the loaded graph as of its own date) covers. */
export const coverageOf = perGraph((graph) =>
  coverageFor(graph.base, graph.date ?? graph.dataset.asOf),
);
