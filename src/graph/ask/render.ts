/**
 * Sentences in every language at once. An answer is built as messages (a template key and its
 * parameters); parameters that differ by language (a unit's name, a list, a date) are functions of
 * the language, so each language file's sentence gets its own words.
 */
import type { PartialDate } from '../partial-date';
import type { DateQualifier, Localized } from '../types';
import type { Language, TemplateKey } from './language';

/** The same text in every language the engine speaks, by language code. */
export type Texts = Readonly<Record<string, string>>;

export type Param = string | number | ((language: Language) => string);

export interface Message {
  readonly key: TemplateKey;
  readonly params?: Readonly<Record<string, Param>>;
}

export const message = (key: TemplateKey, params: Record<string, Param> = {}): Message => ({
  key,
  params,
});

export function renderOne(language: Language, m: Message): string {
  const template = language.file.templates[m.key];
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => {
    const p = m.params?.[name];
    if (p === undefined) return whole;
    return typeof p === 'function' ? p(language) : String(p);
  });
}

/** Messages as sentences, one text per language. */
export function renderAll(languages: Iterable<Language>, messages: readonly Message[]): Texts {
  const texts: Record<string, string> = {};
  for (const language of languages) {
    texts[language.code] = messages.map((m) => renderOne(language, m)).join(' ');
  }
  return texts;
}

/** A dataset text in a language, English where the dataset has none in it. */
export function pick(text: Localized, code: string): string {
  return (text as unknown as Record<string, string | undefined>)[code] ?? text.en;
}

export const localized =
  (text: Localized): Param =>
  (l) =>
    pick(text, l.code);

export const sub =
  (m: Message): Param =>
  (l) =>
    renderOne(l, m);

export const quoted =
  (text: string | Localized): Param =>
  (l) =>
    `${l.file.quotes[0]}${typeof text === 'string' ? text : pick(text, l.code)}${l.file.quotes[1]}`;

/** "A, B and C" in the language. */
export function joinList(l: Language, items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${l.file.list.and} ${items.at(-1)}`;
}

export const list =
  (items: readonly Param[]): Param =>
  (l) =>
    joinList(
      l,
      items.map((p) => (typeof p === 'function' ? p(l) : String(p))),
    );

/** A partial date as people write it: "August 2010", "21 novembre 2002", "1951". */
export function formatDate(l: Language, d: PartialDate, qualifier?: DateQualifier): string {
  const month = d.month ? (l.file.monthNames[d.month - 1] ?? String(d.month)) : '';
  const day = d.day === 1 ? l.file.firstDay : String(d.day ?? '');
  const key: TemplateKey =
    d.precision === 'day' ? 'date.day' : d.precision === 'month' ? 'date.month' : 'date.year';
  const text = renderOne(l, message(key, { day, month, year: String(d.year) }));
  if (!qualifier) return text;
  return renderOne(l, message(`date.${qualifier}`, { date: text }));
}

export const date =
  (d: PartialDate, qualifier?: DateQualifier, end?: PartialDate): Param =>
  (l) =>
    end && end.value !== d.value
      ? renderOne(l, message('date.range', { from: formatDate(l, d), to: formatDate(l, end) }))
      : formatDate(l, d, qualifier);
