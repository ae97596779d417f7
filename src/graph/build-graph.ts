/**
 * Turns checked seed files into the graph's data: resolves every reference, checks the invariants
 * that span records (unique keys and names, no cycles, coherent dates, verbatim quotes) and builds
 * the name indexes. Reports every problem at the field that causes it.
 */
import { nameKey, normalizeQuote } from './normalize';
import { forEachUnitName } from './unit-name-index';
import {
  comparePartialDates,
  endOf,
  parsePartialDate,
  startOf,
  type PartialDate,
} from './partial-date';
import type { SeedIssue } from './seed-error';
import type { FieldPath, SeedFile } from './seed-file';
import type { SeedFiles } from './load-seed';
import type { DatasetDeclaration } from './dataset-declaration';
import {
  withFallback,
  type CitationInput,
  type CorrectionInput,
  type StaffRulesInput,
} from './seed-schema';
import type {
  Alias,
  Citation,
  Correction,
  Dataset,
  DocumentUpdate,
  Lang,
  Localized,
  OrgDocumentData as OrgDocument,
  EventData as OrgEvent,
  HoldingData,
  PersonData,
  PostData as Post,
  SourceDocument,
  StaffRules,
  SupportData as Support,
  Supported,
  TopicData as Topic,
  UnitData as Unit,
  UnitLink,
} from './types';

/** How a text names a unit. */
export interface UnitNameEntry {
  readonly unitKey: string;
  readonly text: string;
  readonly lang: Lang;
  readonly via: 'name' | 'acronym' | 'alias';
  readonly alias?: Alias | undefined;
}

export interface TopicNameEntry {
  readonly topicKey: string;
  readonly text: string;
  readonly lang: Lang;
  readonly via: 'label' | 'variant';
}

export interface GraphData {
  readonly dataset: Dataset;
  readonly documents: ReadonlyMap<string, SourceDocument>;
  /** When cited documents say they were last updated, by document key. */
  readonly documentUpdates: ReadonlyMap<string, DocumentUpdate>;
  readonly units: ReadonlyMap<string, Unit>;
  readonly posts: ReadonlyMap<string, Post>;
  readonly topics: ReadonlyMap<string, Topic>;
  readonly events: ReadonlyMap<string, OrgEvent>;
  /** Documents the graph describes as nodes (documents.yaml). */
  readonly orgDocuments: ReadonlyMap<string, OrgDocument>;
  /** People holding posts (people.yaml); absent where the dataset names no one. */
  readonly people?: ReadonlyMap<string, PersonData> | undefined;
  readonly topicNames: ReadonlyMap<string, TopicNameEntry>;
}

/** Parses a date the schema has already checked. */
function date(text: string): PartialDate {
  const d = parsePartialDate(text);
  if (typeof d === 'string') throw new Error(`unchecked date reached the builder: ${d}`);
  return d;
}

const optionalDate = (text: string | undefined) => (text === undefined ? undefined : date(text));

/** One shared empty list: most records have no aliases, corrections or notes. */
const NONE: readonly never[] = Object.freeze([]);
const orNone = <T>(list: readonly T[]): readonly T[] => (list.length === 0 ? NONE : list);

