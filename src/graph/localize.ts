/**
 * Texts in a requested language where the data may lack one: an acronym falls back to the
 * English one when French has none of its own (NATO writes NOS in both), a document title to the
 * other language when it has only one.
 */
import type { Lang, SourceDocument, Unit } from './types';

export function acronymIn(unit: Unit, lang: Lang): string | undefined {
  if (!unit.acronym) return undefined;
  return lang === 'fr' ? (unit.acronym.fr ?? unit.acronym.en) : unit.acronym.en;
}

export function titleIn(document: SourceDocument, lang: Lang): string | undefined {
  return document.title[lang] ?? document.title[lang === 'en' ? 'fr' : 'en'];
}
