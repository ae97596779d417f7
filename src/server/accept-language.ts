import Negotiator from 'negotiator';
import type { Lang } from '../graph/types';

const SUPPORTED: Lang[] = ['en', 'fr'];

/** Headers already negotiated: clients send a handful of distinct values, again and again. */
const known = new Map<string, Lang>();
const MAX_KNOWN = 500;

/** The dataset language the client prefers (RFC 9110 `Accept-Language`), English by default. */
export function langFromAcceptLanguage(header: string | null | undefined): Lang {
  if (!header) return 'en';
  let lang = known.get(header);
  if (lang) return lang;
  const [best] = new Negotiator({ headers: { 'accept-language': header } }).languages(SUPPORTED);
  lang = best === 'fr' ? 'fr' : 'en';
  if (known.size >= MAX_KNOWN) known.clear();
  known.set(header, lang);
  return lang;
}
