/**
 * Time travel's types: `at(date:)` and the DatedView it returns (the read fields of Query, on the
 * view of that date: read-fields.ts), the `coverage` of an answer's date (what the sources can and
 * cannot say for it), and `changes(from:, to:)`.
 */
import { coverageOf, type Coverage, type Presence } from '../graph/as-of';
import { pageOf, recordPage, sequenceOf, type PageArgs } from '../graph/page';
import { changeBasis, changesBetween, type Changes, type UnitChange } from '../graph/changes';
import type { OrgGraph } from '../graph/org-graph';
import { unitValidity } from '../graph/validity';
import { Lang, LANG_ARG_DESCRIPTION, pick } from './lang';
import type { SchemaParts } from './parts';
import { readFields } from './read-fields';

const PresenceEnum = {
  KNOWN: 'known',
  ASSUMED: 'assumed',
  IMPLIED: 'implied',
  UNKNOWN: 'unknown',
  ABSENT: 'absent',
} as const;

const ChangeKind = { APPEARED: 'appeared', DISAPPEARED: 'disappeared', MOVED: 'moved' } as const;

/** What a graph covers, with the graph it was asked of (its units are that graph's). */
interface CoverageOf {
  readonly graph: OrgGraph;
  readonly coverage: Coverage;
}

/** The units with one presence: the graph's own when it holds them, else the dataset's. */
function unitsWith({ graph, coverage }: CoverageOf, presence: Presence) {
  return graph.base
    .units()
    .filter((u) => coverage.presence.get(u.key) === presence)
    .map((u) => graph.unit(u.key) ?? u);
}

