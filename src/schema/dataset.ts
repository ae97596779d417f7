import type { OrgGraph } from '../graph/org-graph';
import type { SourceDocument } from '../graph/types';
import { Lang, localizedString, optionalLocalizedString } from './lang';
import type { SchemaParts } from './parts';

const CitationPolicy = { REQUIRED: 'required', OPTIONAL: 'optional' } as const;

export function defineDataset({ builder, refs, declaration }: SchemaParts): void {
  builder.enumType(CitationPolicy, {
    name: 'CitationPolicy',
    description: 'What the loader requires of a dataset’s citations.',
    values: {
      REQUIRED: {
        description:
          'Every record cites its source, quotes are checked against the stored document, and a head no citation supports is refused.',
      },
      OPTIONAL: { description: 'Citations are welcome but not required.' },
    },
  });

  const DatasetRef = builder.objectRef<OrgGraph>('Dataset').implement({
    description: 'The dataset being served: what it describes, as of when, and which version.',
    fields: (t) => ({
      key: t.string({ description: 'Key of the dataset.', resolve: (g) => g.dataset.key }),
      title: localizedString(t, 'Title of the dataset.', (g) => g.dataset.title),
      description: optionalLocalizedString(t, 'What it covers.', (g) => g.dataset.description),
      languages: t.field({
        type: [Lang],
        description:
          'The languages of its texts, the first the one every text is given in (the others fall back to it).',
        resolve: (g) => [...g.dataset.languages],
      }),
      asOf: t.field({
        type: 'Date',
        description: 'The date the dataset describes: every answer is as of this date.',
        resolve: (g) => g.dataset.asOf,
      }),
      citationPolicy: t.field({
        type: CitationPolicy,
        description: 'Whether the loader required a citation for every claim it can tie to one.',
        resolve: (g) => g.dataset.citationPolicy,
      }),
      // A dataset that need not cite may have no primary source; one that must cite has one.
      primarySource:
        declaration.citationPolicy === 'required'
          ? t.field({
              type: refs.SourceDocument,
              description: 'The document the dataset is drawn from.',
              resolve: (g) => g.dataset.primarySource as SourceDocument,
            })
          : t.field({
              type: refs.SourceDocument,
              nullable: true,
              description: 'The document the dataset is drawn from, if it names one.',
              resolve: (g) => g.dataset.primarySource ?? null,
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
