import { builder } from './builder';

export const MatchKind = builder.enumType('MatchKind', {
  description: 'How a text matched what was recorded, from the surest to the least sure.',
  values: {
    EXACT: {
      value: 'exact',
      description: 'The same words, ignoring case, accents, punctuation, small words and order.',
    },
    STEM: {
      value: 'stem',
      description: 'The same words in other forms (plural/singular, English or French endings).',
    },
    PREFIX: { value: 'prefix', description: 'The start of a word (type-ahead; search only).' },
    FUZZY: { value: 'fuzzy', description: 'With typos (one edit in short words, two in long).' },
    PARTIAL: { value: 'partial', description: 'Part of a name: some of its words are missing.' },
  } as const,
});
