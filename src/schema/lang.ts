import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { GraphQLEnumType, type GraphQLSchema } from 'graphql';
import type { Lang as LangValue, Localized } from '../graph/types';
import type { SchemaTypes } from './builder';
import type { Context } from './context';
import type { SchemaParts } from './parts';

export const Lang = { EN: 'en', FR: 'fr' } as const;

export const LANG_ARG_DESCRIPTION =
  'Language of the text; defaults to the request’s `Accept-Language` (English when absent).';

export function defineLang({ builder }: SchemaParts): void {
  builder.enumType(Lang, {
    name: 'Lang',
    description: 'A language of the dataset.',
    values: { EN: { description: 'English' }, FR: { description: 'French (français)' } },
  });
}

/**
 * The schema with `Lang` holding only the dataset's languages. The modules declare every
 * language orggraph speaks; this one pass takes out the others, so that no field module needs to
 * know the dataset's languages (and a dataset in every language keeps its schema as built).
 */
export function withDatasetLanguages(
  schema: GraphQLSchema,
  languages: readonly LangValue[],
): GraphQLSchema {
  if (Object.values(Lang).every((l) => languages.includes(l))) return schema;
  return mapSchema(schema, {
    [MapperKind.ENUM_TYPE]: (type) => {
      if (type.name !== 'Lang') return type;
      const config = type.toConfig();
      const values = Object.entries(config.values).filter(([, v]) =>
        languages.includes(v.value as LangValue),
      );
      return new GraphQLEnumType({ ...config, values: Object.fromEntries(values) });
    },
  });
}

/** The language a field answers in: its `lang` argument, else the request's. */
export function langOf(lang: LangValue | null | undefined, ctx: Context): LangValue {
  return lang ?? ctx.lang;
}

export function pick(text: Localized, lang: LangValue | null | undefined, ctx: Context): string {
  return text[langOf(lang, ctx)];
}

type FieldBuilder<Parent> = PothosSchemaTypes.ObjectFieldBuilder<SchemaTypes, Parent>;

/** A `String!` field in the requested language, read from a localized value. */
export function localizedString<Parent>(
  t: FieldBuilder<Parent>,
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
  t: FieldBuilder<Parent>,
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

/** Notes in the requested language. */
export function localizedNotes<Parent>(
  t: FieldBuilder<Parent>,
  description: string,
  get: (parent: Parent) => readonly Localized[],
) {
  return t.stringList({
    description,
    args: { lang: t.arg({ type: Lang, description: LANG_ARG_DESCRIPTION }) },
    resolve: (parent, args, ctx) => get(parent).map((n) => pick(n, args.lang, ctx)),
  });
}
