import { localizedString } from './lang';
import type { SchemaParts } from './parts';

export function defineHeadcount({ builder, refs }: SchemaParts): void {
  builder.objectType(refs.Headcount, {
    description: 'How many people work somewhere, as a source gives it on a date.',
    fields: (t) => ({
      approx: t.exposeInt('approx', { description: 'The approximate number the source gives.' }),
      asOf: t.field({
        type: 'Date',
        description: 'The date of the observation (figures change over time).',
        resolve: (h) => h.asOf,
      }),
      scope: localizedString(t, 'Who is counted.', (h) => h.scope),
      sources: t.field({
        type: [refs.Citation],
        description: 'Where the figure comes from.',
        resolve: (h) => h.sources,
      }),
    }),
  });

  builder.objectType(refs.Location, {
    description: 'Where a unit is located.',
    fields: (t) => ({
      name: localizedString(t, 'The place.', (l) => l.name),
      sources: t.field({
        type: [refs.Citation],
        description: 'Where the location is stated.',
        resolve: (l) => l.sources,
      }),
    }),
  });
}
