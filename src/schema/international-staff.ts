import { builder } from './builder';
import { HeadcountRef, LocationRef } from './headcount';
import { unitNodeOptions } from './org-unit';
import { InternationalStaffRef } from './refs';

builder.node(InternationalStaffRef, {
  description:
    'The International Staff (IS; French: Secrétariat international, SI): NATO’s advisory and administrative body at its headquarters, under the authority of the Secretary General.',
  ...unitNodeOptions('international-staff'),
  fields: (t) => ({
    headcount: t.field({
      type: HeadcountRef,
      nullable: true,
      description: 'How many civilians work in the International Staff.',
      resolve: (u) => u.headcount ?? null,
    }),
    location: t.field({
      type: LocationRef,
      nullable: true,
      description: 'Where the International Staff is located.',
      resolve: (u) => u.location ?? null,
    }),
  }),
});

builder.queryField('internationalStaff', (t) =>
  t.field({
    type: InternationalStaffRef,
    nullable: true,
    description:
      'The International Staff, with its staff figures and location; its `units` are the Private Office, the divisions and the offices.',
    resolve: (_, __, ctx) => ctx.graph.units('international-staff')[0] ?? null,
  }),
);
