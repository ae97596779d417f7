/**
 * Time travel: `at(date:)` answers everything below it from the graph as it stood on that date.
 * The one mechanism works for every field, root or nested, because every resolver is given the
 * context of the innermost `at` above it (see withDatedViews): resolvers keep reading `ctx.graph`
 * and `ctx.loaders` and never see dates. Also `coverage` (what the answers can and cannot say for
 * their date) and `changes(from:, to:)`.
 */
import {
  defaultFieldResolver,
  GraphQLObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import type { Path } from 'graphql/jsutils/Path';
import { baseOf, coverageOf, graphAt, type Coverage, type Presence } from '../graph/as-of';
import { changesBetween, type Changes, type UnitChange } from '../graph/changes';
import { periodProblem } from '../graph/event-query';
import { resolveUnit } from '../graph/resolve-unit';
import type { Unit } from '../graph/types';
import { unitValidity } from '../graph/validity';
import { builder, QueryRef } from './builder';
import { CitationRef } from './citation';
import type { Context } from './context';
import { DateScalar } from './date';
import { Lang, LANG_ARG_DESCRIPTION, pick } from './lang';
import { createLoaders } from './loaders';
import { refuseIf } from './node-arg';
import { EventRef, OrgUnitRef } from './refs';
import { ValidityRef } from './validity';

/** The dated contexts of a request, by the response path of the `at` field that opened them. */
type Scopes = Map<string, Context>;
const scopesOf = new WeakMap<Context, Scopes>();

function pathKeys(path: Path | undefined): string[] {
  const keys: string[] = [];
  for (let p = path; p; p = p.prev) keys.push(String(p.key));
  return keys.reverse();
}

/** The context of the innermost `at` above a field, or the request's own. */
function scopedContext(ctx: Context, path: Path): Context {
  const scopes = scopesOf.get(ctx);
  if (!scopes) return ctx;
  const keys = pathKeys(path.prev);
  for (let n = keys.length; n > 0; n--) {
    const scoped = scopes.get(keys.slice(0, n).join('.'));
    if (scoped) return scoped;
  }
  return ctx;
}

/** Gives every resolver of the schema the context of the `at(date:)` it is under, if any. */
export function withDatedViews(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, Context> = field.resolve ?? defaultFieldResolver;
      // A resolver declaring fewer than three parameters never sees the context: leave it
      // unwrapped, as the wrapper costs a call on every value of the response (arrow functions have
      // no `arguments`, and the schema's resolvers use no rest parameters).
      if (resolve === defaultFieldResolver || resolve.length < 3) continue;
      field.resolve = (source, args, ctx: Context, info) =>
        resolve(source, args, scopedContext(ctx, info.path), info);
    }
  }
  return schema;
}

builder.queryField('at', (t) =>
  t.field({
    type: QueryRef,
    description:
      'Every query, as of a date: the graph as it stood then (units not yet established are absent; `coverage` says what the sources do not describe). Partial dates count from their first day ("2009" is 1 January 2009).',
    args: {
      date: t.arg({
        type: DateScalar,
        required: true,
        description: 'The date, e.g. "2009-06-01".',
      }),
    },
    resolve: (_, args, ctx, info) => {
      const view = graphAt(ctx.graph, args.date);
      const scopes = scopesOf.get(ctx) ?? new Map<string, Context>();
      const byDate = `@${args.date.value}`;
      let dated = scopes.get(byDate);
      if (!dated) {
        dated = { ...ctx, graph: view, loaders: createLoaders(view, ctx.stats) };
        scopes.set(byDate, dated);
        scopesOf.set(dated, scopes);
      }
      scopesOf.set(ctx, scopes);
      scopes.set(pathKeys(info.path).join('.'), dated);
      return {};
    },
  }),
);

const PresenceEnum = builder.enumType('Presence', {
  description: 'How a view at a date knows whether a unit existed then.',
  values: {
    KNOWN: { value: 'known', description: 'The unit’s own dates include the date.' },
    ASSUMED: {
      value: 'assumed',
      description: 'Not dated by the sources; assumed as in the period they describe.',
    },
    IMPLIED: { value: 'implied', description: 'Not dated, but a dated part of it existed.' },
    UNKNOWN: {
      value: 'unknown',
      description: 'Not dated, and the sources do not describe that time: left out.',
    },
    ABSENT: { value: 'absent', description: 'Its dates exclude the date.' },
  } as const,
});

const unitsWith = (c: Coverage, ctx: Context, p: Presence): Unit[] =>
  baseOf(ctx.graph)
    .units()
    .filter((u) => c.presence.get(u.key) === p);

