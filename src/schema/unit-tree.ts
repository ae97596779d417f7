import { queryEvents } from '../graph/event-query';
import { nodeWithKey } from '../graph/node-by-name';
import { pageOf, recordPage } from '../graph/page';
import {
  ancestors,
  childCount,
  descendantCount,
  descendants,
  siblings,
  type Descendant,
} from '../graph/unit-tree';
import { unitValidity } from '../graph/validity';
import { EventKind } from './event';
import { globalIdOf } from './global-id';
import type { UnitKindEnum } from './org-unit';
import type { SchemaParts } from './parts';

export function defineUnitTree({ builder, refs }: SchemaParts, UnitKind: UnitKindEnum): void {
  const DescendantRef = builder.objectRef<Descendant>('Descendant').implement({
    description: 'A unit below another, with where it sits, so a client can rebuild the tree.',
    fields: (t) => ({
      unit: t.field({ type: refs.OrgUnit, description: 'The unit.', resolve: (d) => d.unit }),
      depth: t.int({
        description: 'Levels below the unit asked about (1: a direct sub-unit).',
        resolve: (d) => d.depth,
      }),
      parentId: t.id({
        description: 'Global ID of the unit it is part of.',
        resolve: (d) => {
          const parent = nodeWithKey(d.parent.graph, 'unit', d.parent.key);
          return parent ? globalIdOf(parent) : '';
        },
      }),
      parentKey: t.string({
        description: 'Key of the unit it is part of.',
        resolve: (d) => d.parent.key,
      }),
    }),
  });
  const DescendantConnection = builder.connectionObject(
    {
      type: DescendantRef,
      name: 'DescendantConnection',
      description: 'A page of the units below a unit, with their total.',
    },
    { name: 'DescendantEdge', description: 'One unit below, with its cursor.' },
  );

  builder.interfaceFields(refs.OrgUnit, (t) => ({
    ancestors: t.field({
      type: [refs.OrgUnit],
      description:
        'The units this one is part of: a breadcrumb, the top first and the parent last.',
      resolve: (u) => ancestors(u),
    }),
    descendants: t.connection(
      {
        type: DescendantRef,
        description:
          'Every unit below this one, depth first (each sub-unit followed by the units below it, sub-units in file order), each with its depth and parent, a page at a time. `depth` limits the levels (all by default).',
        args: {
          depth: t.arg.int({ description: 'How many levels down, 1 or more.' }),
        },
        resolve: (u, args) =>
          pageOf(descendants(u, args.depth ?? undefined), args, {
            graph: u.graph,
            keyOf: (d) => d.unit.key,
          }),
      },
      DescendantConnection,
    ),
    childCount: t.int({
      description: 'Number of direct sub-units, of some kinds if given.',
      args: {
        kind: t.arg({
          type: [UnitKind],
          description: 'Count only units of these kinds (all when absent).',
        }),
      },
      resolve: (u, args) => childCount(u, args.kind ?? undefined),
    }),
    descendantCount: t.int({
      description: 'Number of units below this one, at any depth, of some kinds if given.',
      args: {
        kind: t.arg({
          type: [UnitKind],
          description: 'Count only units of these kinds (all when absent).',
        }),
      },
      resolve: (u, args) => descendantCount(u, args.kind ?? undefined),
    }),
    siblings: t.connection(
      {
        type: refs.OrgUnit,
        description: 'The other units with the same parent, in dataset order.',
        resolve: (u, args) => recordPage(u.graph, siblings(u), args),
      },
      refs.UnitConnection,
    ),
    validity: t.field({
      type: refs.Validity,
      description:
        'When the unit existed, as far as the data says: from its `established` date; open where the sources give none.',
      resolve: (u) => unitValidity(u),
    }),
    history: t.connection(
      {
        type: refs.Event,
        description:
          'The dated events touching the unit, in order (partial dates ordered correctly: "2010" before "2010-08" before "2010-11"), optionally within dates and of some kinds, a page at a time.',
        args: {
          from: t.arg({ type: 'Date', description: 'Earliest date (inclusive).' }),
          to: t.arg({ type: 'Date', description: 'Latest date (inclusive).' }),
          kinds: t.arg({ type: [EventKind], description: 'Only events of these kinds.' }),
        },
        resolve: (u, args) =>
          recordPage(
            u.graph,
            queryEvents(u.graph, {
              from: args.from ?? undefined,
              to: args.to ?? undefined,
              kinds: args.kinds ?? undefined,
              affecting: [u.key],
            }),
            args,
          ),
      },
      refs.EventConnection,
    ),
  }));
}
