/**
 * The shape of the seed files, as zod schemas. This is the formal half of seed/README.md: every
 * object is strict (an unknown field is an error, so a typo cannot silently drop data), and every
 * value is checked here once, so the graph builder works only on typed, checked values.
 */
import { z } from 'zod';
import { parsePartialDate } from './partial-date';
import { UNIT_KIND_KEYS } from './unit-kinds';

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

export const lang = z.enum(['en', 'fr']);

export const localized = z.strictObject({ en: text, fr: text });
const optionallyLocalized = z.strictObject({ en: text.optional(), fr: text.optional() });

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
const citations = z.array(citation).min(1, 'at least one citation is required');

export const correction = z.strictObject({
  /** The field of this record that the source states wrongly. */
  field: text,
  /** What the source says, verbatim or as a value. */
  claimed: z.union([text, z.number()]).transform(String),
  /** The value this dataset uses instead (it is also the field's value in this record). */
  corrected: z.union([text, z.number()]).transform(String),
  reason: text,
  sources: citations,
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

/** When a document says it was last updated, as it says it, with the sentence that says so. */
export const documentUpdate = z.strictObject({
  at: localDateTime,
  timeZone,
  sources: citations,
});

export const document = z.strictObject({
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

/**
 * required: every claim the checker can tie to a citation must have one (today: a unit's head);
 * optional: the checker accepts such claims uncited (generated and test datasets).
 */
export const citationPolicy = z.enum(['required', 'optional']);

export const dataset = z.strictObject({
  key,
  title: localized,
  /** The date the dataset describes: answers without a date are "as of" this day. */
  asOf: partialDate,
  /** The document the dataset is primarily drawn from. */
  primarySource: key,
  citationPolicy: citationPolicy.default('optional'),
  description: localized.optional(),
});

/** The kinds declared in unit-kinds.ts. */
export const unitKind = z.enum(UNIT_KIND_KEYS);

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

export const alias = z.strictObject({
  text,
  lang,
  kind: aliasKind,
  note: text.optional(),
  sources: z.array(citation).optional(),
});

/** An edge to another unit: a bare key, or a key with its own citations. */
export const unitLink = z.union([
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
export const support = z
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
export const headLink = z.union([
  key.transform((post) => ({ post, sources: undefined })),
  z.strictObject({ post: key, sources: citations }),
]);

export const responsibility = z.strictObject({
  topic: key,
  /** stated: the source says so; unit-name: only the unit's name says so. */
  basis: z.enum(['stated', 'unit-name']).default('stated'),
  /** A qualification the source gives ("certain aspects"). */
  scope: localized.optional(),
  /** lead: the source says the unit leads; principal: it is among the unit's main tasks. */
  role: z.enum(['lead', 'principal']).optional(),
  sources: citations,
});

export const headcount = z.strictObject({
  approx: z.number().int().positive(),
  asOf: partialDate,
  scope: localized,
  sources: citations,
});

export const location = z.strictObject({
  name: localized,
  sources: citations,
});

/** Every staff rule says what it says in a sentence, and cites the source's. */
const staffRuleFields = { statement: localized, sources: citations };

export const recruitmentMode = z.enum(['direct', 'secondment']);

/**
 * The rules a source states for a unit's staff (the International Staff's), each a typed value
 * with its citations: who may join, how staff are recruited, who decides appointments, what staff
 * owe and where vacancies are published. Each part is optional: a source may state only some.
 */
export const staffRules = z.strictObject({
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

export const unit = z.strictObject({
  key,
  kind: unitKind,
  name: localized,
  /** Official acronyms only; `fr` only where the French one differs (IS / SI). */
  acronym: z.strictObject({ en: text, fr: text.optional() }).optional(),
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

export const postRole = z.enum(['head', 'deputy', 'member']);

export const post = z.strictObject({
  key,
  title: localized,
  acronym: text.optional(),
  /** The unit the post belongs to. */
  unit: key,
  role: postRole,
  sources: citations,
  notes: z.array(localized).default([]),
});

export const topic = z.strictObject({
  key,
  label: localized,
  /** Other spellings and names people use, per language: US/British spelling, hyphens, acronyms. */
  variants: z
    .strictObject({ en: z.array(text).default([]), fr: z.array(text).default([]) })
    .default({
      en: [],
      fr: [],
    }),
  /**
   * Terms for neighbouring notions that are not this topic but whose askers it serves (SKOS
   * related, as terms: the source names no such topic, so none is added). "cybersecurity" →
   * cyber defence. They match with lower confidence, never as the topic's name.
   */
  related: z
    .strictObject({ en: z.array(text).default([]), fr: z.array(text).default([]) })
    .default({ en: [], fr: [] }),
  /** Keys of wider topics (SKOS broader). */
  broader: z.array(key).default([]),
  description: localized.optional(),
});

/** Why a date no source states is what it is, and the sentences it is inferred from. */
export const dateInference = z.strictObject({
  reason: localized,
  sources: z.array(citation).optional(),
});

export const eventKind = z.enum([
  'creation',
  'treaty',
  'summit',
  'restructuring',
  'review',
  'reform',
  'start',
]);

export const event = z.strictObject({
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
export const commitment = z.strictObject({ text: localized, sources: citations });

/**
 * A document the dataset describes as a node of the graph (the 2010 Strategic Concept): not one it
 * cites (those are in sources.yaml). Events say which of them they endorsed or follow from.
 */
export const orgDocument = z.strictObject({
  key,
  title: localized,
  /** When it was adopted or endorsed, as precisely as the sources say. */
  date: partialDate.optional(),
  description: localized.optional(),
  commitments: z.array(commitment).default([]),
  sources: citations,
  notes: z.array(localized).default([]),
});

export const unitsFile = z.array(unit);
export const postsFile = z.array(post);
export const topicsFile = z.array(topic);
export const eventsFile = z.array(event);
export const sourcesFile = z.array(document);
export const documentsFile = z.array(orgDocument);

export type CitationInput = z.infer<typeof citation>;
export type CorrectionInput = z.infer<typeof correction>;
export type DocumentInput = z.infer<typeof document>;
export type DatasetInput = z.infer<typeof dataset>;
export type UnitInput = z.infer<typeof unit>;
export type StaffRulesInput = z.infer<typeof staffRules>;
export type PostInput = z.infer<typeof post>;
export type TopicInput = z.infer<typeof topic>;
export type EventInput = z.infer<typeof event>;
export type OrgDocumentInput = z.infer<typeof orgDocument>;
export type CitationPolicy = z.infer<typeof citationPolicy>;
export type RecruitmentMode = z.infer<typeof recruitmentMode>;
export type AliasKind = z.infer<typeof aliasKind>;
export type EventKind = z.infer<typeof eventKind>;
export type Lang = z.infer<typeof lang>;
