/**
 * "Who is responsible for X?", answered with evidence. X names a topic of the vocabulary when each
 * significant word of X matches a distinct word of one label, variant or related term, and every
 * word of that term is matched (the same word, a stem, or a typo within the word's budget). So
 * "cyber defnce" finds cyber defence, while "cyber", "defence", "missile defence" and "climate
 * change" find nothing: no recorded term is named by them, and the answer says so.
 *
 * When no term is named whole, two more readings are tried, both only with words that say "a field"
 * or "NATO" (domain-words.ts) beside the others, so a stray content word still finds nothing:
 * - extra words: "NATO's cyber defence", "cyber defence issues" name the term they contain;
 * - a wider notion: "nuclear matters" names a field wider than one recorded term ("nuclear
 *   policy"), which serves it as a related match, with lower confidence and a note saying so.
 */
import { perGraphKeyed } from '../graph-memo';
import { nameKey } from '../normalize';
import type { OrgGraph } from '../org-graph';
import type { Lang, Localized, Responsibility, ResponsibilityBasis, Topic, Unit } from '../types';
import { matchText, type Word, type WordMatchKind } from './analyze';
import { domainWordsOf } from './domain-words';
import { BASIS_FACTOR, queryWords, RELATED_FACTOR } from './search';
import { searchIndexOf } from './search-index';

/**
 * How the text named the topic: as a whole (named); with words around a recorded term that only
 * say "a field" or "NATO" (extra-words); or as a wider notion that the term is part of
 * (wider-notion: "nuclear matters" for "nuclear policy").
 */
export type TopicReading = 'named' | 'extra-words' | 'wider-notion';

export interface TopicMatch {
  readonly topic: Topic;
  /** The label, variant or related term that matched, as recorded (the key for `via: key`). */
  readonly matched: string;
  readonly via: 'key' | 'label' | 'variant' | 'related';
  readonly lang: Lang | undefined;
  /**
   * exact: the same words once folded; stem: other forms of them; fuzzy: with typos; partial: the
   * text names part of the term (a wider notion).
   */
  readonly kind: Exclude<WordMatchKind, 'prefix'> | 'partial';
  readonly reading: TopicReading;
  readonly confidence: number;
}

/**
 * stated: a source says the unit handles the topic; unit-name: only the unit's name says so;
 * inherited: the unit holds it through its parent. No answer is inherited today: a parent's
 * responsibilities do not pass to each of its parts (the IS supports delegations; its Office of
 * Security does not), and listing every ancestor of a responsible unit would bury the answer.
 */
export type AnswerBasis = ResponsibilityBasis | 'inherited';

export interface ResponsibleUnit {
  readonly unit: Unit;
  /** The topic the unit is linked to: the one asked about, or a narrower one. */
  readonly topic: Topic;
  /** The matched topic this row answers. */
  readonly topicMatch: TopicMatch;
  readonly viaNarrower: boolean;
  readonly basis: AnswerBasis;
  readonly confidence: number;
  readonly responsibility: Responsibility;
}

export interface ResponsibilityAnswer {
  readonly query: string;
  readonly topics: readonly TopicMatch[];
  readonly matches: readonly ResponsibleUnit[];
  /** Why the answer is empty, or what to keep in mind about it. */
  readonly note?: Localized | undefined;
}

const VIA_OF_FIELD = { name: 'label', alias: 'variant', related: 'related' } as const;

/** A term with extra words around it is a little less sure than the term alone. */
const EXTRA_WORDS_FACTOR = 0.9;
/** A wider notion reaching more topics than this is too vague to answer: nothing is named. */
const MAX_WIDER_TOPICS = 3;

/**
 * Topics the text names, best first; only exact ones when there is an exact one. When no term is
 * named whole, the extra-words reading, then the wider-notion reading (see the module comment).
 */
