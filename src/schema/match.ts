import type { SchemaParts } from './parts';

export const MatchKind = {
  EXACT: 'exact',
  STEM: 'stem',
  PREFIX: 'prefix',
  FUZZY: 'fuzzy',
  PARTIAL: 'partial',
} as const;

export function defineMatchKind({ builder }: SchemaParts): void {
  builder.enumType(MatchKind, {
    name: 'MatchKind',
    description: 'How a text matched what was recorded, from the surest to the least sure.',
    values: {
      EXACT: {
        description: 'The same words, ignoring case, accents, punctuation, small words and order.',
      },
      STEM: {
        description: 'The same words in other forms (plural/singular, English or French endings).',
      },
      PREFIX: { description: 'The start of a word (type-ahead; search only).' },
      FUZZY: { description: 'With typos (one edit in short words, two in long).' },
      PARTIAL: { description: 'Part of a name: some of its words are missing.' },
    },
  });
}