const CoverageRef = builder.objectRef<Coverage>('Coverage').implement({
  description:
    'What answers for a date can say: which units are known, assumed or left out, and why. Read the notes before drawing conclusions about an earlier date.',
  fields: (t) => ({
    date: t.field({
      type: DateScalar,
      description: 'The date answers describe.',
      resolve: (c) => c.date,
    }),
    datasetAsOf: t.field({
      type: DateScalar,
      description: 'The date the dataset describes (its source’s date).',
      resolve: (c) => c.datasetAsOf,
    }),
    describedSince: t.field({
      type: EventRef,
      nullable: true,
      description:
        'The latest restructuring the data records: units the sources do not date are assumed since, and left out before it.',
      resolve: (c) => c.describedSince ?? null,
    }),
    complete: t.boolean({
      description: 'False when units were left out because the sources do not describe the date.',
      resolve: (c) => ![...c.presence.values()].includes('unknown'),
    }),
    notes: t.stringList({
      description: 'What the answers can and cannot say, in words.',
      args: { lang: t.arg({ type: Lang, description: LANG_ARG_DESCRIPTION }) },
      resolve: (c, args, ctx) => c.notes.map((n) => pick(n, args.lang, ctx)),
    }),
    presence: t.field({
      type: PresenceEnum,
      nullable: true,
      description:
        'How the view knows about one unit (named as in `unit(name:)`); null for a name no unit of the dataset has.',
      args: { unit: t.arg.string({ required: true, description: 'What the unit is called.' }) },
      resolve: (c, args, ctx) => {
        const unit = resolveUnit(baseOf(ctx.graph), args.unit)?.unit;
        return unit ? (c.presence.get(unit.key) ?? null) : null;
      },
    }),
    assumedUnits: t.field({
      type: [OrgUnitRef],
      description: 'Units shown although the sources do not date them (assumed).',
      resolve: (c, _, ctx) => unitsWith(c, ctx, 'assumed'),
    }),
    impliedUnits: t.field({
      type: [OrgUnitRef],
      description: 'Units shown because a dated part of them existed.',
      resolve: (c, _, ctx) => unitsWith(c, ctx, 'implied'),
    }),
    omittedUnits: t.field({
      type: [OrgUnitRef],
      description: 'Units left out because the sources do not describe them at this date.',
      resolve: (c, _, ctx) => unitsWith(c, ctx, 'unknown'),
    }),
    absentUnits: t.field({
      type: [OrgUnitRef],
      description: 'Units whose dates exclude this date (not yet established).',
      resolve: (c, _, ctx) => unitsWith(c, ctx, 'absent'),
    }),
  }),
});

const ChangeKind = builder.enumType('ChangeKind', {
  description: 'What happened to a unit between two dates.',
  values: {
    APPEARED: { value: 'appeared', description: 'Established in between.' },
    DISAPPEARED: { value: 'disappeared', description: 'Dissolved in between.' },
    MOVED: { value: 'moved', description: 'Part of another unit at the second date.' },
  } as const,
});

const UnitChangeRef = builder.objectRef<UnitChange>('UnitChange').implement({
  description: 'A dated change to a unit, with its evidence.',
  fields: (t) => ({
    kind: t.field({ type: ChangeKind, description: 'What happened.', resolve: (c) => c.kind }),
    unit: t.field({ type: OrgUnitRef, description: 'The unit.', resolve: (c) => c.unit }),
    validity: t.field({
      type: ValidityRef,
      description: 'The unit’s dates, which the change is read from.',
      resolve: (c) => unitValidity(c.unit),
    }),
    fromParent: t.field({
      type: OrgUnitRef,
      nullable: true,
      description: 'The unit it was part of at `from`.',
      resolve: (c, _, ctx) =>
        c.fromParentKey ? (baseOf(ctx.graph).unit(c.fromParentKey) ?? null) : null,
    }),
    toParent: t.field({
      type: OrgUnitRef,
      nullable: true,
      description: 'The unit it was part of at `to`.',
      resolve: (c, _, ctx) =>
        c.toParentKey ? (baseOf(ctx.graph).unit(c.toParentKey) ?? null) : null,
    }),
    events: t.field({
      type: [EventRef],
      description: 'The events in between that affected it.',
      resolve: (c) => c.events,
    }),
    sources: t.field({
      type: [CitationRef],
      description: 'The sentences the unit and its dates rest on.',
      resolve: (c) => c.unit.sources,
    }),
    basis: t.string({
      description: 'How the change was derived.',
      resolve: (c) =>
        c.kind === 'moved'
          ? 'derived: its parent differs between the two dates'
          : `derived from the unit’s recorded dates (${c.kind === 'appeared' ? `established ${c.unit.established?.value ?? '?'}` : `dissolved ${c.unit.dissolved?.value ?? '?'}`})`,
    }),
  }),
});

const ChangesRef = builder.objectRef<Changes>('Changes').implement({
  description:
    'What appeared, disappeared or moved between two dates, and what happened in between.',
  fields: (t) => ({
    from: t.field({ type: DateScalar, description: 'The first date.', resolve: (c) => c.from }),
    to: t.field({ type: DateScalar, description: 'The second date.', resolve: (c) => c.to }),
    appeared: t.field({
      type: [UnitChangeRef],
      description: 'Units established in between.',
      resolve: (c) => c.appeared,
    }),
    disappeared: t.field({
      type: [UnitChangeRef],
      description: 'Units dissolved in between.',
      resolve: (c) => c.disappeared,
    }),
    moved: t.field({
      type: [UnitChangeRef],
      description: 'Units whose parent changed.',
      resolve: (c) => c.moved,
    }),
    events: t.field({
      type: [EventRef],
      description: 'Every event in between, in date order.',
      resolve: (c) => c.events,
    }),
    notes: t.stringList({
      description: 'What the sources do not say about the period.',
      args: { lang: t.arg({ type: Lang, description: LANG_ARG_DESCRIPTION }) },
      resolve: (c, args, ctx) => c.notes.map((n) => pick(n, args.lang, ctx)),
    }),
  }),
});

builder.queryFields((t) => ({
  coverage: t.field({
    type: CoverageRef,
    description:
      'What the answers can say for their date: the dataset’s own date, or the date of the enclosing `at`.',
    resolve: (_, __, ctx) => coverageOf(ctx.graph),
  }),
  changes: t.field({
    type: ChangesRef,
    description:
      'What appeared, disappeared or moved between two dates (as `at` sees them), with the events in between. Only dated changes are listed; the notes say where the sources are silent.',
    args: {
      from: t.arg({ type: DateScalar, required: true, description: 'The first date.' }),
      to: t.arg({ type: DateScalar, required: true, description: 'The second date.' }),
    },
    resolve: (_, args, ctx) => {
      refuseIf(periodProblem(args.from, args.to), 'from');
      return changesBetween(baseOf(ctx.graph), args.from, args.to);
    },
  }),
}));
