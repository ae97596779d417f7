/**
 * Keys and GraphQL type names made from what a file calls things: a unit named "Payroll & Benefits"
 * gets the key `payroll-benefits`, a kind written "business unit" the key `business-unit` and the
 * type `BusinessUnit`. The same text always gives the same key, so a re-import keeps every ID.
 */
import { KEY_PATTERN } from '../seed-schema';

/** Lower-case ASCII words joined by hyphens; empty when the text has no letter or digit. */
export function slug(text: string): string {
  // Decomposing and stripping accents is the costly part, and ASCII text has none to strip.
  const letters = /^[\x00-\x7f]*$/.test(text)
    ? text
    : text.normalize('NFKD').replace(/\p{M}/gu, '');
  return letters
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export const isKey = (text: string): boolean => KEY_PATTERN.test(text);

/** `business-unit` → `BusinessUnit`; a leading digit gets a `Kind` prefix (GraphQL names). */
export function typeNameOf(kindKey: string): string {
  const name = kindKey
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
  return /^[0-9]/.test(name) ? `Kind${name}` : name;
}

/** A language code as `name:fr` or `name:pt-br` give it. */
export const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;
