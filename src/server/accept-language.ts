import Negotiator from 'negotiator';
import { TextMemo } from '../graph/text-memo';
import type { Lang } from '../graph/types';

const SUPPORTED: Lang[] = ['en', 'fr'];

/** Headers already negotiated: clients send a handful of distinct values, again and again. */
const known = new TextMemo<Lang>({ maxBytes: 256 * 1024, sizeOf: () => 8, maxKeyLength: 256 });

/** The dataset language the client prefers (RFC 9110 `Accept-Language`), English by default. */
export function langFromAcceptLanguage(header: string | null | undefined): Lang {
  if (!header) return 'en';
  let lang = known.get(header);
  if (lang) return lang;
  const [best] = new Negotiator({ headers: { 'accept-language': header } }).languages(SUPPORTED);
  lang = best === 'fr' ? 'fr' : 'en';
  known.set(header, lang);
  return lang;
}
