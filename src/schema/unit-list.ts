/**
 * The root `units` list: every unit, filtered and ordered, a page at a time (graph/unit-list.ts
 * does the work), with the input types that say how.
 */
import { InputError } from '../graph/input-error';
import { recordPage } from '../graph/page';
import { comparePartialDates } from '../graph/partial-date';
import type { OrgGraph } from '../graph/org-graph';
import { unitList, type UnitFilter, type UnitOrder } from '../graph/unit-list';
import { topicArg, unitArg } from './args';
import type { Context } from './context';
import { Lang } from './lang';
import type { UnitKindEnum } from './org-unit';
import type { SchemaParts } from './parts';
import { readFields } from './read-fields';

const UnitOrderField = {
  NAME: 'name',
  ESTABLISHED: 'established',
  CHILD_COUNT: 'childCount',
  DESCENDANT_COUNT: 'descendantCount',
} as const;

const OrderDirection = { ASC: 'asc', DESC: 'desc' } as const;

interface UnitFilterInput {
  readonly kind?: readonly string[] | null | undefined;
  readonly parent?: string | null | undefined;
  readonly under?: string | null | undefined;
  readonly topic?: string | null | undefined;
  readonly text?: string | null | undefined;
  readonly established?: DateRangeInput | null | undefined;
  readonly at?: UnitFilter['at'] | null | undefined;
}

interface DateRangeInput {
  readonly from?: UnitFilter['at'] | null | undefined;
  readonly to?: UnitFilter['at'] | null | undefined;
}

/** The domain's filter from the client's: names resolved (an unknown one is an error). */
async function filterOf(
  ctx: Context,
  graph: OrgGraph,
  input: UnitFilterInput | null | undefined,
  kind: string | null | undefined,
): Promise<UnitFilter> {
  const kinds = input?.kind ?? undefined;
  const unitNamed = (field: 'parent' | 'under', text: string | null | undefined) =>
    text == null ? undefined : unitArg(ctx, graph, `filter.${field}`, text);
  const range = input?.established ?? undefined;
  if (range?.from && range.to && comparePartialDates(range.from, range.to) > 0) {
    throw new InputError(
      'filter.established',
      `filter.established: from (${range.from.value}) is after to (${range.to.value}).`,
    );
  }
  if (input?.text != null && input.text.length > 200) {
    throw new InputError('filter.text', 'filter.text: give at most 200 characters.');
  }
  return {
    kinds: kind == null ? kinds : kinds ? kinds.filter((k) => k === kind) : [kind],
    parent: await unitNamed('parent', input?.parent),
    under: await unitNamed('under', input?.under),
    topic:
      input?.topic == null ? undefined : await topicArg(ctx, graph, 'filter.topic', input.topic),
    text: input?.text ?? undefined,
    established: range && { from: range.from ?? undefined, to: range.to ?? undefined },
    at: input?.at ?? undefined,
  };
}

export function defineUnitList(parts: SchemaParts, UnitKind: UnitKindEnum): void {
  const { builder, refs } = parts;
  builder.enumType(UnitOrderField, {
    name: 'UnitOrderField',
    description: 'What units can be ordered by.',
    values: {
      NAME: {
        description:
          'Official name, in the order of the `lang` of the ordering (its alphabet’s rules: accents, case and numbers compared as readers expect).',
      },
      ESTABLISHED: {
        description:
          'When the unit was established (a year before a month of the same year); units with no date come last.',
      },
      CHILD_COUNT: { description: 'How many direct sub-units it has.' },
      DESCENDANT_COUNT: { description: 'How many units lie below it, at any depth.' },
    },
  });
  builder.enumType(OrderDirection, {
    name: 'OrderDirection',
    description: 'Which way an order runs.',
    values: {
      ASC: { description: 'Smallest first (A to Z, oldest first).' },
      DESC: { description: 'Largest first (Z to A, newest first).' },
    },
  });
  const UnitOrderRef = builder.inputType('UnitOrder', {
    description: 'How to order units. Ties keep the dataset’s order.',
    fields: (t) => ({
      field: t.field({ type: UnitOrderField, required: true, description: 'What to order by.' }),
      direction: t.field({
        type: OrderDirection,
        defaultValue: 'asc',
        description: 'Which way (ascending by default).',
      }),
      lang: t.field({
        type: Lang,
        description:
          'The language names are compared in; defaults to the request’s `Accept-Language`.',
      }),
    }),
  });
  const DateRangeRef = builder.inputType('DateRange', {
    description: 'A period, bounds included; either end may be left open.',
    fields: (t) => ({
      from: t.field({ type: 'Date', description: 'Earliest date, e.g. "1990".' }),
      to: t.field({ type: 'Date', description: 'Latest date, e.g. "2010-12".' }),
    }),
  });
  const UnitFilterRef = builder.inputType('UnitFilter', {
    description:
      'Which units to list: a unit must match every part given. Units are named as in `unit(name:)` (a name, acronym, alias or key) or by their global ID; an unknown one is an error.',
    fields: (t) => ({
      kind: t.field({
        type: [UnitKind],
        description: 'Units of these kinds (one kind or several).',
      }),
      parent: t.string({ description: 'The direct sub-units of this unit.' }),
      under: t.string({ description: 'The units below this one, at any depth.' }),
      topic: t.string({
        description:
          'The units handling this topic, as `Topic.handledBy` lists them (a label or variant, as in `topic(name:)`).',
      }),
      text: t.string({
        description:
          'Units whose official name, acronym or alias, in any language, has a word starting with each word given ("secur off" finds the NATO Office of Security); case and accents are ignored. At most 200 characters.',
      }),
      established: t.field({
        type: DateRangeRef,
        description:
          'Units established within this period (partial dates overlap it); units with no date are left out.',
      }),
      at: t.field({
        type: 'Date',
        description: 'Units the organisation had on this date, as `at(date:)` shows it.',
      }),
    }),
  });

  readFields(parts, (t) => ({
    units: t.connection(
      {
        type: refs.OrgUnit,
        description:
          'Units, in the order of the dataset unless `orderBy` says otherwise, filtered by `filter`, a page at a time (`first` 1 to 100, 20 by default; `totalCount` counts them all).',
        args: {
          filter: t.arg({ type: UnitFilterRef, description: 'Which units (all when absent).' }),
          orderBy: t.arg({ type: UnitOrderRef, description: 'In which order.' }),
          kind: t.arg({
            type: UnitKind,
            description: 'Only units of this kind.',
            deprecationReason: 'Use `filter: { kind: … }`, which takes several kinds.',
          }),
        },
        resolve: async (scope, args, ctx) => {
          const filter = await filterOf(ctx, scope.graph, args.filter, args.kind);
          const order: UnitOrder | undefined = args.orderBy
            ? {
                field: args.orderBy.field,
                descending: args.orderBy.direction === 'desc',
                lang: args.orderBy.lang ?? ctx.lang,
              }
            : undefined;
          return recordPage(scope.graph, unitList(scope.graph, filter, order), args);
        },
      },
      refs.UnitConnection,
    ),
  }));
}
