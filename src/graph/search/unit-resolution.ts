/**
 * Which unit a person means, and why. An exact name, acronym or alias wins outright; otherwise a
 * name matched whole with other word forms or typos ("Ofice of Securty"); otherwise a name the
 * text names only part of ("Auditors"). When two units fit equally well ("Office" is half the
 * names of the IS) the answer is ambiguous and picks none: the candidates are listed instead.
 */
import type { OrgGraph } from '../org-graph';
import { unitNamed } from '../unit-by-name';
import type { AliasKind, Lang, Localized, Unit } from '../types';
import { matchText, type WordMatchKind } from './analyze';
import { confidenceOf, queryWords } from './search';
import { searchIndexOf } from './search-index';

export interface NameMatch {
  readonly unit: Unit;
  /** The name, acronym, alias or key that matched, as recorded. */
  readonly matched: string;
  readonly via: 'key' | 'name' | 'acronym' | 'alias';
  readonly aliasKind?: AliasKind | undefined;
  readonly lang?: Lang | undefined;
  /**
   * exact: the same words once folded (case, accents, punctuation, small words, word order);
   * stem / fuzzy: the whole name, with other word forms / typos; partial: part of the name.
   */
  readonly kind: Exclude<WordMatchKind, 'prefix'> | 'partial';
  readonly confidence: number;
}

export interface UnitResolution {
  readonly query: string;
  /** The unit meant; undefined when nothing matches or the text is ambiguous. */
  readonly unit?: Unit | undefined;
  readonly match?: NameMatch | undefined;
  readonly ambiguous: boolean;
  /** Other candidates, best first (all of them when ambiguous). */
  readonly alternatives: readonly NameMatch[];
  readonly note?: Localized | undefined;
}

const MAX_ALTERNATIVES = 10;
const CANDIDATE_LIMIT = 50;
/** Two matches this close are equally good: neither may be picked over the other. */
const TIE = 0.01;
const KIND_RANK = { exact: 0, stem: 1, fuzzy: 2, partial: 3 } as const;

function better(a: NameMatch, b: NameMatch): number {
  return KIND_RANK[a.kind] - KIND_RANK[b.kind] || b.confidence - a.confidence;
}

/** Every unit whose name, acronym or alias holds all the words of `text`, best match each. */
function nameMatches(graph: OrgGraph, text: string): NameMatch[] {
  const words = queryWords(text);
  const index = searchIndexOf(graph);
  const out: NameMatch[] = [];
  const nodes = index.candidates(words, {
    kinds: new Set(['unit']),
    namesOnly: true,
    limit: CANDIDATE_LIMIT,
  });
  for (const { node, terms } of nodes) {
    const unit = graph.unit(node.key);
    if (!unit) continue;
    let best: NameMatch | undefined;
    for (const entry of node.entries) {
      if (entry.field !== 'name' && entry.field !== 'acronym' && entry.field !== 'alias') continue;
      const m = matchText(words, entry.significantWords, false, terms);
      if (!m || m.kind === 'prefix') continue;
      const whole = m.wholeText;
      const candidate: NameMatch = {
        unit,
        matched: entry.text,
        via: entry.field,
        aliasKind: entry.aliasKind,
        lang: entry.lang,
        kind: whole ? m.kind : 'partial',
        confidence: whole ? Math.round(m.quality * 1000) / 1000 : confidenceOf(m, entry.field),
      };
      if (!best || better(candidate, best) < 0) best = candidate;
    }
    if (best) out.push(best);
  }
  return out.sort(better);
}

export function resolveUnitName(graph: OrgGraph, text: string): UnitResolution {
  const exact = unitNamed(graph, text);
  if (exact) {
    const match: NameMatch = {
      unit: exact.unit,
      matched: exact.matched,
      via: exact.via,
      aliasKind: exact.entry?.alias?.kind,
      lang: exact.entry?.lang,
      kind: 'exact',
      confidence: 1,
    };
    return { query: text, unit: exact.unit, match, ambiguous: false, alternatives: [] };
  }
  const matches = nameMatches(graph, text);
  const [first, second] = matches;
  if (!first) {
    return {
      query: text,
      ambiguous: false,
      alternatives: [],
      note: {
        en: 'No unit has a name, acronym or alias that matches this text.',
        fr: 'Aucune unité n’a de nom, de sigle ou d’alias correspondant à ce texte.',
      },
    };
  }
  const tied =
    second !== undefined &&
    (first.kind === 'partial'
      ? second.kind === 'partial'
      : second.kind !== 'partial' && first.confidence - second.confidence < TIE);
  if (tied) {
    const count = matches.length;
    const note =
      first.kind === 'partial'
        ? {
            en: `These words are part of the names of ${count} units; none is picked. Give more of the name.`,
            fr: `Ces mots font partie du nom de ${count} unités ; aucune n’est choisie. Précisez le nom.`,
          }
        : {
            en: `This text matches ${count} units equally well; none is picked. Give more of the name.`,
            fr: `Ce texte correspond aussi bien à ${count} unités ; aucune n’est choisie. Précisez le nom.`,
          };
    return { query: text, ambiguous: true, alternatives: matches.slice(0, MAX_ALTERNATIVES), note };
  }
  return {
    query: text,
    unit: first.unit,
    match: first,
    ambiguous: false,
    alternatives: matches.slice(1, MAX_ALTERNATIVES + 1),
    note:
      first.kind === 'partial'
        ? {
            en: 'Only one unit has a name containing these words; the text names part of it.',
            fr: 'Une seule unité a un nom contenant ces mots ; le texte n’en nomme qu’une partie.',
          }
        : undefined,
  };
}
