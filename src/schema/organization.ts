import { builder } from './builder';
import { HeadcountRef } from './headcount';
import { unitNodeOptions } from './org-unit';
import { CouncilRef, OrganizationRef } from './refs';

builder.node(OrganizationRef, {
  description: 'A whole organisation (NATO), the root of the part-of tree.',
  ...unitNodeOptions('organization'),
  fields: (t) => ({
    headcount: t.field({
      type: HeadcountRef,
      nullable: true,
      description: 'How many civilians the organisation employs, where a source says.',
      resolve: (u) => u.headcount ?? null,
    }),
  }),
});

builder.node(CouncilRef, {
  description:
    'A governing council: the North Atlantic Council, which the International Staff was created to support.',
  ...unitNodeOptions('council'),
});

builder.queryFields((t) => ({
  organization: t.field({
    type: OrganizationRef,
    nullable: true,
    description: 'The organisation the dataset describes (NATO), the root of the structure.',
    resolve: (_, __, ctx) => ctx.graph.units('organization')[0] ?? null,
  }),
  councils: t.field({
    type: [CouncilRef],
    description: 'The governing councils (the North Atlantic Council).',
    resolve: (_, __, ctx) => ctx.graph.units('council'),
  }),
}));
