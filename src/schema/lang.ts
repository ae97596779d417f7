import type { Lang as LangValue, Localized } from '../graph/types';
import { builder } from './builder';
import type { Context } from './context';

export const Lang = builder.enumType('Lang', {
  description: 'A language of the dataset.',
  values: {
    EN: { value: 'en', description: 'English' },
    FR: { value: 'fr', description: 'French (français)' },
  } as const,
});

export const LANG_ARG_DESCRIPTION =
  'Language of the text; defaults to the request’s `Accept-Language` (English when absent).';

export function pick(text: Localized, lang: LangValue | null | undefined, ctx: Context): string {
  return text[lang ?? ctx.lang];
}

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** A `String!` field in the requested language, read from a localized value. */
export function localizedString<Parent>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>,
  description: string,
  get: (parent: Parent) => Localized,
) {
  return t.string({
    description,
    args: { lang: t.arg({ type: Lang, description: LANG_ARG_DESCRIPTION }) },
    resolve: (parent, args, ctx) => pick(get(parent), args.lang, ctx),
  });
}

/** A nullable `String` field in the requested language, for texts some records lack. */
export function optionalLocalizedString<Parent>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>,
  description: string,
  get: (parent: Parent) => Localized | undefined,
) {
  return t.string({
    description,
    nullable: true,
    args: { lang: t.arg({ type: Lang, description: LANG_ARG_DESCRIPTION }) },
    resolve: (parent, args, ctx) => {
      const text = get(parent);
      return text ? pick(text, args.lang, ctx) : null;
    },
  });
}

export const LocalizedText = builder.objectRef<Localized>('LocalizedText').implement({
  description: 'A text in both languages of the dataset.',
  fields: (t) => ({
    en: t.exposeString('en', { description: 'The English text.' }),
    fr: t.exposeString('fr', { description: 'The French text.' }),
  }),
});
