/**
 * The shape of the seed files, as zod schemas. This is the formal half of seed/README.md: every
 * object is strict (an unknown field is an error, so a typo cannot silently drop data), and every
 * value is checked here once, so the graph builder works only on typed, checked values.
 *
 * dataset.yaml is read first: it declares the dataset's languages, unit kinds and citation
 * policy, and the other files are checked against schemas made for that declaration
 * (`seedSchemasFor`): which languages a text must and may have, which `kind:` values exist, and
 * whether records must cite their sources.
 */
import { z } from 'zod';
import { parsePartialDate } from './partial-date';
import {
  GENERIC_ROOT_FIELDS,
  PEOPLE_ROOT_FIELDS,
  PEOPLE_TYPE_NAMES,
  RESERVED_TYPE_NAMES,
} from './unit-kinds';

export const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const key = z
  .string()
  .regex(
    KEY_PATTERN,
    'a key is lower-case words joined by hyphens, e.g. "nato-office-of-security"',
  );

const text = z.string().trim().min(1, 'must not be empty');

/** YAML reads `1951` as a number; a date is written as text everywhere else. */
export const partialDate = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v))
  .superRefine((v, ctx) => {
    const parsed = parsePartialDate(v);
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
  });

/** The languages orggraph speaks (its search stemmers and its answers' wording); a dataset uses one or more. */
export const SUPPORTED_LANGS = ['en', 'fr'] as const;
export const lang = z.enum(SUPPORTED_LANGS);

/** A text per language, as the domain holds it: every language filled (the others fall back to the first). */
export interface LocalizedText {
  readonly en: string;
  readonly fr: string;
}

const optionallyLocalized = z.strictObject({ en: text.optional(), fr: text.optional() });

/** Every language filled in: a text a dataset language lacks is the first language's. */
export function withFallback(
  given: { readonly en?: string | undefined; readonly fr?: string | undefined },
  languages: readonly Lang[],
): LocalizedText {
  const first = given[languages[0] ?? 'en'] ?? given.en ?? given.fr ?? '';
  return { en: given.en ?? first, fr: given.fr ?? first };
}

