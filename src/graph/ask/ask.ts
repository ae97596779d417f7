/**
 * `ask(graph, question, lang?)`: a question in plain English or French, answered from the graph.
 *
 *   question ─ words (search/analyze: folded, stemmed) ─ polite padding stripped
 *            ─ every pattern of every language (lang/*.yaml) matched: readings with slots
 *            ─ slots resolved against the data (slots.ts): unit names, topics, kinds, posts,
 *              events, periods; each reading scored by its fixed words and what its slots name
 *            ─ the best reading's answerer (answerers.ts): facts, sentences, citations, GraphQL
 *
 * Deterministic and offline: no model, no network; the same question on the same graph always
 * gives the same answer. A question no pattern reads is UNKNOWN, with suggestions.
 */
import { InputError } from '../input-error';
import type { OrgGraph } from '../org-graph';
import { wordsOf, type Word } from '../search/analyze';
import type { Unit } from '../types';
import type { Answer, Interpretation } from './answer';
import { ANSWERERS, type Asked, type Draft, type NoteItem } from './answerers';
import { inView, type GraphQLDocument } from './graphql-documents';
import type { Intent } from './intent';
import { languages, type CompiledPattern, type Language } from './language';
import {
  canStartWith,
  matchNodes,
  type PatternMatch,
  type PatternNode,
  type SlotName,
} from './pattern';
import { message, renderAll, renderOne, pick, type Message, type Texts } from './render';
import {
  resolveEventSlot,
  resolveKindSlot,
  resolvePeriodSlot,
  resolvePostSlot,
  resolveTopicSlot,
  resolveUnitSlot,
  type SlotText,
  type UnitSlot,
} from './slots';

/** A longer text is not a question: it is refused with a clear error. */
export const MAX_QUESTION_LENGTH = 300;

/** Readings whose slots are resolved, best fixed-word matches first; enough to find the right one. */
const READINGS_RESOLVED = 48;
/** Interpretations listed for an ambiguous question. */
const MAX_INTERPRETATIONS = 6;
/** A question read from its slot alone ("cyber defence?") is less sure than one with a verb. */
const BARE_READING_QUALITY = 0.7;

interface Reading {
  readonly language: Language;
  readonly pattern: CompiledPattern;
  readonly match: PatternMatch;
}

function longestMatchEnd(
  nodes: readonly PatternNode[],
  words: readonly Word[],
  from: number,
): number {
  let end = from;
  for (const m of matchNodes(nodes, words, false, from)) end = Math.max(end, m.end);
  return end;
}

/** The question without what is said around it ("could you tell me", "please", "merci"). */
function stripPadding(words: readonly Word[], langs: readonly Language[]): Word[] {
  let w = [...words];
  for (let changed = true; changed && w.length > 1;) {
    changed = false;
    for (const l of langs) {
      const start = longestMatchEnd(l.padding.start, w, 0);
      if (start > 0 && start < w.length) {
        w = w.slice(start);
        changed = true;
      }
      for (let k = 1; k < w.length; k++) {
        if (matchNodes(l.padding.end, w, true, k).length > 0) {
          w = w.slice(0, k);
          changed = true;
          break;
        }
      }
    }
  }
  const drop = new Set<number>();
  for (const l of langs) {
    for (let i = 0; i < w.length; i++) {
      const end = longestMatchEnd(l.padding.anywhere, w, i);
      for (let j = i; j < end; j++) drop.add(j);
    }
  }
  const kept = w.filter((_, i) => !drop.has(i));
  return kept.length > 0 ? kept : w;
}

type Resolved = {
  unit?: UnitSlot;
  unit2?: UnitSlot;
  topic?: ReturnType<typeof resolveTopicSlot>;
  kind?: ReturnType<typeof resolveKindSlot>;
  post?: ReturnType<typeof resolvePostSlot>;
  event?: ReturnType<typeof resolveEventSlot>;
  period?: ReturnType<typeof resolvePeriodSlot>;
};

interface Scored {
  readonly reading: Reading;
  readonly texts: Partial<Record<SlotName, SlotText>>;
  readonly resolved: Resolved;
  readonly score: number;
  /** Every slot names something in the data. */
  readonly complete: boolean;
}

