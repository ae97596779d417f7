import { builder } from './builder';
import { unitNodeOptions } from './org-unit';
import { CabinetRef, CabinetUnitRef } from './refs';

builder.node(CabinetRef, {
  description:
    'The Secretary General’s Private Office (cabinet): a director and staff, the Deputy Secretary General, the Office of Legal Affairs and the Policy Planning Unit.',
  ...unitNodeOptions('cabinet'),
});

builder.node(CabinetUnitRef, {
  description: 'A member of the Private Office.',
  ...unitNodeOptions('cabinet-unit'),
});

builder.queryField('cabinet', (t) =>
  t.field({
    type: CabinetRef,
    nullable: true,
    description: 'The Private Office of the Secretary General, with its members as `units`.',
    resolve: (_, __, ctx) => ctx.graph.units('cabinet')[0] ?? null,
  }),
);
