import Negotiator from 'negotiator';
import type { Lang } from '../graph/types';

const SUPPORTED: Lang[] = ['en', 'fr'];

/** The dataset language the client prefers (RFC 9110 `Accept-Language`), English by default. */
export function langFromAcceptLanguage(header: string | null | undefined): Lang {
  if (!header) return 'en';
  const [best] = new Negotiator({ headers: { 'accept-language': header } }).languages(SUPPORTED);
  return best === 'fr' ? 'fr' : 'en';
}