export function defineDatedView(parts: SchemaParts): void {
  const { builder, refs } = parts;

  builder.objectType(refs.DatedView, {
    description:
      'The organisation as it stood on a date: the same read fields as Query, answered from the graph of that date. Every node seen here has an ID of its own, carrying the date, so client caches keep it apart from today’s.',
    fields: (t) => ({
      date: t.field({
        type: 'Date',
        description: 'The date answers describe.',
        // A DatedView's graph is always a view, so it has a date.
        resolve: (scope) => scope.graph.date ?? scope.graph.dataset.asOf,
      }),
    }),
  });

  readFields(parts, (t) => ({
    at: t.field({
      type: refs.DatedView,
      description:
        'Every read field, as of a date: the graph as it stood then (units not yet established are absent; `coverage` says what the sources do not describe). Partial dates count from their first day ("2009" is 1 January 2009).',
      args: {
        date: t.arg({ type: 'Date', required: true, description: 'The date, e.g. "2009-06-01".' }),
      },
      resolve: async (scope, args, ctx) => ({
        graph: await ctx.lookups.load('view', scope.graph, args.date.value),
      }),
    }),
  }));

  builder.enumType(PresenceEnum, {
    name: 'Presence',
    description: 'How a view at a date knows whether a unit existed then.',
    values: {
      KNOWN: { description: 'The unit’s own dates include the date.' },
      ASSUMED: { description: 'Not dated by the sources; assumed as in the period they describe.' },
      IMPLIED: { description: 'Not dated, but a dated part of it existed.' },
      UNKNOWN: { description: 'Not dated, and the sources do not describe that time: left out.' },
      ABSENT: { description: 'Its dates exclude the date.' },
    },
  });

  const CoverageRef = builder.objectRef<CoverageOf>('Coverage').implement({
    description:
      'What answers for a date can say: which units are known, assumed or left out, and why. Read the notes before drawing conclusions about an earlier date.',
    fields: (t) => ({
      date: t.field({
        type: 'Date',
        description: 'The date answers describe.',
        resolve: (c) => c.coverage.date,
      }),
      datasetAsOf: t.field({
        type: 'Date',
        description: 'The date the dataset describes (its source’s date).',
        resolve: (c) => c.coverage.datasetAsOf,
      }),
      describedSince: t.field({
        type: refs.Event,
        nullable: true,
        description:
          'The latest restructuring the data records: units the sources do not date are assumed since, and left out before it.',
        resolve: ({ graph, coverage }) => {
          const since = coverage.describedSince;
          return since ? (graph.event(since.key) ?? since) : null;
        },
      }),
      complete: t.boolean({
        description: 'False when units were left out because the sources do not describe the date.',
        resolve: (c) => ![...c.coverage.presence.values()].includes('unknown'),
      }),
      notes: t.stringList({
        description: 'What the answers can and cannot say, in words.',
        args: { lang: t.arg({ type: Lang, description: LANG_ARG_DESCRIPTION }) },
        resolve: (c, args, ctx) => c.coverage.notes.map((n) => pick(n, args.lang, ctx)),
      }),
      presence: t.field({
        type: PresenceEnum,
        nullable: true,
        description:
          'How the view knows about one unit (named as in `unit(name:)`); null for a name no unit of the dataset has.',
        args: { unit: t.arg.string({ required: true, description: 'What the unit is called.' }) },
        resolve: async ({ graph, coverage }, args, ctx) => {
          const match = await ctx.lookups.unitNamed(graph.base, args.unit);
          return match ? (coverage.presence.get(match.unit.key) ?? null) : null;
        },
      }),
      assumedUnits: t.connection(
        {
          type: refs.OrgUnit,
          description: 'Units shown although the sources do not date them (assumed).',
          resolve: (c, args) => recordPage(c.graph, unitsWith(c, 'assumed'), args),
        },
        refs.UnitConnection,
      ),
      impliedUnits: t.connection(
        {
          type: refs.OrgUnit,
          description: 'Units shown because a dated part of them existed.',
          resolve: (c, args) => recordPage(c.graph, unitsWith(c, 'implied'), args),
        },
        refs.UnitConnection,
      ),
      omittedUnits: t.connection(
        {
          type: refs.OrgUnit,
          description: 'Units left out because the sources do not describe them at this date.',
          resolve: (c, args) => recordPage(c.graph, unitsWith(c, 'unknown'), args),
        },
        refs.UnitConnection,
      ),
      absentUnits: t.connection(
        {
          type: refs.OrgUnit,
          description: 'Units whose dates exclude this date (not yet established).',
          resolve: (c, args) => recordPage(c.graph, unitsWith(c, 'absent'), args),
        },
        refs.UnitConnection,
      ),
    }),
  });

  readFields(parts, (t) => ({
    coverage: t.field({
      type: CoverageRef,
      description:
        'What the answers can say for their date: the dataset’s own date, or the date of the enclosing `at`.',
      resolve: (scope) => ({ graph: scope.graph, coverage: coverageOf(scope.graph) }),
    }),
  }));

  builder.enumType(ChangeKind, {
    name: 'ChangeKind',
    description: 'What happened to a unit between two dates.',
    values: {
      APPEARED: { description: 'Established in between.' },
      DISAPPEARED: { description: 'Dissolved in between.' },
      MOVED: { description: 'Part of another unit at the second date.' },
    },
  });

  const UnitChangeRef = builder.objectRef<UnitChange>('UnitChange').implement({
    description: 'A dated change to a unit, with its evidence.',
    fields: (t) => ({
      kind: t.field({ type: ChangeKind, description: 'What happened.', resolve: (c) => c.kind }),
      unit: t.field({ type: refs.OrgUnit, description: 'The unit.', resolve: (c) => c.unit }),
      validity: t.field({
        type: refs.Validity,
        description: 'The unit’s dates, which the change is read from.',
        resolve: (c) => unitValidity(c.unit),
      }),
      fromParent: t.field({
        type: refs.OrgUnit,
        nullable: true,
        description: 'The unit it was part of at `from`.',
        resolve: (c) => c.fromParent ?? null,
      }),
      toParent: t.field({
        type: refs.OrgUnit,
        nullable: true,
        description: 'The unit it was part of at `to`.',
        resolve: (c) => c.toParent ?? null,
      }),
      events: t.field({
        type: [refs.Event],
        description: 'The events in between that affected it.',
        resolve: (c) => c.events,
      }),
      sources: t.field({
        type: [refs.Citation],
        description: 'The sentences the unit and its dates rest on.',
        resolve: (c) => c.unit.sources,
      }),
      basis: t.string({ description: 'How the change was derived.', resolve: changeBasis }),
    }),
  });

  const UnitChangeConnection = builder.connectionObject(
    {
      type: UnitChangeRef,
      name: 'UnitChangeConnection',
      description: 'A page of changes, with their total.',
    },
    { name: 'UnitChangeEdge', description: 'One change of a page, with its cursor.' },
  );
  const changePage = (c: Changes, list: readonly UnitChange[], args: PageArgs) =>
    pageOf(sequenceOf(list), args, { graph: c.graph, keyOf: (change) => change.unit.key });

  const ChangesRef = builder.objectRef<Changes>('Changes').implement({
    description:
      'What appeared, disappeared or moved between two dates, and what happened in between.',
    fields: (t) => ({
      from: t.field({ type: 'Date', description: 'The first date.', resolve: (c) => c.from }),
      to: t.field({ type: 'Date', description: 'The second date.', resolve: (c) => c.to }),
      appeared: t.connection(
        {
          type: UnitChangeRef,
          description: 'Units established in between.',
          resolve: (c, args) => changePage(c, c.appeared, args),
        },
        UnitChangeConnection,
      ),
      disappeared: t.connection(
        {
          type: UnitChangeRef,
          description: 'Units dissolved in between.',
          resolve: (c, args) => changePage(c, c.disappeared, args),
        },
        UnitChangeConnection,
      ),
      moved: t.connection(
        {
          type: UnitChangeRef,
          description: 'Units whose parent changed.',
          resolve: (c, args) => changePage(c, c.moved, args),
        },
        UnitChangeConnection,
      ),
      events: t.connection(
        {
          type: refs.Event,
          description: 'Every event in between, in date order.',
          resolve: (c, args) => recordPage(c.graph, c.events, args),
        },
        refs.EventConnection,
      ),
      notes: t.stringList({
        description: 'What the sources do not say about the period.',
        args: { lang: t.arg({ type: Lang, description: LANG_ARG_DESCRIPTION }) },
        resolve: (c, args, ctx) => c.notes.map((n) => pick(n, args.lang, ctx)),
      }),
    }),
  });

  builder.queryField('changes', (t) =>
    t.field({
      type: ChangesRef,
      description:
        'What appeared, disappeared or moved between two dates (as `at` sees them), with the events in between. Only dated changes are listed; the notes say where the sources are silent.',
      args: {
        from: t.arg({ type: 'Date', required: true, description: 'The first date.' }),
        to: t.arg({ type: 'Date', required: true, description: 'The second date.' }),
      },
      resolve: (scope, args) => changesBetween(scope.graph, args.from, args.to),
    }),
  );
}