export const citation = z.strictObject({
  /** Key of a document in sources.yaml. */
  source: key,
  /** The sentence (or part of it) the fact rests on, verbatim in the document's language. */
  quote: text,
  /** Where in the document: a fact id of the reference list (F083), a section or a paragraph. */
  locator: text.optional(),
  /** Language of the quote when it differs from the document's. */
  lang: lang.optional(),
});
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A date and time as a document writes it, with no time zone: "2011-11-02T16:53". */
export const localDateTime = z.string().superRefine((v, ctx) => {
  const m = LOCAL_DATE_TIME.exec(v);
  if (!m) {
    ctx.addIssue({
      code: 'custom',
      message: `"${v}" is not a date and time: expected YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS, with no time zone (give it in timeZone)`,
    });
    return;
  }
  const day = parsePartialDate(m[1] ?? '');
  if (typeof day === 'string') ctx.addIssue({ code: 'custom', message: day });
  const [hour, minute, second] = [m[2], m[3], m[4] ?? '00'].map(Number);
  if ((hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) {
    ctx.addIssue({ code: 'custom', message: `"${v}" has an impossible time of day` });
  }
});

const UTC_OFFSET = /^(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

function isTimeZoneName(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** "unknown" when the document does not say; otherwise a UTC offset or an IANA time zone name. */
export const timeZone = z
  .string()
  .refine((v) => v === 'unknown' || UTC_OFFSET.test(v) || isTimeZoneName(v), {
    message:
      'expected "unknown", a UTC offset ("Z", "+01:00") or an IANA time zone name ("Europe/Brussels")',
  });

/**
 * required: every record cites its sources (at least one citation each) and every claim the checker
 * can tie to a citation must have one (a unit's head); optional: records may omit `sources`, and the
 * quotes given are checked all the same.
 */
export const citationPolicy = z.enum(['required', 'optional']);

export const aliasKind = z.enum([
  /** A name people use that is not official ("NATO Security Office"). */
  'informal',
  /** An earlier official name. */
  'former',
  /** A later official name, kept so people using it still find the unit. */
  'later',
  /** A word-for-word translation of the name in the other language. */
  'literal',
  /** A short form ("Legal Office"). */
  'short',
  /** An acronym in use but not confirmed as official (OPS, EM…): findable, never shown as official. */
  'unofficial-acronym',
  /** Another official acronym (ESCD for ESC). */
  'acronym',
]);

export const recruitmentMode = z.enum(['direct', 'secondment']);

export const postRole = z.enum(['head', 'deputy', 'member']);

export const eventKind = z.enum([
  'creation',
  'treaty',
  'summit',
  'restructuring',
  'review',
  'reform',
  'start',
]);

/** A GraphQL type name: PascalCase letters and digits. */
const TYPE_NAME = /^[A-Z][A-Za-z0-9]*$/;
/** A GraphQL field name: camelCase letters and digits. */
const FIELD_NAME = /^[a-z][A-Za-z0-9]*$/;

/** A text of dataset.yaml: which languages it must and may have is checked against `languages`. */
const declaredText = optionallyLocalized;

/** One kind of unit the dataset has (unit-kinds.ts says what each part is for). */
export const kindDeclaration = z.strictObject({
  /** The value of `kind:` in units.yaml. */
  key,
  /** The GraphQL type of units of this kind (implementing OrgUnit). */
  typeName: z
    .string()
    .regex(TYPE_NAME, 'a GraphQL type name: PascalCase letters and digits, e.g. "Department"'),
  /** What the kind is: the `UnitKind` enum value's description (English). */
  description: text,
  /** What the GraphQL type is, when it says more than `description`. */
  typeDescription: text.optional(),
  /** The kind's name in each language, for readers (charts, answers). */
  labels: declaredText,
  /** A whole organisation (W3C ORG's FormalOrganization), not a unit of one. */
  formalOrganization: z.boolean().default(false),
  /** Popolo's `classification` of an organization of this kind; the key when absent. */
  popoloClassification: text.optional(),
  /** A root field returning the unit of this kind (many: false) or every one (many: true). */
  rootField: z
    .strictObject({
      name: z.string().regex(FIELD_NAME, 'a GraphQL field name: camelCase, e.g. "departments"'),
      many: z.boolean().default(false),
      description: text,
    })
    .optional(),
  /** Fields a unit of this kind shows, each with its description (the NATO dataset's facts). */
  facets: z
    .strictObject({
      headcount: text.optional(),
      location: text.optional(),
      staffRules: text.optional(),
    })
    .optional(),
});

type DeclaredText = z.output<typeof declaredText>;

/** Refuses a text lacking the first language, or in a language the dataset does not declare. */
function checkText(
  value: DeclaredText | undefined,
  path: (string | number)[],
  languages: readonly Lang[],
  ctx: z.RefinementCtx,
): void {
  if (value === undefined) return;
  const first = languages[0] ?? 'en';
  if (value[first] === undefined)
    ctx.addIssue({
      code: 'custom',
      path: [...path, first],
      message: `required: the text in ${first}, the dataset's first language`,
    });
  for (const lang of SUPPORTED_LANGS)
    if (value[lang] !== undefined && !languages.includes(lang))
      ctx.addIssue({
        code: 'custom',
        path: [...path, lang],
        message: `"${lang}" is not one of the dataset's languages (${languages.join(', ')})`,
      });
}

/** Reports the second and later records whose `field` repeats an earlier one's. */
function checkUnique<T>(
  items: readonly T[],
  valueOf: (item: T) => string | undefined,
  path: (i: number) => (string | number)[],
  what: string,
  ctx: z.RefinementCtx,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const value = valueOf(item);
    if (value === undefined) return;
    const first = seen.get(value);
    if (first === undefined) seen.set(value, i);
    else
      ctx.addIssue({
        code: 'custom',
        path: path(i),
        message: `duplicate ${what} "${value}" (kinds[${first}] has it already)`,
      });
  });
}

export const dataset = z
  .strictObject({
    key,
    title: declaredText,
    /** The date the dataset describes: answers without a date are "as of" this day. */
    asOf: partialDate,
    /** The languages of its texts: required in the first, optional in the others (they fall back). */
    languages: z.array(lang).min(1, 'at least one language').default(['en', 'fr']),
    /** The document the dataset is primarily drawn from (required where citations are). */
    primarySource: key.optional(),
    citationPolicy: citationPolicy.default('optional'),
    description: declaredText.optional(),
    /** Its kinds of unit, in schema order; the default dataset's when absent. */
    kinds: z.array(kindDeclaration).min(1, 'at least one kind').optional(),
  })
  .superRefine((d, ctx) => {
    const { languages } = d;
    languages.forEach((lang, i) => {
      if (languages.indexOf(lang) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['languages', i],
          message: `"${lang}" is listed twice`,
        });
    });
    checkText(d.title, ['title'], languages, ctx);
    checkText(d.description, ['description'], languages, ctx);
    if (d.citationPolicy === 'required' && d.primarySource === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['primarySource'],
        message: 'required where citationPolicy is required: the key of a document in sources.yaml',
      });
    const kinds = d.kinds ?? [];
    kinds.forEach((k, i) => {
      checkText(k.labels, ['kinds', i, 'labels'], languages, ctx);
      if (RESERVED_TYPE_NAMES.has(k.typeName) || PEOPLE_TYPE_NAMES.has(k.typeName))
        ctx.addIssue({
          code: 'custom',
          path: ['kinds', i, 'typeName'],
          message: `"${k.typeName}" is a type the schema already has: choose another name (e.g. "${k.typeName}Unit")`,
        });
      const field = k.rootField?.name;
      if (field && (GENERIC_ROOT_FIELDS.has(field) || PEOPLE_ROOT_FIELDS.has(field)))
        ctx.addIssue({
          code: 'custom',
          path: ['kinds', i, 'rootField', 'name'],
          message: `"${field}" is a root field every dataset has: choose another name`,
        });
    });
    checkUnique(
      kinds,
      (k) => k.key,
      (i) => ['kinds', i, 'key'],
      'kind key',
      ctx,
    );
    checkUnique(
      kinds,
      (k) => k.typeName,
      (i) => ['kinds', i, 'typeName'],
      'type name',
      ctx,
    );
    checkUnique(
      kinds,
      (k) => k.rootField?.name,
      (i) => ['kinds', i, 'rootField', 'name'],
      'root field',
      ctx,
    );
  });