export function buildGraph(
  files: SeedFiles,
  documentTexts: ReadonlyMap<string, string>,
  declaration: DatasetDeclaration,
): { data?: GraphData; issues: SeedIssue[] } {
  const issues: SeedIssue[] = [];
  const normalizedTexts = new Map(
    [...documentTexts].map(([k, text]) => [k, normalizeQuote(text)] as const),
  );

  /** Indexes a file's records by key, reporting duplicates. */
  function byKey<T extends { key: string }>(file: SeedFile<readonly T[]>, what: string) {
    const map = new Map<string, { record: T; index: number }>();
    file.data.forEach((record, index) => {
      const first = map.get(record.key);
      if (first) {
        const line = file.issue([first.index, 'key'], '').line;
        issues.push(
          file.issue(
            [index, 'key'],
            `duplicate ${what} key "${record.key}" (already defined at line ${line})`,
          ),
        );
      } else map.set(record.key, { record, index });
    });
    return map;
  }

  // Documents first: every citation points at one.
  const documentRecords = byKey(files.sources, 'source');
  const documents = new Map<string, SourceDocument>();
  for (const [key, { record }] of documentRecords) {
    documents.set(key, {
      key,
      title: record.title,
      publisher: record.publisher,
      lang: record.lang,
      date: optionalDate(record.date),
      url: record.url,
      verifiedCopy: normalizedTexts.has(key),
      note: record.note,
    });
  }

  // One object per distinct citation (document, quote, language, locator), and one list per
  // distinct list of them: in a large organisation most facts cite the same few sentences, and an
  // object per fact cited, with its list, was two fifths of the objects a loaded graph holds (npm
  // run bench:scale). Citations are values: nothing tells two equal ones apart. Two lists are told
  // apart in one place, a unit's (OrgGraph's citationLists): a link or head whose list is its
  // unit's or post's own gave no citations of its own, so `ownList` keeps a list given equal to
  // that one a list of its own.
  const citationsByKey = new Map<string, Citation>();
  const listsByKey = new Map<string, readonly Citation[]>();
  const quotesNotFound = new Set<string>();

  function cite(
    file: SeedFile<unknown>,
    path: FieldPath,
    list: readonly CitationInput[] | undefined,
  ): readonly Citation[] {
    if (!list || list.length === 0) return NONE;
    let listKey = '';
    // map, not push: an array grown by push keeps room for 16 more, 100,000s of times over.
    const out = list.map((c, i): Citation | undefined => {
      const document = documents.get(c.source);
      if (!document) {
        issues.push(file.issue([...path, i, 'source'], `unknown source "${c.source}"`));
        return undefined;
      }
      const lang = c.lang ?? document.lang;
      // Each part after its length, so no two citations (and no two lists) share a key.
      const locator = c.locator === undefined ? '-' : `${c.locator.length}:${c.locator}`;
      const key = `${c.source.length}:${c.source}${lang.length}:${lang}${locator}${c.quote.length}:${c.quote}`;
      listKey += key;
      let citation = citationsByKey.get(key);
      if (citation === undefined) {
        const text = normalizedTexts.get(c.source);
        if (text !== undefined && !text.includes(normalizeQuote(c.quote))) quotesNotFound.add(key);
        citation = { document, quote: c.quote, lang, locator: c.locator };
        citationsByKey.set(key, citation);
      }
      if (quotesNotFound.has(key)) {
        issues.push(
          file.issue(
            [...path, i, 'quote'],
            `quote not found verbatim in source "${c.source}": "${c.quote}"`,
          ),
        );
      }
      return citation;
    });
    if (!out.every((c) => c !== undefined)) return out.filter((c) => c !== undefined);
    const known = listsByKey.get(listKey);
    if (known) return known;
    listsByKey.set(listKey, out);
    return out;
  }

  /** The list `given` cited, never `inherited` itself: see citationsByKey. */
  const ownList = (given: readonly Citation[], inherited: readonly Citation[] | undefined) =>
    given === inherited ? [...given] : given;

  function corrections(
    file: SeedFile<unknown>,
    path: FieldPath,
    list: readonly CorrectionInput[],
  ): readonly Correction[] {
    if (list.length === 0) return NONE;
    return list.map((c, i) => ({
      field: c.field,
      claimed: c.claimed,
      corrected: c.corrected,
      reason: c.reason,
      sources: cite(file, [...path, i, 'sources'], c.sources),
    }));
  }

  // Kept beside the documents, not in them: a document's update time may cite the document
  // itself, and a document holding its own citations would be a cycle of objects.
  const documentUpdates = new Map<string, DocumentUpdate>();
  for (const [key, { record, index }] of documentRecords) {
    const document = documents.get(key);
    if (!document || !record.updated) continue;
    const { at, timeZone, sources } = record.updated;
    const day = date(at.slice(0, 10));
    if (document.date && endOf(day) < startOf(document.date)) {
      issues.push(
        files.sources.issue(
          [index, 'updated', 'at'],
          `updated (${at}) is before the document's date (${document.date.value})`,
        ),
      );
    }
    const update: DocumentUpdate = {
      localDateTime: at,
      date: day,
      timeZone: timeZone === 'unknown' ? undefined : timeZone,
      sources: cite(files.sources, [index, 'updated', 'sources'], sources),
    };
    documentUpdates.set(key, update);
    Object.defineProperty(document, 'updated', { value: update, enumerable: false });
  }

  const unitRecords = byKey(files.units, 'unit');
  const postRecords = byKey(files.posts, 'post');
  const topicRecords = byKey(files.topics, 'topic');
  const eventRecords = byKey(files.events, 'event');
  const orgDocumentRecords = byKey(files.documents, 'document');

  // Documents the graph describes. Their keys are not those of cited documents, so the two never
  // share an IRI or an ID.
  const orgDocuments = new Map<string, OrgDocument>();
  for (const [key, { record: d, index }] of orgDocumentRecords) {
    const f = files.documents;
    if (documentRecords.has(key)) {
      issues.push(
        f.issue(
          [index, 'key'],
          `"${key}" is already the key of a cited document in sources.yaml; give the document described here another key`,
        ),
      );
    }
    orgDocuments.set(key, {
      key,
      title: d.title,
      date: optionalDate(d.date),
      description: d.description,
      commitments: orNone(
        d.commitments.map((c, i) => ({
          text: c.text,
          sources: cite(f, [index, 'commitments', i, 'sources'], c.sources),
        })),
      ),
      sources: cite(f, [index, 'sources'], d.sources),
      notes: orNone(d.notes),
    });
  }

  function ref(
    file: SeedFile<unknown>,
    path: FieldPath,
    key: string | undefined,
    known: ReadonlyMap<string, unknown>,
    what: string,
  ): void {
    if (key !== undefined && !known.has(key)) {
      issues.push(file.issue(path, `unknown ${what} "${key}"`));
    }
  }

  // Dataset.
  const ds = files.dataset.data;
  const primarySource =
    ds.primarySource === undefined ? undefined : documents.get(ds.primarySource);
  ref(files.dataset, ['primarySource'], ds.primarySource, documents, 'source');

  // People (before posts: a post's holders name them).
  const people = new Map<string, PersonData>();
  for (const [key, { record: p, index }] of byKey(files.people, 'person'))
    people.set(key, {
      key,
      name: p.name,
      sources: cite(files.people, [index, 'sources'], p.sources),
    });

  // Posts (before units: a unit's head rests on its post's citations).
  const posts = new Map<string, Post>();
  for (const [key, { record: p, index }] of postRecords) {
    ref(files.posts, [index, 'unit'], p.unit, unitRecords, 'unit');
    const holders = p.holders?.map((h, i): HoldingData => {
      const at: FieldPath = [index, 'holders', i];
      ref(files.posts, [...at, 'person'], h.person, people, 'person (people.yaml)');
      const from = optionalDate(h.from);
      const until = optionalDate(h.until);
      // "until 2020" ends with 2020: only an end before the start begins is wrong.
      if (from && until && endOf(until) < startOf(from))
        issues.push(
          files.posts.issue(
            [...at, 'until'],
            `until (${until.value}) is before from (${from.value})`,
          ),
        );
      return {
        personKey: h.person,
        postKey: key,
        from,
        until,
        sources: cite(files.posts, [...at, 'sources'], h.sources),
      };
    });
    posts.set(key, {
      key,
      title: p.title,
      acronym: p.acronym,
      unitKey: p.unit,
      role: p.role,
      ...(holders && holders.length > 0 ? { holders } : {}),
      sources: cite(files.posts, [index, 'sources'], p.sources),
      notes: orNone(p.notes),
    });
  }

  const citationsRequired = ds.citationPolicy === 'required';

  /** A unit's staff rules, their references checked and their quotes cited. */
  function buildStaffRules(at: FieldPath, r: StaffRulesInput): StaffRules {
    const f = files.units;
    const rule = <T extends { statement: Localized; sources: CitationInput[] }>(
      path: FieldPath,
      input: T,
    ) => ({ statement: input.statement, sources: cite(f, [...path, 'sources'], input.sources) });
    const { eligibility, appointments, allegiance, vacancies } = r;
    if (appointments)
      ref(f, [...at, 'appointments', 'decidedBy'], appointments.decidedBy, postRecords, 'post');
    if (allegiance) ref(f, [...at, 'allegiance', 'owedTo'], allegiance.owedTo, unitRecords, 'unit');
    return {
      eligibility: eligibility && {
        ...rule([...at, 'eligibility'], eligibility),
        nationality: eligibility.nationality,
        mandatory: eligibility.mandatory,
      },
      recruitment: orNone(
        r.recruitment.map((m, i) => ({
          ...rule([...at, 'recruitment', i], m),
          mode: m.mode,
          by: m.by,
        })),
      ),
      appointments: appointments && {
        ...rule([...at, 'appointments'], appointments),
        decidedByPostKey: appointments.decidedBy,
      },
      allegiance: allegiance && {
        ...rule([...at, 'allegiance'], allegiance),
        owedToUnitKey: allegiance.owedTo,
        duration: allegiance.duration,
      },
      vacancies: vacancies && {
        ...rule([...at, 'vacancies'], vacancies),
        publishedOn: vacancies.publishedOn,
      },
    };
  }

  // Units.
  const units = new Map<string, Unit>();
  for (const [key, { record: u, index }] of unitRecords) {
    const f = files.units;
    const sources = cite(f, [index, 'sources'], u.sources);
    const link = (
      path: FieldPath,
      l: { unit: string; sources?: CitationInput[] | undefined; note?: string | undefined },
    ): UnitLink => {
      ref(f, [...path, 'unit'], l.unit, unitRecords, 'unit');
      return {
        unitKey: l.unit,
        sources: l.sources ? ownList(cite(f, [...path, 'sources'], l.sources), sources) : sources,
        note: l.note,
      };
    };
    ref(f, [index, 'head'], u.head?.post, postRecords, 'post');
    const headPost = u.head && posts.get(u.head.post);
    const headSources = u.head?.sources
      ? ownList(cite(f, [index, 'head', 'sources'], u.head.sources), headPost?.sources)
      : (headPost?.sources ?? NONE);
    if (citationsRequired && headPost && !u.head?.sources) {
      const problem =
        headPost.unitKey !== key
          ? `is a post of unit "${headPost.unitKey}"`
          : headPost.role !== 'head'
            ? `is a ${headPost.role} post, not a head post`
            : undefined;
      if (problem) {
        issues.push(
          f.issue(
            [index, 'head'],
            `head "${headPost.key}" ${problem}, and no citation says it heads this unit (the dataset's citationPolicy is required): cite the sentence that says so, as head: { post: ${headPost.key}, sources: [...] }, or leave head out`,
          ),
        );
      }
    }
    const seenTopics = new Set<string>();
    u.responsibilities.forEach((r, i) => {
      ref(f, [index, 'responsibilities', i, 'topic'], r.topic, topicRecords, 'topic');
      if (seenTopics.has(r.topic)) {
        issues.push(
          f.issue([index, 'responsibilities', i, 'topic'], `topic "${r.topic}" is listed twice`),
        );
      }
      seenTopics.add(r.topic);
    });
    const staffRules = u.staffRules && buildStaffRules([index, 'staffRules'], u.staffRules);
    // The schema lets through exactly one of unit and party.
    const supports = u.supports.flatMap((sp, i): Support[] => {
      const path: FieldPath = [index, 'supports', i];
      ref(f, [...path, 'unit'], sp.unit, unitRecords, 'unit');
      if (sp.unit === key) issues.push(f.issue([...path, 'unit'], 'a unit cannot support itself'));
      const supported: Supported | undefined =
        sp.unit !== undefined
          ? { kind: 'unit', unitKey: sp.unit }
          : sp.party && { kind: 'party', name: sp.party };
      if (!supported) return [];
      const sources = cite(f, [...path, 'sources'], sp.sources);
      return [{ unitKey: key, supported, scope: sp.scope, sources }];
    });
    const established = optionalDate(u.established);
    const dissolved = optionalDate(u.dissolved);
    if (established && dissolved && comparePartialDates(dissolved, established) < 0) {
      issues.push(
        f.issue(
          [index, 'dissolved'],
          `dissolved (${dissolved.value}) is before established (${established.value})`,
        ),
      );
    }
    units.set(key, {
      key,
      kind: u.kind,
      name: u.name,
      acronym: u.acronym,
      aliases: orNone(
        u.aliases.map((a, i) => ({
          text: a.text,
          lang: a.lang,
          kind: a.kind,
          note: a.note,
          sources: cite(f, [index, 'aliases', i, 'sources'], a.sources),
        })),
      ),
      description: u.description,
      headKey: u.head?.post,
      headSources,
      parent: u.parent ? link([index, 'parent'], u.parent) : undefined,
      reportsTo: u.reportsTo ? link([index, 'reportsTo'], u.reportsTo) : undefined,
      memberOf: orNone(u.memberOf.map((m, i) => link([index, 'memberOf', i], m))),
      established,
      dissolved,
      independent: u.independent,
      headcount: u.headcount && {
        approx: u.headcount.approx,
        asOf: date(u.headcount.asOf),
        scope: u.headcount.scope,
        sources: cite(f, [index, 'headcount', 'sources'], u.headcount.sources),
      },
      location: u.location && {
        name: u.location.name,
        sources: cite(f, [index, 'location', 'sources'], u.location.sources),
      },
      staffRules,
      supports: orNone(supports),
      responsibilities: u.responsibilities.map((r, i) => ({
        unitKey: key,
        topicKey: r.topic,
        basis: r.basis,
        role: r.role,
        scope: r.scope,
        sources: cite(f, [index, 'responsibilities', i, 'sources'], r.sources),
      })),
      sources,
      corrections: corrections(f, [index, 'corrections'], u.corrections),
      notes: orNone(u.notes),
    });
  }

  // Cycles in part-of and reports-to.
  const unitLinks = [
    ['parent', (u: Unit) => u.parent?.unitKey],
    ['reportsTo', (u: Unit) => u.reportsTo?.unitKey],
  ] as const;
  for (const [field, next] of unitLinks) {
    for (const cycle of findCycles([...units.keys()], (k) => {
      const u = units.get(k);
      const n = u ? next(u) : undefined;
      return n !== undefined && units.has(n) ? [n] : [];
    })) {
      const first = cycle[0] ?? '';
      const index = unitRecords.get(first)?.index ?? 0;
      issues.push(
        files.units.issue(
          [index, field],
          `${field} forms a cycle: ${[...cycle, first].join(' → ')}`,
        ),
      );
    }
  }

  // Topics.
  const topics = new Map<string, Topic>();
  for (const [key, { record: t, index }] of topicRecords) {
    t.broader.forEach((b, i) => ref(files.topics, [index, 'broader', i], b, topicRecords, 'topic'));
    topics.set(key, {
      key,
      label: t.label,
      variants: t.variants,
      related: t.related,
      broaderKeys: t.broader,
      description: t.description,
    });
  }
  for (const cycle of findCycles([...topics.keys()], (k) =>
    (topics.get(k)?.broaderKeys ?? []).filter((b) => topics.has(b)),
  )) {
    const first = cycle[0] ?? '';
    issues.push(
      files.topics.issue(
        [topicRecords.get(first)?.index ?? 0, 'broader'],
        `broader forms a cycle: ${[...cycle, first].join(' → ')}`,
      ),
    );
  }

  // Events.
  const events = new Map<string, OrgEvent>();
  for (const [key, { record: e, index }] of eventRecords) {
    const f = files.events;
    e.affects.forEach((u, i) => ref(f, [index, 'affects', i], u, unitRecords, 'unit'));
    ref(f, [index, 'partOf'], e.partOf, eventRecords, 'event');
    e.causedBy.forEach((c, i) => ref(f, [index, 'causedBy', i], c, eventRecords, 'event'));
    e.endorses.forEach((d, i) => ref(f, [index, 'endorses', i], d, orgDocuments, 'document'));
    e.followsFrom.forEach((d, i) => ref(f, [index, 'followsFrom', i], d, orgDocuments, 'document'));
    const start = date(e.date);
    const end = optionalDate(e.endDate);
    if (end && comparePartialDates(end, start) < 0) {
      issues.push(
        f.issue([index, 'endDate'], `endDate (${end.value}) is before date (${start.value})`),
      );
    }
    events.set(key, {
      key,
      kind: e.kind,
      date: start,
      dateQualifier: e.dateQualifier,
      endDate: end,
      dateInference: e.dateInferred && {
        reason: e.dateInferred.reason,
        sources: cite(f, [index, 'dateInferred', 'sources'], e.dateInferred.sources),
      },
      status: e.status,
      title: e.title,
      description: e.description,
      place: e.place,
      affectsKeys: e.affects,
      partOfKey: e.partOf,
      causedByKeys: e.causedBy,
      endorsesKeys: orNone(e.endorses),
      followsFromKeys: orNone(e.followsFrom),
      sources: cite(f, [index, 'sources'], e.sources),
      corrections: corrections(f, [index, 'corrections'], e.corrections),
    });
  }
  for (const [field, next] of [
    ['partOf', (e: OrgEvent) => (e.partOfKey ? [e.partOfKey] : [])],
    ['causedBy', (e: OrgEvent) => e.causedByKeys],
  ] as const) {
    for (const cycle of findCycles([...events.keys()], (k) => {
      const e = events.get(k);
      return e ? next(e).filter((n) => events.has(n)) : [];
    })) {
      const first = cycle[0] ?? '';
      issues.push(
        files.events.issue(
          [eventRecords.get(first)?.index ?? 0, field],
          `${field} forms a cycle: ${[...cycle, first].join(' → ')}`,
        ),
      );
    }
  }

  checkUnitNames(files, unitRecords, units, issues);
  const topicNames = indexTopicNames(files, topicRecords, topics, issues);

  if (issues.length > 0 || (ds.primarySource !== undefined && !primarySource)) return { issues };
  return {
    issues,
    data: {
      dataset: {
        key: ds.key,
        title: withFallback(ds.title, declaration.languages),
        asOf: date(ds.asOf),
        primarySource,
        citationPolicy: declaration.citationPolicy,
        languages: declaration.languages,
        kinds: declaration.kinds,
        description: ds.description && withFallback(ds.description, declaration.languages),
      },
      documents,
      documentUpdates,
      units,
      posts,
      topics,
      events,
      orgDocuments,
      ...(people.size > 0 ? { people } : {}),
      topicNames,
    },
  };
}

