import { builder } from './builder';
import { unitNodeOptions } from './org-unit';
import { SecretaryGeneralRef } from './refs';

builder.node(SecretaryGeneralRef, {
  description:
    'The Secretary General: heads the International Staff, is administratively one of its members, and decides its appointments. The top of the International Staff’s reporting lines.',
  ...unitNodeOptions('secretary-general'),
});

builder.queryField('secretaryGeneral', (t) =>
  t.field({
    type: SecretaryGeneralRef,
    nullable: true,
    description: 'The Secretary General.',
    resolve: (_, __, ctx) => ctx.graph.units('secretary-general')[0] ?? null,
  }),
);