const unitScore = (s: UnitSlot | undefined) =>
  !s ? 0 : s.status === 'found' ? 2 * s.confidence : s.status === 'ambiguous' ? 1 : 0;

function scoreReading(
  graph: OrgGraph,
  question: string,
  words: readonly Word[],
  reading: Reading,
  memo: Map<string, unknown>,
  langs: readonly Language[],
): Scored | undefined {
  const texts: Partial<Record<SlotName, SlotText>> = {};
  for (const span of reading.match.slots) {
    const part = words.slice(span.start, span.end);
    texts[span.name] = {
      text: question.slice(part[0]!.start, part.at(-1)!.end),
      words: part,
    };
  }
  const cached = <T>(slot: SlotName, text: SlotText, resolve: () => T): T => {
    const key = `${slot === 'unit2' ? 'unit' : slot}\u0000${text.text}`;
    if (!memo.has(key)) memo.set(key, resolve());
    return memo.get(key) as T;
  };
  const resolved: Resolved = {};
  let score = reading.match.quality;
  let complete = true;
  for (const [slot, text] of Object.entries(texts) as [SlotName, SlotText][]) {
    switch (slot) {
      case 'unit':
      case 'unit2': {
        const s = cached(slot, text, () => resolveUnitSlot(graph, text, langs));
        resolved[slot] = s;
        score += unitScore(s);
        complete &&= s.status === 'found';
        break;
      }
      case 'topic': {
        const t = cached(slot, text, () => resolveTopicSlot(graph, text));
        resolved.topic = t;
        const named = t && t.answer.topics.length > 0;
        score += named ? 2 * t.confidence : 0;
        complete &&= Boolean(named);
        break;
      }
      case 'kind': {
        const k = cached(slot, text, () => resolveKindSlot(text, langs));
        if (!k) return undefined;
        resolved.kind = k;
        score += 0.5;
        break;
      }
      case 'post': {
        const p = cached(slot, text, () => resolvePostSlot(graph, text, langs));
        if (!p && reading.pattern.intent !== 'HOLDER') return undefined;
        resolved.post = p;
        score += p ? 1.5 : 0;
        complete &&= Boolean(p);
        break;
      }
      case 'event': {
        const e = cached(slot, text, () => resolveEventSlot(graph, text, langs));
        resolved.event = e;
        score += e ? 2 : 0;
        complete &&= Boolean(e);
        break;
      }
      case 'period': {
        const p = cached(slot, text, () => resolvePeriodSlot(graph, text, langs));
        if (!p) return undefined;
        resolved.period = p;
        score += 1;
        break;
      }
    }
  }
  return { reading, texts, resolved, score, complete };
}

/** The most a reading's slots can add to its score (see scoreReading). */
const SLOT_MAX: Record<SlotName, number> = {
  unit: 2,
  unit2: 2,
  topic: 2,
  event: 2,
  post: 1.5,
  period: 1,
  kind: 0.5,
};

const maxSlotScore = (m: PatternMatch) => m.slots.reduce((n, s) => n + SLOT_MAX[s.name], 0);

function better(a: Scored, b: Scored, prefer: string | undefined): number {
  return (
    b.score - a.score ||
    b.reading.match.words - a.reading.match.words ||
    Number(b.reading.language.code === prefer) - Number(a.reading.language.code === prefer) ||
    a.reading.pattern.order - b.reading.pattern.order
  );
}

const vocabularies = new WeakMap<Language, ReadonlySet<string>>();

/** The fixed words of a language's patterns: tells which language an unreadable question is in. */
function vocabulary(l: Language): ReadonlySet<string> {
  let v = vocabularies.get(l);
  if (!v) {
    const words = new Set<string>();
    const walk = (nodes: readonly PatternNode[]) => {
      for (const n of nodes) {
        if (n.type === 'word') words.add(n.word.folded);
        else if (n.type === 'choice') n.options.forEach(walk);
        else if (n.type === 'optional') walk(n.body);
      }
    };
    l.patterns.forEach((p) => walk(p.nodes));
    v = words;
    vocabularies.set(l, v);
  }
  return v;
}