export type DatasetInput = z.output<typeof dataset>;
export type KindDeclarationInput = z.output<typeof kindDeclaration>;

/** What the other files' schemas depend on: dataset.yaml's declaration. */
export interface SeedDeclaration {
  /** The dataset's languages, the first the one every text must have. */
  readonly languages: readonly [Lang, ...Lang[]];
  /** The values `kind:` may take in units.yaml. */
  readonly kindKeys: readonly [string, ...string[]];
  readonly citationPolicy: CitationPolicy;
}

/** A text's fields: the first language's required, the others' optional, no other language. */
function textShape(languages: readonly Lang[]) {
  return Object.fromEntries(
    languages.map((l, i) => [l, i === 0 ? text : text.optional()]),
  ) as unknown as { en: z.ZodOptional<z.ZodString>; fr: z.ZodOptional<z.ZodString> };
}

/**
 * A text in the dataset's languages: required in the first, optional in the others (a strict
 * object, so a language the dataset does not declare is refused), read with every language filled.
 */
function localizedIn(languages: readonly Lang[]): z.ZodType<LocalizedText> {
  return z
    .strictObject(textShape(languages))
    .transform((given) => withFallback(given, languages)) as never;
}

/** Terms per language (topic variants): any of the dataset's languages, none required. */
function termsIn(
  languages: readonly Lang[],
): z.ZodType<{ readonly en: string[]; readonly fr: string[] }> {
  const shape = Object.fromEntries(languages.map((l) => [l, z.array(text).default([])]));
  return z
    .strictObject(shape)
    .default({})
    .transform((given: Partial<Record<Lang, string[]>>) => ({
      en: given.en ?? [],
      fr: given.fr ?? [],
    })) as never;
}

