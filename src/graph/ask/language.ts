/**
 * The languages `ask` reads and answers in: one YAML file per language in ./lang/, checked once
 * when first needed (an unknown key, a missing sentence or a malformed pattern is an error naming
 * the file and the key), then compiled. Adding a language is adding a file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASK_LANGUAGE_DIR } from '../project-paths';
import { parse } from 'yaml';
import { z } from 'zod';
import { wordsOf, type Word } from '../search/analyze';
import type { UnitKind } from '../types';
import { choiceOf, compilePattern, firstWords, PatternError, type PatternNode } from './pattern';
import { INTENTS, type Intent } from './intent';

const LANG_DIR = ASK_LANGUAGE_DIR;

/** Unit kinds as questions name them; `any` is a unit of any kind. */
export const ASKED_KINDS = [
  'division',
  'office',
  'cabinet-unit',
  'cabinet',
  'council',
  'any',
] as const;
export type AskedKind = (typeof ASKED_KINDS)[number];

/** The NATO dataset's kinds the answers' wording names (a phrase per kind and number). */
const PHRASE_KINDS = [
  'division',
  'office',
  'cabinet-unit',
  'cabinet',
  'council',
  'organization',
  'secretary-general',
  'international-staff',
  'any',
] as const satisfies readonly (UnitKind | 'any')[];

/** Every sentence the answers use; each language file must give them all. */
export const TEMPLATE_KEYS = [
  'whoHandles.found.one',
  'whoHandles.found.many',
  'whoHandles.narrower',
  'whoHandles.kindMismatch',
  'whoHandles.unhandled',
  'whoHandles.notFound',
  'whoHandles.scope',
  'whoHandles.unitName',
  'reportingLine.found',
  'reportingLine.top',
  'superior.found',
  'superior.viaPart',
  'superior.none',
  'subordinates.found',
  'subordinates.none',
  'head.found',
  'head.noHolder',
  'head.none',
  'holder.none',
  'holder.unknownPerson',
  'describe.found',
  'describe.kind',
  'responsibilities.found',
  'responsibilities.unitName',
  'responsibilities.none',
  'position.found',
  'position.top',
  'position.member',
  'position.reports',
  'position.yes',
  'position.no',
  'parts.found',
  'parts.none',
  'count.found',
  'count.inUnit',
  'count.at',
  'count.zero',
  'count.notDescribed',
  'count.posts',
  'list.found',
  'list.none',
  'list.headedBy',
  'list.headedByNone',
  'list.created',
  'list.createdNone',
  'list.newest',
  'created.found',
  'created.started',
  'created.none',
  'eventDate.found',
  'eventDate.corrected',
  'eventDate.inferred',
  'events.found.one',
  'events.found.many',
  'events.none',
  'chronology.found',
  'chronology.unit',
  'chronology.none',
  'chronology.updated',
  'structureAt.found',
  'structureAt.notDescribed',
  'structureAt.unitAbsent',
  'existed.yes',
  'existed.assumed',
  'existed.no',
  'existed.unknown',
  'connection.found',
  'connection.none',
  'connection.same',
  'connection.superior',
  'step.partOf',
  'step.hasPart',
  'step.reportsTo',
  'step.hasReport',
  'step.memberOf',
  'step.hasMember',
  'commonSuperior.found',
  'commonSuperior.none',
  'location.found',
  'location.inherited',
  'location.none',
  'headcount.found',
  'headcount.none',
  'staffRules.found',
  'staffRules.none',
  'sources.found',
  'lastUpdated.found',
  'unknown',
  'unit.notFound',
  'unit.ambiguous',
  'unit.partial',
  'date.notDate',
  'event.notFound',
  'post.notFound',
  'asOfDate',
  'readAs',
  'fallback.unit',
  'fallback.topic',
  ...PHRASE_KINDS.flatMap((k) => [`kindPhrase.${k}.one`, `kindPhrase.${k}.many`] as const),
  'independentPhrase',
  ...PHRASE_KINDS.filter((k) => k !== 'any').map((k) => `unitKind.${k}` as const),
  'independentOffice',
  'date.day',
  'date.month',
  'date.year',
  'date.range',
  'date.early',
  'date.late',
  'date.after',
  'date.before',
  'date.about',
  'period.in',
  'period.on',
  'period.before',
  'period.after',
  'period.since',
  'period.until',
  'period.between',
  'period.all',
  'approx',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

const phrases = z.array(z.string().min(1)).min(1);
const PERIOD_WORDS = [
  'in',
  'before',
  'after',
  'since',
  'until',
  'between',
  'and',
  'years',
] as const;

const languageFile = z.strictObject({
  code: z.string().regex(/^[a-z]{2}$/),
  name: z.string().min(1),
  list: z.strictObject({ and: z.string().min(1), or: z.string().min(1) }),
  quotes: z.tuple([z.string(), z.string()]),
  padding: z.strictObject({ start: phrases, end: phrases, anywhere: phrases }),
  articles: phrases,
  determiners: phrases,
  kinds: z.strictObject(
    Object.fromEntries(ASKED_KINDS.map((k) => [k, phrases])) as Record<AskedKind, typeof phrases>,
  ),
  independent: phrases,
  months: z.record(z.string(), z.number().int().min(1).max(12)),
  ordinals: phrases,
  period: z.strictObject(
    Object.fromEntries(PERIOD_WORDS.map((k) => [k, phrases])) as Record<
      (typeof PERIOD_WORDS)[number],
      typeof phrases
    >,
  ),
  staffRuleTerms: phrases,
  classes: z.record(z.string().regex(/^[a-z_]+$/), phrases),
  patterns: z.strictObject(
    Object.fromEntries(INTENTS.filter((i) => i !== 'UNKNOWN').map((i) => [i, phrases])) as Record<
      Exclude<Intent, 'UNKNOWN'>,
      typeof phrases
    >,
  ),
  templates: z.strictObject(
    Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, z.string()])) as Record<
      TemplateKey,
      z.ZodString
    >,
  ),
  monthNames: z.array(z.string().min(1)).length(12),
  firstDay: z.string().min(1),
  suggestions: phrases,
});