/** A unit's names, acronyms and aliases, each with where it is written in the unit's record. */
export function unitNamesOf(unit: Unit): [FieldPath, UnitNameEntry][] {
  const entries: [FieldPath, UnitNameEntry][] = [
    [['name', 'en'], { unitKey: unit.key, text: unit.name.en, lang: 'en', via: 'name' }],
    [['name', 'fr'], { unitKey: unit.key, text: unit.name.fr, lang: 'fr', via: 'name' }],
  ];
  if (unit.acronym) {
    const { en, fr } = unit.acronym;
    entries.push([['acronym', 'en'], { unitKey: unit.key, text: en, lang: 'en', via: 'acronym' }]);
    if (fr) {
      entries.push([
        ['acronym', 'fr'],
        { unitKey: unit.key, text: fr, lang: 'fr', via: 'acronym' },
      ]);
    }
  }
  unit.aliases.forEach((alias, i) => {
    entries.push([
      ['aliases', i, 'text'],
      { unitKey: unit.key, text: alias.text, lang: alias.lang, via: 'alias', alias },
    ]);
  });
  return entries;
}

/**
 * Checks that every name, acronym and alias names one unit, by lookup key (the graph indexes them
 * after, unit-name-index.ts). No entry or field path is made while checking: the first name of a
 * colliding pair is found again, among its unit's names, only when a collision is reported.
 */