/** The schemas of the seed files of a dataset with this declaration. */
export function seedSchemasFor(declaration: SeedDeclaration) {
  const { languages } = declaration;
  const localized = localizedIn(languages);
  const citations: z.ZodType<z.output<typeof citation>[]> = (
    declaration.citationPolicy === 'required'
      ? z
          .array(citation)
          .min(1, "at least one citation is required (the dataset's citationPolicy is required)")
      : z.array(citation).default([])
  ) as never;
  const unitKind = z.enum(declaration.kindKeys as [string, ...string[]], {
    error: (issue) =>
      `unknown unit kind ${JSON.stringify(issue.input)}: dataset.yaml declares ${declaration.kindKeys.join(', ')}`,
  });

  /** Official acronyms: one in the first language; another only where a language's differs (IS / SI). */
  const acronym: z.ZodType<{ readonly en: string; readonly fr?: string | undefined }> = z
    .strictObject(textShape(languages))
    .transform((given) => ({
      en: given.en ?? given[languages[0]] ?? '',
      fr: given.fr,
    })) as never;

  const correction = z.strictObject({
    /** The field of this record that the source states wrongly. */
    field: text,
    /** What the source says, verbatim or as a value. */
    claimed: z.union([text, z.number()]).transform(String),
    /** The value this dataset uses instead (it is also the field's value in this record). */
    corrected: z.union([text, z.number()]).transform(String),
    reason: text,
    sources: citations,
  });

  /** When a document says it was last updated, as it says it, with the sentence that says so. */
  const documentUpdate = z.strictObject({
    at: localDateTime,
    timeZone,
    sources: citations,
  });

  const document = z.strictObject({
    key,
    title: optionallyLocalized,
    publisher: text.optional(),
    lang,
    date: partialDate.optional(),
    url: z.url().optional(),
    /** Path of a local copy, relative to the seed directory; quotes from it are checked against it. */
    file: text.optional(),
    /** When the document says it was last updated (a page's "Mis à jour le"). */
    updated: documentUpdate.optional(),
    note: text.optional(),
  });

  const alias = z.strictObject({
    text,
    lang,
    kind: aliasKind,
    note: text.optional(),
    sources: z.array(citation).optional(),
  });

  /** An edge to another unit: a bare key, or a key with its own citations. */
  const unitLink = z.union([
    key.transform((unit) => ({ unit, sources: undefined, note: undefined })),
    z.strictObject({
      unit: key,
      sources: z.array(citation).optional(),
      note: text.optional(),
    }),
  ]);

  /**
   * Support a unit gives (the IS supports the North Atlantic Council): to one of the dataset's units,
   * or to a party the source names only in passing, which is no unit of the dataset ("the
   * delegations of member countries"). Exactly one of `unit` and `party`.
   */
  const support = z
    .strictObject({
      unit: key.optional(),
      party: localized.optional(),
      /** Where or how, as the source qualifies it ("at the level of the various committees"). */
      scope: localized.optional(),
      sources: citations,
    })
    .superRefine((s, ctx) => {
      if ((s.unit === undefined) === (s.party === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [s.unit === undefined ? 'unit' : 'party'],
          message:
            'give either unit (a unit key) or party (the name of what is supported, when it is no unit of the dataset), not both',
        });
      }
    });

  /**
   * The post that heads a unit: a bare post key, or a key with the citations that say the post heads
   * this unit (needed, where citations are required, when the post's own record does not say so).
   */
  const headLink = z.union([
    key.transform((post) => ({ post, sources: undefined })),
    z.strictObject({ post: key, sources: citations }),
  ]);

  const responsibility = z.strictObject({
    topic: key,
    /** stated: the source says so; unit-name: only the unit's name says so. */
    basis: z.enum(['stated', 'unit-name']).default('stated'),
    /** A qualification the source gives ("certain aspects"). */
    scope: localized.optional(),
    /** lead: the source says the unit leads; principal: it is among the unit's main tasks. */
    role: z.enum(['lead', 'principal']).optional(),
    sources: citations,
  });

  const headcount = z.strictObject({
    approx: z.number().int().positive(),
    asOf: partialDate,
    scope: localized,
    sources: citations,
  });

  const location = z.strictObject({
    name: localized,
    sources: citations,
  });

  /** Every staff rule says what it says in a sentence, and cites the source's. */
  const staffRuleFields = { statement: localized, sources: citations };

  /**
   * The rules a source states for a unit's staff (the International Staff's), each a typed value
   * with its citations: who may join, how staff are recruited, who decides appointments, what staff
   * owe and where vacancies are published. Each part is optional: a source may state only some.
   */
  const staffRules = z.strictObject({
    /** Who may join: nationals of (nationality); mandatory when the source says it must be so. */
    eligibility: z
      .strictObject({ nationality: localized, mandatory: z.boolean(), ...staffRuleFields })
      .optional(),
    /** How staff come to the unit: recruited directly by it, or seconded (by whom). */
    recruitment: z
      .array(z.strictObject({ mode: recruitmentMode, by: localized, ...staffRuleFields }))
      .default([]),
    /** Who decides appointments: a post key (posts.yaml). */
    appointments: z.strictObject({ decidedBy: key, ...staffRuleFields }).optional(),
    /** What staff owe: allegiance to a unit (units.yaml), for how long. */
    allegiance: z.strictObject({ owedTo: key, duration: localized, ...staffRuleFields }).optional(),
    /** Where vacancies are published. */
    vacancies: z.strictObject({ publishedOn: localized, ...staffRuleFields }).optional(),
  });

  const unit = z.strictObject({
    key,
    kind: unitKind,
    name: localized,
    /** Official acronyms only; `fr` only where the French one differs (IS / SI). */
    acronym: acronym.optional(),
    aliases: z.array(alias).default([]),
    description: localized,
    /** The post (posts.yaml) that heads the unit. */
    head: headLink.optional(),
    /** The unit this one is part of. */
    parent: unitLink.optional(),
    /** The unit this one reports to, where a source states it; otherwise the line follows `parent`. */
    reportsTo: unitLink.optional(),
    /** Units this one is a member of without being part of them (the SG is a member of the IS). */
    memberOf: z.array(unitLink).default([]),
    established: partialDate.optional(),
    /** The day the unit ceased to exist, if it has. */
    dissolved: partialDate.optional(),
    independent: z.boolean().default(false),
    headcount: headcount.optional(),
    location: location.optional(),
    staffRules: staffRules.optional(),
    /** What the unit supports, as the sources state it. */
    supports: z.array(support).default([]),
    responsibilities: z.array(responsibility).default([]),
    sources: citations,
    corrections: z.array(correction).default([]),
    notes: z.array(localized).default([]),
  });

  /**
   * A person holding a post (people.yaml), from and until dates given as precisely as known;
   * an open end means the data does not say (not that the holding has no end).
   */
  const holding = z.strictObject({
    /** Key of a person in people.yaml. */
    person: key,
    /** When the person took the post. */
    from: partialDate.optional(),
    /** The last period in which the person held it; absent while they still do. */
    until: partialDate.optional(),
    sources: citations,
  });

  const post = z.strictObject({
    key,
    title: localized,
    acronym: text.optional(),
    /** The unit the post belongs to. */
    unit: key,
    role: postRole,
    /** Who holds or held the post (people.yaml), where the dataset names them. */
    holders: z.array(holding).optional(),
    sources: citations,
    notes: z.array(localized).default([]),
  });

  /** A person the dataset names as holding a post: known by name only, nothing more. */
  const person = z.strictObject({
    key,
    name: localized,
    sources: citations,
  });

  const topic = z.strictObject({
    key,
    label: localized,
    /** Other spellings and names people use, per language: US/British spelling, hyphens, acronyms. */
    variants: termsIn(languages),
    /**
     * Terms for neighbouring notions that are not this topic but whose askers it serves (SKOS
     * related, as terms: the source names no such topic, so none is added). "cybersecurity" →
     * cyber defence. They match with lower confidence, never as the topic's name.
     */
    related: termsIn(languages),
    /** Keys of wider topics (SKOS broader). */
    broader: z.array(key).default([]),
    description: localized.optional(),
  });

  /** Why a date no source states is what it is, and the sentences it is inferred from. */
  const dateInference = z.strictObject({
    reason: localized,
    sources: z.array(citation).optional(),
  });

  const event = z.strictObject({
    key,
    kind: eventKind,
    /** The date this dataset holds true (after any correction). */
    date: partialDate,
    /** early / after / before / about: how the date is qualified in the source. */
    dateQualifier: z.enum(['early', 'late', 'after', 'before', 'about']).optional(),
    endDate: partialDate.optional(),
    /** Present when no source states the date: the date is inferred, for this reason. */
    dateInferred: dateInference.optional(),
    status: z.enum(['completed', 'ongoing']).default('completed'),
    title: localized,
    description: localized.optional(),
    place: localized.optional(),
    /** Units the event created, changed or concerned. */
    affects: z.array(key).default([]),
    /** A larger event this one is part of. */
    partOf: key.optional(),
    /** Events this one resulted from. */
    causedBy: z.array(key).default([]),
    /** Documents (documents.yaml) this event endorsed. */
    endorses: z.array(key).default([]),
    /** Documents (documents.yaml) whose commitments this event follows from. */
    followsFrom: z.array(key).default([]),
    sources: citations,
    corrections: z.array(correction).default([]),
  });

  /** A commitment a document makes, in its words as the source quotes them. */
  const commitment = z.strictObject({ text: localized, sources: citations });

  /**
   * A document the dataset describes as a node of the graph (the 2010 Strategic Concept): not one it
   * cites (those are in sources.yaml). Events say which of them they endorsed or follow from.
   */
  const orgDocument = z.strictObject({
    key,
    title: localized,
    /** When it was adopted or endorsed, as precisely as the sources say. */
    date: partialDate.optional(),
    description: localized.optional(),
    commitments: z.array(commitment).default([]),
    sources: citations,
    notes: z.array(localized).default([]),
  });

  const unitsFile = z.array(unit);
  const postsFile = z.array(post);
  const topicsFile = z.array(topic);
  const eventsFile = z.array(event);
  const sourcesFile = z.array(document);
  const documentsFile = z.array(orgDocument);
  const peopleFile = z.array(person);

  return {
    correction,
    documentUpdate,
    document,
    alias,
    unitLink,
    support,
    headLink,
    responsibility,
    headcount,
    location,
    staffRules,
    unit,
    holding,
    post,
    person,
    topic,
    dateInference,
    event,
    commitment,
    orgDocument,
    unitsFile,
    postsFile,
    topicsFile,
    eventsFile,
    sourcesFile,
    documentsFile,
    peopleFile,
  };
}

/** The schemas of the seed files for a declaration, as types (the same for every declaration). */
export type SeedSchemas = ReturnType<typeof seedSchemasFor>;

export type CitationInput = z.infer<typeof citation>;
export type CorrectionInput = z.output<SeedSchemas['correction']>;
export type DocumentInput = z.output<SeedSchemas['document']>;
export type UnitInput = z.output<SeedSchemas['unit']>;
export type StaffRulesInput = z.output<SeedSchemas['staffRules']>;
export type PostInput = z.output<SeedSchemas['post']>;
export type HoldingInput = z.output<SeedSchemas['holding']>;
export type PersonInput = z.output<SeedSchemas['person']>;
export type TopicInput = z.output<SeedSchemas['topic']>;
export type EventInput = z.output<SeedSchemas['event']>;
export type OrgDocumentInput = z.output<SeedSchemas['orgDocument']>;
export type CitationPolicy = z.infer<typeof citationPolicy>;
export type RecruitmentMode = z.infer<typeof recruitmentMode>;
export type AliasKind = z.infer<typeof aliasKind>;
export type EventKind = z.infer<typeof eventKind>;
export type Lang = z.infer<typeof lang>;
