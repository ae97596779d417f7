import { queryEvents } from '../graph/event-query';
import { nodeWithKey } from '../graph/node-by-name';
import {
  ancestors,
  descendantCount,
  descendants,
  MAX_DEPTH,
  siblings,
  type Descendant,
} from '../graph/unit-tree';
import { unitValidity } from '../graph/validity';
import { EventKind } from './event';
import { globalIdOf } from './global-id';
import type { SchemaParts } from './parts';

export function defineUnitTree({ builder, refs }: SchemaParts): void {
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

  builder.interfaceFields(refs.OrgUnit, (t) => ({
    ancestors: t.field({
      type: [refs.OrgUnit],
      description:
        'The units this one is part of: a breadcrumb, the top first and the parent last.',
      resolve: (u) => ancestors(u),
    }),
    descendants: t.field({
      type: [DescendantRef],
      description: `Every unit below this one, flattened (breadth first), each with its depth and parent. \`depth\` limits the levels (1 to ${MAX_DEPTH}; all by default).`,
      args: {
        depth: t.arg.int({ description: `How many levels down, from 1 to ${MAX_DEPTH}.` }),
      },
      resolve: (u, args) => descendants(u, args.depth ?? MAX_DEPTH),
    }),
    childCount: t.int({
      description: 'Number of direct sub-units.',
      resolve: (u) => u.graph.childrenOf(u.key).length,
    }),
    descendantCount: t.int({
      description: 'Number of units below this one, at any depth.',
      resolve: (u) => descendantCount(u),
    }),
    siblings: t.field({
      type: [refs.OrgUnit],
      description: 'The other units with the same parent, in dataset order.',
      resolve: (u) => siblings(u),
    }),
    validity: t.field({
      type: refs.Validity,
      description:
        'When the unit existed, as far as the data says: from its `established` date; open where the sources give none.',
      resolve: (u) => unitValidity(u),
    }),
    history: t.field({
      type: [refs.Event],
      description:
        'The dated events touching the unit, in order (partial dates ordered correctly: "2010" before "2010-08" before "2010-11"), optionally within dates and of some kinds.',
      args: {
        from: t.arg({ type: 'Date', description: 'Earliest date (inclusive).' }),
        to: t.arg({ type: 'Date', description: 'Latest date (inclusive).' }),
        kinds: t.arg({ type: [EventKind], description: 'Only events of these kinds.' }),
      },
      resolve: (u, args) =>
        queryEvents(u.graph, {
          from: args.from ?? undefined,
          to: args.to ?? undefined,
          kinds: args.kinds ?? undefined,
          affecting: [u.key],
        }),
    }),
  }));
}
