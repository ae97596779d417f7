import type { OrgGraph } from '../graph/org-graph';
import { builder } from './builder';
import { SourceDocumentRef } from './citation';
import { DateScalar } from './date';
import { localizedString, optionalLocalizedString } from './lang';

const DatasetRef = builder.objectRef<OrgGraph>('Dataset').implement({
  description: 'The dataset being served: what it describes, as of when, and which version.',
  fields: (t) => ({
    key: t.string({ description: 'Key of the dataset.', resolve: (g) => g.dataset.key }),
    title: localizedString(t, 'Title of the dataset.', (g) => g.dataset.title),
    description: optionalLocalizedString(t, 'What it covers.', (g) => g.dataset.description),
    asOf: t.field({
      type: DateScalar,
      description: 'The date the dataset describes: every answer is as of this date.',
      resolve: (g) => g.dataset.asOf,
    }),
    primarySource: t.field({
      type: SourceDocumentRef,
      description: 'The document the dataset is drawn from.',
      resolve: (g) => g.dataset.primarySource,
    }),
    sources: t.field({
      type: [SourceDocumentRef],
      description: 'Every document cited.',
      resolve: (g) => [...g.documents],
    }),
    version: t.string({
      description: 'Content hash of the seed files: changes exactly when the data does.',
      resolve: (g) => g.meta.version,
    }),
    loadedAt: t.string({
      description: 'When this version was loaded (ISO 8601).',
      resolve: (g) => g.meta.loadedAt.toISOString(),
    }),
  }),
});

builder.queryField('dataset', (t) =>
  t.field({
    type: DatasetRef,
    description: 'What is being served.',
    resolve: (_, __, ctx) => ctx.graph,
  }),
);
