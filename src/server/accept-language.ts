import Negotiator from 'negotiator';
import { TextMemo } from '../graph/text-memo';
import type { Lang } from '../graph/types';

/** Headers already negotiated, per set of dataset languages: clients send a few values, again and again. */
const known = new TextMemo<Lang>({ maxBytes: 256 * 1024, sizeOf: () => 8, maxKeyLength: 256 });

/**
 * The dataset language the client prefers (RFC 9110 `Accept-Language`) among `languages`; the
 * first of them when the header names none of them, or is absent.
 */
export function langFromAcceptLanguage(
  header: string | null | undefined,
  languages: readonly [Lang, ...Lang[]] = ['en', 'fr'],
): Lang {
  if (!header || languages.length === 1) return languages[0];
  const key = `${languages.join(',')}\n${header}`;
  let lang = known.get(key);
  if (lang) return lang;
  const [best] = new Negotiator({ headers: { 'accept-language': header } }).languages([
    ...languages,
  ]);
  lang = languages.find((l) => l === best) ?? languages[0];
  known.set(key, lang);
  return lang;
}
