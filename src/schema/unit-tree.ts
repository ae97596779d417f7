import { periodProblem, queryEvents } from '../graph/event-query';
import {
  ancestors,
  descendantCount,
  descendants,
  depthProblem,
  MAX_DEPTH,
  siblings,
  type Descendant,
} from '../graph/unit-tree';
import { unitValidity } from '../graph/validity';
import { builder } from './builder';
import { DateScalar } from './date';
import { refuseIf, globalId } from './node-arg';
import { EventRef, OrgUnitRef } from './refs';
import { ValidityRef } from './validity';
import { EventKind } from './event';

const DescendantRef = builder.objectRef<Descendant>('Descendant').implement({
  description: 'A unit below another, with where it sits, so a client can rebuild the tree.',
  fields: (t) => ({
    unit: t.field({ type: OrgUnitRef, description: 'The unit.', resolve: (d) => d.unit }),
    depth: t.int({
      description: 'Levels below the unit asked about (1: a direct sub-unit).',
      resolve: (d) => d.depth,
    }),
    parentId: t.id({
      description: 'Global ID of the unit it is part of.',
      resolve: (d, _, ctx) =>
        globalId(ctx.graph, { id: `unit:${d.parentKey}`, type: 'unit', key: d.parentKey }),
    }),
    parentKey: t.string({
      description: 'Key of the unit it is part of.',
      resolve: (d) => d.parentKey,
    }),
  }),
});

builder.interfaceFields(OrgUnitRef, (t) => ({
  ancestors: t.field({
    type: [OrgUnitRef],
    description: 'The units this one is part of: a breadcrumb, the top first and the parent last.',
    resolve: (u, _, ctx) => ancestors(ctx.graph, u),
  }),
  descendants: t.field({
    type: [DescendantRef],
    description: `Every unit below this one, flattened (breadth first), each with its depth and parent. \`depth\` limits the levels (1 to ${MAX_DEPTH}; all by default).`,
    args: {
      depth: t.arg.int({ description: `How many levels down, from 1 to ${MAX_DEPTH}.` }),
    },
    resolve: (u, args, ctx) => {
      refuseIf(depthProblem(args.depth ?? MAX_DEPTH, 1));
      return descendants(ctx.graph, u, args.depth ?? MAX_DEPTH);
    },
  }),
  childCount: t.int({
    description: 'Number of direct sub-units.',
    resolve: (u, _, ctx) => ctx.graph.childrenOf(u.key).length,
  }),
  descendantCount: t.int({
    description: 'Number of units below this one, at any depth.',
    resolve: (u, _, ctx) => descendantCount(ctx.graph, u),
  }),
  siblings: t.field({
    type: [OrgUnitRef],
    description: 'The other units with the same parent, in dataset order.',
    resolve: (u, _, ctx) => siblings(ctx.graph, u),
  }),
  validity: t.field({
    type: ValidityRef,
    description:
      'When the unit existed, as far as the data says: from its `established` date; open where the sources give none.',
    resolve: (u) => unitValidity(u),
  }),
  history: t.field({
    type: [EventRef],
    description:
      'The dated events touching the unit, in order (partial dates ordered correctly: "2010" before "2010-08" before "2010-11"), optionally within dates and of some kinds.',
    args: {
      from: t.arg({ type: DateScalar, description: 'Earliest date (inclusive).' }),
      to: t.arg({ type: DateScalar, description: 'Latest date (inclusive).' }),
      kinds: t.arg({ type: [EventKind], description: 'Only events of these kinds.' }),
    },
    resolve: (u, args, ctx) => {
      const period = { from: args.from ?? undefined, to: args.to ?? undefined };
      refuseIf(periodProblem(period.from, period.to), 'from');
      return queryEvents(ctx.graph, {
        ...period,
        kinds: args.kinds ?? undefined,
        affecting: [u.key],
      });
    },
  }),
}));
