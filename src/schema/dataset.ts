import type { OrgGraph } from '../graph/org-graph';
import { localizedString, optionalLocalizedString } from './lang';
import type { SchemaParts } from './parts';

export function defineDataset({ builder, refs }: SchemaParts): void {
  const DatasetRef = builder.objectRef<OrgGraph>('Dataset').implement({
    description: 'The dataset being served: what it describes, as of when, and which version.',
    fields: (t) => ({
      key: t.string({ description: 'Key of the dataset.', resolve: (g) => g.dataset.key }),
      title: localizedString(t, 'Title of the dataset.', (g) => g.dataset.title),
      description: optionalLocalizedString(t, 'What it covers.', (g) => g.dataset.description),
      asOf: t.field({
        type: 'Date',
        description: 'The date the dataset describes: every answer is as of this date.',
        resolve: (g) => g.dataset.asOf,
      }),
      primarySource: t.field({
        type: refs.SourceDocument,
        description: 'The document the dataset is drawn from.',
        resolve: (g) => g.dataset.primarySource,
      }),
      sources: t.field({
        type: [refs.SourceDocument],
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
      resolve: (scope) => scope.graph.base,
    }),
  );
}
