import { periodProblem, queryEvents } from '../graph/event-query';
import type { OrgEvent } from '../graph/types';
import { builder } from './builder';
import { CitationRef, CorrectionRef } from './citation';
import { DatePrecision, DateScalar } from './date';
import { localizedString, optionalLocalizedString } from './lang';
import { relation, relationToMany } from './loaders';
import { refuseIf, unitArg } from './node-arg';
import { EventRef, OrgUnitRef } from './refs';

export const EventKind = builder.enumType('EventKind', {
  description: 'What kind of event it is.',
  values: {
    CREATION: { value: 'creation', description: 'A unit was created.' },
    TREATY: { value: 'treaty', description: 'A treaty or agreement was negotiated or signed.' },
    SUMMIT: { value: 'summit', description: 'A summit of heads of state and government.' },
    RESTRUCTURING: { value: 'restructuring', description: 'The structure was reorganised.' },
    REVIEW: { value: 'review', description: 'A review of the organisation.' },
    REFORM: { value: 'reform', description: 'A wider reform programme.' },
    START: { value: 'start', description: 'A unit started work.' },
  } as const,
});

const DateQualifier = builder.enumType('DateQualifier', {
  description: 'How a source qualifies a date.',
  values: {
    EARLY: { value: 'early', description: 'Early in the period ("début août 2010").' },
    LATE: { value: 'late', description: 'Late in the period.' },
    AFTER: { value: 'after', description: 'At some time after the date.' },
    BEFORE: { value: 'before', description: 'At some time before the date.' },
    ABOUT: { value: 'about', description: 'Around the date.' },
  } as const,
});

const EventStatus = builder.enumType('EventStatus', {
  description: 'Whether an event was over at the dataset’s date.',
  values: {
    COMPLETED: { value: 'completed', description: 'Over.' },
    ONGOING: { value: 'ongoing', description: 'Still under way at the dataset’s date.' },
  } as const,
});

const affected = relationToMany('unit', 'event', 'unit', (e: OrgEvent) => e.affectsKeys);
const partOf = relation('event', 'event', 'event', (e: OrgEvent) => e.partOfKey);
const causedBy = relationToMany('event', 'event', 'event', (e: OrgEvent) => e.causedByKeys);

builder.node(EventRef, {
  description:
    'A dated event that shaped the organisation: a creation, a treaty, a summit, a restructuring, a review.',
  id: { resolve: (e) => e.key },
  loadMany: (keys, ctx) => keys.map((k) => ctx.loaders.event.load(k)),
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key of the event in the dataset.' }),
    kind: t.field({ type: EventKind, description: 'What kind of event.', resolve: (e) => e.kind }),
    date: t.field({
      type: DateScalar,
      description: 'When it happened, as precisely as known (after any correction of the source).',
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
    endDate: t.field({
      type: DateScalar,
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
    description: optionalLocalizedString(t, 'More detail, from the source.', (e) => e.description),
    place: optionalLocalizedString(t, 'Where it happened.', (e) => e.place),
    affected: t.field({
      type: [OrgUnitRef],
      description: 'The units it created, changed or concerned.',
      resolve: (e, _, ctx, info) => ctx.loaders.follow(affected, e, info),
    }),
    partOf: t.field({
      type: EventRef,
      nullable: true,
      description: 'A larger event this one is part of.',
      resolve: (e, _, ctx, info) => ctx.loaders.follow(partOf, e, info),
    }),
    causedBy: t.field({
      type: [EventRef],
      description: 'Events this one resulted from.',
      resolve: (e, _, ctx, info) => ctx.loaders.follow(causedBy, e, info),
    }),
    sources: t.field({
      type: [CitationRef],
      description: 'The sentences the event rests on.',
      resolve: (e) => e.sources,
    }),
    corrections: t.field({
      type: [CorrectionRef],
      description: 'Where a source is wrong about the event (e.g. a date), and the value used.',
      resolve: (e) => e.corrections,
    }),
  }),
});

builder.queryField('events', (t) =>
  t.field({
    type: [EventRef],
    description:
      'Events in date order. Partial dates are ordered by the period they start ("2010" before "2010-08" before "2010-11"); `from` and `to` keep events whose period overlaps the range, bounds included.',
    args: {
      from: t.arg({ type: DateScalar, description: 'Earliest date (inclusive), e.g. "2007".' }),
      to: t.arg({ type: DateScalar, description: 'Latest date (inclusive), e.g. "2010-12".' }),
      kinds: t.arg({ type: [EventKind], description: 'Only events of these kinds.' }),
      affecting: t.arg.string({
        description:
          'Only events affecting this unit, named as in `unit(name:)`; an unknown name is an error.',
      }),
    },
    resolve: (_, args, ctx) => {
      const period = { from: args.from ?? undefined, to: args.to ?? undefined };
      refuseIf(periodProblem(period.from, period.to), 'from');
      const affecting = args.affecting
        ? [unitArg(ctx.graph, 'affecting', args.affecting)]
        : undefined;
      return queryEvents(ctx.graph, { ...period, kinds: args.kinds ?? undefined, affecting });
    },
  }),
);