function checkUnitNames(
  files: SeedFiles,
  records: ReadonlyMap<string, { index: number }>,
  units: ReadonlyMap<string, Unit>,
  issues: SeedIssue[],
): void {
  const index = new Map<string, string>();
  const pathOf = (unit: Unit, nth: number): FieldPath => [
    records.get(unit.key)?.index ?? 0,
    ...(unitNamesOf(unit)[nth]?.[0] ?? []),
  ];
  for (const unit of units.values()) {
    // The unit's names in unitNamesOf's order, counted so a path is made only for a problem.
    let nth = 0;
    const add = (text: string): void => {
      const at = nth++;
      const key = nameKey(text);
      if (key === '') {
        issues.push(
          files.units.issue(pathOf(unit, at), `"${text}" has no letters or digits to match`),
        );
        return;
      }
      const owner = index.get(key);
      if (owner === undefined) index.set(key, unit.key);
      else if (owner !== unit.key) {
        const other = units.get(owner);
        const names = other ? unitNamesOf(other) : [];
        const first = names.findIndex(([, e]) => nameKey(e.text) === key);
        const line = other ? files.units.issue(pathOf(other, first), '').line : 0;
        issues.push(
          files.units.issue(
            pathOf(unit, at),
            `"${text}" also names unit "${owner}" ("${names[first]?.[1].text ?? ''}", line ${line}); a name, acronym or alias may name only one unit`,
          ),
        );
      }
    };
    forEachUnitName(unit, add);
  }
}