export type LanguageFile = z.infer<typeof languageFile>;

export interface CompiledPattern {
  readonly intent: Exclude<Intent, 'UNKNOWN'>;
  readonly source: string;
  /** Position in the file: earlier patterns win ties. */
  readonly order: number;
  readonly nodes: readonly PatternNode[];
  /** The words it can start with (null: any), to skip it quickly. */
  readonly first: readonly Word[] | null;
}

/** A language, ready to read questions with. */
export interface Language {
  readonly code: string;
  readonly file: LanguageFile;
  readonly patterns: readonly CompiledPattern[];
  readonly padding: {
    readonly start: readonly PatternNode[];
    readonly end: readonly PatternNode[];
    readonly anywhere: readonly PatternNode[];
  };
  /** Phrases (as folded words) per asked kind. */
  readonly kinds: ReadonlyMap<AskedKind, readonly (readonly Word[])[]>;
  readonly independent: readonly (readonly Word[])[];
  readonly determiners: ReadonlySet<string>;
  readonly months: ReadonlyMap<string, number>;
  readonly ordinals: readonly string[];
  readonly period: Readonly<Record<(typeof PERIOD_WORDS)[number], readonly (readonly Word[])[]>>;
  readonly staffRuleTerms: readonly string[];
}

export class LanguageFileError extends Error {}

const folded = (text: string): Word[] => wordsOf(text);

function compileLanguage(fileName: string, raw: unknown): Language {
  const parsed = languageFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LanguageFileError(
      `${fileName}: ${issue?.path.join('.') || '(top)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const file = parsed.data;
  const articles = new Set(file.articles.flatMap((a) => folded(a).map((w) => w.folded)));
  const classes = new Map<string, PatternNode>();
  const compiling = new Set<string>();
  const where = (what: string, source: string, fn: () => PatternNode[]): PatternNode[] => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof PatternError) {
        throw new LanguageFileError(`${fileName}: ${what}: ${error.message}`);
      }
      throw error;
    }
  };
  const classOf = (name: string): PatternNode => {
    const known = classes.get(name);
    if (known) return known;
    const list = file.classes[name];
    if (!list) throw new PatternError(`unknown class <${name}>`);
    if (compiling.has(name)) throw new PatternError(`class <${name}> refers to itself`);
    compiling.add(name);
    const node = choiceOf(
      list.map((p) => where(`classes.${name}`, p, () => compilePattern(p, classOf))),
    );
    compiling.delete(name);
    classes.set(name, node);
    return node;
  };
  const compileList = (what: string, list: readonly string[]) =>
    choiceOf(list.map((p) => where(what, p, () => compilePattern(p, classOf, articles))));
  const patterns: CompiledPattern[] = [];
  for (const intent of Object.keys(file.patterns) as Exclude<Intent, 'UNKNOWN'>[]) {
    file.patterns[intent].forEach((source, i) => {
      const nodes = where(`patterns.${intent}[${i}]`, source, () =>
        compilePattern(source, classOf),
      );
      patterns.push({ intent, source, order: patterns.length, nodes, first: firstWords(nodes) });
    });
  }
  return {
    code: file.code,
    file,
    patterns,
    padding: {
      start: [compileList('padding.start', file.padding.start)],
      end: [compileList('padding.end', file.padding.end)],
      anywhere: [compileList('padding.anywhere', file.padding.anywhere)],
    },
    kinds: new Map(ASKED_KINDS.map((k) => [k, file.kinds[k].map(folded)])),
    independent: file.independent.map(folded),
    determiners: new Set(file.determiners.flatMap((d) => folded(d).map((w) => w.folded))),
    months: new Map(
      Object.entries(file.months).map(([name, n]) => [folded(name)[0]?.folded ?? name, n]),
    ),
    ordinals: file.ordinals.map((o) => folded(o)[0]?.folded ?? o),
    period: {
      in: file.period.in.map(folded),
      before: file.period.before.map(folded),
      after: file.period.after.map(folded),
      since: file.period.since.map(folded),
      until: file.period.until.map(folded),
      between: file.period.between.map(folded),
      and: file.period.and.map(folded),
      years: file.period.years.map(folded),
    },
    staffRuleTerms: file.staffRuleTerms.map((t) => folded(t)[0]?.folded ?? t),
  };
}

let loaded: ReadonlyMap<string, Language> | undefined;

/** Every language of ./lang/, by code, in file-name order. */
export function languages(): ReadonlyMap<string, Language> {
  if (!loaded) {
    const map = new Map<string, Language>();
    for (const name of readdirSync(LANG_DIR)
      .filter((f) => f.endsWith('.yaml'))
      .sort()) {
      const language = compileLanguage(name, parse(readFileSync(join(LANG_DIR, name), 'utf8')));
      if (map.has(language.code)) {
        throw new LanguageFileError(`${name}: language "${language.code}" is defined twice`);
      }
      map.set(language.code, language);
    }
    loaded = map;
  }
  return loaded;
}

/** Checks a language file's contents without loading it (for tests and tooling). */
export function checkLanguageFile(fileName: string, raw: unknown): Language {
  return compileLanguage(fileName, raw);
}

export function language(code: string): Language {
  const found = languages().get(code);
  if (!found) throw new LanguageFileError(`no language "${code}" in ${LANG_DIR}`);
  return found;
}
