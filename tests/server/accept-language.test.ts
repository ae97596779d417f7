/** `Accept-Language` is negotiated among the served dataset's languages, the first by default. */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/graph/types';
import { langFromAcceptLanguage } from '../../src/server/accept-language';

describe('the language of a request', () => {
  it.each<[string | undefined, readonly [Lang, ...Lang[]], Lang]>([
    ['fr-BE, en;q=0.5', ['en', 'fr'], 'fr'],
    ['de, en;q=0.5', ['en', 'fr'], 'en'],
    [undefined, ['en', 'fr'], 'en'],
    ['de', ['fr', 'en'], 'fr'],
    [undefined, ['fr', 'en'], 'fr'],
    ['en', ['fr', 'en'], 'en'],
    ['fr', ['en'], 'en'],
  ])('%s among %j is %s', (header, languages, expected) => {
    expect(langFromAcceptLanguage(header, languages)).toBe(expected);
  });
});
