/**
 * What the words of a slot name in the data: a unit (through the name resolution of
 * search/unit-resolution.ts), a topic (search/responsibility.ts), a kind of unit, a post, an event
 * or a period. Each resolver says how sure it is, and says so when the words name nothing: the
 * answer is then honest about it rather than the nearest guess.
 */
import type { OrgGraph } from '../org-graph';
import { parsePartialDate, type PartialDate } from '../partial-date';
import { matchText, significant, wordsOf, type Word } from '../search/analyze';
import { responsibilityFor, type ResponsibilityAnswer } from '../search/responsibility';
import { InputError } from '../input-error';
import { search } from '../search/search';
import { resolveUnitName, type NameMatch } from '../search/unit-resolution';
import type { Localized, OrgEvent, Post, Unit } from '../types';
import type { AskedKind, Language } from './language';
import { matchNodes } from './pattern';

export interface SlotText {
  /** The words as the question wrote them. */
  readonly text: string;
  readonly words: readonly Word[];
}

export type UnitSlot =
  | {
      readonly status: 'found';
      readonly unit: Unit;
      readonly match: NameMatch;
      readonly confidence: number;
      readonly partial: boolean;
    }
  | { readonly status: 'ambiguous'; readonly alternatives: readonly NameMatch[] }
  | { readonly status: 'none' };

/** A slot's words with the edges that name no unit dropped: determiners, "'s", kind nouns. */
function trimmedVariants(slot: SlotText, languages: readonly Language[]): string[] {
  const words = slot.words;
  const isDeterminer = (w: Word) => languages.some((l) => l.determiners.has(w.folded));
  const isKindNoun = (w: Word) =>
    languages.some((l) =>
      [...l.kinds.entries()].some(
        ([kind, list]) =>
          kind !== 'any' && list.some((p) => p.length === 1 && p[0]!.folded === w.folded),
      ),
    );
  let from = 0;
  let to = words.length;
  while (from < to && (isDeterminer(words[from]!) || words[from]!.folded.length === 1)) from++;
  while (to > from && (words[to - 1]!.folded === 's' || isDeterminer(words[to - 1]!))) to--;
  const text = (a: number, b: number) =>
    a < b
      ? slot.text.slice(words[a]!.start - words[0]!.start, words[b - 1]!.end - words[0]!.start)
      : '';
  const variants = [slot.text, text(from, to)];
  // "the ESC division", "la division ESC": the kind noun is not part of the name.
  if (to - from > 1 && isKindNoun(words[to - 1]!)) variants.push(text(from, to - 1));
  if (to - from > 1 && isKindNoun(words[from]!)) {
    let start = from + 1;
    while (start < to && isDeterminer(words[start]!)) start++;
    variants.push(text(start, to));
  }
  return [...new Set(variants.filter((v) => v.trim() !== ''))];
}

/** Partial names ("Auditors") are weaker evidence than a whole name. */
const PARTIAL_FACTOR = 0.6;

export function resolveUnitSlot(
  graph: OrgGraph,
  slot: SlotText,
  languages: readonly Language[],
): UnitSlot {
  let partial: UnitSlot | undefined;
  let ambiguous: UnitSlot | undefined;
  for (const text of trimmedVariants(slot, languages)) {
    let r;
    try {
      r = resolveUnitName(graph, text);
    } catch (error) {
      if (error instanceof InputError) continue;
      throw error;
    }
    if (r.unit && r.match) {
      if (r.match.kind !== 'partial') {
        return {
          status: 'found',
          unit: r.unit,
          match: r.match,
          confidence: r.match.confidence,
          partial: false,
        };
      }
      partial ??= {
        status: 'found',
        unit: r.unit,
        match: r.match,
        confidence: Math.round(r.match.confidence * PARTIAL_FACTOR * 1000) / 1000,
        partial: true,
      };
    } else if (r.ambiguous) {
      ambiguous ??= { status: 'ambiguous', alternatives: r.alternatives };
    }
  }
  return ambiguous ?? partial ?? { status: 'none' };
}

export interface TopicSlot {
  readonly answer: ResponsibilityAnswer;
  readonly confidence: number;
}

