import { builder } from './builder';
import { unitNodeOptions } from './org-unit';
import { OfficeRef } from './refs';

builder.node(OfficeRef, {
  description:
    'An independent office within the International Staff (NATO Office of Security, NATO Office of Resources, Office of the Financial Controller, International Board of Auditors).',
  ...unitNodeOptions('office'),
});

builder.queryField('offices', (t) =>
  t.field({
    type: [OfficeRef],
    description: 'The independent offices, in the order the source lists them.',
    resolve: (_, __, ctx) => ctx.graph.units('office'),
  }),
);
