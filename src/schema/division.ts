import { builder } from './builder';
import { unitNodeOptions } from './org-unit';
import { DivisionRef } from './refs';

builder.node(DivisionRef, {
  description:
    'A division of the International Staff, headed by an Assistant Secretary General (seven at the dataset’s date).',
  ...unitNodeOptions('division'),
});

builder.queryField('divisions', (t) =>
  t.field({
    type: [DivisionRef],
    description: 'The divisions of the International Staff, in the order the source lists them.',
    resolve: (_, __, ctx) => ctx.graph.units('division'),
  }),
);
