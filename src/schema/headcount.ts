import type { Headcount, Location } from '../graph/types';
import { builder } from './builder';
import { CitationRef } from './citation';
import { DateScalar } from './date';
import { localizedString } from './lang';

export const HeadcountRef = builder.objectRef<Headcount>('Headcount').implement({
  description: 'How many people work somewhere, as a source gives it on a date.',
  fields: (t) => ({
    approx: t.exposeInt('approx', { description: 'The approximate number the source gives.' }),
    asOf: t.field({
      type: DateScalar,
      description: 'The date of the observation (figures change over time).',
      resolve: (h) => h.asOf,
    }),
    scope: localizedString(t, 'Who is counted.', (h) => h.scope),
    sources: t.field({
      type: [CitationRef],
      description: 'Where the figure comes from.',
      resolve: (h) => h.sources,
    }),
  }),
});

export const LocationRef = builder.objectRef<Location>('Location').implement({
  description: 'Where a unit is located.',
  fields: (t) => ({
    name: localizedString(t, 'The place.', (l) => l.name),
    sources: t.field({
      type: [CitationRef],
      description: 'Where the location is stated.',
      resolve: (l) => l.sources,
    }),
  }),
});
