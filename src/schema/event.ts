import { recordPage } from '../graph/page';
import { queryEvents } from '../graph/event-query';
import type { DateInference } from '../graph/types';
import { unitArg } from './args';
import { DatePrecision } from './date';
import { ID_DESCRIPTION, idOf } from './global-id';
import { localizedString, optionalLocalizedString } from './lang';
import type { SchemaParts } from './parts';
import { readFields } from './read-fields';

export const EventKind = {
  CREATION: 'creation',
  TREATY: 'treaty',
  SUMMIT: 'summit',
  RESTRUCTURING: 'restructuring',
  REVIEW: 'review',
  REFORM: 'reform',
  START: 'start',
} as const;

const DateQualifier = {
  EARLY: 'early',
  LATE: 'late',
  AFTER: 'after',
  BEFORE: 'before',
  ABOUT: 'about',
} as const;

const EventStatus = { COMPLETED: 'completed', ONGOING: 'ongoing' } as const;

export function defineEvent(parts: SchemaParts): void {
  const { builder, refs } = parts;
  builder.enumType(EventKind, {
    name: 'EventKind',
    description: 'What kind of event it is.',
    values: {
      CREATION: { description: 'A unit was created.' },
      TREATY: { description: 'A treaty or agreement was negotiated or signed.' },
      SUMMIT: { description: 'A summit of heads of state and government.' },
      RESTRUCTURING: { description: 'The structure was reorganised.' },
      REVIEW: { description: 'A review of the organisation.' },
      REFORM: { description: 'A wider reform programme.' },
      START: { description: 'A unit started work.' },
    },
  });
  builder.enumType(DateQualifier, {
    name: 'DateQualifier',
    description: 'How a source qualifies a date.',
    values: {
      EARLY: { description: 'Early in the period ("début août 2010").' },
      LATE: { description: 'Late in the period.' },
      AFTER: {
        description: 'Only a bound: the event followed something dated `date`, possibly within it.',
      },
      BEFORE: { description: 'At some time before the date.' },
      ABOUT: { description: 'Around the date.' },
    },
  });
  builder.enumType(EventStatus, {
    name: 'EventStatus',
    description: 'Whether an event was over at the dataset’s date.',
    values: {
      COMPLETED: { description: 'Over.' },
      ONGOING: { description: 'Still under way at the dataset’s date.' },
    },
  });

  const DateInferenceRef = builder.objectRef<DateInference>('DateInference').implement({
    description: 'A date no source states, inferred from what the sources do say.',
    fields: (t) => ({
      reason: localizedString(t, 'Why the date is what it is.', (i) => i.reason),
      sources: t.field({
        type: [refs.Citation],
        description: 'The sentences the inference rests on (may be empty).',
        resolve: (i) => i.sources,
      }),
    }),
  });

  builder.objectType(refs.Event, {
    description:
      'A dated event that shaped the organisation: a creation, a treaty, a summit, a restructuring, a review.',
    interfaces: [builder.nodeInterfaceRef()],
    fields: (t) => ({
      id: t.id({ description: ID_DESCRIPTION, resolve: (e) => idOf('Event', e) }),
      key: t.exposeString('key', { description: 'Stable key of the event in the dataset.' }),
      kind: t.field({
        type: EventKind,
        description: 'What kind of event.',
        resolve: (e) => e.kind,
      }),
      date: t.field({
        type: 'Date',
        description:
          'When it happened, as precisely as known (after any correction of the source).',
        resolve: (e) => e.date,
      }),
      datePrecision: t.field({
        type: DatePrecision,
        description: 'Whether `date` is a year, a month or a day.',
        resolve: (e) => e.date.precision,
      }),
      dateQualifier: t.field({
        type: DateQualifier,
        nullable: true,
        description: 'How the source qualifies the date (early, after…), if it does.',
        resolve: (e) => e.dateQualifier ?? null,
      }),
      dateInferred: t.boolean({
        description:
          'True when no source states the date: it is inferred from what they do say (see `dateInference`).',
        resolve: (e) => e.dateInference !== undefined,
      }),
      dateInference: t.field({
        type: DateInferenceRef,
        nullable: true,
        description: 'Why the date is what it is, and the sentences it is inferred from.',
        resolve: (e) => e.dateInference ?? null,
      }),
      endDate: t.field({
        type: 'Date',
        nullable: true,
        description: 'When it ended, for events that lasted more than the date’s period.',
        resolve: (e) => e.endDate ?? null,
      }),
      status: t.field({
        type: EventStatus,
        description: 'Whether it was over at the dataset’s date.',
        resolve: (e) => e.status,
      }),
      title: localizedString(t, 'What happened, in a line.', (e) => e.title),
      description: optionalLocalizedString(
        t,
        'More detail, from the source.',
        (e) => e.description,
      ),
      place: optionalLocalizedString(t, 'Where it happened.', (e) => e.place),
      affected: t.field({
        type: [refs.OrgUnit],
        description: 'The units it created, changed or concerned.',
        resolve: (e) => e.graph.unitsAffectedBy(e),
      }),
      partOf: t.field({
        type: refs.Event,
        nullable: true,
        description: 'A larger event this one is part of.',
        resolve: (e) => e.graph.partOfEvent(e) ?? null,
      }),
      causedBy: t.field({
        type: [refs.Event],
        description: 'Events this one resulted from.',
        resolve: (e) => e.graph.causesOf(e),
      }),
      sources: t.field({
        type: [refs.Citation],
        description: 'The sentences the event rests on.',
        resolve: (e) => e.sources,
      }),
      corrections: t.field({
        type: [refs.Correction],
        description: 'Where a source is wrong about the event (e.g. a date), and the value used.',
        resolve: (e) => e.corrections,
      }),
    }),
  });

  readFields(parts, (t) => ({
    events: t.connection(
      {
        type: refs.Event,
        description:
          'Events in date order, a page at a time. Partial dates are ordered by the period they start ("2010" before "2010-08" before "2010-11"); `from` and `to` keep events whose period overlaps the range, bounds included. An event dated only "after X" (`dateQualifier: AFTER`) is returned only for a period it is known to fall in: one that holds all the time it can have taken (from X to the dataset’s date), or, when ongoing, the dataset’s date.',
        args: {
          from: t.arg({ type: 'Date', description: 'Earliest date (inclusive), e.g. "2007".' }),
          to: t.arg({ type: 'Date', description: 'Latest date (inclusive), e.g. "2010-12".' }),
          kinds: t.arg({ type: [EventKind], description: 'Only events of these kinds.' }),
          affecting: t.arg.string({
            description:
              'Only events affecting this unit, named as in `unit(name:)`; an unknown name is an error.',
          }),
        },
        resolve: async (scope, args, ctx) =>
          recordPage(
            scope.graph,
            queryEvents(scope.graph, {
              from: args.from ?? undefined,
              to: args.to ?? undefined,
              kinds: args.kinds ?? undefined,
              affecting:
                args.affecting == null
                  ? undefined
                  : [(await unitArg(ctx, scope.graph, 'affecting', args.affecting)).key],
            }),
            args,
          ),
      },
      refs.EventConnection,
    ),
  }));
}
