/**
 * What changed between two dates: the units that appeared, disappeared or moved, each with the
 * events that touched it in between. Only dated changes count: a unit the data does not date is
 * never said to have appeared (the note says where the source is silent instead).
 */
import { coverageOf, graphAt, PRESENT, type Presence } from './as-of';
import { queryEvents } from './event-query';
import type { OrgGraph } from './org-graph';
import { comparePartialDates, type PartialDate } from './partial-date';
import type { Localized, OrgEvent, Unit } from './types';

export type ChangeKind = 'appeared' | 'disappeared' | 'moved';

export interface UnitChange {
  readonly kind: ChangeKind;
  readonly unit: Unit;
  /** The unit's parent at `from` and at `to` (they differ for a move), as each date's view has it. */
  readonly fromParent?: Unit | undefined;
  readonly toParent?: Unit | undefined;
  /** The dated events between the two dates that affected the unit. */
  readonly events: readonly OrgEvent[];
}

export interface Changes {
  /** The dataset's graph the changes are read from (its cursors name it). */
  readonly graph: OrgGraph;
  readonly from: PartialDate;
  readonly to: PartialDate;
  readonly appeared: readonly UnitChange[];
  readonly disappeared: readonly UnitChange[];
  readonly moved: readonly UnitChange[];
  /** Every event dated between the two dates, in order. */
  readonly events: readonly OrgEvent[];
  readonly notes: readonly Localized[];
}

/** What appeared, disappeared or moved between two dates of the dataset `graph` was cut from. */
export function changesBetween(graph: OrgGraph, from: PartialDate, to: PartialDate): Changes {
  const base = graph.base;
  const events = queryEvents(base, { from, to });
  const [viewFrom, viewTo] = [graphAt(base, from), graphAt(base, to)];
  const before = coverageOf(viewFrom).presence;
  const after = coverageOf(viewTo).presence;
  const parentIn = (view: OrgGraph, unit: Unit) => {
    const there = view.unit(unit.key);
    return there && view.parentOf(there);
  };
  const change = (kind: ChangeKind, unit: Unit): UnitChange => ({
    kind,
    unit,
    fromParent: parentIn(viewFrom, unit),
    toParent: parentIn(viewTo, unit),
    events: events.filter((e) => e.affectsKeys.includes(unit.key)),
  });
  const is = (p: Presence | undefined) => (p ? PRESENT.has(p) : false);
  const appeared: UnitChange[] = [];
  const disappeared: UnitChange[] = [];
  const moved: UnitChange[] = [];
  const silent: Unit[] = [];
  for (const unit of base.units()) {
    const a = before.get(unit.key);
    const b = after.get(unit.key);
    if (a === 'absent' && is(b)) appeared.push(change('appeared', unit));
    else if (is(a) && b === 'absent') disappeared.push(change('disappeared', unit));
    else if (is(a) && is(b)) {
      const c = change('moved', unit);
      if (c.fromParent?.key !== c.toParent?.key) moved.push(c);
    } else if (a === 'unknown' || b === 'unknown') silent.push(unit);
  }
  const byDate = (a: UnitChange, b: UnitChange) =>
    comparePartialDates(
      a.unit.established ?? a.unit.dissolved ?? to,
      b.unit.established ?? b.unit.dissolved ?? to,
    );
  appeared.sort(byDate);
  disappeared.sort(byDate);
  const notes: Localized[] = [];
  if (silent.length > 0) {
    notes.push({
      en: `The source does not describe ${silent.length} undated units at one of the two dates, so whether they changed in between is not known: ${silent.map((u) => u.name.en).join(', ')}.`,
      fr: `La source ne décrit pas ${silent.length} unités non datées à l'une des deux dates : on ignore si elles ont changé entre-temps : ${silent.map((u) => u.name.fr).join(', ')}.`,
    });
  }
  const restructurings = events.filter((e) => e.kind === 'restructuring' || e.kind === 'review');
  if (restructurings.length > 0) {
    notes.push({
      en: `The period includes ${restructurings.map((e) => `“${e.title.en}”`).join(', ')}, whose changes the source does not itemise.`,
      fr: `La période comprend ${restructurings.map((e) => `« ${e.title.fr} »`).join(', ')}, dont la source ne détaille pas les changements.`,
    });
  }
  return { graph: base, from, to, appeared, disappeared, moved, events, notes };
}

/** How a change was read from the data, in words. */
export function changeBasis(change: UnitChange): string {
  if (change.kind === 'moved') return 'derived: its parent differs between the two dates';
  const dated =
    change.kind === 'appeared'
      ? `established ${change.unit.established?.value ?? '?'}`
      : `dissolved ${change.unit.dissolved?.value ?? '?'}`;
  return `derived from the unit’s recorded dates (${dated})`;
}