function guessLanguage(
  words: readonly Word[],
  langs: readonly Language[],
  prefer: string | undefined,
): Language {
  let best = langs.find((l) => l.code === prefer) ?? langs[0]!;
  let bestCount = -1;
  for (const l of langs) {
    const v = vocabulary(l);
    const n =
      words.filter((w) => !w.stop && v.has(w.folded)).length + (l.code === prefer ? 0.5 : 0);
    if (n > bestCount) {
      best = l;
      bestCount = n;
    }
  }
  return best;
}

const render = (langs: readonly Language[], items: readonly NoteItem[]): Texts => {
  const texts: Record<string, string> = {};
  for (const l of langs) {
    texts[l.code] = items
      .map((i) => ('key' in i ? renderOne(l, i as Message) : pick(i, l.code)))
      .join(' ');
  }
  return texts;
};

function confidenceOf(s: Scored, draft: Draft): number {
  const m = s.reading.match;
  const reading = m.words > 0 ? m.quality / m.words : BARE_READING_QUALITY;
  const unit = (u: UnitSlot | undefined) => (u?.status === 'found' ? u.confidence : 1);
  const c = reading * unit(s.resolved.unit) * unit(s.resolved.unit2) * (draft.confidence ?? 1);
  return Math.round(Math.min(1, c) * 1000) / 1000;
}

function askedOf(graph: OrgGraph, langs: readonly Language[], s: Scored, unit?: Unit): Asked {
  const r = s.resolved;
  const unitSlot: UnitSlot | undefined =
    unit && r.unit?.status === 'ambiguous'
      ? {
          status: 'found',
          unit,
          match: r.unit.alternatives.find((m) => m.unit === unit)!,
          confidence: 0.5,
          partial: false,
        }
      : r.unit;
  const unit2: UnitSlot | undefined =
    unit && r.unit?.status !== 'ambiguous' && r.unit2?.status === 'ambiguous'
      ? {
          status: 'found',
          unit,
          match: r.unit2.alternatives.find((m) => m.unit === unit)!,
          confidence: 0.5,
          partial: false,
        }
      : r.unit2;
  return {
    graph,
    languages: langs,
    texts: s.texts,
    unit: unitSlot,
    unit2,
    topic: r.topic,
    kind: r.kind,
    post: r.post,
    event: r.event,
    period: r.period,
  };
}