export function matchTopics(graph: OrgGraph, text: string): TopicMatch[] {
  const byKey = graph.topic(text.trim());
  if (byKey) {
    return [
      {
        topic: byKey,
        matched: byKey.key,
        via: 'key',
        lang: undefined,
        kind: 'exact',
        reading: 'named',
        confidence: 1,
      },
    ];
  }
  const words = queryWords(text);
  const named = namedTopics(graph, words, 'named');
  if (named.length > 0) return named;
  const { domain, context } = domainWordsOf(graph);
  const generic = (w: Word) =>
    w.folded.length === 1 || domain.has(w.folded) || context.has(w.folded);
  const content = words.filter((w) => !generic(w));
  if (content.length === 0 || content.length === words.length) return [];
  const contained = namedTopics(graph, content, 'extra-words');
  if (contained.length > 0) return contained;
  if (!words.some((w) => domain.has(w.folded))) return [];
  return widerNotion(graph, content);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Topics one of whose labels, variants or related terms `words` name as a whole. */
function namedTopics(graph: OrgGraph, words: readonly Word[], reading: TopicReading): TopicMatch[] {
  const key = words
    .map((w) => w.folded)
    .sort()
    .join(' ');
  const factor = reading === 'named' ? 1 : EXTRA_WORDS_FACTOR;
  const matches: TopicMatch[] = [];
  for (const { node, terms } of searchIndexOf(graph).topicCandidates(words)) {
    const topic = graph.topic(node.key);
    if (!topic) continue;
    let best: TopicMatch | undefined;
    for (const entry of node.entries) {
      if (entry.field !== 'name' && entry.field !== 'alias' && entry.field !== 'related') continue;
      const m = matchText(words, entry.significantWords, false, terms);
      if (!m || !m.wholeText || m.kind === 'prefix') continue;
      const kind = nameKey(entry.text) === key ? 'exact' : m.kind;
      const related = entry.field === 'related' ? RELATED_FACTOR : 1;
      const confidence = round((kind === 'exact' ? 1 : m.quality) * related * factor);
      if (!best || confidence > best.confidence) {
        best = {
          topic,
          matched: entry.text,
          via: VIA_OF_FIELD[entry.field],
          lang: entry.lang,
          kind,
          reading,
          confidence,
        };
      }
    }
    if (best) matches.push(best);
  }
  matches.sort((a, b) => b.confidence - a.confidence);
  const exact = matches.filter((m) => m.kind === 'exact' && m.via !== 'related');
  return exact.length > 0 ? exact : matches;
}

/**
 * Topics with a label or variant holding every one of `words` and more ("nuclear" in "nuclear
 * policy"): a related match each, weighted by how much of the term the words name. None when more
 * than a few topics qualify: "security matters" is too wide to name anything.
 */
function widerNotion(graph: OrgGraph, words: readonly Word[]): TopicMatch[] {
  const found = new Map<string, TopicMatch>();
  for (const { node, terms } of searchIndexOf(graph).topicCandidates(words)) {
    const topic = graph.topic(node.key);
    if (!topic) continue;
    for (const entry of node.entries) {
      if (entry.field !== 'name' && entry.field !== 'alias') continue;
      const m = matchText(words, entry.significantWords, false, terms);
      if (!m || m.wholeText || m.kind === 'prefix') continue;
      const confidence = round(RELATED_FACTOR * m.quality * (0.4 + 0.6 * m.coverage));
      const known = found.get(topic.key);
      if (known && known.confidence >= confidence) continue;
      found.set(topic.key, {
        topic,
        matched: entry.text,
        via: 'related',
        lang: entry.lang,
        kind: 'partial',
        reading: 'wider-notion',
        confidence,
      });
    }
    if (found.size > MAX_WIDER_TOPICS) return [];
  }
  return [...found.values()].sort((a, b) => b.confidence - a.confidence);
}

/** The topic and every topic below it (SKOS narrower, transitively), the topic itself first. */
export function topicWithNarrower(graph: OrgGraph, topic: Topic): Topic[] {
  const out: Topic[] = [];
  const seen = new Set<string>();
  const queue = [topic];
  for (let t = queue.shift(); t; t = queue.shift()) {
    if (seen.has(t.key)) continue;
    seen.add(t.key);
    out.push(t);
    queue.push(...graph.narrowerOf(t.key));
  }
  return out;
}

const BASIS_RANK: Record<ResponsibilityBasis, number> = { stated: 0, 'unit-name': 1 };
/** Handling a narrower topic answers the question only in part. */
const NARROWER_FACTOR = 0.9;
/** The source limits the responsibility ("certain aspects"). */
const SCOPED_FACTOR = 0.9;

/** A unit linked to a topic or a narrower one, before the topic match's confidence is applied. */
interface HandlerRow {
  readonly unit: Unit;
  readonly topic: Topic;
  readonly viaNarrower: boolean;
  readonly responsibility: Responsibility;
  /** The evidence's own weight: basis, narrower topic, limited scope. */
  readonly weight: number;
}

/** Rows kept per graph: topics are the dataset's, so this holds at most one list per topic. */
const ROWS_MEMO_BYTES = 64 * 2 ** 20;

/**
 * The units linked to a topic or to a narrower one, most specific first: direct links before
 * narrower ones, stated before name-derived, deeper units before their ancestors. Memoised per
 * graph (which never changes): a wide topic of a large organisation has thousands.
 */
const handlerRowsOf = perGraphKeyed<readonly HandlerRow[]>(
  { maxBytes: ROWS_MEMO_BYTES, sizeOf: (rows) => 64 + rows.length * 48 },
  (graph, topicKey) => {
    const topic = graph.topic(topicKey);
    return topic ? computeHandlerRows(graph, topic) : [];
  },
);

function handlerRows(graph: OrgGraph, topic: Topic): readonly HandlerRow[] {
  return handlerRowsOf(graph, topic.key);
}

function computeHandlerRows(graph: OrgGraph, topic: Topic): readonly HandlerRow[] {
  const rows: HandlerRow[] = topicWithNarrower(graph, topic).flatMap((t) =>
    graph.handlersOf(t.key).flatMap((r) => {
      const unit = graph.unit(r.unitKey);
      if (!unit) return [];
      const viaNarrower = t.key !== topic.key;
      const weight =
        BASIS_FACTOR[r.basis] * (viaNarrower ? NARROWER_FACTOR : 1) * (r.scope ? SCOPED_FACTOR : 1);
      return [{ unit, topic: t, viaNarrower, responsibility: r, weight }];
    }),
  );
  rows.sort(
    (a, b) =>
      Number(a.viaNarrower) - Number(b.viaNarrower) ||
      BASIS_RANK[a.responsibility.basis] - BASIS_RANK[b.responsibility.basis] ||
      graph.depthOf(b.unit.key) - graph.depthOf(a.unit.key),
  );
  return rows;
}

/**
 * The units responsible for the topics `text` names, most specific first: better topic matches
 * first, then direct links before links to narrower topics, stated before name-derived, deeper
 * units before their ancestors. Each unit appears once, with its best evidence.
 */
export function responsibilityFor(graph: OrgGraph, text: string): ResponsibilityAnswer {
  const topics = matchTopics(graph, text); // best first
  const seen = new Set<string>();
  const matches: ResponsibleUnit[] = [];
  for (const topicMatch of topics) {
    for (const row of handlerRows(graph, topicMatch.topic)) {
      if (seen.has(row.unit.key)) continue;
      seen.add(row.unit.key);
      matches.push({
        unit: row.unit,
        topic: row.topic,
        topicMatch,
        viaNarrower: row.viaNarrower,
        basis: row.responsibility.basis,
        confidence: Math.round(topicMatch.confidence * row.weight * 1000) / 1000,
        responsibility: row.responsibility,
      });
    }
  }
  return { query: text, topics, matches, note: noteFor(topics, matches) };
}

function noteFor(
  topics: readonly TopicMatch[],
  matches: readonly ResponsibleUnit[],
): Localized | undefined {
  if (topics.length === 0) {
    return {
      en: 'No topic of the dataset matches this text, so no unit is named: the data does not say who handles it.',
      fr: 'Aucun sujet des données ne correspond à ce texte ; aucune unité n’est donc nommée : les données ne disent pas qui s’en charge.',
    };
  }
  if (matches.length === 0) {
    return {
      en: 'The topic is in the vocabulary, but no unit is recorded as handling it.',
      fr: 'Le sujet figure dans le vocabulaire, mais aucune unité n’est indiquée comme en étant chargée.',
    };
  }
  const quoted = (lang: 'en' | 'fr') =>
    topics.map((t) => (lang === 'en' ? `“${t.topic.label.en}”` : `« ${t.topic.label.fr} »`));
  if (topics.every((t) => t.reading === 'wider-notion')) {
    const one = topics.length === 1;
    return {
      en: `No topic of the dataset is named as a whole: the text names a wider notion, which the recorded ${one ? 'topic' : 'topics'} ${quoted('en').join(', ')} ${one ? 'is' : 'are'} part of. These units handle ${one ? 'that topic' : 'those topics'}: a related match, not an answer for the whole notion.`,
      fr: `Aucun sujet des données n’est nommé en entier : le texte désigne une notion plus large, dont ${one ? 'le sujet enregistré' : 'les sujets enregistrés'} ${quoted('fr').join(', ')} ${one ? 'fait' : 'font'} partie. Ces unités ${one ? 'traitent ce sujet' : 'traitent ces sujets'} : une correspondance voisine, non une réponse pour toute la notion.`,
    };
  }
  if (topics.every((t) => t.reading === 'extra-words')) {
    return {
      en: `The text has words beyond the recorded topic ${quoted('en').join(', ')}; it is read as that topic.`,
      fr: `Le texte contient d’autres mots que le sujet enregistré ${quoted('fr').join(', ')} ; il est lu comme ce sujet.`,
    };
  }
  if (topics.every((t) => t.via === 'related')) {
    return {
      en: 'The text names a related notion, not a topic of the dataset: these units handle the closest topic.',
      fr: 'Le texte désigne une notion voisine, non un sujet des données : ces unités traitent le sujet le plus proche.',
    };
  }
  return undefined;
}