/** Every label and variant of every topic, by lookup key; one key may name only one topic. */
function indexTopicNames(
  files: SeedFiles,
  records: ReadonlyMap<string, { index: number }>,
  topics: ReadonlyMap<string, Topic>,
  issues: SeedIssue[],
): Map<string, TopicNameEntry> {
  const index = new Map<string, TopicNameEntry>();
  const written = new Map<TopicNameEntry, FieldPath>();
  const lineOf = (entry: TopicNameEntry) => files.topics.issue(written.get(entry) ?? [], '').line;
  for (const topic of topics.values()) {
    const at = records.get(topic.key)?.index ?? 0;
    const entries: [FieldPath, TopicNameEntry][] = [];
    for (const lang of ['en', 'fr'] as const) {
      entries.push([
        [at, 'label', lang],
        { topicKey: topic.key, text: topic.label[lang], lang, via: 'label' },
      ]);
      topic.variants[lang].forEach((text, i) =>
        entries.push([
          [at, 'variants', lang, i],
          { topicKey: topic.key, text, lang, via: 'variant' },
        ]),
      );
    }
    for (const [path, entry] of entries) {
      const key = nameKey(entry.text);
      const other = index.get(key);
      if (key === '') {
        issues.push(files.topics.issue(path, `"${entry.text}" has no letters or digits to match`));
      } else if (other && other.topicKey !== topic.key) {
        issues.push(
          files.topics.issue(
            path,
            `"${entry.text}" also names topic "${other.topicKey}" ("${other.text}", line ${lineOf(other)}); a label or variant may name only one topic`,
          ),
        );
      } else if (!other || other.via === 'variant') {
        index.set(key, entry);
        written.set(entry, path);
      }
    }
  }
  // A related term is a different notion from the topic; if it were another topic's name, a
  // question would be both that topic and merely related to this one.
  for (const topic of topics.values()) {
    const at = records.get(topic.key)?.index ?? 0;
    for (const lang of ['en', 'fr'] as const) {
      topic.related[lang].forEach((text, i) => {
        const path: FieldPath = [at, 'related', lang, i];
        const named = index.get(nameKey(text));
        if (nameKey(text) === '') {
          issues.push(files.topics.issue(path, `"${text}" has no letters or digits to match`));
        } else if (named) {
          issues.push(
            files.topics.issue(
              path,
              `related term "${text}" is a label or variant of topic "${named.topicKey}" ("${named.text}", line ${lineOf(named)}); a related term names no topic of the vocabulary`,
            ),
          );
        }
      });
    }
  }
  return index;
}

/**
 * The cycles of a directed graph given by `next`, each reported once as the list of its nodes,
 * starting from its first node in `nodes` order.
 */
export function findCycles(
  nodes: readonly string[],
  next: (node: string) => readonly string[],
): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const n of next(node)) {
      const s = state.get(n);
      if (s === 'open') cycles.push(stack.slice(stack.indexOf(n)));
      else if (s === undefined) visit(n);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of nodes) if (!state.has(node)) visit(node);
  return cycles;
}
