import { titleIn } from '../graph/localize';
import type { DocumentUpdate } from '../graph/types';
import { Lang, LANG_ARG_DESCRIPTION, langOf } from './lang';
import type { SchemaParts } from './parts';

export function defineCitation({ builder, refs }: SchemaParts): void {
  const DocumentUpdateRef = builder.objectRef<DocumentUpdate>('DocumentUpdate').implement({
    description: 'When a document says it was last updated, as it says it.',
    fields: (t) => ({
      at: t.string({
        description:
          'The local date and time as the document gives it, in ISO form without an offset ("2011-11-02T16:53").',
        resolve: (u) => u.localDateTime,
      }),
      date: t.field({ type: 'Date', description: 'Its day.', resolve: (u) => u.date }),
      timeZone: t.string({
        nullable: true,
        description: 'A UTC offset or an IANA zone; null when the document does not say (unknown).',
        resolve: (u) => u.timeZone ?? null,
      }),
      timeZoneKnown: t.boolean({
        description: 'False when the document does not say which time zone its time is in.',
        resolve: (u) => u.timeZone !== undefined,
      }),
      sources: t.field({
        type: [refs.Citation],
        description: 'The words of the document that say so.',
        resolve: (u) => u.sources,
      }),
    }),
  });

  builder.objectType(refs.SourceDocument, {
    description:
      'A document the data is drawn from: the primary source page, or another public source.',
    fields: (t) => ({
      key: t.exposeString('key', { description: 'Stable key of the document in the dataset.' }),
      title: t.string({
        description: 'Title of the document, in the requested language when it has one.',
        nullable: true,
        args: { lang: t.arg({ type: Lang, description: LANG_ARG_DESCRIPTION }) },
        resolve: (d, args, ctx) => titleIn(d, langOf(args.lang, ctx)) ?? null,
      }),
      publisher: t.exposeString('publisher', { nullable: true, description: 'Who published it.' }),
      lang: t.field({
        type: Lang,
        description: 'Language of the document.',
        resolve: (d) => d.lang,
      }),
      date: t.field({
        type: 'Date',
        nullable: true,
        description: 'Date of the document (of its last update, for a web page).',
        resolve: (d) => d.date ?? null,
      }),
      url: t.exposeString('url', { nullable: true, description: 'Where it was published.' }),
      updated: t.field({
        type: DocumentUpdateRef,
        nullable: true,
        description:
          'When the document says it was last updated, time included; null when it does not say. `date` is that day.',
        resolve: (d) => d.updated ?? null,
      }),
      verified: t.exposeBoolean('verifiedCopy', {
        description:
          'True when the dataset keeps a copy of the document and every quote from it was checked verbatim against that copy.',
      }),
    }),
  });

  builder.objectType(refs.Citation, {
    description: 'The sentence of a document that a fact rests on.',
    fields: (t) => ({
      document: t.field({
        type: refs.SourceDocument,
        description: 'The document quoted.',
        resolve: (c) => c.document,
      }),
      quote: t.exposeString('quote', {
        description: 'The words of the document, verbatim, in its language.',
      }),
      lang: t.field({ type: Lang, description: 'Language of the quote.', resolve: (c) => c.lang }),
      locator: t.exposeString('locator', {
        nullable: true,
        description: 'Where in the document: a fact number (F083), a section or a paragraph.',
      }),
    }),
  });

  builder.objectType(refs.Correction, {
    description:
      'A place where a source is wrong: what it claims, the value the dataset uses instead, and why.',
    fields: (t) => ({
      field: t.exposeString('field', { description: 'The field the correction applies to.' }),
      claimed: t.exposeString('claimed', { description: 'What the source says.' }),
      corrected: t.exposeString('corrected', { description: 'The value the dataset uses.' }),
      reason: t.exposeString('reason', { description: 'Why the source is taken to be wrong.' }),
      sources: t.field({
        type: [refs.Citation],
        description: 'The evidence for the corrected value.',
        resolve: (c) => c.sources,
      }),
    }),
  });
}