export function ask(graph: OrgGraph, question: string, lang?: string): Answer {
  if (question.length > MAX_QUESTION_LENGTH) {
    throw new InputError(
      'question',
      `the question is ${question.length} characters long; at most ${MAX_QUESTION_LENGTH} are allowed`,
    );
  }
  const all = languages();
  if (lang !== undefined && !all.has(lang)) {
    throw new InputError('lang', `no language "${lang}": ask speaks ${[...all.keys()].join(', ')}`);
  }
  const langs = [...all.values()];
  const words = stripPadding(wordsOf(question), langs);
  const readings: Reading[] = [];
  if (words.length > 0) {
    for (const language of langs) {
      for (const pattern of language.patterns) {
        if (!canStartWith(pattern.first, words[0])) continue;
        for (const match of matchNodes(pattern.nodes, words))
          readings.push({ language, pattern, match });
      }
    }
  }
  readings.sort(
    (a, b) =>
      b.match.quality - a.match.quality ||
      Number(b.language.code === lang) - Number(a.language.code === lang) ||
      a.pattern.order - b.pattern.order,
  );
  const memo = new Map<string, unknown>();
  const scored: Scored[] = [];
  // Branch and bound: readings come best fixed words first, and one whose slots could not lift
  // it above the best found so far is not resolved (resolving a slot is the costly part).
  let bestScore = -Infinity;
  for (const reading of readings.slice(0, READINGS_RESOLVED)) {
    if (reading.match.quality + maxSlotScore(reading.match) < bestScore) continue;
    const s = scoreReading(graph, question, words, reading, memo, langs);
    if (!s) continue;
    scored.push(s);
    bestScore = Math.max(bestScore, s.score);
  }
  scored.sort((a, b) => better(a, b, lang));
  const best = scored[0];
  if (!best || (best.reading.match.words === 0 && !best.complete)) {
    return unknownAnswer(question, langs, guessLanguage(wordsOf(question), langs, lang), lang);
  }
  const intent = best.reading.pattern.intent;
  const answerer = ANSWERERS[intent];
  const draft = answerer(askedOf(graph, langs, best));
  const notes: NoteItem[] = [...(draft.note ?? [])];
  if (best.reading.match.words === 0) {
    notes.unshift(message(intent === 'DESCRIBE' ? 'fallback.unit' : 'fallback.topic'));
  }
  // An empty answer says why in its note too, where clients look for what the data does not say.
  if (draft.notStated && notes.length === 0) notes.push(...draft.text);
  const interpretations: Interpretation[] = [];
  for (const unit of draft.ambiguousUnit ?? []) {
    if (interpretations.length >= MAX_INTERPRETATIONS) break;
    const d = answerer(askedOf(graph, langs, best, unit));
    interpretations.push(interpretation(graph, langs, intent, d, confidenceOf(best, d) * 0.5));
  }
  for (const other of scored.slice(1)) {
    if (interpretations.length >= MAX_INTERPRETATIONS) break;
    if (!best.complete || !other.complete || other.score < best.score - 0.25) break;
    if (other.reading.pattern.intent === intent) continue;
    if (interpretations.some((i) => i.intent === other.reading.pattern.intent)) continue;
    const d = ANSWERERS[other.reading.pattern.intent](askedOf(graph, langs, other));
    interpretations.push(
      interpretation(graph, langs, other.reading.pattern.intent, d, confidenceOf(other, d)),
    );
  }
  const questionLang = best.reading.language.code;
  return {
    question,
    questionLang,
    lang: lang ?? questionLang,
    intent,
    text: render(langs, draft.text),
    units: draft.units ?? [],
    posts: draft.posts ?? [],
    topics: draft.topics ?? [],
    events: draft.events ?? [],
    count: draft.count,
    approximate: draft.approximate ?? false,
    date: draft.date,
    endDate: draft.endDate,
    path: draft.path,
    verdict: draft.verdict,
    sources: draft.sources ?? [],
    documents: draft.documents ?? [],
    corrections: draft.corrections ?? [],
    notStated: draft.notStated ?? false,
    confidence: confidenceOf(best, draft),
    note: notes.length > 0 ? render(langs, notes) : undefined,
    ...documentFields(graph, draft),
    interpretations,
    suggestions: [],
  };
}

/** A draft's GraphQL document, read in the graph it was answered from (today's, or a view's). */
function documentFields(
  graph: OrgGraph,
  d: Draft,
): { graphql: string | undefined; variables: GraphQLDocument['variables'] } {
  const document = d.document && graph.date ? inView(d.document, graph.date.value) : d.document;
  return { graphql: document?.graphql, variables: document?.variables ?? {} };
}

function interpretation(
  graph: OrgGraph,
  langs: readonly Language[],
  intent: Intent,
  d: Draft,
  confidence: number,
): Interpretation {
  return {
    intent,
    text: render(langs, d.text),
    units: d.units ?? [],
    confidence: Math.round(confidence * 1000) / 1000,
    ...documentFields(graph, d),
  };
}

function unknownAnswer(
  question: string,
  langs: readonly Language[],
  guessed: Language,
  lang: string | undefined,
): Answer {
  const text = renderAll(langs, [message('unknown')]);
  const answerLang = lang ?? guessed.code;
  return {
    question,
    questionLang: guessed.code,
    lang: answerLang,
    intent: 'UNKNOWN',
    text,
    units: [],
    posts: [],
    topics: [],
    events: [],
    approximate: false,
    sources: [],
    documents: [],
    corrections: [],
    notStated: false,
    confidence: 0,
    note: text,
    variables: {},
    interpretations: [],
    suggestions: [...(langs.find((l) => l.code === answerLang) ?? guessed).file.suggestions],
  };
}