export function resolveTopicSlot(graph: OrgGraph, slot: SlotText): TopicSlot | undefined {
  try {
    const answer = responsibilityFor(graph, slot.text);
    return { answer, confidence: answer.topics[0]?.confidence ?? 0 };
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

export interface KindSlot {
  readonly kind: AskedKind;
  readonly independent: boolean;
}

/** Whether `words` from `at` start with the phrase; how many words it took. */
function phraseAt(words: readonly Word[], at: number, phrase: readonly Word[]): number {
  const m = matchNodes(
    phrase.map((word) => ({ type: 'word' as const, word, skippable: false })),
    words,
    false,
    at,
  )[0];
  return m ? m.end - at : 0;
}

export function resolveKindSlot(
  slot: SlotText,
  languages: readonly Language[],
): KindSlot | undefined {
  let words = slot.words.filter(
    (w) =>
      !languages.some((l) => l.determiners.has(w.folded)) &&
      w.folded !== 'all' &&
      w.folded !== 'tous' &&
      w.folded !== 'toutes',
  );
  let independent = false;
  for (const l of languages) {
    for (const phrase of l.independent) {
      const i = words.findIndex((_, at) => phraseAt(words, at, phrase) > 0);
      if (i >= 0) {
        independent = true;
        words = [...words.slice(0, i), ...words.slice(i + phrase.length)];
      }
    }
  }
  if (words.length === 0) return independent ? { kind: 'any', independent } : undefined;
  for (const l of languages) {
    for (const [kind, list] of l.kinds) {
      if (
        list.some(
          (phrase) => phrase.length === words.length && phraseAt(words, 0, phrase) === words.length,
        )
      ) {
        return { kind, independent };
      }
    }
  }
  return undefined;
}

export interface PostSlot {
  readonly posts: readonly Post[];
  readonly title: Localized;
}

/**
 * Posts whose title the words name: the whole title ("Assistant Secretary General", "ASG",
 * "secrétaire général adjoint"), or its first words where the rest names the post's own unit
 * ("Director" for the Director of the Private Office). "Secretary General" is never an Assistant
 * Secretary General: "Assistant" names no unit.
 */
export function resolvePostSlot(
  graph: OrgGraph,
  slot: SlotText,
  languages: readonly Language[],
): PostSlot | undefined {
  const query = significant(
    slot.words.filter((w) => !languages.some((l) => l.determiners.has(w.folded))),
  ).filter((w) => w.folded !== 's');
  if (query.length === 0) return undefined;
  const found: Post[] = [];
  let title: Localized | undefined;
  for (const post of graph.posts()) {
    const unit = graph.unit(post.unitKey);
    // A post named like its unit (the Deputy Secretary General) has no unit words to spare.
    const selfNamed = unit !== undefined && unit.name.en === post.title.en;
    const unitWords = new Set(
      unit && !selfNamed
        ? [unit.name.en, unit.name.fr, unit.acronym?.en ?? ''].flatMap((t) =>
            wordsOf(t).map((w) => w.folded),
          )
        : [],
    );
    const matches = [post.title.en, post.title.fr, post.acronym ?? ''].some((text) => {
      const words = significant(wordsOf(text));
      if (words.length === 0) return false;
      const m = matchText(query, words);
      if (!m || m.kind === 'prefix') return false;
      if (m.wholeText) return true;
      const used = new Set(m.pairs.flatMap((p) => p.words));
      return words.every((w) => used.has(w) || unitWords.has(w.folded));
    });
    if (matches) {
      found.push(post);
      title ??= post.title;
    }
  }
  return title ? { posts: found, title } : undefined;
}

export type PeriodRelation = 'in' | 'before' | 'after' | 'since' | 'until' | 'between';

export interface PeriodSlot {
  readonly relation: PeriodRelation;
  /** The date (or the first date of a between) as asked, and the event it came from. */
  readonly date: PartialDate;
  readonly date2?: PartialDate | undefined;
  readonly event?: OrgEvent | undefined;
  readonly event2?: OrgEvent | undefined;
  /** The period to look in, bounds included. */
  readonly from?: PartialDate | undefined;
  readonly to?: PartialDate | undefined;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function partial(year: number, month?: number, day?: number): PartialDate | undefined {
  const text = day
    ? `${pad(year, 4)}-${pad(month ?? 1)}-${pad(day)}`
    : month
      ? `${pad(year, 4)}-${pad(month)}`
      : pad(year, 4);
  const parsed = parsePartialDate(text);
  return typeof parsed === 'string' ? undefined : parsed;
}

/** The period just before a date, at its precision: 2006 before 2007, 2010-07 before 2010-08. */
export function previousPeriod(d: PartialDate): PartialDate | undefined {
  if (d.precision === 'year') return partial(d.year - 1);
  if (d.precision === 'month')
    return d.month === 1 ? partial(d.year - 1, 12) : partial(d.year, (d.month ?? 1) - 1);
  const t = new Date(Date.UTC(d.year, (d.month ?? 1) - 1, (d.day ?? 1) - 1));
  return partial(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function nextPeriod(d: PartialDate): PartialDate | undefined {
  if (d.precision === 'year') return partial(d.year + 1);
  if (d.precision === 'month')
    return d.month === 12 ? partial(d.year + 1, 1) : partial(d.year, (d.month ?? 1) + 1);
  const t = new Date(Date.UTC(d.year, (d.month ?? 1) - 1, (d.day ?? 1) + 1));
  return partial(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** A date written in words: "2009", "June 2009", "1st June 2009", "1er juin 2009", "2009-06-01". */
export function parseDateWords(
  text: string,
  words: readonly Word[],
  languages: readonly Language[],
): PartialDate | undefined {
  const iso = /^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$/.exec(text);
  if (iso)
    return partial(
      Number(iso[1]),
      iso[2] ? Number(iso[2]) : undefined,
      iso[3] ? Number(iso[3]) : undefined,
    );
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  for (const w of words) {
    const f = w.folded;
    if (languages.some((l) => l.determiners.has(f)) || w.stop) continue;
    if (/^\d{4}$/.test(f) && year === undefined) {
      year = Number(f);
      continue;
    }
    const ordinal = /^(\d{1,2})([a-z]*)$/.exec(f);
    if (
      ordinal &&
      day === undefined &&
      (ordinal[2] === '' || languages.some((l) => l.ordinals.includes(ordinal[2]!)))
    ) {
      day = Number(ordinal[1]);
      continue;
    }
    const m = languages.map((l) => l.months.get(f)).find((n) => n !== undefined);
    if (m !== undefined && month === undefined) {
      month = m;
      continue;
    }
    if (languages.some((l) => l.period.years.some((p) => p.length === 1 && p[0]!.folded === f)))
      continue;
    return undefined;
  }
  if (year === undefined || (day !== undefined && month === undefined)) return undefined;
  return partial(year, month, day);
}

/** The event the words name by its title ("the Prague summit", "le sommet de Lisbonne"). */
export function resolveEventWords(graph: OrgGraph, text: string): OrgEvent | undefined {
  let hits;
  try {
    hits = search(graph, { text, kinds: ['event'], prefix: false });
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
  const titled = hits.filter((h) => h.field === 'event-title');
  const [first, second] = titled;
  if (!first || first.confidence < 0.5) return undefined;
  if (second && first.score - second.score < 0.01) return undefined;
  return graph.event(first.key);
}

function relationAt(
  words: readonly Word[],
  languages: readonly Language[],
): { relation: PeriodRelation; length: number } | undefined {
  const order: PeriodRelation[] = ['between', 'before', 'after', 'since', 'until', 'in'];
  let best: { relation: PeriodRelation; length: number } | undefined;
  for (const l of languages) {
    for (const relation of order) {
      for (const phrase of l.period[relation]) {
        const n = phraseAt(words, 0, phrase);
        if (n > 0 && (!best || n > best.length)) best = { relation, length: n };
      }
    }
  }
  return best;
}

function dateOrEvent(
  graph: OrgGraph,
  slot: SlotText,
  languages: readonly Language[],
): { date: PartialDate; end?: PartialDate; event?: OrgEvent } | undefined {
  if (slot.words.length === 0) return undefined;
  const date = parseDateWords(slot.text, slot.words, languages);
  if (date) return { date };
  const event = resolveEventWords(graph, slot.text);
  return event ? { date: event.date, end: event.endDate ?? event.date, event } : undefined;
}

function part(slot: SlotText, from: number, to: number): SlotText {
  const words = slot.words.slice(from, to);
  if (words.length === 0) return { text: '', words };
  const base = slot.words[0]!.start;
  return { text: slot.text.slice(words[0]!.start - base, words.at(-1)!.end - base), words };
}

/** A period: "in 2010", "before 2007", "between 2002 and 2008", "after the Prague summit". */
export function resolvePeriodSlot(
  graph: OrgGraph,
  slot: SlotText,
  languages: readonly Language[],
): PeriodSlot | undefined {
  const rel = relationAt(slot.words, languages);
  const relation = rel?.relation ?? 'in';
  const rest = part(slot, rel?.length ?? 0, slot.words.length);
  if (relation === 'between' || (rel === undefined && rest.words.length > 2)) {
    for (let i = 1; i < rest.words.length - 1; i++) {
      for (const l of languages) {
        for (const phrase of l.period.and) {
          const n = phraseAt(rest.words, i, phrase);
          if (n === 0) continue;
          const a = dateOrEvent(graph, part(rest, 0, i), languages);
          const b = dateOrEvent(graph, part(rest, i + n, rest.words.length), languages);
          if (a && b) {
            return {
              relation: 'between',
              date: a.date,
              date2: b.end ?? b.date,
              event: a.event,
              event2: b.event,
              from: a.date,
              to: b.end ?? b.date,
            };
          }
        }
      }
    }
    if (relation === 'between') return undefined;
  }
  const found = dateOrEvent(graph, rest, languages);
  if (!found) return undefined;
  const { date, end = date, event } = found;
  switch (relation) {
    case 'in':
      return { relation, date, event, from: date, to: end };
    case 'before':
      return { relation, date, event, to: previousPeriod(date) };
    case 'after':
      return { relation, date, event, from: nextPeriod(end) };
    case 'since':
      return { relation, date, event, from: date };
    case 'until':
      return { relation, date, event, to: end };
  }
}

export function resolveEventSlot(
  graph: OrgGraph,
  slot: SlotText,
  languages: readonly Language[],
): OrgEvent | undefined {
  const variants = trimmedVariants(slot, languages);
  for (const text of variants) {
    const event = resolveEventWords(graph, text);
    if (event) return event;
  }
  return undefined;
}
