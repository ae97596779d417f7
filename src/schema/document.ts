/**
 * Documents the graph describes as nodes (the 2010 Strategic Concept): what they commit to,
 * which events endorsed them and which follow from them. Not the documents the data cites
 * (SourceDocument).
 */
import type { Commitment } from '../graph/types';
import { ID_DESCRIPTION, idOf } from './global-id';
import { localizedNotes, localizedString, optionalLocalizedString } from './lang';
import type { SchemaParts } from './parts';
import { readFields } from './read-fields';

export function defineDocument(parts: SchemaParts): void {
  const { builder, refs } = parts;
  const CommitmentRef = builder.objectRef<Commitment>('Commitment').implement({
    description: 'What a document commits to, in its words as the source quotes them.',
    fields: (t) => ({
      text: localizedString(t, 'The commitment.', (c) => c.text),
      sources: t.field({
        type: [refs.Citation],
        description: 'The sentences that say so.',
        resolve: (c) => c.sources,
      }),
    }),
  });

  builder.objectType(refs.Document, {
    description:
      'A document the graph describes (the 2010 Strategic Concept): not one it cites (SourceDocument).',
    interfaces: [builder.nodeInterfaceRef()],
    fields: (t) => ({
      id: t.id({ description: ID_DESCRIPTION, resolve: (d) => idOf('Document', d) }),
      key: t.exposeString('key', { description: 'Stable key of the document in the dataset.' }),
      title: localizedString(t, 'Its title.', (d) => d.title),
      date: t.field({
        type: 'Date',
        nullable: true,
        description: 'When it was adopted or endorsed.',
        resolve: (d) => d.date ?? null,
      }),
      description: optionalLocalizedString(t, 'What it is.', (d) => d.description),
      commitments: t.field({
        type: [CommitmentRef],
        description: 'What it commits to, in its words as the source quotes them.',
        resolve: (d) => d.commitments,
      }),
      endorsedBy: t.field({
        type: [refs.Event],
        description: 'The events that endorsed it.',
        resolve: (d) => d.graph.endorsementsOf(d.key),
      }),
      followedBy: t.field({
        type: [refs.Event],
        description: 'The events that follow from its commitments.',
        resolve: (d) => d.graph.eventsFollowingFrom(d.key),
      }),
      sources: t.field({
        type: [refs.Citation],
        description: 'The sentences it rests on.',
        resolve: (d) => d.sources,
      }),
      notes: localizedNotes(t, 'Remarks for readers.', (d) => d.notes),
    }),
  });

  builder.objectFields(refs.Event, (t) => ({
    endorses: t.field({
      type: [refs.Document],
      description: 'The documents this event endorsed.',
      resolve: (e) => e.graph.documentsEndorsedBy(e),
    }),
    followsFrom: t.field({
      type: [refs.Document],
      description: 'The documents whose commitments this event follows from.',
      resolve: (e) => e.graph.documentsFollowedBy(e),
    }),
  }));

  readFields(parts, (t) => ({
    documents: t.field({
      type: [refs.Document],
      description:
        'The documents the graph describes, in dataset order (in a dated view: those adopted by then).',
      resolve: (scope) => scope.graph.orgDocuments(),
    }),
    document: t.field({
      type: refs.Document,
      nullable: true,
      description: 'The document with this key ("strategic-concept-2010"); null when none has it.',
      args: { key: t.arg.string({ required: true, description: 'Its key.' }) },
      resolve: (scope, args) => scope.graph.orgDocument(args.key) ?? null,
    }),
  }));
}
