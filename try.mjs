// src/graph/import/csv.ts
import { parse, CsvError } from "csv-parse/sync";
var newlines = (text3) => {
  let n = 0;
  for (let i = text3.indexOf("\n"); i !== -1; i = text3.indexOf("\n", i + 1)) n++;
  return n;
};
function readCsv(file, text3) {
  let records;
  try {
    records = parse(text3, {
      bom: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line2 = error.lines ?? 0;
    return {
      issues: [
        { file, line: line2, column: line2 > 0 ? 1 : 0, field: "", message: `not CSV: ${error.message}` }
      ]
    };
  }
  const issues = [];
  let line = 1;
  const placed2 = records.map(({ record, raw }) => {
    const leading = /^(?:\r?\n)*/.exec(raw)?.[0] ?? "";
    const start = line + newlines(leading);
    line += newlines(raw);
    return { record, line: start };
  });
  const [header, ...body] = placed2;
  if (!header)
    return {
      issues: [
        {
          file,
          line: 0,
          column: 0,
          field: "",
          message: "empty file: expected a header row and one row per unit"
        }
      ]
    };
  const at = (row, column, field) => ({
    file,
    line: row,
    column,
    field
  });
  const headers = header.record.map((name, i) => ({ name, place: at(header.line, i + 1, name) }));
  const rows = body.map(({ record, line: row }) => {
    if (record.length > headers.length && record.slice(headers.length).some((c) => c !== ""))
      issues.push({
        ...at(row, headers.length + 1, ""),
        message: `${record.length} cells for ${headers.length} columns: expected no cell beyond the last column`
      });
    const cells = /* @__PURE__ */ new Map();
    headers.forEach(({ name }, i) => {
      const value = record[i] ?? "";
      cells.set(name, { value, place: at(row, i + 1, name) });
    });
    return { place: at(row, 1, ""), label: `row ${row}`, cells };
  });
  if (issues.length > 0) return { issues };
  return { file, headers, rows };
}

// src/graph/seed-schema.ts
import { z } from "zod";

// src/graph/partial-date.ts
var PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
function daysInMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
function parsePartialDate(text3) {
  const m = PATTERN.exec(text3);
  if (!m) return `"${text3}" is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD`;
  const year = Number(m[1]);
  if (year < 1) return `"${text3}" has an impossible year`;
  if (m[2] === void 0) return { value: text3, precision: "year", year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `"${text3}" has an impossible month ${m[2]}`;
  if (m[3] === void 0) return { value: text3, precision: "month", year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) {
    return `"${text3}" has an impossible day: ${year}-${m[2]} has ${daysInMonth(year, month)} days`;
  }
  return { value: text3, precision: "day", year, month, day };
}
function startOf(d) {
  return `${pad(d.year, 4)}-${pad(d.month ?? 1, 2)}-${pad(d.day ?? 1, 2)}`;
}
function endOf(d) {
  const month = d.month ?? 12;
  const day = d.day ?? daysInMonth(d.year, month);
  return `${pad(d.year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
var PRECISION_RANK = { year: 0, month: 1, day: 2 };
function comparePartialDates(a, b) {
  const s = startOf(a).localeCompare(startOf(b));
  if (s !== 0) return s;
  return PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision];
}
function pad(n, width) {
  return String(n).padStart(width, "0");
}

// src/graph/unit-kinds.ts
var UNIT_KINDS = [
  {
    key: "organization",
    typeName: "Organization",
    typeDescription: "A whole organisation (NATO), the root of the part-of tree.",
    description: "A whole organisation (NATO).",
    labels: { en: "organisation", fr: "organisation" },
    formalOrganization: true,
    popoloClassification: "international organization",
    rootField: {
      name: "organization",
      many: false,
      description: "The organisation the dataset describes (NATO), the root of the structure."
    },
    facets: { headcount: "How many civilians the organisation employs, where a source says." }
  },
  {
    key: "council",
    typeName: "Council",
    typeDescription: "A governing council: the North Atlantic Council, which the International Staff was created to support.",
    description: "A governing council (the North Atlantic Council).",
    labels: { en: "council", fr: "conseil" },
    formalOrganization: false,
    popoloClassification: "council",
    rootField: {
      name: "councils",
      many: true,
      description: "The governing councils (the North Atlantic Council)."
    }
  },
  {
    key: "secretary-general",
    typeName: "SecretaryGeneral",
    typeDescription: "The Secretary General: heads the International Staff, is administratively one of its members, and decides its appointments. The top of the International Staff\u2019s reporting lines.",
    description: "The Secretary General, at the head of the International Staff.",
    labels: { en: "Secretary General", fr: "secr\xE9taire g\xE9n\xE9ral" },
    formalOrganization: false,
    popoloClassification: "secretary general",
    rootField: { name: "secretaryGeneral", many: false, description: "The Secretary General." }
  },
  {
    key: "international-staff",
    typeName: "InternationalStaff",
    typeDescription: "The International Staff (IS; French: Secr\xE9tariat international, SI): NATO\u2019s advisory and administrative body at its headquarters, under the authority of the Secretary General.",
    description: "The International Staff (the secretariat) as a whole.",
    labels: { en: "secretariat", fr: "secr\xE9tariat" },
    formalOrganization: false,
    popoloClassification: "secretariat",
    rootField: {
      name: "internationalStaff",
      many: false,
      description: "The International Staff, with its staff figures and location; its `units` are the Private Office, the divisions and the offices."
    },
    facets: {
      headcount: "How many civilians work in the International Staff.",
      location: "Where the International Staff is located.",
      staffRules: "Who may join the International Staff, how its staff are recruited and appointed, what they owe and where vacancies are published: each rule as the source states it, with its citations."
    }
  },
  {
    key: "cabinet",
    typeName: "Cabinet",
    typeDescription: "The Secretary General\u2019s Private Office (cabinet): a director and staff, the Deputy Secretary General, the Office of Legal Affairs and the Policy Planning Unit.",
    description: "The Secretary General\u2019s Private Office.",
    labels: { en: "private office", fr: "cabinet" },
    formalOrganization: false,
    popoloClassification: "cabinet",
    rootField: {
      name: "cabinet",
      many: false,
      description: "The Private Office of the Secretary General, with its members as `units`."
    }
  },
  {
    key: "cabinet-unit",
    typeName: "CabinetUnit",
    typeDescription: "A member of the Private Office.",
    description: "A member of the Private Office (its director and staff, the DSG, OLA, PPU).",
    labels: { en: "member of the private office", fr: "composante du cabinet" },
    formalOrganization: false,
    popoloClassification: "cabinet unit"
  },
  {
    key: "division",
    typeName: "Division",
    typeDescription: "A division of the International Staff, headed by an Assistant Secretary General (seven at the dataset\u2019s date).",
    description: "A division, headed by an Assistant Secretary General.",
    labels: { en: "division", fr: "division" },
    formalOrganization: false,
    popoloClassification: "division",
    rootField: {
      name: "divisions",
      many: true,
      description: "The divisions of the International Staff, in the order the source lists them."
    }
  },
  {
    key: "office",
    typeName: "Office",
    typeDescription: "An independent office within the International Staff (NATO Office of Security, NATO Office of Resources, Office of the Financial Controller, International Board of Auditors).",
    description: "An independent office within the International Staff.",
    labels: { en: "independent office", fr: "bureau ind\xE9pendant" },
    formalOrganization: false,
    popoloClassification: "independent office",
    rootField: {
      name: "offices",
      many: true,
      description: "The independent offices, in the order the source lists them."
    }
  }
];
var UNIT_KIND_KEYS = UNIT_KINDS.map((k) => k.key);
var BY_KEY = new Map(UNIT_KINDS.map((k) => [k.key, k]));
function unitKind(key2) {
  const spec = BY_KEY.get(key2);
  if (!spec) throw new Error(`unit kind "${key2}" is not declared`);
  return spec;
}

// src/graph/seed-schema.ts
var KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
var key = z.string().regex(
  KEY_PATTERN,
  'a key is lower-case words joined by hyphens, e.g. "nato-office-of-security"'
);
var text = z.string().trim().min(1, "must not be empty");
var partialDate = z.union([z.string(), z.number().int()]).transform((v) => String(v)).superRefine((v, ctx) => {
  const parsed = parsePartialDate(v);
  if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed });
});
var lang = z.enum(["en", "fr"]);
var localized = z.strictObject({ en: text, fr: text });
var optionallyLocalized = z.strictObject({ en: text.optional(), fr: text.optional() });
var citation = z.strictObject({
  /** Key of a document in sources.yaml. */
  source: key,
  /** The sentence (or part of it) the fact rests on, verbatim in the document's language. */
  quote: text,
  /** Where in the document: a fact id of the reference list (F083), a section or a paragraph. */
  locator: text.optional(),
  /** Language of the quote when it differs from the document's. */
  lang: lang.optional()
});
var citations = z.array(citation).min(1, "at least one citation is required");
var correction = z.strictObject({
  /** The field of this record that the source states wrongly. */
  field: text,
  /** What the source says, verbatim or as a value. */
  claimed: z.union([text, z.number()]).transform(String),
  /** The value this dataset uses instead (it is also the field's value in this record). */
  corrected: z.union([text, z.number()]).transform(String),
  reason: text,
  sources: citations
});
var LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
var localDateTime = z.string().superRefine((v, ctx) => {
  const m = LOCAL_DATE_TIME.exec(v);
  if (!m) {
    ctx.addIssue({
      code: "custom",
      message: `"${v}" is not a date and time: expected YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS, with no time zone (give it in timeZone)`
    });
    return;
  }
  const day = parsePartialDate(m[1] ?? "");
  if (typeof day === "string") ctx.addIssue({ code: "custom", message: day });
  const [hour, minute, second] = [m[2], m[3], m[4] ?? "00"].map(Number);
  if ((hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) {
    ctx.addIssue({ code: "custom", message: `"${v}" has an impossible time of day` });
  }
});
var UTC_OFFSET = /^(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
function isTimeZoneName(name) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
var timeZone = z.string().refine((v) => v === "unknown" || UTC_OFFSET.test(v) || isTimeZoneName(v), {
  message: 'expected "unknown", a UTC offset ("Z", "+01:00") or an IANA time zone name ("Europe/Brussels")'
});
var documentUpdate = z.strictObject({
  at: localDateTime,
  timeZone,
  sources: citations
});
var document = z.strictObject({
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
  note: text.optional()
});
var citationPolicy = z.enum(["required", "optional"]);
var dataset = z.strictObject({
  key,
  title: localized,
  /** The date the dataset describes: answers without a date are "as of" this day. */
  asOf: partialDate,
  /** The document the dataset is primarily drawn from. */
  primarySource: key,
  citationPolicy: citationPolicy.default("optional"),
  description: localized.optional()
});
var unitKind2 = z.enum(UNIT_KIND_KEYS);
var aliasKind = z.enum([
  /** A name people use that is not official ("NATO Security Office"). */
  "informal",
  /** An earlier official name. */
  "former",
  /** A later official name, kept so people using it still find the unit. */
  "later",
  /** A word-for-word translation of the name in the other language. */
  "literal",
  /** A short form ("Legal Office"). */
  "short",
  /** An acronym in use but not confirmed as official (OPS, EM…): findable, never shown as official. */
  "unofficial-acronym",
  /** Another official acronym (ESCD for ESC). */
  "acronym"
]);
var alias = z.strictObject({
  text,
  lang,
  kind: aliasKind,
  note: text.optional(),
  sources: z.array(citation).optional()
});
var unitLink = z.union([
  key.transform((unit2) => ({ unit: unit2, sources: void 0, note: void 0 })),
  z.strictObject({
    unit: key,
    sources: z.array(citation).optional(),
    note: text.optional()
  })
]);
var support = z.strictObject({
  unit: key.optional(),
  party: localized.optional(),
  /** Where or how, as the source qualifies it ("at the level of the various committees"). */
  scope: localized.optional(),
  sources: citations
}).superRefine((s, ctx) => {
  if (s.unit === void 0 === (s.party === void 0)) {
    ctx.addIssue({
      code: "custom",
      path: [s.unit === void 0 ? "unit" : "party"],
      message: "give either unit (a unit key) or party (the name of what is supported, when it is no unit of the dataset), not both"
    });
  }
});
var headLink = z.union([
  key.transform((post2) => ({ post: post2, sources: void 0 })),
  z.strictObject({ post: key, sources: citations })
]);
var responsibility = z.strictObject({
  topic: key,
  /** stated: the source says so; unit-name: only the unit's name says so. */
  basis: z.enum(["stated", "unit-name"]).default("stated"),
  /** A qualification the source gives ("certain aspects"). */
  scope: localized.optional(),
  /** lead: the source says the unit leads; principal: it is among the unit's main tasks. */
  role: z.enum(["lead", "principal"]).optional(),
  sources: citations
});
var headcount = z.strictObject({
  approx: z.number().int().positive(),
  asOf: partialDate,
  scope: localized,
  sources: citations
});
var location = z.strictObject({
  name: localized,
  sources: citations
});
var staffRuleFields = { statement: localized, sources: citations };
var recruitmentMode = z.enum(["direct", "secondment"]);
var staffRules = z.strictObject({
  /** Who may join: nationals of (nationality); mandatory when the source says it must be so. */
  eligibility: z.strictObject({ nationality: localized, mandatory: z.boolean(), ...staffRuleFields }).optional(),
  /** How staff come to the unit: recruited directly by it, or seconded (by whom). */
  recruitment: z.array(z.strictObject({ mode: recruitmentMode, by: localized, ...staffRuleFields })).default([]),
  /** Who decides appointments: a post key (posts.yaml). */
  appointments: z.strictObject({ decidedBy: key, ...staffRuleFields }).optional(),
  /** What staff owe: allegiance to a unit (units.yaml), for how long. */
  allegiance: z.strictObject({ owedTo: key, duration: localized, ...staffRuleFields }).optional(),
  /** Where vacancies are published. */
  vacancies: z.strictObject({ publishedOn: localized, ...staffRuleFields }).optional()
});
var unit = z.strictObject({
  key,
  kind: unitKind2,
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
  notes: z.array(localized).default([])
});
var postRole = z.enum(["head", "deputy", "member"]);
var post = z.strictObject({
  key,
  title: localized,
  acronym: text.optional(),
  /** The unit the post belongs to. */
  unit: key,
  role: postRole,
  sources: citations,
  notes: z.array(localized).default([])
});
var topic = z.strictObject({
  key,
  label: localized,
  /** Other spellings and names people use, per language: US/British spelling, hyphens, acronyms. */
  variants: z.strictObject({ en: z.array(text).default([]), fr: z.array(text).default([]) }).default({
    en: [],
    fr: []
  }),
  /**
   * Terms for neighbouring notions that are not this topic but whose askers it serves (SKOS
   * related, as terms: the source names no such topic, so none is added). "cybersecurity" →
   * cyber defence. They match with lower confidence, never as the topic's name.
   */
  related: z.strictObject({ en: z.array(text).default([]), fr: z.array(text).default([]) }).default({ en: [], fr: [] }),
  /** Keys of wider topics (SKOS broader). */
  broader: z.array(key).default([]),
  description: localized.optional()
});
var dateInference = z.strictObject({
  reason: localized,
  sources: z.array(citation).optional()
});
var eventKind = z.enum([
  "creation",
  "treaty",
  "summit",
  "restructuring",
  "review",
  "reform",
  "start"
]);
var event = z.strictObject({
  key,
  kind: eventKind,
  /** The date this dataset holds true (after any correction). */
  date: partialDate,
  /** early / after / before / about: how the date is qualified in the source. */
  dateQualifier: z.enum(["early", "late", "after", "before", "about"]).optional(),
  endDate: partialDate.optional(),
  /** Present when no source states the date: the date is inferred, for this reason. */
  dateInferred: dateInference.optional(),
  status: z.enum(["completed", "ongoing"]).default("completed"),
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
  corrections: z.array(correction).default([])
});
var commitment = z.strictObject({ text: localized, sources: citations });
var orgDocument = z.strictObject({
  key,
  title: localized,
  /** When it was adopted or endorsed, as precisely as the sources say. */
  date: partialDate.optional(),
  description: localized.optional(),
  commitments: z.array(commitment).default([]),
  sources: citations,
  notes: z.array(localized).default([])
});
var unitsFile = z.array(unit);
var postsFile = z.array(post);
var topicsFile = z.array(topic);
var eventsFile = z.array(event);
var sourcesFile = z.array(document);
var documentsFile = z.array(orgDocument);

// src/graph/import/names.ts
function slug(text3) {
  return text3.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
function typeNameOf(kindKey) {
  const name = kindKey.split("-").map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
  return /^[0-9]/.test(name) ? `Kind${name}` : name;
}
var LANGUAGE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;

// src/graph/import/table.ts
var TABLE_FIELDS = [
  "id",
  "name",
  "parent",
  "kind",
  "head",
  "responsibilities",
  "aliases",
  "description"
];
var TRANSLATABLE = /* @__PURE__ */ new Set([
  "name",
  "head",
  "responsibilities",
  "aliases",
  "description"
]);
var ROOT_KIND = "organization";
var DEFAULT_KIND = "unit";
var TableProblems = class {
  issues = [];
  add(place, message) {
    this.issues.push({ ...place, message });
  }
};
function parseColumnMap(text3) {
  const columns = /* @__PURE__ */ new Map();
  const problems = [];
  for (const part of text3.split(",")) {
    const m = /^\s*([^=]+?)\s*=\s*(.*?)\s*$/.exec(part);
    if (!m || !m[2]) {
      problems.push(`--columns: "${part.trim()}" is not FIELD=Header (e.g. name=Department)`);
      continue;
    }
    const [, field = "", header] = m;
    const [base = "", lang2] = field.split(":");
    if (!TABLE_FIELDS.includes(base) || lang2 !== void 0 && !LANGUAGE_CODE.test(lang2))
      problems.push(
        `--columns: unknown field "${field}": expected one of ${TABLE_FIELDS.join(", ")}, or one of them with :LANG (name:fr)`
      );
    else if (columns.has(field)) problems.push(`--columns: "${field}" is mapped twice`);
    else columns.set(field, header);
  }
  return problems.length > 0 ? { problems } : { columns };
}
var splitList = (value) => (typeof value === "string" ? value.split(";") : value).map((s) => s.trim()).filter(Boolean);
var textOf = (value) => (typeof value === "string" ? value : value.join("; ")).trim();
function readHeaders(table2, base, mapped, problems) {
  const byHeader = new Map([...mapped].map(([field, header]) => [header, field]));
  const columns = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Map();
  const expected = `expected one of ${TABLE_FIELDS.join(", ")}, a translation such as name:fr, or a header mapped with --columns`;
  for (const { name, place } of table2.headers) {
    const spec = byHeader.get(name) ?? name;
    const [field = "", lang2 = base, extra] = spec.trim().split(":");
    const known = TABLE_FIELDS.includes(field);
    if (!known || extra !== void 0 || !LANGUAGE_CODE.test(lang2)) {
      problems.add(place, `unknown column "${name}": ${expected}`);
      continue;
    }
    const f = field;
    if (lang2 !== base && !TRANSLATABLE.has(f)) {
      problems.add(place, `column "${name}": ${f} has no languages; expected "${f}"`);
      continue;
    }
    const id2 = `${f}:${lang2}`;
    const before = seen.get(id2);
    if (before !== void 0) {
      problems.add(place, `column "${name}" gives ${id2} again (as column "${before}" does)`);
      continue;
    }
    seen.set(id2, name);
    columns.set(name, { field: f, lang: lang2 });
  }
  for (const [field, header] of mapped)
    if (!table2.headers.some((h) => h.name === header))
      problems.add(
        { file: table2.file, line: table2.headers.length > 0 ? 1 : 0, column: 0, field: "--columns" },
        `${field}=${header}: the file has no column "${header}" (its columns: ${table2.headers.map((h) => h.name).join(", ")})`
      );
  if (![...columns.values()].some((c) => c.field === "name" && c.lang === base))
    problems.add(
      { file: table2.file, line: table2.headers.length > 0 ? 1 : 0, column: 0, field: "" },
      `no name column: every row needs a name (a "name" column, or --columns name=Header)`
    );
  return columns;
}
function importTable(table2, options) {
  const base = options.lang ?? "en";
  const problems = new TableProblems();
  const columns = readHeaders(table2, base, options.columns ?? /* @__PURE__ */ new Map(), problems);
  const languages = [base];
  for (const c of columns.values()) if (!languages.includes(c.lang)) languages.push(c.lang);
  const filePlace = { file: table2.file, line: 0, column: 0, field: "" };
  const rows = [];
  const byKey = /* @__PURE__ */ new Map();
  const byName = /* @__PURE__ */ new Map();
  for (const source of table2.rows) {
    const cells = /* @__PURE__ */ new Map();
    const places = /* @__PURE__ */ new Map();
    for (const [header, cell] of source.cells) {
      const column = columns.get(header);
      if (!column) continue;
      places.set(`${column.field}:${column.lang}`, cell.place);
      if (textOf(cell.value) !== "") cells.set(`${column.field}:${column.lang}`, cell);
    }
    const nameCell = cells.get(`name:${base}`);
    const row = {
      source,
      cells,
      places,
      key: "",
      keyPlace: nameCell?.place ?? source.place,
      name: /* @__PURE__ */ new Map()
    };
    for (const [id2, cell] of cells) {
      const [field, lang2 = base] = id2.split(":");
      if (field === "name") row.name.set(lang2, textOf(cell.value));
    }
    const name = row.name.get(base);
    if (name === void 0) {
      if (columns.size > 0)
        problems.add(
          places.get(`name:${base}`) ?? source.place,
          "empty name: every row needs a name"
        );
      continue;
    }
    const idCell = cells.get(`id:${base}`);
    const key2 = slug(idCell ? textOf(idCell.value) : name);
    if (idCell) row.keyPlace = idCell.place;
    if (key2 === "") {
      problems.add(
        row.keyPlace,
        `cannot make a key from "${idCell ? textOf(idCell.value) : name}": expected letters or digits (give an id)`
      );
      continue;
    }
    row.key = key2;
    const earlier = byKey.get(key2);
    if (earlier) {
      problems.add(
        row.keyPlace,
        idCell ? `duplicate id "${textOf(idCell.value)}" (the key "${key2}" of ${earlier.source.label}): expected an id of its own` : `"${name}" gives the same key "${key2}" as ${earlier.source.label}: expected distinct names, or an id column`
      );
      continue;
    }
    byKey.set(key2, row);
    rows.push(row);
    const named = byName.get(slug(name)) ?? [];
    named.push(row);
    byName.set(slug(name), named);
  }
  const roots = [];
  for (const row of rows) {
    const cell = row.cells.get(`parent:${base}`);
    if (!cell) {
      roots.push(row);
      continue;
    }
    const text3 = textOf(cell.value);
    const parent = byKey.get(slug(text3)) ?? byName.get(slug(text3));
    if (parent === void 0 || Array.isArray(parent) && parent.length !== 1) {
      const why = Array.isArray(parent) ? `several rows are named "${text3}" (${parent.map((r2) => r2.source.label).join(", ")}): expected an id` : `expected the id or name of another row`;
      problems.add(cell.place, `unknown parent "${text3}": ${why}`);
      continue;
    }
    row.parentKey = (Array.isArray(parent) ? parent[0] : parent).key;
  }
  const [root, ...otherRoots] = roots;
  for (const other of otherRoots)
    problems.add(
      other.places.get(`parent:${base}`) ?? other.source.place,
      `more than one root: ${root?.source.label} has an empty parent already (it is the organisation): expected the parent of "${other.name.get(base)}"`
    );
  if (rows.length > 0 && roots.length === 0 && problems.issues.length === 0)
    problems.add(filePlace, "no row with an empty parent: expected one, the organisation");
  for (const cycle of parentCycles(rows, byKey))
    problems.add(
      cycle[0].cells.get(`parent:${base}`)?.place ?? cycle[0].source.place,
      `a cycle of parents: ${[...cycle, cycle[0]].map((r2) => `${r2.source.label} (${r2.name.get(base)})`).join(" \u2192 ")}: expected a tree`
    );
  if (rows.length === 0 && problems.issues.length === 0)
    problems.add(filePlace, "no rows: expected one row per unit, the organisation first");
  const kindOf = /* @__PURE__ */ new Map();
  const kindLabels = /* @__PURE__ */ new Map();
  for (const row of root ? [root, ...rows.filter((r2) => r2 !== root)] : rows) {
    const cell = row.cells.get(`kind:${base}`);
    const label = cell ? textOf(cell.value) : row === root ? ROOT_KIND : DEFAULT_KIND;
    const key2 = slug(label);
    if (key2 === "") {
      problems.add(cell?.place ?? row.source.place, `kind "${label}": expected a word`);
      continue;
    }
    kindOf.set(row, key2);
    if (!kindLabels.has(key2)) kindLabels.set(key2, label.toLowerCase());
  }
  const rootKind = root && kindOf.get(root);
  const kinds = [...kindLabels].map(([key2, label]) => ({
    key: key2,
    typeName: typeNameOf(key2),
    labels: { [base]: label },
    description: key2 === rootKind ? `The organisation (${label}).` : `A unit of kind "${label}".`,
    ...key2 === rootKind && rows.every((r2) => r2 === root || kindOf.get(r2) !== key2) ? { formalOrganization: true } : {}
  }));
  const units = [];
  const posts = [];
  const topics2 = /* @__PURE__ */ new Map();
  const origins = {
    units: [],
    posts: [],
    topics: []
  };
  const fieldToColumn = {
    key: "id",
    kind: "kind",
    name: "name",
    parent: "parent",
    head: "head",
    aliases: "aliases",
    responsibilities: "responsibilities",
    description: "description",
    title: "head",
    label: "responsibilities"
  };
  const originOf = (row) => (field) => row.places.get(`${fieldToColumn[field] ?? "name"}:${base}`) ?? row.keyPlace;
  for (const row of rows) {
    const kind = kindOf.get(row);
    if (kind === void 0) continue;
    const texts = (field) => {
      const out = {};
      for (const lang2 of languages) {
        const cell = row.cells.get(`${field}:${lang2}`);
        if (cell) out[lang2] = textOf(cell.value);
      }
      return out;
    };
    const lists = (field) => {
      const out = /* @__PURE__ */ new Map();
      for (const lang2 of languages) {
        const cell = row.cells.get(`${field}:${lang2}`);
        if (cell) out.set(lang2, { items: splitList(cell.value), place: cell.place });
      }
      return out;
    };
    const description = texts("description");
    const aliases = [...lists("aliases")].flatMap(
      ([lang2, { items }]) => items.map((text3) => ({ text: text3, lang: lang2, kind: "informal" }))
    );
    const responsibilities = [];
    const byLang = lists("responsibilities");
    const first = byLang.get(base);
    for (const [lang2, { items, place }] of byLang)
      if (lang2 !== base && items.length !== (first?.items.length ?? 0))
        problems.add(
          place,
          `${items.length} responsibilities in ${lang2} for ${first?.items.length ?? 0} in ${base}: expected the same list, in the same order`
        );
    for (const [i, label] of (first?.items ?? []).entries()) {
      const key2 = slug(label);
      if (key2 === "") {
        problems.add(first.place, `responsibility "${label}": expected a word`);
        continue;
      }
      if (responsibilities.includes(key2)) continue;
      responsibilities.push(key2);
      let topic2 = topics2.get(key2);
      if (!topic2) {
        topic2 = { label: { [base]: label } };
        topics2.set(key2, topic2);
        origins.topics.push(() => first.place);
      }
      for (const [lang2, { items }] of byLang) {
        const translated = items[i];
        if (lang2 !== base && translated && topic2.label[lang2] === void 0)
          topic2.label[lang2] = translated;
      }
    }
    const head = texts("head");
    let headKey;
    if (Object.keys(head).length > 0) {
      headKey = `head-${row.key}`;
      posts.push({ key: headKey, title: head, unit: row.key, role: "head" });
      origins.posts.push(originOf(row));
    }
    units.push({
      key: row.key,
      kind,
      name: Object.fromEntries(row.name),
      ...aliases.length > 0 ? { aliases } : {},
      ...Object.keys(description).length > 0 ? { description } : {},
      ...headKey ? { head: headKey } : {},
      ...row.parentKey ? { parent: row.parentKey } : {},
      ...responsibilities.length > 0 ? { responsibilities } : {}
    });
    origins.units.push(originOf(row));
  }
  if (problems.issues.length > 0 || !root) return { issues: problems.issues };
  const rootName = Object.fromEntries(root.name);
  const draftTopics = [...topics2].map(([key2, t]) => ({ key: key2, label: t.label }));
  return {
    draft: {
      dataset: {
        key: options.key ?? root.key,
        title: rootName,
        asOf: options.asOf,
        languages,
        kinds
      },
      sourceTitle: table2.file.split(/[\\/]/).pop() ?? table2.file,
      units,
      posts,
      topics: draftTopics,
      events: []
    },
    origins
  };
}
function parentCycles(rows, byKey) {
  const state = /* @__PURE__ */ new Map();
  const cycles = [];
  for (const start of rows) {
    const path = [];
    let row = start;
    while (row && !state.has(row)) {
      state.set(row, "open");
      path.push(row);
      row = row.parentKey === void 0 ? void 0 : byKey.get(row.parentKey);
    }
    if (row && state.get(row) === "open") {
      const cycle = path.slice(path.indexOf(row));
      const firstAt = cycle.indexOf(
        cycle.reduce((a, b) => rows.indexOf(a) <= rows.indexOf(b) ? a : b)
      );
      cycles.push([...cycle.slice(firstAt), ...cycle.slice(0, firstAt)]);
    }
    for (const r2 of path) state.set(r2, "done");
  }
  return cycles;
}

// bench/scale/import.ts
import { mkdtemp as mkdtemp3, rm as rm2, writeFile as writeFile3 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join4 } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

// src/cli/seed-generate.ts
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dump } from "js-yaml";

// src/cli/command.ts
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { Command, CommanderError, Option } from "commander";

// src/graph/seed-error.ts
function formatIssue(issue) {
  const place = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  return issue.field ? `${place}: ${issue.field}: ${issue.message}` : `${place}: ${issue.message}`;
}
var SeedError = class extends Error {
  issues;
  constructor(issues) {
    const sorted = [...issues].sort(
      (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column
    );
    const head = `The seed data is invalid (${sorted.length} problem${sorted.length === 1 ? "" : "s"}):`;
    super([head, ...sorted.map((i) => `  ${formatIssue(i)}`)].join("\n"));
    this.name = "SeedError";
    this.issues = sorted;
  }
};

// src/cli/command.ts
var UsageError = class extends Error {
};
var InputError = class extends Error {
};
function isValueOption(spec) {
  return "value" in spec;
}
function program(spec, fail) {
  const command = new Command(spec.name).description(spec.summary).helpOption("-h, --help", "show this help").exitOverride().showSuggestionAfterError().configureOutput({ outputError: (message) => fail(message) });
  for (const argument of spec.arguments ?? [])
    command.argument(argument.name, argument.description);
  for (const [flag, option] of Object.entries(spec.options ?? {})) {
    if (!isValueOption(option)) {
      command.addOption(new Option(`--${flag}`, option.description));
      continue;
    }
    const made = new Option(`--${flag} <${option.value}>`, option.description);
    if (option.default !== void 0) made.default(option.default);
    if (option.choices) made.choices(option.choices);
    command.addOption(made);
  }
  const examples = (spec.examples ?? []).map((e) => `  ${e}`).join("\n");
  command.addHelpText(
    "after",
    `
Run it as \`npm run ${spec.name} -- [options]\`, or \`node dist/cli/${spec.name.replace(":", "-")}.js\` once built.${examples ? `

Examples:
${examples}` : ""}`
  );
  return command;
}
var oneLine = (text3) => text3.replace(/^error: /, "").replace(/\s*\n\s*/g, " ").trim();
async function runCommand(spec, argv = process.argv.slice(2)) {
  process.stdout.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  const refuse = (line, code) => {
    console.error(`${spec.name}: ${oneLine(line)}`);
    process.exitCode = code;
  };
  const command = program(spec, (line) => refuse(`${line} (see --help)`, 2));
  try {
    await command.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) process.exitCode = error.exitCode === 0 ? 0 : 2;
    else throw error;
    return;
  }
  const values = {};
  for (const option of command.options) {
    const flag = option.long?.replace(/^--/, "");
    if (flag !== void 0 && flag !== "help") {
      const value = command.getOptionValue(option.attributeName());
      values[flag] = option.isBoolean() ? value === true : typeof value === "string" ? value : void 0;
    }
  }
  for (const [flag, option] of Object.entries(spec.options ?? {}))
    if (isValueOption(option) && option.required && values[flag] === void 0) {
      const choices = option.choices ? `: one of ${option.choices.join(", ")}` : "";
      refuse(`--${flag} is required${choices} (see --help)`, 2);
      return;
    }
  try {
    await spec.run(command.args, values);
  } catch (error) {
    if (error instanceof UsageError) refuse(`${error.message} (see --help)`, 2);
    else if (error instanceof SeedError) {
      console.error(error.message);
      process.exitCode = 1;
    } else if (error instanceof InputError || isSystemError(error)) refuse(error.message, 1);
    else {
      console.error(`${spec.name}: unexpected error`, error);
      process.exitCode = 1;
    }
  }
}
function isSystemError(error) {
  return error instanceof Error && typeof error.code === "string";
}
async function runWhenMain(moduleUrl, spec) {
  const entry = process.argv[1];
  if (entry !== void 0 && moduleUrl === pathToFileURL(realpathSync(entry)).href)
    await runCommand(spec);
}

// src/cli/seed-generate.ts
var DOMAINS = [
  ["Cyber Defence", "Cyberd\xE9fense"],
  ["Air Defence", "D\xE9fense a\xE9rienne"],
  ["Logistics", "Logistique"],
  ["Intelligence", "Renseignement"],
  ["Communications", "T\xE9l\xE9communications"],
  ["Finance", "Finances"],
  ["Human Resources", "Ressources humaines"],
  ["Legal Affairs", "Affaires juridiques"],
  ["Energy Security", "S\xE9curit\xE9 \xE9nerg\xE9tique"],
  ["Crisis Management", "Gestion des crises"],
  ["Maritime Security", "S\xFBret\xE9 maritime"],
  ["Armaments", "Armements"],
  ["Nuclear Policy", "Politique nucl\xE9aire"],
  ["Public Diplomacy", "Diplomatie publique"],
  ["Information Management", "Gestion de l\u2019information"],
  ["Infrastructure", "Infrastructures"],
  ["Training", "Formation"],
  ["Medical Support", "Soutien m\xE9dical"],
  ["Procurement", "Achats"],
  ["Audit", "V\xE9rification des comptes"],
  ["Partnerships", "Partenariats"],
  ["Standardization", "Normalisation"],
  ["Space Policy", "Politique spatiale"],
  ["Counter-Terrorism", "Lutte contre le terrorisme"],
  ["Arms Control", "Ma\xEEtrise des armements"],
  ["Civil Emergency Planning", "Plans civils d\u2019urgence"],
  ["Science and Technology", "Science et technologie"],
  ["Capability Development", "D\xE9veloppement des capacit\xE9s"],
  ["Operations Planning", "Planification des op\xE9rations"],
  ["Security Investment", "Investissement de s\xE9curit\xE9"],
  ["Environmental Protection", "Protection de l\u2019environnement"],
  ["Conference Services", "Services de conf\xE9rences"],
  ["Media Relations", "Relations avec les m\xE9dias"],
  ["Regional Affairs", "Affaires r\xE9gionales"],
  ["Economic Affairs", "Affaires \xE9conomiques"],
  ["Exercises", "Exercices"],
  ["Peacekeeping", "Maintien de la paix"],
  ["Translation", "Traduction"],
  ["Archives", "Archives"],
  ["Building Management", "Gestion des b\xE2timents"]
];
var ASPECTS = [
  ["coordination", "coordination"],
  ["planning", "planification"],
  ["support", "soutien"],
  ["standards", "normes"],
  ["oversight", "contr\xF4le"],
  ["research", "recherche"],
  ["liaison", "liaison"],
  ["evaluation", "\xE9valuation"]
];
var QUALIFIERS = [
  ["Strategic", "strat\xE9gique"],
  ["Regional", "r\xE9gional"],
  ["Operational", "op\xE9rationnel"],
  ["Technical", "technique"],
  ["Northern", "nord"],
  ["Southern", "sud"],
  ["Eastern", "est"],
  ["Western", "ouest"],
  ["Central", "central"],
  ["Joint", "interarm\xE9es"],
  ["Multinational", "multinational"],
  ["Deployable", "d\xE9ployable"],
  ["Integrated", "int\xE9gr\xE9"],
  ["Advanced", "avanc\xE9"],
  ["Civilian", "civil"],
  ["Allied", "alli\xE9"]
];
var LEVELS = [
  ["Directorate", "Direction", "division", 20],
  ["Division", "Division", "division", 25],
  ["Branch", "Branche", "office", 20],
  ["Section", "Section", "office", 10],
  ["Team", "\xC9quipe", "office", 10]
];
var SPAN_SPREAD = [0.25, 1.75];
var CITE = [{ source: "generated", quote: "generated" }];
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
var slug2 = (text3) => text3.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
var usSpelling = (text3) => text3.replace(/Defence/g, "Defense");
function topics() {
  const records = [];
  const add = (en, fr, broader) => {
    const key2 = slug2(en);
    const us = usSpelling(en);
    records.push({
      key: key2,
      label: { en: en.toLowerCase(), fr: fr.toLowerCase() },
      variants: { en: us !== en ? [us.toLowerCase()] : [], fr: [] },
      broader
    });
    return key2;
  };
  const domain = [];
  const aspect = [];
  const qualified = [];
  DOMAINS.forEach(([en, fr], d) => {
    domain[d] = add(en, fr, []);
    aspect[d] = [];
    qualified[d] = [];
    ASPECTS.forEach(([aen, afr], a) => {
      const aspectKey = add(`${en} ${aen}`, `${afr} ${fr}`, [domain[d]]);
      aspect[d][a] = aspectKey;
      qualified[d][a] = QUALIFIERS.map(
        ([qen, qfr]) => add(`${qen} ${en} ${aen}`, `${afr} ${fr} ${qfr}`, [aspectKey])
      );
    });
  });
  return { records, domain, aspect, qualified };
}
function levelSizes(total) {
  const sizes = [];
  let left = total - 1;
  let above = 1;
  LEVELS.forEach(([, , , mean], depth) => {
    const last = depth === LEVELS.length - 1;
    const size = last ? left : Math.min(left, above * mean);
    sizes.push(size);
    left -= size;
    above = size;
  });
  return sizes.filter((n) => n > 0);
}
function spans(count, parents, rand) {
  const [low, high] = SPAN_SPREAD;
  const weights = Array.from({ length: parents }, () => low + (high - low) * rand());
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => count * w / sum);
  const out = exact.map(Math.floor);
  let left = count - out.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    out[i] += 1;
  }
  return out;
}
async function generateOrg(dir, options) {
  const rand = random(options.seed ?? 1);
  const pick = (list2) => list2[Math.floor(rand() * list2.length)];
  const vocabulary = topics();
  const labels = new Map(vocabulary.records.map((t) => [t.key, t.label]));
  const units = [];
  const posts = [];
  const events = [];
  const seenNames = /* @__PURE__ */ new Map();
  const sampleUnitNames = [];
  units.push({
    key: "generated-organization",
    kind: "organization",
    name: { en: "Generated Organisation", fr: "Organisation g\xE9n\xE9r\xE9e" },
    acronym: { en: "GO", fr: "OG" },
    description: {
      en: "A synthetic organisation for benchmarks.",
      fr: "Une organisation synth\xE9tique."
    },
    sources: CITE
  });
  let above = [
    { key: "generated-organization", depth: -1, domain: -1, aspect: -1, year: void 0 }
  ];
  for (const [depth, size] of levelSizes(options.units).entries()) {
    const level = LEVELS[depth];
    const next = [];
    const counts = spans(size, above.length, rand);
    above.forEach((parent, p) => {
      for (let i = 0; i < (counts[p] ?? 0); i++) {
        const d = depth === 0 ? i % DOMAINS.length : parent.domain;
        const a = depth === 1 ? i % ASPECTS.length : parent.aspect;
        const [den, dfr] = DOMAINS[d];
        const q = pick(QUALIFIERS);
        const aspectWords = a >= 0 ? ASPECTS[a] : ["", ""];
        const baseEn = [q[0], den, aspectWords[0] && titleCase(aspectWords[0]), level[0]].filter(Boolean).join(" ");
        const count = (seenNames.get(baseEn) ?? 0) + 1;
        seenNames.set(baseEn, count);
        const suffix = count > 1 ? ` ${count}` : "";
        const en = `${baseEn}${suffix}`;
        const fr = `${level[1]} ${[aspectWords[1], dfr, q[1]].filter(Boolean).join(" ")}${suffix}`;
        const key2 = slug2(`${en}-${units.length}`);
        const topic2 = depth === 0 ? vocabulary.domain[d] : depth === 1 ? vocabulary.aspect[d][a] : vocabulary.qualified[d][a][QUALIFIERS.indexOf(q)];
        const label = labels.get(topic2);
        const unit2 = {
          key: key2,
          kind: level[2],
          name: { en, fr },
          description: {
            en: `The ${en} is responsible for ${label?.en ?? topic2}.`,
            fr: `La ${fr} est charg\xE9e de ${label?.fr ?? topic2}.`
          },
          parent: parent.key,
          responsibilities: [{ topic: topic2, sources: CITE }],
          sources: CITE
        };
        if (usSpelling(en) !== en) {
          unit2["aliases"] = [{ text: usSpelling(en), lang: "en", kind: "informal" }];
        }
        let year;
        if (rand() < 5e-3) {
          year = Math.max(parent.year ?? 1990, 1990 + Math.floor(rand() * 30));
          unit2["established"] = String(year);
          events.push({
            key: `created-${key2}`,
            kind: "creation",
            date: String(year),
            title: { en: `Creation of the ${en}`, fr: `Cr\xE9ation de la ${fr}` },
            affects: [key2],
            sources: CITE
          });
        }
        if (depth <= 2) {
          const post2 = `head-${key2}`;
          unit2["head"] = post2;
          posts.push({
            key: post2,
            title: {
              en: depth === 0 ? "Director" : "Head",
              fr: depth === 0 ? "directeur" : "chef"
            },
            unit: key2,
            role: "head",
            sources: CITE
          });
        }
        if (depth === 0) {
          posts.push({
            key: `deputy-${key2}`,
            title: { en: "Deputy Director", fr: "directeur adjoint" },
            unit: key2,
            role: "deputy",
            sources: CITE
          });
        }
        units.push(unit2);
        if (units.length % 997 === 0) sampleUnitNames.push(en);
        next.push({ key: key2, depth, domain: d, aspect: a, year });
      }
    });
    if (depth === 1) {
      const divisionsOf = /* @__PURE__ */ new Map();
      for (const [i, unit2] of units.entries()) {
        if (i < units.length - next.length) continue;
        const parentKey = unit2["parent"];
        divisionsOf.set(parentKey, [...divisionsOf.get(parentKey) ?? [], unit2["key"]]);
      }
      for (const directorate of above) {
        if (rand() < 0.5) continue;
        const kind = rand() < 0.5 ? "review" : "restructuring";
        const year = 2e3 + Math.floor(rand() * 19);
        const name = units.find((u) => u["key"] === directorate.key)?.["name"];
        events.push({
          key: `${kind}-of-${directorate.key}-${year}`,
          kind,
          date: `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}`,
          title: kind === "review" ? { en: `Review of the ${name.en}`, fr: `Examen de la ${name.fr}` } : { en: `Restructuring of the ${name.en}`, fr: `Restructuration de la ${name.fr}` },
          affects: [directorate.key, ...divisionsOf.get(directorate.key) ?? []],
          sources: CITE
        });
      }
    }
    above = next;
  }
  const used = new Set(
    units.flatMap(
      (u) => (u["responsibilities"] ?? []).map((r2) => r2.topic)
    )
  );
  const byKey = new Map(vocabulary.records.map((t) => [t.key, t]));
  for (const key2 of [...used]) {
    for (let t = byKey.get(key2); t; t = byKey.get(t.broader[0] ?? "")) used.add(t.key);
  }
  const topicsInUse = vocabulary.records.filter((t) => used.has(t.key));
  await mkdir(dir, { recursive: true });
  const yaml2 = (value) => dump(value, { lineWidth: -1, noRefs: true });
  const write = (file, value) => writeFile(join(dir, file), yaml2(value));
  await Promise.all([
    write("dataset.yaml", {
      key: "generated-organisation",
      title: { en: "Generated organisation", fr: "Organisation g\xE9n\xE9r\xE9e" },
      asOf: "2020-01-01",
      primarySource: "generated"
    }),
    write("sources.yaml", [
      { key: "generated", title: { en: "Generated for benchmarks" }, lang: "en" }
    ]),
    writeList(join(dir, "units.yaml"), units, yaml2),
    write("posts.yaml", posts),
    write("topics.yaml", topicsInUse),
    write("events.yaml", events)
  ]);
  const sampleTopics = topicsInUse.filter((_, i) => i % 97 === 0).map((t) => t.label.en);
  return {
    dir,
    units: units.length,
    topics: topicsInUse.length,
    sampleUnitNames,
    sampleTopics
  };
}
async function writeList(path, list2, yaml2) {
  const out = createWriteStream(path);
  const done = new Promise((resolve2, reject) => {
    out.on("finish", () => resolve2()).on("error", reject);
  });
  for (let i = 0; i < list2.length; i += 1e4) {
    if (!out.write(yaml2(list2.slice(i, i + 1e4)))) {
      await new Promise((resolve2) => out.once("drain", () => resolve2()));
    }
  }
  out.end();
  await done;
}
function titleCase(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
async function generateOrgInTemp(options) {
  return generateOrg(await mkdtemp(join(tmpdir(), "orggraph-generated-")), options);
}
function wholeNumber(flag, text3, min) {
  const value = Number(text3);
  if (!/^-?\d+$/.test(text3.trim()) || !Number.isSafeInteger(value) || value < min)
    throw new UsageError(
      `--${flag} must be a whole number${min > 0 ? ` of at least ${min}` : ""}, not "${text3}"`
    );
  return value;
}
await runWhenMain(import.meta.url, {
  name: "seed:generate",
  summary: "Write a synthetic organisation of any size as a seed directory (directorates, divisions, branches, sections, teams; bilingual names, topics, dated units and events). The same size and seed give the same files.",
  options: {
    units: { value: "N", description: "how many units", default: "100000" },
    out: { value: "DIR", description: "the directory to write (default: a new temporary one)" },
    seed: { value: "S", description: "seed of the random choices", default: "1" }
  },
  examples: [
    "npm run seed:generate -- --units 100000 --out /tmp/org",
    "SEED_DIR=/tmp/org npm start"
  ],
  async run(_args, options) {
    const generate = {
      units: wholeNumber("units", options.units, 1),
      seed: wholeNumber("seed", options.seed, Number.MIN_SAFE_INTEGER)
    };
    const org = options.out ? await generateOrg(options.out, generate) : await generateOrgInTemp(generate);
    console.log(`${org.dir}: ${org.units} units, ${org.topics} topics`);
  }
});

// src/graph/import/formats.ts
import { readFile } from "node:fs/promises";

// src/graph/import/json-table.ts
var pointer = (...parts) => parts.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
function readJsonTable(file, value) {
  const issues = [];
  const at = (field) => ({ file, line: 0, column: 0, field: field || "/" });
  const entries = Array.isArray(value) ? value.map((row, i) => [i, row, void 0]) : typeof value === "object" && value !== null ? Object.entries(value).map(([id2, row]) => [id2, row, id2]) : [];
  if (entries.length === 0 && !Array.isArray(value) && !(typeof value === "object" && value))
    return {
      issues: [{ ...at(""), message: "expected a list of units, or an object of units by id" }]
    };
  const headers = /* @__PURE__ */ new Map();
  if (entries.some(([, , id2]) => id2 !== void 0)) headers.set("id", at(""));
  const rows = [];
  for (const [index, row, id2] of entries) {
    const here = pointer(index);
    if (typeof row !== "object" || row === null || Array.isArray(row)) {
      issues.push({ ...at(here), message: "expected an object with the columns of a unit" });
      continue;
    }
    const cells = /* @__PURE__ */ new Map();
    if (id2 !== void 0) cells.set("id", { value: id2, place: at(here) });
    for (const [name, cell] of Object.entries(row)) {
      const place = at(pointer(index, name));
      if (!headers.has(name)) headers.set(name, place);
      if (cell === null || cell === void 0) continue;
      if (typeof cell === "string" || typeof cell === "number")
        cells.set(name, { value: String(cell), place });
      else if (Array.isArray(cell) && cell.every((c) => typeof c === "string"))
        cells.set(name, { value: cell, place });
      else issues.push({ ...place, message: "expected text, a number or a list of texts" });
    }
    rows.push({ place: at(here), label: here, cells });
  }
  if (issues.length > 0) return { issues };
  return { file, headers: [...headers].map(([name, place]) => ({ name, place })), rows };
}

// src/graph/import/popolo.ts
import { z as z2 } from "zod";

// src/graph/import/json-issues.ts
var jsonPointer = (path) => path.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("") || "/";
function zodIssues(file, error) {
  return error.issues.map((issue) => ({
    file,
    line: 0,
    column: 0,
    field: jsonPointer(issue.path),
    message: issue.message
  }));
}
var pointerPlace = (file, ...path) => ({
  file,
  line: 0,
  column: 0,
  field: jsonPointer(path)
});

// src/graph/import/popolo.ts
var id = z2.string().min(1);
var maybe = (schema) => schema.nullish().transform((v) => v ?? void 0);
var kindDeclaration = z2.looseObject({
  key: id,
  typeName: id,
  labels: z2.record(z2.string(), z2.string()),
  description: z2.string(),
  formalOrganization: z2.boolean().optional(),
  popoloClassification: z2.string().optional()
});
var popolo = z2.looseObject({
  meta: maybe(
    z2.looseObject({
      dataset: maybe(z2.string()),
      title: maybe(z2.string()),
      dataset_as_of: maybe(z2.string()),
      as_of: maybe(z2.string()),
      /** The dataset's languages, the export's first, and its kinds (orggraph's extensions). */
      x_languages: maybe(z2.array(z2.string())),
      x_kinds: maybe(z2.array(kindDeclaration))
    })
  ),
  organizations: z2.array(
    z2.looseObject({
      id,
      name: z2.string().min(1),
      other_names: maybe(z2.array(z2.looseObject({ name: z2.string(), note: maybe(z2.string()) }))),
      identifiers: maybe(
        z2.array(z2.looseObject({ scheme: maybe(z2.string()), identifier: z2.string() }))
      ),
      classification: maybe(z2.string()),
      parent_id: maybe(id),
      founding_date: maybe(z2.string()),
      dissolution_date: maybe(z2.string()),
      description: maybe(z2.string()),
      x_reports_to: maybe(id),
      x_responsibilities: maybe(
        z2.array(
          z2.looseObject({ topic_id: id, label: maybe(z2.string()), basis: maybe(z2.string()) })
        )
      ),
      x_supports: maybe(
        z2.array(
          z2.looseObject({
            organization_id: maybe(id),
            name: maybe(z2.string()),
            scope: maybe(z2.string())
          })
        )
      )
    })
  ),
  posts: maybe(
    z2.array(
      z2.looseObject({
        id,
        label: z2.string().min(1),
        other_label: maybe(z2.array(z2.string())),
        role: maybe(z2.string()),
        organization_id: id
      })
    )
  ),
  memberships: maybe(z2.array(z2.looseObject({ id: maybe(z2.string()), organization_id: maybe(id) }))),
  events: maybe(
    z2.array(
      z2.looseObject({
        id,
        name: z2.string().min(1),
        classification: maybe(z2.string()),
        start_date: z2.string(),
        end_date: maybe(z2.string()),
        location: maybe(z2.string()),
        status: maybe(z2.enum(["completed", "ongoing"])),
        parent_id: maybe(id),
        x_affects: maybe(z2.array(id)),
        x_caused_by: maybe(z2.array(id))
      })
    )
  )
});
var ROLES = { head: "head", deputy: "deputy", member: "member" };
var ALIAS_NOTE = /^(.+) \(([a-z]{2,3}(?:-[a-z0-9]+)*)\)$/;
function importPopolo(file, value, options) {
  const parsed = popolo.safeParse(value);
  if (!parsed.success) return { issues: zodIssues(file, parsed.error) };
  const doc = parsed.data;
  const first = doc.meta?.x_languages?.[0] ?? options.lang ?? "en";
  const languages = [first, ...(doc.meta?.x_languages ?? []).filter((l) => l !== first)];
  const addLanguage = (lang2) => {
    if (!languages.includes(lang2)) languages.push(lang2);
  };
  const issues = [];
  const at = (...path) => pointerPlace(file, ...path);
  const kinds = /* @__PURE__ */ new Map();
  const kindByClass = /* @__PURE__ */ new Map();
  for (const k of doc.meta?.x_kinds ?? []) {
    const { key: key3, typeName, labels, description, formalOrganization, popoloClassification } = k;
    kinds.set(key3, {
      key: key3,
      typeName,
      labels,
      description,
      formalOrganization,
      popoloClassification
    });
    kindByClass.set(popoloClassification ?? key3, key3);
  }
  const kindOf = (classification, root2) => {
    const label = classification ?? (root2 ? "organization" : "unit");
    const known = kindByClass.get(label);
    if (known) return known;
    const key3 = slug(label) || "unit";
    kindByClass.set(label, key3);
    if (!kinds.has(key3))
      kinds.set(key3, {
        key: key3,
        typeName: typeNameOf(key3),
        labels: { [first]: label },
        description: `A unit of kind "${label}".`,
        ...root2 ? { formalOrganization: true } : {},
        ...label !== key3 ? { popoloClassification: label } : {}
      });
    return key3;
  };
  const headOf = /* @__PURE__ */ new Map();
  for (const p of doc.posts ?? [])
    if (p.role?.toLowerCase() === "head" && !headOf.has(p.organization_id))
      headOf.set(p.organization_id, p.id);
  const memberOf = /* @__PURE__ */ new Map();
  for (const m of doc.memberships ?? []) {
    const member = m.id?.split("-member-of-")[0];
    if (member && m.organization_id)
      memberOf.set(member, [...memberOf.get(member) ?? [], m.organization_id]);
  }
  const topics2 = /* @__PURE__ */ new Map();
  const origins = {
    units: [],
    posts: [],
    topics: [],
    events: []
  };
  const units = doc.organizations.map((o, i) => {
    const name = { [first]: o.name };
    const aliases = [];
    for (const other of o.other_names ?? []) {
      const note = other.note ?? "";
      const alias2 = ALIAS_NOTE.exec(note);
      if (LANGUAGE_CODE.test(note)) {
        name[note] = other.name;
        addLanguage(note);
      } else if (alias2) {
        const kind = aliasKind.safeParse(alias2[1]).success ? alias2[1] : "informal";
        aliases.push({ text: other.name, lang: alias2[2], kind });
        addLanguage(alias2[2]);
      } else aliases.push({ text: other.name, lang: first, kind: "informal" });
    }
    const acronym = o.identifiers?.find((x) => x.scheme === "acronym")?.identifier;
    const responsibilities = (o.x_responsibilities ?? []).map((r2) => {
      if (!topics2.has(r2.topic_id)) {
        topics2.set(r2.topic_id, { [first]: r2.label ?? r2.topic_id });
        origins.topics.push((field) => at("organizations", i, "x_responsibilities", field));
      }
      return r2.topic_id;
    });
    origins.units.push((field) => at("organizations", i, field === "parent" ? "parent_id" : field));
    const unit2 = {
      key: o.id,
      kind: kindOf(o.classification, !o.parent_id),
      name,
      ...acronym ? { acronym: { en: acronym } } : {},
      ...aliases.length > 0 ? { aliases } : {},
      ...o.description ? { description: { [first]: o.description } } : {},
      ...headOf.has(o.id) ? { head: headOf.get(o.id) } : {},
      ...o.parent_id ? { parent: o.parent_id } : {},
      ...o.x_reports_to ? { reportsTo: o.x_reports_to } : {},
      ...memberOf.has(o.id) ? { memberOf: memberOf.get(o.id) } : {},
      ...o.founding_date ? { established: o.founding_date } : {},
      ...o.dissolution_date ? { dissolved: o.dissolution_date } : {},
      ...responsibilities.length > 0 ? { responsibilities } : {},
      ...(o.x_supports ?? []).length > 0 ? {
        supports: (o.x_supports ?? []).map(
          (s) => s.organization_id ? { unit: s.organization_id } : {
            party: { [first]: s.name ?? "" },
            ...s.scope ? { scope: { [first]: s.scope } } : {}
          }
        )
      } : {}
    };
    return unit2;
  });
  const posts = (doc.posts ?? []).map((p, i) => {
    const [otherTitle, acronym] = p.other_label ?? [];
    const other = languages[1];
    origins.posts.push((field) => at("posts", i, field));
    const role = ROLES[(p.role ?? "member").toLowerCase()];
    if (!role)
      issues.push({
        ...at("posts", i, "role"),
        message: `role "${p.role}": expected Head, Deputy or Member`
      });
    return {
      key: p.id,
      title: { [first]: p.label, ...other && otherTitle ? { [other]: otherTitle } : {} },
      ...acronym ? { acronym } : {},
      unit: p.organization_id,
      role: role ?? "member"
    };
  });
  const events = (doc.events ?? []).map((e, i) => {
    origins.events.push((field) => at("events", i, field));
    const kind = eventKind.safeParse(e.classification);
    if (!kind.success)
      issues.push({
        ...at("events", i, "classification"),
        message: `classification "${e.classification}": expected one of ${eventKind.options.join(", ")}`
      });
    return {
      key: e.id,
      kind: e.classification ?? "creation",
      date: e.start_date,
      ...e.end_date ? { endDate: e.end_date } : {},
      ...e.status ? { status: e.status } : {},
      title: { [first]: e.name },
      ...e.location ? { place: { [first]: e.location } } : {},
      ...e.x_affects?.length ? { affects: e.x_affects } : {},
      ...e.parent_id ? { partOf: e.parent_id } : {},
      ...e.x_caused_by?.length ? { causedBy: e.x_caused_by } : {}
    };
  });
  if (issues.length > 0) return { issues };
  const root = units.find((u) => u.parent === void 0);
  const key2 = options.key ?? (doc.meta?.dataset ? slug(doc.meta.dataset) : root?.key) ?? "imported";
  return {
    draft: {
      dataset: {
        key: key2,
        title: { [first]: doc.meta?.title ?? root?.name[first] ?? key2 },
        asOf: doc.meta?.dataset_as_of ?? doc.meta?.as_of ?? options.asOf,
        languages,
        kinds: [...kinds.values()]
      },
      sourceTitle: file.split(/[\\/]/).pop() ?? file,
      units,
      posts,
      topics: [...topics2].map(([key3, label]) => ({ key: key3, label })),
      events
    },
    origins
  };
}

// src/graph/graph-memo.ts
import { LRUCache } from "lru-cache";
function perGraph(compute) {
  const values = /* @__PURE__ */ new WeakMap();
  const get = (graph) => {
    if (values.has(graph)) return values.get(graph);
    const value = compute(graph);
    values.set(graph, value);
    return value;
  };
  return Object.assign(get, {
    remember: (graph, value) => void values.set(graph, value)
  });
}
function perGraphKeyed(options, compute) {
  const memos = /* @__PURE__ */ new WeakMap();
  return (graph, key2) => {
    let memo = memos.get(graph);
    if (!memo) {
      memo = new LRUCache({
        maxSize: options.maxBytes,
        sizeCalculation: (box, k) => Math.max(1, Math.ceil(options.sizeOf(box.value, k)))
      });
      memos.set(graph, memo);
    }
    const known = memo.get(key2);
    if (known) return known.value;
    const value = compute(graph, key2);
    memo.set(key2, { value });
    return value;
  };
}

// src/graph/event-span.ts
var later = (a, b) => a > b ? a : b;
function eventSpan(event2, asOf) {
  const asOfDay = startOf(asOf);
  const ongoing = event2.status === "ongoing";
  const knownOn = ongoing ? asOfDay : void 0;
  const end = event2.endDate && endOf(event2.endDate);
  switch (event2.dateQualifier) {
    case "after":
      return {
        earliest: startOf(event2.date),
        latest: end ?? asOfDay,
        bound: true,
        knownOn
      };
    case "before":
      return { earliest: void 0, latest: end ?? endOf(event2.date), bound: true, knownOn };
    default: {
      const latest = end ?? endOf(event2.date);
      return {
        earliest: startOf(event2.date),
        latest: ongoing ? later(latest, asOfDay) : latest,
        bound: false,
        knownOn
      };
    }
  }
}
function inPeriod(span, from, to) {
  const first = from && startOf(from);
  const last = to && endOf(to);
  const holds = (day) => (!first || first <= day) && (!last || day <= last);
  if (!span.bound) {
    if (first && span.latest !== void 0 && span.latest < first) return false;
    if (last && span.earliest !== void 0 && span.earliest > last) return false;
    return true;
  }
  if (span.knownOn !== void 0 && holds(span.knownOn)) return true;
  const fromHolds = !first || span.earliest !== void 0 && first <= span.earliest;
  const toHolds = !last || span.latest !== void 0 && span.latest <= last;
  return fromHolds && toHolds;
}

// src/graph/reporting-line.ts
function superiorOf(graph, unit2) {
  if (unit2.reportsTo) {
    const up = graph.unit(unit2.reportsTo.unitKey);
    if (up) return { unit: up, basis: "reports-to", sources: unit2.reportsTo.sources };
  }
  if (unit2.parent) {
    const up = graph.unit(unit2.parent.unitKey);
    if (up && !unitKind(up.kind).formalOrganization) {
      return { unit: up, basis: "part-of", sources: unit2.parent.sources };
    }
  }
  return void 0;
}

// src/graph/graph-index.ts
function nodeId(type, key2) {
  return `${type}:${key2}`;
}
var NO_CORRECTIONS = Object.freeze([]);
var Edge = class {
  constructor(graph, kind, source, target, basis, sources, seq) {
    this.graph = graph;
    this.kind = kind;
    this.source = source;
    this.target = target;
    this.basis = basis;
    this.sources = sources;
    this.seq = seq;
  }
  graph;
  kind;
  source;
  target;
  basis;
  sources;
  seq;
  corrections = NO_CORRECTIONS;
  get id() {
    return `${this.kind}:${this.source}->${this.target}`;
  }
};
var GraphIndex = class {
  adjacency = /* @__PURE__ */ new Map();
  all = [];
  constructor(org) {
    const addNode = (id2) => this.adjacency.set(id2, { id: id2, out: [], in: [] });
    for (const u of org.units()) addNode(nodeId("unit", u.key));
    for (const p of org.posts()) addNode(nodeId("post", p.key));
    for (const t of org.topics()) addNode(nodeId("topic", t.key));
    for (const e of org.events()) addNode(nodeId("event", e.key));
    const add = (kind, source, target, sources, basis = "stated") => {
      const from = this.adjacency.get(source);
      const to = this.adjacency.get(target);
      if (!from || !to) return;
      if (from.out.some((e) => e.kind === kind && e.target === target)) return;
      const edge = new Edge(org, kind, from.id, to.id, basis, sources, this.all.length);
      this.all.push(edge);
      from.out.push(edge);
      to.in.push(edge);
    };
    for (const u of org.units()) {
      const unit2 = nodeId("unit", u.key);
      if (u.parent) add("part-of", unit2, nodeId("unit", u.parent.unitKey), u.parent.sources);
      const up = superiorOf(org, u);
      if (up) {
        add(
          "reports-to",
          unit2,
          nodeId("unit", up.unit.key),
          up.sources,
          up.basis === "part-of" ? "part-of" : "stated"
        );
      }
      for (const m of u.memberOf) add("member-of", unit2, nodeId("unit", m.unitKey), m.sources);
      for (const sp of u.supports) {
        if (sp.supported.kind === "unit") {
          add("supports", unit2, nodeId("unit", sp.supported.unitKey), sp.sources);
        }
      }
      if (u.headKey) add("heads", nodeId("post", u.headKey), unit2, u.headSources);
      for (const r2 of u.responsibilities) {
        add(
          "handles",
          unit2,
          nodeId("topic", r2.topicKey),
          r2.sources,
          r2.basis === "unit-name" ? "unit-name" : "stated"
        );
      }
    }
    for (const p of org.posts()) {
      add("post-in", nodeId("post", p.key), nodeId("unit", p.unitKey), p.sources);
    }
    for (const t of org.topics()) {
      for (const b of t.broaderKeys) {
        add("broader", nodeId("topic", t.key), nodeId("topic", b), [], "vocabulary");
      }
    }
    for (const e of org.events()) {
      const event2 = nodeId("event", e.key);
      for (const k of e.affectsKeys) add("affects", event2, nodeId("unit", k), e.sources);
      for (const k of e.causedByKeys) add("caused-by", event2, nodeId("event", k), e.sources);
      if (e.partOfKey) add("event-part-of", event2, nodeId("event", e.partOfKey), e.sources);
    }
    for (const a of this.adjacency.values()) {
      a.out = a.out.slice();
      a.in = a.in.slice();
    }
  }
  hasNode(id2) {
    return this.adjacency.has(id2);
  }
  edge(id2) {
    const arrow = id2.indexOf("->");
    const source = id2.slice(id2.indexOf(":") + 1, arrow);
    return this.adjacency.get(source)?.out.find((e) => e.id === id2);
  }
  /** Every edge, in the order built (units, posts, topics, events). */
  edges() {
    return this.all.values();
  }
  /** The edges of these kinds between two nodes, in either direction. */
  edgesBetween(a, b, kinds) {
    const out = [];
    for (const [x, y] of [
      [a, b],
      [b, a]
    ]) {
      for (const e of this.adjacency.get(x)?.out ?? []) {
        if (e.target === y && kinds.has(e.kind)) out.push(e);
      }
    }
    return out;
  }
  /**
   * The nodes joined to `id` by an edge of these kinds, each once, in the order of the first such
   * edge: IN before OUT when walking both ways along directions (as graphology's directed
   * neighbours), or all edges in build order when `undirected`.
   */
  neighbours(id2, kinds, mode, undirected = false) {
    const adjacency = this.adjacency.get(id2);
    if (!adjacency) return [];
    const found = [];
    const seen = /* @__PURE__ */ new Set();
    const take = (e, other) => {
      if (!kinds.has(e.kind) || other === id2 || seen.has(other)) return;
      seen.add(other);
      found.push(other);
    };
    if (undirected) {
      const { out, in: into } = adjacency;
      for (let i = 0, j = 0; i < out.length || j < into.length; ) {
        const o = out[i];
        const n = into[j];
        if (o && (!n || o.seq < n.seq)) {
          take(o, o.target);
          i += 1;
        } else if (n) {
          take(n, n.source);
          j += 1;
        }
      }
      return found;
    }
    if (mode !== "out") for (const e of adjacency.in) take(e, e.source);
    if (mode !== "in") for (const e of adjacency.out) take(e, e.target);
    return found;
  }
  /**
   * Breadth-first from `start` over edges of these kinds: `visit` gets each node with its
   * distance, and returns true to go no further from it.
   */
  bfs(start, kinds, mode, visit) {
    if (!this.adjacency.has(start)) return;
    const seen = /* @__PURE__ */ new Set([start]);
    let level = [start];
    for (let depth = 0; level.length > 0; depth += 1) {
      const next = [];
      for (const id2 of level) {
        if (visit(id2, depth)) continue;
        for (const n of this.neighbours(id2, kinds, mode)) {
          if (!seen.has(n)) {
            seen.add(n);
            next.push(n);
          }
        }
      }
      level = next;
    }
  }
  /**
   * A shortest path between two nodes over edges of these kinds walked either way, as node ids;
   * null when none. Searches from both ends, always widening the smaller frontier (the method and
   * the tie-breaking of graphology-shortest-path's `bidirectional`).
   */
  shortestPath(from, to, kinds) {
    if (!this.adjacency.has(from) || !this.adjacency.has(to)) return null;
    if (from === to) return [from];
    const predecessor = /* @__PURE__ */ new Map([[from, null]]);
    const successor = /* @__PURE__ */ new Map([[to, null]]);
    let forward = [from];
    let reverse = [to];
    let meeting;
    outer: while (forward.length > 0 && reverse.length > 0) {
      const widenForward = forward.length <= reverse.length;
      const fringe = widenForward ? forward : reverse;
      const [mine, theirs] = widenForward ? [predecessor, successor] : [successor, predecessor];
      const next = [];
      for (const node of fringe) {
        for (const n of this.neighbours(node, kinds, "both", true)) {
          if (!mine.has(n)) {
            next.push(n);
            mine.set(n, node);
          }
          if (theirs.has(n)) {
            meeting = n;
            break outer;
          }
        }
      }
      if (widenForward) forward = next;
      else reverse = next;
    }
    if (meeting === void 0) return null;
    const path = [];
    for (let n = meeting; n != null; n = predecessor.get(n)) {
      path.unshift(n);
    }
    for (let n = successor.get(meeting); n != null; n = successor.get(n)) path.push(n);
    return path;
  }
};
var graphIndex = perGraph((org) => new GraphIndex(org));

// src/graph/validity.ts
var OPEN = Object.freeze({ basis: "undated" });
function unitValidity(unit2) {
  if (!unit2.established && !unit2.dissolved) return OPEN;
  return { validFrom: unit2.established, validTo: unit2.dissolved, basis: "recorded" };
}

// src/graph/as-of.ts
var PRESENT = /* @__PURE__ */ new Set(["known", "assumed", "implied"]);
var dayOf = (d) => startOf(d);
function mayHaveHappenedBy(e, day) {
  return e.dateQualifier === "after" ? endOf(e.date) < day : startOf(e.date) <= day;
}
function knownBy(e, day, asOf) {
  return inPeriod(eventSpan(e, asOf), void 0, day);
}
function latestRestructuring(graph) {
  return graph.events().filter((e) => e.kind === "restructuring").at(-1);
}
function presenceAt(graph, unit2, day, since = latestRestructuring(graph)) {
  const v = unitValidity(unit2);
  if (v.validTo && endOf(v.validTo) < day) return "absent";
  if (v.validFrom) return startOf(v.validFrom) <= day ? "known" : "absent";
  const datasetDay = dayOf(graph.dataset.asOf);
  if (day >= datasetDay) return "assumed";
  if (!since) return "unknown";
  return mayHaveHappenedBy(since, day) ? "assumed" : "unknown";
}
function presences(graph, day) {
  const map = /* @__PURE__ */ new Map();
  const since = latestRestructuring(graph);
  for (const u of graph.units()) map.set(u.key, presenceAt(graph, u, day, since));
  for (const u of graph.units()) {
    const p = map.get(u.key);
    if (p !== "known" && p !== "assumed") continue;
    for (let up = u.parent && graph.unit(u.parent.unitKey); up; ) {
      if (map.get(up.key) !== "unknown") break;
      map.set(up.key, "implied");
      up = up.parent && graph.unit(up.parent.unitKey);
    }
  }
  return map;
}
var names = (units, lang2) => units.map((u) => u.name[lang2]).join(", ");
function coverageNotes(graph, date2, presence) {
  const notes = [];
  const day = dayOf(date2);
  const asOf = graph.dataset.asOf.value;
  const byPresence = /* @__PURE__ */ new Map();
  for (const u of graph.units()) {
    const p = presence.get(u.key) ?? "unknown";
    const list2 = byPresence.get(p);
    if (list2) list2.push(u);
    else byPresence.set(p, [u]);
  }
  const with_ = (p) => byPresence.get(p) ?? [];
  const since = latestRestructuring(graph);
  if (day > dayOf(graph.dataset.asOf)) {
    notes.push({
      en: `The dataset describes the organisation as of ${asOf}; later changes are not recorded, so this is its structure on that date.`,
      fr: `Le jeu de donn\xE9es d\xE9crit l'organisation au ${asOf} ; les changements ult\xE9rieurs n'y figurent pas : c'est la structure \xE0 cette date.`
    });
  }
  const unknown = with_("unknown");
  if (unknown.length > 0) {
    const when = since ? `${since.dateQualifier === "after" ? "after " : ""}${since.date.value}` : asOf;
    const quand = since ? `${since.dateQualifier === "after" ? "apr\xE8s " : ""}${since.date.value}` : asOf;
    notes.push({
      en: `The source does not describe the structure before ${since ? `\u201C${since.title.en}\u201D (${when})` : when}: earlier restructurings are not itemised. ${unknown.length} units it does not date are left out rather than assumed: ${names(unknown, "en")}.`,
      fr: `La source ne d\xE9crit pas la structure avant ${since ? `\xAB ${since.title.fr} \xBB (${quand})` : quand} : les restructurations ant\xE9rieures ne sont pas d\xE9taill\xE9es. ${unknown.length} unit\xE9s qu'elle ne date pas sont omises plut\xF4t que suppos\xE9es : ${names(unknown, "fr")}.`
    });
  }
  const assumed = with_("assumed");
  if (assumed.length > 0 && day < dayOf(graph.dataset.asOf)) {
    notes.push({
      en: `${assumed.length} units are not dated by the sources and are assumed to have existed in their ${asOf} form${since ? ` since \u201C${since.title.en}\u201D` : ""}: ${names(assumed, "en")}.`,
      fr: `${assumed.length} unit\xE9s ne sont pas dat\xE9es par les sources et sont suppos\xE9es exister sous leur forme du ${asOf}${since ? ` depuis \xAB ${since.title.fr} \xBB` : ""} : ${names(assumed, "fr")}.`
    });
  }
  const implied = with_("implied");
  if (implied.length > 0) {
    notes.push({
      en: `Not dated, but implied by a dated part of them: ${names(implied, "en")}.`,
      fr: `Non dat\xE9es, mais impliqu\xE9es par une de leurs parties dat\xE9es : ${names(implied, "fr")}.`
    });
  }
  const absent = with_("absent");
  if (absent.length > 0) {
    notes.push({
      en: `Not yet established on ${date2.value}: ${absent.map((u) => `${u.name.en} (${u.established?.value ?? "?"})`).join(", ")}.`,
      fr: `Pas encore cr\xE9\xE9es le ${date2.value} : ${absent.map((u) => `${u.name.fr} (${u.established?.value ?? "?"})`).join(", ")}.`
    });
  }
  return notes;
}
function coverageFor(base, date2) {
  const presence = presences(base, dayOf(date2));
  return {
    date: date2,
    datasetAsOf: base.dataset.asOf,
    describedSince: latestRestructuring(base),
    presence,
    notes: coverageNotes(base, date2, presence)
  };
}
var VIEW_BYTES_PER_UNIT = 1200;
var VIEW_BYTES_PER_RECORD = 300;
var VIEW_BUDGET_BYTES = 256 * 2 ** 20;
var viewAt = perGraphKeyed(
  {
    maxBytes: VIEW_BUDGET_BYTES,
    sizeOf: (view) => {
      const c = view.counts();
      return c.units * VIEW_BYTES_PER_UNIT + (c.posts + c.topics + c.events) * VIEW_BYTES_PER_RECORD;
    }
  },
  (base, day) => buildView(base, parseDay(day))
);
function parseDay(value) {
  const date2 = parsePartialDate(value);
  if (typeof date2 === "string") throw new Error(`not a date: ${value}`);
  return date2;
}
function buildView(base, date2) {
  const coverage = coverageFor(base, date2);
  const day = dayOf(date2);
  const firstDay = parsePartialDate(day);
  if (typeof firstDay === "string") throw new Error(firstDay);
  const units = new Set(
    base.units().filter((u) => PRESENT.has(coverage.presence.get(u.key) ?? "unknown")).map((u) => u.key)
  );
  const posts = new Set(
    base.posts().filter((p) => units.has(p.unitKey)).map((p) => p.key)
  );
  const events = new Set(
    base.events().filter((e) => knownBy(e, firstDay, base.dataset.asOf)).map((e) => e.key)
  );
  const orgDocuments = new Set(
    base.orgDocuments().filter((d) => !d.date || startOf(d.date) <= day).map((d) => d.key)
  );
  const view = base.viewOn(date2, { units, posts, events, orgDocuments });
  coverageOf.remember(view, coverage);
  return view;
}
var coverageOf = perGraph(
  (graph) => coverageFor(graph.base, graph.date ?? graph.dataset.asOf)
);

// src/graph/export/jsonld.ts
var JSONLD_CONTEXT = {
  org: "http://www.w3.org/ns/org#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  dct: "http://purl.org/dc/terms/",
  prov: "http://www.w3.org/ns/prov#",
  schema: "http://schema.org/",
  foaf: "http://xmlns.com/foaf/0.1/",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  xsd: "http://www.w3.org/2001/XMLSchema#"
};

// src/graph/import/w3c-org.ts
var PREFIXES = Object.entries(JSONLD_CONTEXT).map(([prefix, iri]) => [iri, prefix]);
var compactIri = (iri) => {
  for (const [full, prefix] of PREFIXES)
    if (iri.startsWith(full)) return `${prefix}:${iri.slice(full.length)}`;
  return iri;
};
function normalize(node) {
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k.startsWith("@") ? k : compactIri(k), v])
  );
}
var list = (value) => value === void 0 || value === null ? [] : Array.isArray(value) ? value : [value];
var ids = (value) => list(value).flatMap(
  (v) => typeof v === "object" && v !== null && typeof v["@id"] === "string" ? [compactIri(v["@id"])] : []
);
var literal = (value) => {
  if (typeof value === "string" || typeof value === "number") return { value: String(value) };
  if (typeof value === "object" && value !== null && "@value" in value) {
    const v = value;
    return {
      value: String(v["@value"]),
      ...typeof v["@language"] === "string" ? { lang: v["@language"] } : {}
    };
  }
  return void 0;
};
var literals = (value) => list(value).flatMap((v) => {
  const l = literal(v);
  return l ? [l] : [];
});
var types = (node) => list(node["@type"]).map((t) => compactIri(String(t)));
function importW3cOrg(file, value, options) {
  const issues = [];
  const graph = typeof value === "object" && value !== null ? value["@graph"] : void 0;
  if (!Array.isArray(graph))
    return {
      issues: [
        {
          ...pointerPlace(file),
          message: "expected a JSON-LD document with an @graph list of nodes (W3C ORG)"
        }
      ]
    };
  const nodes = graph.map((n, i) => ({
    node: typeof n === "object" && n !== null ? normalize(n) : {},
    i
  }));
  const datasetNode = nodes.find(
    ({ node }) => /\/?dataset\/[^/]+$/.test(String(node["@id"] ?? ""))
  );
  const datasetId = String(datasetNode?.node["@id"] ?? "");
  const base = datasetId.replace(/dataset\/[^/]+$/, "");
  const keyOf = (iri, type) => iri.startsWith(`${base}${type}/`) ? decodeURIComponent(iri.slice(base.length + type.length + 1)) : void 0;
  const title = literal(datasetNode?.node["dct:title"]);
  const first = title?.lang ?? options.lang ?? "en";
  const languages = [first];
  const texts = (value2) => {
    const out = {};
    for (const l of literals(value2)) {
      const lang2 = l.lang ?? first;
      if (!languages.includes(lang2)) languages.push(lang2);
      out[lang2] ??= l.value;
    }
    return out;
  };
  const origins = {
    units: [],
    posts: [],
    topics: [],
    events: []
  };
  const at = (i, field) => pointerPlace(file, "@graph", i, field);
  const kinds = /* @__PURE__ */ new Map();
  const units = [];
  const posts = [];
  const topics2 = [];
  const events = [];
  const headOf = /* @__PURE__ */ new Map();
  for (const { node } of nodes)
    if (types(node).includes("org:Post") && ids(node["org:role"]).includes("org:Head")) {
      const post2 = keyOf(String(node["@id"]), "post");
      const unit2 = ids(node["org:postIn"]).map((u) => keyOf(u, "unit"))[0];
      if (post2 && unit2 && !headOf.has(unit2)) headOf.set(unit2, post2);
    }
  for (const { node } of nodes) {
    const kind = keyOf(String(node["@id"] ?? ""), "class");
    if (!kind) continue;
    const notation = literal(node["skos:notation"])?.value;
    kinds.set(kind, {
      key: kind,
      typeName: notation ?? typeNameOf(kind),
      labels: texts(node["skos:prefLabel"]),
      description: literal(node["skos:definition"])?.value ?? `A unit of kind "${kind}".`,
      ...node["org:formalOrganization"] === true ? { formalOrganization: true } : {}
    });
  }
  for (const { node, i } of nodes) {
    const id2 = String(node["@id"] ?? "");
    const t = types(node);
    const place = (field) => at(i, field);
    if (t.includes("org:OrganizationalUnit") || t.includes("org:FormalOrganization")) {
      const key2 = keyOf(id2, "unit");
      const kind = ids(node["org:classification"]).map((c) => keyOf(c, "class"))[0] ?? (t.includes("org:FormalOrganization") ? "organization" : "unit");
      if (!key2) {
        issues.push({
          ...place("@id"),
          message: `"${id2}" is not a unit IRI of this export: expected ${base}unit/KEY`
        });
        continue;
      }
      if (!kinds.has(kind))
        kinds.set(kind, {
          key: kind,
          typeName: typeNameOf(kind),
          labels: { [first]: kind.replace(/-/g, " ") },
          description: `A unit of kind "${kind.replace(/-/g, " ")}".`,
          ...t.includes("org:FormalOrganization") ? { formalOrganization: true } : {}
        });
      const name = texts(node["skos:prefLabel"]);
      if (Object.keys(name).length === 0) Object.assign(name, texts(node["rdfs:label"]));
      const aliases = literals(node["skos:altLabel"]).map((l) => ({
        text: l.value,
        lang: l.lang ?? first,
        kind: "informal"
      }));
      const description = texts(node["dct:description"]);
      const parent = [...ids(node["org:unitOf"]), ...ids(node["org:subOrganizationOf"])].map(
        (u) => keyOf(u, "unit")
      )[0];
      const reportsTo = ids(node["org:reportsTo"]).map((u) => keyOf(u, "unit"))[0];
      const memberOf = list(node["org:hasMembership"]).flatMap((m) => ids(normalize(m)["org:organization"]).map((u) => keyOf(u, "unit"))).filter((k) => !!k);
      const supports = ids(node["org:linkedTo"]).map((u) => keyOf(u, "unit")).filter((k) => !!k);
      const responsibilities = ids(node["org:purpose"]).map((p) => keyOf(p, "topic")).filter((k) => !!k);
      const acronym = literal(node["org:identifier"])?.value;
      const established = literal(node["schema:foundingDate"])?.value;
      const dissolved = literal(node["schema:dissolutionDate"])?.value;
      origins.units.push((field) => place(field));
      units.push({
        key: key2,
        kind,
        name,
        ...acronym ? { acronym: { en: acronym } } : {},
        ...aliases.length ? { aliases } : {},
        ...Object.keys(description).length ? { description } : {},
        ...headOf.has(key2) ? { head: headOf.get(key2) } : {},
        ...parent ? { parent } : {},
        ...reportsTo ? { reportsTo } : {},
        ...memberOf.length ? { memberOf } : {},
        ...supports.length ? { supports: supports.map((unit2) => ({ unit: unit2 })) } : {},
        ...established ? { established } : {},
        ...dissolved ? { dissolved } : {},
        ...responsibilities.length ? { responsibilities } : {}
      });
    } else if (t.includes("org:Post")) {
      const key2 = keyOf(id2, "post");
      const unit2 = ids(node["org:postIn"]).map((u) => keyOf(u, "unit"))[0];
      if (!key2 || !unit2) {
        issues.push({
          ...place(key2 ? "org:postIn" : "@id"),
          message: "expected a post IRI of this export in org:postIn a unit of it"
        });
        continue;
      }
      const role = ids(node["org:role"]).map(
        (r2) => r2 === "org:Head" ? "head" : keyOf(r2, "role")
      )[0];
      const acronym = literal(node["skos:notation"])?.value;
      origins.posts.push((field) => place(field));
      posts.push({
        key: key2,
        title: texts(node["skos:prefLabel"]),
        ...acronym ? { acronym } : {},
        unit: unit2,
        role: role === "head" || role === "deputy" ? role : "member"
      });
    } else if (t.includes("skos:Concept") && keyOf(id2, "topic")) {
      const variants = {};
      for (const l of literals(node["skos:altLabel"]))
        (variants[l.lang ?? first] ??= []).push(l.value);
      const broader = ids(node["skos:broader"]).map((b) => keyOf(b, "topic")).filter((k) => !!k);
      origins.topics.push((field) => place(field));
      topics2.push({
        key: keyOf(id2, "topic"),
        label: texts(node["skos:prefLabel"]),
        ...Object.keys(variants).length ? { variants } : {},
        ...broader.length ? { broader } : {}
      });
    } else if (keyOf(id2, "event")) {
      const kind = ids(node["dct:type"]).map((k) => keyOf(k, "event-kind"))[0];
      if (!eventKind.safeParse(kind).success) {
        issues.push({
          ...place("dct:type"),
          message: `event kind "${kind}": expected one of ${eventKind.options.join(", ")}`
        });
        continue;
      }
      const date2 = literal(node["dct:date"])?.value ?? "";
      const coverage = /^(early|late|after|before|about) /.exec(
        literal(node["schema:temporalCoverage"])?.value ?? ""
      );
      const endDate = literal(node["schema:endDate"])?.value;
      const place_ = texts(node["schema:location"]);
      const description = texts(node["dct:description"]);
      const affects = [
        .../* @__PURE__ */ new Set([
          ...ids(node["org:resultingOrganization"]),
          ...ids(node["org:originalOrganization"]),
          ...ids(node["schema:about"])
        ])
      ].map((u) => keyOf(u, "unit")).filter((k) => !!k);
      const partOf = ids(node["schema:superEvent"]).map((e) => keyOf(e, "event"))[0];
      const causedBy = ids(node["prov:wasInformedBy"]).map((e) => keyOf(e, "event")).filter((k) => !!k);
      origins.events.push((field) => place(field));
      events.push({
        key: keyOf(id2, "event"),
        kind,
        date: date2,
        ...coverage ? { dateQualifier: coverage[1] } : {},
        ...endDate ? { endDate } : {},
        title: texts(node["skos:prefLabel"]),
        ...Object.keys(description).length ? { description } : {},
        ...Object.keys(place_).length ? { place: place_ } : {},
        ...affects.length ? { affects } : {},
        ...partOf ? { partOf } : {},
        ...causedBy.length ? { causedBy } : {}
      });
    }
  }
  if (units.length === 0 && issues.length === 0)
    issues.push({
      ...pointerPlace(file, "@graph"),
      message: "no org:OrganizationalUnit or org:FormalOrganization node: expected the units of an organisation"
    });
  if (issues.length > 0) return { issues };
  const root = units.find((u) => u.parent === void 0);
  const datasetKey = options.key ?? keyOf(datasetId, "dataset") ?? root?.key ?? "imported";
  const asOf = literal(datasetNode?.node["dct:temporal"])?.value ?? options.asOf;
  return {
    draft: {
      dataset: {
        key: datasetKey,
        title: title ? { [first]: title.value } : root?.name ?? { [first]: datasetKey },
        asOf,
        languages,
        kinds: [...kinds.values()]
      },
      sourceTitle: file.split(/[\\/]/).pop() ?? file,
      units,
      posts,
      topics: topics2,
      events
    },
    origins
  };
}

// src/graph/import/formats.ts
var today = () => (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
function parseJson(file, text3) {
  try {
    return { value: JSON.parse(text3) };
  } catch (error) {
    return {
      issues: [
        { file, line: 0, column: 0, field: "", message: `not JSON: ${error.message}` }
      ]
    };
  }
}
function tableReader(read) {
  return (file, text3, options) => {
    let columns;
    if (options.columns !== void 0) {
      const mapped = parseColumnMap(options.columns);
      if ("problems" in mapped)
        return {
          issues: mapped.problems.map((message) => ({
            file: "--columns",
            line: 0,
            column: 0,
            field: "",
            message
          }))
        };
      columns = mapped.columns;
    }
    const table2 = read(file, text3);
    if ("issues" in table2) return table2;
    return importTable(table2, {
      lang: options.lang,
      columns,
      key: options.key,
      asOf: options.asOf ?? today()
    });
  };
}
function jsonReader(read) {
  return (file, text3, options) => {
    const parsed = parseJson(file, text3);
    if ("issues" in parsed) return parsed;
    return read(file, parsed.value, {
      lang: options.lang,
      key: options.key,
      asOf: options.asOf ?? today()
    });
  };
}
var IMPORT_FORMATS = {
  csv: {
    description: "a spreadsheet: id,name,parent,kind,head,responsibilities,aliases,description",
    read: tableReader(readCsv)
  },
  json: {
    description: "a JSON list (or object by id) of units with the CSV columns as keys",
    read: tableReader((file, text3) => {
      const parsed = parseJson(file, text3);
      return "issues" in parsed ? parsed : readJsonTable(file, parsed.value);
    })
  },
  popolo: {
    description: "Popolo JSON, as /export/popolo.json writes it",
    read: jsonReader(importPopolo)
  },
  "w3c-org": {
    description: "W3C ORG in JSON-LD, as /export/org.jsonld writes it",
    read: jsonReader(importW3cOrg)
  }
};
async function importFile(format, file, options = {}) {
  const text3 = await readFile(file, "utf8");
  const result = IMPORT_FORMATS[format].read(file, text3, options);
  if ("issues" in result) throw new SeedError(result.issues);
  return result;
}

// src/graph/import/write-seed.ts
import { mkdir as mkdir2, mkdtemp as mkdtemp2, readdir, rename, rm, rmdir, writeFile as writeFile2 } from "node:fs/promises";
import { basename, dirname, join as join3, resolve } from "node:path";
import { dump as dump2 } from "js-yaml";

// src/graph/load-seed.ts
import { createHash } from "node:crypto";
import { readFile as readFile2 } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/graph/normalize.ts
var LIGATURES = { \u0153: "oe", \u00E6: "ae", \u00DF: "ss", \u00F8: "o", \u0142: "l", \u0111: "d" };
var STOP_WORDS = /* @__PURE__ */ new Set([
  "a",
  "an",
  "and",
  "au",
  "aux",
  "d",
  "de",
  "des",
  "du",
  "et",
  "for",
  "l",
  "la",
  "le",
  "les",
  "of",
  "pour",
  "the"
]);
function foldText(text3) {
  return text3.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().replace(/[œæßøłđ]/g, (c) => LIGATURES[c] ?? c).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}
var foldedTokens = /* @__PURE__ */ new Map();
var FOLD_CACHE_LIMIT = 1e5;
function foldedWords(text3) {
  const words = [];
  for (const token of text3.split(/\s+/)) {
    if (!token) continue;
    let folded = foldedTokens.get(token);
    if (!folded) {
      folded = foldText(token).split(" ").filter(Boolean);
      if (foldedTokens.size < FOLD_CACHE_LIMIT) foldedTokens.set(token, folded);
    }
    words.push(...folded);
  }
  return words;
}
function significantWords(text3) {
  const words = foldedWords(text3);
  const kept = words.filter((w) => !STOP_WORDS.has(w));
  return kept.length > 0 ? kept : words;
}
function nameKey(text3) {
  return significantWords(text3).sort().join(" ");
}
function normalizeQuote(text3) {
  return text3.replace(/[’‘ʼ]/g, "'").replace(/\s+/g, " ").trim();
}

// src/graph/build-graph.ts
function date(text3) {
  const d = parsePartialDate(text3);
  if (typeof d === "string") throw new Error(`unchecked date reached the builder: ${d}`);
  return d;
}
var optionalDate = (text3) => text3 === void 0 ? void 0 : date(text3);
var NONE = Object.freeze([]);
var orNone = (list2) => list2.length === 0 ? NONE : list2;
function buildGraph(files, documentTexts) {
  const issues = [];
  const normalizedTexts = new Map(
    [...documentTexts].map(([k, text3]) => [k, normalizeQuote(text3)])
  );
  function byKey(file, what) {
    const map = /* @__PURE__ */ new Map();
    file.data.forEach((record, index) => {
      const first = map.get(record.key);
      if (first) {
        const line = file.issue([first.index, "key"], "").line;
        issues.push(
          file.issue(
            [index, "key"],
            `duplicate ${what} key "${record.key}" (already defined at line ${line})`
          )
        );
      } else map.set(record.key, { record, index });
    });
    return map;
  }
  const documentRecords = byKey(files.sources, "source");
  const documents = /* @__PURE__ */ new Map();
  for (const [key2, { record }] of documentRecords) {
    documents.set(key2, {
      key: key2,
      title: record.title,
      publisher: record.publisher,
      lang: record.lang,
      date: optionalDate(record.date),
      url: record.url,
      verifiedCopy: normalizedTexts.has(key2),
      note: record.note
    });
  }
  function cite(file, path, list2) {
    if (!list2 || list2.length === 0) return NONE;
    const out = list2.map((c, i) => {
      const document2 = documents.get(c.source);
      if (!document2) {
        issues.push(file.issue([...path, i, "source"], `unknown source "${c.source}"`));
        return void 0;
      }
      const text3 = normalizedTexts.get(c.source);
      if (text3 !== void 0 && !text3.includes(normalizeQuote(c.quote))) {
        issues.push(
          file.issue(
            [...path, i, "quote"],
            `quote not found verbatim in source "${c.source}": "${c.quote}"`
          )
        );
      }
      return { document: document2, quote: c.quote, lang: c.lang ?? document2.lang, locator: c.locator };
    });
    return out.every((c) => c !== void 0) ? out : out.filter((c) => c !== void 0);
  }
  function corrections(file, path, list2) {
    if (list2.length === 0) return NONE;
    return list2.map((c, i) => ({
      field: c.field,
      claimed: c.claimed,
      corrected: c.corrected,
      reason: c.reason,
      sources: cite(file, [...path, i, "sources"], c.sources)
    }));
  }
  const documentUpdates = /* @__PURE__ */ new Map();
  for (const [key2, { record, index }] of documentRecords) {
    const document2 = documents.get(key2);
    if (!document2 || !record.updated) continue;
    const { at, timeZone: timeZone2, sources } = record.updated;
    const day = date(at.slice(0, 10));
    if (document2.date && endOf(day) < startOf(document2.date)) {
      issues.push(
        files.sources.issue(
          [index, "updated", "at"],
          `updated (${at}) is before the document's date (${document2.date.value})`
        )
      );
    }
    const update = {
      localDateTime: at,
      date: day,
      timeZone: timeZone2 === "unknown" ? void 0 : timeZone2,
      sources: cite(files.sources, [index, "updated", "sources"], sources)
    };
    documentUpdates.set(key2, update);
    Object.defineProperty(document2, "updated", { value: update, enumerable: false });
  }
  const unitRecords = byKey(files.units, "unit");
  const postRecords = byKey(files.posts, "post");
  const topicRecords = byKey(files.topics, "topic");
  const eventRecords = byKey(files.events, "event");
  const orgDocumentRecords = byKey(files.documents, "document");
  const orgDocuments = /* @__PURE__ */ new Map();
  for (const [key2, { record: d, index }] of orgDocumentRecords) {
    const f = files.documents;
    if (documentRecords.has(key2)) {
      issues.push(
        f.issue(
          [index, "key"],
          `"${key2}" is already the key of a cited document in sources.yaml; give the document described here another key`
        )
      );
    }
    orgDocuments.set(key2, {
      key: key2,
      title: d.title,
      date: optionalDate(d.date),
      description: d.description,
      commitments: orNone(
        d.commitments.map((c, i) => ({
          text: c.text,
          sources: cite(f, [index, "commitments", i, "sources"], c.sources)
        }))
      ),
      sources: cite(f, [index, "sources"], d.sources),
      notes: orNone(d.notes)
    });
  }
  function ref(file, path, key2, known, what) {
    if (key2 !== void 0 && !known.has(key2)) {
      issues.push(file.issue(path, `unknown ${what} "${key2}"`));
    }
  }
  const ds = files.dataset.data;
  const primarySource = documents.get(ds.primarySource);
  ref(files.dataset, ["primarySource"], ds.primarySource, documents, "source");
  const posts = /* @__PURE__ */ new Map();
  for (const [key2, { record: p, index }] of postRecords) {
    ref(files.posts, [index, "unit"], p.unit, unitRecords, "unit");
    posts.set(key2, {
      key: key2,
      title: p.title,
      acronym: p.acronym,
      unitKey: p.unit,
      role: p.role,
      sources: cite(files.posts, [index, "sources"], p.sources),
      notes: orNone(p.notes)
    });
  }
  const citationsRequired = ds.citationPolicy === "required";
  function buildStaffRules(at, r2) {
    const f = files.units;
    const rule = (path, input) => ({ statement: input.statement, sources: cite(f, [...path, "sources"], input.sources) });
    const { eligibility, appointments, allegiance, vacancies } = r2;
    if (appointments)
      ref(f, [...at, "appointments", "decidedBy"], appointments.decidedBy, postRecords, "post");
    if (allegiance) ref(f, [...at, "allegiance", "owedTo"], allegiance.owedTo, unitRecords, "unit");
    return {
      eligibility: eligibility && {
        ...rule([...at, "eligibility"], eligibility),
        nationality: eligibility.nationality,
        mandatory: eligibility.mandatory
      },
      recruitment: orNone(
        r2.recruitment.map((m, i) => ({
          ...rule([...at, "recruitment", i], m),
          mode: m.mode,
          by: m.by
        }))
      ),
      appointments: appointments && {
        ...rule([...at, "appointments"], appointments),
        decidedByPostKey: appointments.decidedBy
      },
      allegiance: allegiance && {
        ...rule([...at, "allegiance"], allegiance),
        owedToUnitKey: allegiance.owedTo,
        duration: allegiance.duration
      },
      vacancies: vacancies && {
        ...rule([...at, "vacancies"], vacancies),
        publishedOn: vacancies.publishedOn
      }
    };
  }
  const units = /* @__PURE__ */ new Map();
  for (const [key2, { record: u, index }] of unitRecords) {
    const f = files.units;
    const sources = cite(f, [index, "sources"], u.sources);
    const link = (path, l) => {
      ref(f, [...path, "unit"], l.unit, unitRecords, "unit");
      return {
        unitKey: l.unit,
        sources: l.sources ? cite(f, [...path, "sources"], l.sources) : sources,
        note: l.note
      };
    };
    ref(f, [index, "head"], u.head?.post, postRecords, "post");
    const headPost = u.head && posts.get(u.head.post);
    const headSources = u.head?.sources ? cite(f, [index, "head", "sources"], u.head.sources) : headPost?.sources ?? NONE;
    if (citationsRequired && headPost && !u.head?.sources) {
      const problem = headPost.unitKey !== key2 ? `is a post of unit "${headPost.unitKey}"` : headPost.role !== "head" ? `is a ${headPost.role} post, not a head post` : void 0;
      if (problem) {
        issues.push(
          f.issue(
            [index, "head"],
            `head "${headPost.key}" ${problem}, and no citation says it heads this unit (the dataset's citationPolicy is required): cite the sentence that says so, as head: { post: ${headPost.key}, sources: [...] }, or leave head out`
          )
        );
      }
    }
    const seenTopics = /* @__PURE__ */ new Set();
    u.responsibilities.forEach((r2, i) => {
      ref(f, [index, "responsibilities", i, "topic"], r2.topic, topicRecords, "topic");
      if (seenTopics.has(r2.topic)) {
        issues.push(
          f.issue([index, "responsibilities", i, "topic"], `topic "${r2.topic}" is listed twice`)
        );
      }
      seenTopics.add(r2.topic);
    });
    const staffRules2 = u.staffRules && buildStaffRules([index, "staffRules"], u.staffRules);
    const supports = u.supports.flatMap((sp, i) => {
      const path = [index, "supports", i];
      ref(f, [...path, "unit"], sp.unit, unitRecords, "unit");
      if (sp.unit === key2) issues.push(f.issue([...path, "unit"], "a unit cannot support itself"));
      const supported = sp.unit !== void 0 ? { kind: "unit", unitKey: sp.unit } : sp.party && { kind: "party", name: sp.party };
      if (!supported) return [];
      const sources2 = cite(f, [...path, "sources"], sp.sources);
      return [{ unitKey: key2, supported, scope: sp.scope, sources: sources2 }];
    });
    const established = optionalDate(u.established);
    const dissolved = optionalDate(u.dissolved);
    if (established && dissolved && comparePartialDates(dissolved, established) < 0) {
      issues.push(
        f.issue(
          [index, "dissolved"],
          `dissolved (${dissolved.value}) is before established (${established.value})`
        )
      );
    }
    units.set(key2, {
      key: key2,
      kind: u.kind,
      name: u.name,
      acronym: u.acronym,
      aliases: orNone(
        u.aliases.map((a, i) => ({
          text: a.text,
          lang: a.lang,
          kind: a.kind,
          note: a.note,
          sources: cite(f, [index, "aliases", i, "sources"], a.sources)
        }))
      ),
      description: u.description,
      headKey: u.head?.post,
      headSources,
      parent: u.parent ? link([index, "parent"], u.parent) : void 0,
      reportsTo: u.reportsTo ? link([index, "reportsTo"], u.reportsTo) : void 0,
      memberOf: orNone(u.memberOf.map((m, i) => link([index, "memberOf", i], m))),
      established,
      dissolved,
      independent: u.independent,
      headcount: u.headcount && {
        approx: u.headcount.approx,
        asOf: date(u.headcount.asOf),
        scope: u.headcount.scope,
        sources: cite(f, [index, "headcount", "sources"], u.headcount.sources)
      },
      location: u.location && {
        name: u.location.name,
        sources: cite(f, [index, "location", "sources"], u.location.sources)
      },
      staffRules: staffRules2,
      supports: orNone(supports),
      responsibilities: u.responsibilities.map((r2, i) => ({
        unitKey: key2,
        topicKey: r2.topic,
        basis: r2.basis,
        role: r2.role,
        scope: r2.scope,
        sources: cite(f, [index, "responsibilities", i, "sources"], r2.sources)
      })),
      sources,
      corrections: corrections(f, [index, "corrections"], u.corrections),
      notes: orNone(u.notes)
    });
  }
  for (const [field, next] of [
    ["parent", (u) => u.parent?.unitKey],
    ["reportsTo", (u) => u.reportsTo?.unitKey]
  ]) {
    for (const cycle of findCycles([...units.keys()], (k) => {
      const u = units.get(k);
      const n = u ? next(u) : void 0;
      return n !== void 0 && units.has(n) ? [n] : [];
    })) {
      const first = cycle[0] ?? "";
      const index = unitRecords.get(first)?.index ?? 0;
      issues.push(
        files.units.issue(
          [index, field],
          `${field} forms a cycle: ${[...cycle, first].join(" \u2192 ")}`
        )
      );
    }
  }
  const topics2 = /* @__PURE__ */ new Map();
  for (const [key2, { record: t, index }] of topicRecords) {
    t.broader.forEach((b, i) => ref(files.topics, [index, "broader", i], b, topicRecords, "topic"));
    topics2.set(key2, {
      key: key2,
      label: t.label,
      variants: t.variants,
      related: t.related,
      broaderKeys: t.broader,
      description: t.description
    });
  }
  for (const cycle of findCycles(
    [...topics2.keys()],
    (k) => (topics2.get(k)?.broaderKeys ?? []).filter((b) => topics2.has(b))
  )) {
    const first = cycle[0] ?? "";
    issues.push(
      files.topics.issue(
        [topicRecords.get(first)?.index ?? 0, "broader"],
        `broader forms a cycle: ${[...cycle, first].join(" \u2192 ")}`
      )
    );
  }
  const events = /* @__PURE__ */ new Map();
  for (const [key2, { record: e, index }] of eventRecords) {
    const f = files.events;
    e.affects.forEach((u, i) => ref(f, [index, "affects", i], u, unitRecords, "unit"));
    ref(f, [index, "partOf"], e.partOf, eventRecords, "event");
    e.causedBy.forEach((c, i) => ref(f, [index, "causedBy", i], c, eventRecords, "event"));
    e.endorses.forEach((d, i) => ref(f, [index, "endorses", i], d, orgDocuments, "document"));
    e.followsFrom.forEach((d, i) => ref(f, [index, "followsFrom", i], d, orgDocuments, "document"));
    const start = date(e.date);
    const end = optionalDate(e.endDate);
    if (end && comparePartialDates(end, start) < 0) {
      issues.push(
        f.issue([index, "endDate"], `endDate (${end.value}) is before date (${start.value})`)
      );
    }
    events.set(key2, {
      key: key2,
      kind: e.kind,
      date: start,
      dateQualifier: e.dateQualifier,
      endDate: end,
      dateInference: e.dateInferred && {
        reason: e.dateInferred.reason,
        sources: cite(f, [index, "dateInferred", "sources"], e.dateInferred.sources)
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
      sources: cite(f, [index, "sources"], e.sources),
      corrections: corrections(f, [index, "corrections"], e.corrections)
    });
  }
  for (const [field, next] of [
    ["partOf", (e) => e.partOfKey ? [e.partOfKey] : []],
    ["causedBy", (e) => e.causedByKeys]
  ]) {
    for (const cycle of findCycles([...events.keys()], (k) => {
      const e = events.get(k);
      return e ? next(e).filter((n) => events.has(n)) : [];
    })) {
      const first = cycle[0] ?? "";
      issues.push(
        files.events.issue(
          [eventRecords.get(first)?.index ?? 0, field],
          `${field} forms a cycle: ${[...cycle, first].join(" \u2192 ")}`
        )
      );
    }
  }
  const unitNames = indexUnitNames(files, unitRecords, units, issues);
  const topicNames = indexTopicNames(files, topicRecords, topics2, issues);
  if (issues.length > 0 || !primarySource) return { issues };
  return {
    issues,
    data: {
      dataset: {
        key: ds.key,
        title: ds.title,
        asOf: date(ds.asOf),
        primarySource,
        citationPolicy: ds.citationPolicy,
        description: ds.description
      },
      documents,
      documentUpdates,
      units,
      posts,
      topics: topics2,
      events,
      orgDocuments,
      unitNames,
      topicNames
    }
  };
}
function unitNamesOf(unit2) {
  const entries = [
    [["name", "en"], { unitKey: unit2.key, text: unit2.name.en, lang: "en", via: "name" }],
    [["name", "fr"], { unitKey: unit2.key, text: unit2.name.fr, lang: "fr", via: "name" }]
  ];
  if (unit2.acronym) {
    const { en, fr } = unit2.acronym;
    entries.push([["acronym", "en"], { unitKey: unit2.key, text: en, lang: "en", via: "acronym" }]);
    if (fr) {
      entries.push([
        ["acronym", "fr"],
        { unitKey: unit2.key, text: fr, lang: "fr", via: "acronym" }
      ]);
    }
  }
  unit2.aliases.forEach((alias2, i) => {
    entries.push([
      ["aliases", i, "text"],
      { unitKey: unit2.key, text: alias2.text, lang: alias2.lang, via: "alias", alias: alias2 }
    ]);
  });
  return entries;
}
function indexUnitNames(files, records, units, issues) {
  const index = /* @__PURE__ */ new Map();
  const first = /* @__PURE__ */ new Map();
  for (const unit2 of units.values()) {
    const at = records.get(unit2.key)?.index ?? 0;
    for (const [where, entry] of unitNamesOf(unit2)) {
      const path = [at, ...where];
      const key2 = nameKey(entry.text);
      if (key2 === "") {
        issues.push(files.units.issue(path, `"${entry.text}" has no letters or digits to match`));
        continue;
      }
      const other = first.get(key2);
      if (other && other.entry.unitKey !== entry.unitKey) {
        const line = files.units.issue(other.path, "").line;
        issues.push(
          files.units.issue(
            path,
            `"${entry.text}" also names unit "${other.entry.unitKey}" ("${other.entry.text}", line ${line}); a name, acronym or alias may name only one unit`
          )
        );
        continue;
      }
      if (!other) {
        first.set(key2, { entry, path });
        index.set(key2, unit2.key);
      }
    }
  }
  return index;
}
function indexTopicNames(files, records, topics2, issues) {
  const index = /* @__PURE__ */ new Map();
  const written = /* @__PURE__ */ new Map();
  const lineOf = (entry) => files.topics.issue(written.get(entry) ?? [], "").line;
  for (const topic2 of topics2.values()) {
    const at = records.get(topic2.key)?.index ?? 0;
    const entries = [];
    for (const lang2 of ["en", "fr"]) {
      entries.push([
        [at, "label", lang2],
        { topicKey: topic2.key, text: topic2.label[lang2], lang: lang2, via: "label" }
      ]);
      topic2.variants[lang2].forEach(
        (text3, i) => entries.push([
          [at, "variants", lang2, i],
          { topicKey: topic2.key, text: text3, lang: lang2, via: "variant" }
        ])
      );
    }
    for (const [path, entry] of entries) {
      const key2 = nameKey(entry.text);
      const other = index.get(key2);
      if (key2 === "") {
        issues.push(files.topics.issue(path, `"${entry.text}" has no letters or digits to match`));
      } else if (other && other.topicKey !== topic2.key) {
        issues.push(
          files.topics.issue(
            path,
            `"${entry.text}" also names topic "${other.topicKey}" ("${other.text}", line ${lineOf(other)}); a label or variant may name only one topic`
          )
        );
      } else if (!other || other.via === "variant") {
        index.set(key2, entry);
        written.set(entry, path);
      }
    }
  }
  for (const topic2 of topics2.values()) {
    const at = records.get(topic2.key)?.index ?? 0;
    for (const lang2 of ["en", "fr"]) {
      topic2.related[lang2].forEach((text3, i) => {
        const path = [at, "related", lang2, i];
        const named = index.get(nameKey(text3));
        if (nameKey(text3) === "") {
          issues.push(files.topics.issue(path, `"${text3}" has no letters or digits to match`));
        } else if (named) {
          issues.push(
            files.topics.issue(
              path,
              `related term "${text3}" is a label or variant of topic "${named.topicKey}" ("${named.text}", line ${lineOf(named)}); a related term names no topic of the vocabulary`
            )
          );
        }
      });
    }
  }
  return index;
}
function findCycles(nodes, next) {
  const state = /* @__PURE__ */ new Map();
  const cycles = [];
  const stack = [];
  const visit = (node) => {
    state.set(node, "open");
    stack.push(node);
    for (const n of next(node)) {
      const s = state.get(n);
      if (s === "open") cycles.push(stack.slice(stack.indexOf(n)));
      else if (s === void 0) visit(n);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of nodes) if (!state.has(node)) visit(node);
  return cycles;
}

// src/graph/event-order.ts
function anchor(e) {
  if (e.dateQualifier === "after") return [endOf(e.date), 1];
  if (e.dateQualifier === "before") return [startOf(e.date), -1];
  return [startOf(e.date), 0];
}
function compareEvents(a, b) {
  const [dayA, rankA] = anchor(a);
  const [dayB, rankB] = anchor(b);
  return dayA.localeCompare(dayB) || rankA - rankB || comparePartialDates(a.date, b.date) || (a.partOfKey === b.key ? 1 : 0) - (b.partOfKey === a.key ? 1 : 0) || a.key.localeCompare(b.key);
}

// src/graph/org-graph.ts
function groupBy(items, keysOf) {
  const map = /* @__PURE__ */ new Map();
  for (const item of items) {
    for (const key2 of keysOf(item)) {
      const list2 = map.get(key2);
      if (list2) list2.push(item);
      else map.set(key2, [item]);
    }
  }
  return map;
}
var EMPTY = Object.freeze([]);
function present(value, missing) {
  if (value === void 0) throw new Error(missing);
  return value;
}
var OrgGraph = class _OrgGraph {
  dataset;
  meta;
  /** The kinds of unit this dataset declares. */
  kinds = UNIT_KINDS;
  /** The date a dated view shows; undefined for the dataset as loaded. */
  date;
  /** The graph as loaded that this one was cut from (itself when it is not a view). */
  base;
  data;
  unitMap;
  documentMap;
  postMap;
  topicMap;
  eventMap;
  allUnits;
  unitsByKind;
  allPosts;
  allTopics;
  children;
  handlers;
  narrowerTopics;
  unitsByPostHeaded;
  postsByUnit;
  supportsReceived;
  eventsEndorsing;
  eventsFollowing;
  eventsByUnit;
  eventsInOrder;
  depths;
  constructor(data, meta, view) {
    this.data = data;
    this.dataset = data.dataset;
    this.meta = meta;
    this.date = view?.date;
    this.base = view?.base ?? this;
    this.unitMap = this.bindAll(data.units, (u) => this.bindUnit(u));
    this.postMap = this.bindAll(data.posts, (p) => this.bind(p));
    this.topicMap = this.bindAll(data.topics, (t) => this.bind(t));
    this.eventMap = this.bindAll(data.events, (e) => this.bind(e));
    this.documentMap = this.bindAll(data.orgDocuments, (d) => this.bind(d));
    const units = [...this.unitMap.values()];
    this.allUnits = units;
    this.unitsByKind = groupBy(units, (u) => [u.kind]);
    this.allPosts = [...this.postMap.values()];
    this.allTopics = [...this.topicMap.values()];
    this.children = groupBy(units, (u) => u.parent ? [u.parent.unitKey] : []);
    this.handlers = groupBy(
      units.flatMap((u) => u.responsibilities),
      (r2) => [r2.topicKey]
    );
    this.narrowerTopics = groupBy(this.allTopics, (t) => t.broaderKeys);
    this.unitsByPostHeaded = groupBy(units, (u) => u.headKey ? [u.headKey] : []);
    this.postsByUnit = groupBy(this.allPosts, (p) => [p.unitKey]);
    this.supportsReceived = groupBy(
      units.flatMap((u) => u.supports),
      (sp) => sp.supported.kind === "unit" ? [sp.supported.unitKey] : []
    );
    this.eventsInOrder = [...this.eventMap.values()].sort(compareEvents);
    this.eventsByUnit = groupBy(this.eventsInOrder, (e) => e.affectsKeys);
    this.eventsEndorsing = groupBy(this.eventsInOrder, (e) => e.endorsesKeys);
    this.eventsFollowing = groupBy(this.eventsInOrder, (e) => e.followsFromKeys);
    const depths = /* @__PURE__ */ new Map();
    const depthOf = (u) => {
      const known = depths.get(u.key);
      if (known !== void 0) return known;
      const parent = u.parent && this.unitMap.get(u.parent.unitKey);
      const d = parent ? depthOf(parent) + 1 : 0;
      depths.set(u.key, d);
      return d;
    };
    units.forEach(depthOf);
    this.depths = depths;
  }
  /**
   * Binds a record to this graph: in place when it is fresh from the loader, as a copy when it
   * belongs to another graph. `graph` is not enumerable, so a record still reads, compares and
   * serialises as plain data.
   */
  bind(record) {
    const owner = record.graph;
    if (owner === this) return record;
    const own = owner === void 0 ? record : { ...record };
    Object.defineProperty(own, "graph", { value: this, enumerable: false });
    return own;
  }
  /** A unit, with the link records it holds: responsibilities, supports, staff rules. */
  bindUnit(unit2) {
    const fresh = unit2.graph === void 0;
    const own = this.bind(unit2);
    const responsibilities = unit2.responsibilities.map((r2) => this.bind(r2));
    const supports = unit2.supports.map((s) => this.bind(s));
    const staffRules2 = unit2.staffRules && this.bindStaffRules(unit2.staffRules);
    if (!fresh) {
      if (responsibilities.length > 0) own.responsibilities = responsibilities;
      if (supports.length > 0) own.supports = supports;
      if (staffRules2) own.staffRules = staffRules2;
    }
    return own;
  }
  /** Each rule bound (it may name a post or a unit); the rules a copy when they were copied. */
  bindStaffRules(rules) {
    const bind = (rule) => rule && this.bind(rule);
    const bound = {
      eligibility: bind(rules.eligibility),
      recruitment: rules.recruitment.map((r2) => this.bind(r2)),
      appointments: bind(rules.appointments),
      allegiance: bind(rules.allegiance),
      vacancies: bind(rules.vacancies)
    };
    return bound.recruitment.every((r2, i) => r2 === rules.recruitment[i]) && bound.eligibility === rules.eligibility ? rules : bound;
  }
  bindAll(records, bind) {
    const out = /* @__PURE__ */ new Map();
    for (const [key2, record] of records) out.set(key2, bind(record));
    return out;
  }
  /** True for a dated view (its records' IDs carry its date). */
  get isView() {
    return this.date !== void 0;
  }
  get documents() {
    return this.data.documents.values();
  }
  unit(key2) {
    return this.unitMap.get(key2);
  }
  /** Every unit in dataset order, or those of one kind. */
  units(kind) {
    return kind === void 0 ? this.allUnits : this.unitsByKind.get(kind) ?? EMPTY;
  }
  /** Direct sub-units (part-of), in file order. */
  childrenOf(unitKey) {
    return this.children.get(unitKey) ?? EMPTY;
  }
  /** The unit this one is part of, when it is in this graph. */
  parentOf(unit2) {
    return unit2.parent && this.unitMap.get(unit2.parent.unitKey);
  }
  /** The units this one is a member of without being part of them. */
  membershipsOf(unit2) {
    return this.existing(
      unit2.memberOf.map((m) => m.unitKey),
      this.unitMap
    );
  }
  /** Distance from the top of the part-of tree (0 for a root). */
  depthOf(unitKey) {
    return this.depths.get(unitKey) ?? 0;
  }
  post(key2) {
    return this.postMap.get(key2);
  }
  posts() {
    return this.allPosts;
  }
  /** The post heading a unit, where a source names one. */
  headOf(unit2) {
    return unit2.headKey === void 0 ? void 0 : this.postMap.get(unit2.headKey);
  }
  /**
   * The unit a post belongs to: the loader refuses a post of an unknown unit, and a view keeps a
   * post only with its unit.
   */
  unitOfPost(post2) {
    return present(this.unitMap.get(post2.unitKey), `post ${post2.key} has no unit`);
  }
  /** The unit and topic a responsibility links (both checked by the loader, kept by views). */
  unitOfLink(link) {
    return present(
      this.unitMap.get(link.unitKey),
      `responsibility of unknown unit ${link.unitKey}`
    );
  }
  topicOfLink(link) {
    return present(
      this.topicMap.get(link.topicKey),
      `responsibility for unknown topic ${link.topicKey}`
    );
  }
  /**
   * The posts that belong to a unit, whatever their role, in file order: its head post if it has
   * one, and its member posts (the Director of the Private Office, which heads nothing).
   */
  postsIn(unitKey) {
    return this.postsByUnit.get(unitKey) ?? EMPTY;
  }
  /**
   * The support a unit gives, in file order: to units of this graph (a view at a date leaves out
   * those it does not hold) and to parties named only in passing.
   */
  supportsOf(unitKey) {
    const given = this.unitMap.get(unitKey)?.supports ?? EMPTY;
    return given.every((sp) => this.holds(sp)) ? given : given.filter((sp) => this.holds(sp));
  }
  /** The support a unit receives from the units of this graph, in file order of the givers. */
  supportersOf(unitKey) {
    return this.supportsReceived.get(unitKey) ?? EMPTY;
  }
  /** The unit that gives a support (always one of this graph: a view keeps it with its unit). */
  unitOfSupport(support2) {
    return present(this.unitMap.get(support2.unitKey), `support of unknown unit ${support2.unitKey}`);
  }
  holds(sp) {
    return sp.supported.kind === "party" || this.unitMap.has(sp.supported.unitKey);
  }
  /** The post that decides appointments under a staff rule (the loader checks it exists). */
  appointingPost(rule) {
    return present(this.postMap.get(rule.decidedByPostKey), `no post ${rule.decidedByPostKey}`);
  }
  /** The unit staff owe allegiance to under a staff rule (the loader checks it exists). */
  allegianceUnit(rule) {
    return present(this.unitMap.get(rule.owedToUnitKey), `no unit ${rule.owedToUnitKey}`);
  }
  /** Units whose `head` is this post (the Secretary General heads more than one). */
  unitsHeadedBy(postKey) {
    return this.unitsByPostHeaded.get(postKey) ?? EMPTY;
  }
  topic(key2) {
    return this.topicMap.get(key2);
  }
  topics() {
    return this.allTopics;
  }
  /** The topics a unit handles, in the order the source lists them. */
  topicsOf(unit2) {
    return this.existing(
      unit2.responsibilities.map((r2) => r2.topicKey),
      this.topicMap
    );
  }
  broaderOf(topic2) {
    return this.existing(topic2.broaderKeys, this.topicMap);
  }
  narrowerOf(topicKey) {
    return this.narrowerTopics.get(topicKey) ?? EMPTY;
  }
  /** The responsibilities (unit links) for a topic, in file order of the units. */
  handlersOf(topicKey) {
    return this.handlers.get(topicKey) ?? EMPTY;
  }
  /** The units linked to a topic (not to narrower ones), in dataset order. */
  unitsHandling(topicKey) {
    return this.existing(
      this.handlersOf(topicKey).map((r2) => r2.unitKey),
      this.unitMap
    );
  }
  event(key2) {
    return this.eventMap.get(key2);
  }
  /** All events in chronological order (partial dates ordered by the period they start). */
  events() {
    return this.eventsInOrder;
  }
  eventsAffecting(unitKey) {
    return this.eventsByUnit.get(unitKey) ?? EMPTY;
  }
  /** The units an event created, changed or concerned. */
  unitsAffectedBy(event2) {
    return this.existing(event2.affectsKeys, this.unitMap);
  }
  /** The larger event this one is part of. */
  partOfEvent(event2) {
    return event2.partOfKey === void 0 ? void 0 : this.eventMap.get(event2.partOfKey);
  }
  /** The events this one resulted from. */
  causesOf(event2) {
    return this.existing(event2.causedByKeys, this.eventMap);
  }
  document(key2) {
    return this.data.documents.get(key2);
  }
  /** When a cited document says it was last updated ("Mis à jour le…"), if it says. */
  documentUpdate(documentKey) {
    return this.data.documentUpdates.get(documentKey);
  }
  /** A document the graph describes as a node (documents.yaml): the 2010 Strategic Concept. */
  orgDocument(key2) {
    return this.documentMap.get(key2);
  }
  /** The documents the graph describes, in file order (a view at a date: those adopted by then). */
  orgDocuments() {
    return [...this.documentMap.values()];
  }
  /** The documents an event endorsed (the Lisbon Summit, the Strategic Concept). */
  documentsEndorsedBy(event2) {
    return this.existing(event2.endorsesKeys, this.documentMap);
  }
  /** The documents whose commitments an event follows from. */
  documentsFollowedBy(event2) {
    return this.existing(event2.followsFromKeys, this.documentMap);
  }
  /** The events that endorsed a document (the Lisbon Summit), in chronological order. */
  endorsementsOf(documentKey) {
    return this.eventsEndorsing.get(documentKey) ?? EMPTY;
  }
  /** The events that follow from a document's commitments (the review), in chronological order. */
  eventsFollowingFrom(documentKey) {
    return this.eventsFollowing.get(documentKey) ?? EMPTY;
  }
  /**
   * The name entries (official name, acronym or alias) that match `text` exactly once folded. A
   * view shares its base's name index: a name of a unit the view does not hold finds nothing.
   */
  unitNameEntries(text3) {
    const key2 = nameKey(text3);
    const unit2 = this.unitMap.get(this.data.unitNames.get(key2) ?? "");
    if (!unit2) return EMPTY;
    return unitNamesOf(unit2).map(([, entry]) => entry).filter((entry) => nameKey(entry.text) === key2);
  }
  topicNameEntry(text3) {
    return this.data.topicNames.get(nameKey(text3));
  }
  /**
   * A view of this graph on `date` holding only some units, posts, events and described
   * documents; topics and cited documents stay. Its records are copies bound to it (see
   * as-of.ts, which decides what stays).
   */
  viewOn(date2, keep) {
    const only = (map, keys) => new Map([...map].filter(([k]) => keys.has(k)));
    return new _OrgGraph(
      {
        ...this.data,
        units: only(this.unitMap, keep.units),
        posts: only(this.postMap, keep.posts),
        topics: this.topicMap,
        events: only(this.eventMap, keep.events),
        orgDocuments: only(this.documentMap, keep.orgDocuments)
      },
      this.meta,
      { base: this.base, date: date2 }
    );
  }
  /** Every citation in the data: of units, their links and rules, posts, events and documents. */
  *citations() {
    for (const list2 of citationLists(this)) yield* list2;
  }
  counts() {
    return {
      units: this.unitMap.size,
      posts: this.postMap.size,
      topics: this.topicMap.size,
      events: this.eventMap.size,
      documents: this.documentMap.size,
      citations: [...citationLists(this)].reduce((n, list2) => n + list2.length, 0)
    };
  }
  /** The records of these keys that this graph holds, in the order of the keys. */
  existing(keys, records) {
    const out = [];
    for (const key2 of keys) {
      const record = records.get(key2);
      if (record !== void 0) out.push(record);
    }
    return out;
  }
};
function* citationLists(graph) {
  for (const d of graph.documents) {
    const update = graph.documentUpdate(d.key);
    if (update) yield update.sources;
  }
  for (const u of graph.units()) {
    yield u.sources;
    if (u.headKey && u.headSources !== graph.post(u.headKey)?.sources) yield u.headSources;
    if (u.parent && u.parent.sources !== u.sources) yield u.parent.sources;
    if (u.reportsTo && u.reportsTo.sources !== u.sources) yield u.reportsTo.sources;
    for (const m of u.memberOf) if (m.sources !== u.sources) yield m.sources;
    for (const r2 of u.responsibilities) yield r2.sources;
    for (const a of u.aliases) yield a.sources;
    for (const c of u.corrections) yield c.sources;
    if (u.headcount) yield u.headcount.sources;
    if (u.location) yield u.location.sources;
    for (const r2 of staffRuleList(u.staffRules)) yield r2.sources;
    for (const sp of u.supports) yield sp.sources;
  }
  for (const p of graph.posts()) yield p.sources;
  for (const d of graph.orgDocuments()) {
    yield d.sources;
    for (const c of d.commitments) yield c.sources;
  }
  for (const e of graph.events()) {
    yield e.sources;
    if (e.dateInference) yield e.dateInference.sources;
    for (const c of e.corrections) yield c.sources;
  }
}
function staffRuleList(rules) {
  if (!rules) return [];
  const { eligibility, recruitment, appointments, allegiance, vacancies } = rules;
  const all = [
    eligibility,
    ...recruitment,
    appointments,
    allegiance,
    vacancies
  ];
  return all.filter((r2) => r2 !== void 0);
}

// src/graph/seed-file.ts
import { CORE_SCHEMA, defineScalarTag, load } from "js-yaml";
import { LineCounter, parseDocument } from "yaml";

// src/graph/yaml-positions.ts
import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE } from "js-yaml";
var YamlPositions = class {
  /** Throws js-yaml's exception when the text is not YAML (callers parse it first). */
  constructor(text3) {
    this.text = text3;
    this.events = parseEvents(text3, {});
    const starts = [0];
    for (let i = text3.indexOf("\n"); i >= 0; i = text3.indexOf("\n", i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }
  text;
  events;
  lineStarts;
  /**
   * 1-based line and column of the field, or of the nearest enclosing node that exists (a missing
   * field is placed at the record that lacks it).
   */
  locate(field) {
    let node = this.events[0]?.type === EVENT_ID.DOCUMENT ? 1 : 0;
    let key2;
    for (const part of field) {
      const found = this.child(node, part);
      if (!found) break;
      [node, key2] = found;
    }
    return this.position(this.offsetOf(node, key2));
  }
  /** The event index of a node's child (and of its key, in a mapping). */
  child(node, part) {
    const event2 = this.events[node];
    if (event2?.type === EVENT_ID.SEQUENCE && typeof part === "number") {
      let at = node + 1;
      for (let i = 0; i < part && this.events[at]?.type !== EVENT_ID.POP; i++) at = this.skip(at);
      return this.events[at]?.type === EVENT_ID.POP ? void 0 : [at, void 0];
    }
    if (event2?.type === EVENT_ID.MAPPING) {
      for (let at = node + 1; at < this.events.length && this.events[at]?.type !== EVENT_ID.POP; ) {
        const k = this.events[at];
        const value = this.skip(at);
        if (k?.type === EVENT_ID.SCALAR && getScalarValue(this.text, k) === String(part)) {
          return [value, at];
        }
        at = this.skip(value);
      }
    }
    return void 0;
  }
  /** The index just past the node starting at `at`. */
  skip(at) {
    const type = this.events[at]?.type;
    if (type !== EVENT_ID.SEQUENCE && type !== EVENT_ID.MAPPING) return at + 1;
    let depth = 0;
    do {
      const t = this.events[at]?.type;
      if (t === EVENT_ID.SEQUENCE || t === EVENT_ID.MAPPING) depth += 1;
      else if (t === EVENT_ID.POP) depth -= 1;
      at += 1;
    } while (depth > 0 && at < this.events.length);
    return at;
  }
  /**
   * Where a node starts: a collection at its first entry or bracket, a quoted scalar at its quote.
   * A block scalar (`|`, `>`) is placed at its key, on the line a person reads as the field.
   */
  offsetOf(node, key2) {
    const event2 = this.events[node];
    if (!event2) return 0;
    if (event2.type === EVENT_ID.SEQUENCE || event2.type === EVENT_ID.MAPPING) return event2.start;
    if (event2.type !== EVENT_ID.SCALAR || event2.valueStart < 0) {
      return key2 === void 0 ? 0 : this.offsetOf(key2, void 0);
    }
    if (event2.style === SCALAR_STYLE.LITERAL_BLOCK || event2.style === SCALAR_STYLE.FOLDED_BLOCK) {
      return key2 === void 0 ? event2.valueStart : this.offsetOf(key2, void 0);
    }
    const quoted = event2.style === SCALAR_STYLE.SINGLE_QUOTED || event2.style === SCALAR_STYLE.DOUBLE_QUOTED;
    return quoted ? event2.valueStart - 1 : event2.valueStart;
  }
  position(offset) {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo + 1, offset - (this.lineStarts[lo] ?? 0) + 1];
  }
};

// src/graph/seed-file.ts
function formatField(root, field) {
  let out = root;
  for (const part of field) out += typeof part === "number" ? `[${part}]` : `.${part}`;
  return out;
}
var MAX_ALIASES = 100;
function sharedStrings() {
  const seen = /* @__PURE__ */ new Map();
  const copy = (source) => source.length < 13 ? source : JSON.parse(JSON.stringify(source));
  return CORE_SCHEMA.withTags(
    defineScalarTag("tag:yaml.org,2002:str", {
      resolve: (source) => {
        if (source.includes(" ")) return copy(source);
        let known = seen.get(source);
        if (known === void 0) {
          known = copy(source);
          seen.set(known, known);
        }
        return known;
      },
      identify: (data) => typeof data === "string"
    })
  );
}
var PIECE_BYTES = 8 * 2 ** 20;
function parseSeedFile(path, root, content, schema, pieceBytes = PIECE_BYTES) {
  if (content.length > pieceBytes) return parsePieces(path, root, content, schema, pieceBytes);
  const text3 = content.toString("utf8");
  let value;
  try {
    value = load(text3, { maxAliases: MAX_ALIASES, schema: sharedStrings() });
  } catch {
    return parseWithTree(path, root, text3, schema);
  }
  let positions;
  const locate = (field) => (positions ??= new YamlPositions(text3)).locate(field);
  return check(path, root, value ?? null, schema, locate);
}
function parsePieces(path, root, content, schema, pieceBytes) {
  const pieces = [];
  const linesBefore = (piece) => {
    let lines = 0;
    const end = piece.bytes.byteOffset - content.byteOffset;
    for (let i = content.indexOf(10); i >= 0 && i < end; i = content.indexOf(10, i + 1)) lines++;
    return lines;
  };
  const locate = (field) => {
    const [index, ...rest] = field;
    const piece = typeof index === "number" ? pieces.find((p) => index >= p.first && index < p.first + p.count) : void 0;
    if (!piece || typeof index !== "number") return [1, 1];
    piece.positions ??= new YamlPositions(piece.bytes.toString("utf8"));
    const [line, column] = piece.positions.locate([index - piece.first, ...rest]);
    return [line + linesBefore(piece), column];
  };
  const at = placer(path, root, locate);
  const strings = sharedStrings();
  const data = [];
  const issues = [];
  let count = 0;
  for (let start = 0; start < content.length; ) {
    const cut = content.indexOf("\n- ", start + pieceBytes);
    const end = cut < 0 ? content.length : cut + 1;
    const piece = { bytes: content.subarray(start, end), first: count, count: 0 };
    pieces.push(piece);
    start = end;
    let value;
    try {
      value = load(piece.bytes.toString("utf8"), { maxAliases: MAX_ALIASES, schema: strings });
      if (!Array.isArray(value)) throw new Error("expected the file to be a list of records");
    } catch (error) {
      const mark = error.mark;
      const message = error.reason ?? error.message;
      issues.push({
        file: path,
        line: (mark ? mark.line + 1 : 1) + linesBefore(piece),
        column: mark ? mark.column + 1 : 1,
        field: "",
        message: `YAML syntax error: ${message}`
      });
      continue;
    }
    piece.count = value.length;
    count += value.length;
    const result = schema.safeParse(value);
    if (!result.success) issues.push(...schemaIssues(result.error, at, piece.first));
    else for (const item of result.data) data.push(item);
  }
  if (issues.length > 0) return { issues };
  return { file: { path, data, issue: at } };
}
function parseWithTree(path, root, text3, schema) {
  const lines = new LineCounter();
  const doc = parseDocument(text3, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        const message = `YAML syntax error: ${e.message.split("\n")[0] ?? e.code}`;
        return { file: path, line: pos.line, column: pos.col, field: "", message };
      })
    };
  }
  const value = doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? null;
  return check(path, root, value, schema, (field) => locateInTree(doc, lines, field));
}
function locateInTree(doc, lines, field) {
  for (let n = field.length; n >= 0; n -= 1) {
    const node = n === 0 ? doc.contents : doc.getIn(field.slice(0, n), true);
    if (node && typeof node === "object" && "range" in node && Array.isArray(node.range)) {
      const pos = lines.linePos(node.range[0]);
      return [pos.line, pos.col];
    }
  }
  return [1, 1];
}
function placer(path, root, locate) {
  return (field, message) => {
    const [line, column] = locate(field);
    return { file: path, line, column, field: formatField(root, field), message };
  };
}
function schemaIssues(error, at, offset = 0) {
  return error.issues.map((issue) => {
    const field = issue.path.filter((p) => typeof p !== "symbol");
    if (offset !== 0 && typeof field[0] === "number") field[0] += offset;
    if (issue.code === "unrecognized_keys") {
      const keys = issue.keys.map((k) => `"${k}"`).join(", ");
      return at([...field, issue.keys[0] ?? ""], `unknown field ${keys}`);
    }
    return at(field, describe(issue));
  });
}
function check(path, root, value, schema, locate) {
  const at = placer(path, root, locate);
  const result = schema.safeParse(value);
  if (!result.success) return { issues: schemaIssues(result.error, at) };
  return { file: { path, data: result.data, issue: at } };
}
function describe(issue) {
  if (issue.code === "invalid_type" && issue.input === void 0) {
    return `required field is missing (expected ${issue.expected})`;
  }
  if (issue.code === "invalid_union") return `invalid value: ${issue.message}`;
  return issue.message;
}

// src/graph/load-seed.ts
var SEED_FILES = {
  dataset: { name: "dataset.yaml", root: "dataset", schema: dataset },
  sources: { name: "sources.yaml", root: "sources", schema: sourcesFile },
  units: { name: "units.yaml", root: "units", schema: unitsFile },
  posts: { name: "posts.yaml", root: "posts", schema: postsFile },
  topics: { name: "topics.yaml", root: "topics", schema: topicsFile },
  events: { name: "events.yaml", root: "events", schema: eventsFile },
  /** Optional: a dataset may describe no document as a node. */
  documents: {
    name: "documents.yaml",
    root: "documents",
    schema: documentsFile,
    optional: true
  }
};
async function readBytes(path, optional, issues) {
  try {
    return await readFile2(path);
  } catch (error) {
    const code = error.code;
    if (optional && code === "ENOENT") return Buffer.from("[]");
    const message = code === "ENOENT" ? "file not found" : `cannot read the file (${code})`;
    issues.push({ file: path, line: 0, column: 0, field: "", message });
    return void 0;
  }
}
async function loadSeed(dir) {
  const issues = [];
  const hash = createHash("sha256");
  const parsed = {};
  for (const [kind, spec] of Object.entries(SEED_FILES)) {
    const path = join2(dir, spec.name);
    const bytes = await readBytes(path, "optional" in spec && spec.optional, issues);
    if (bytes === void 0) continue;
    hash.update(spec.name).update("\0").update(bytes).update("\0");
    const result = parseSeedFile(path, spec.root, bytes, spec.schema);
    if ("issues" in result) issues.push(...result.issues);
    else parsed[kind] = result.file;
  }
  if (issues.length > 0) throw new SeedError(issues);
  const files = parsed;
  const documentTexts = /* @__PURE__ */ new Map();
  for (const [i, doc] of files.sources.data.entries()) {
    if (doc.file === void 0) continue;
    try {
      const text3 = await readFile2(join2(dir, doc.file), "utf8");
      documentTexts.set(doc.key, text3);
      hash.update(doc.file).update("\0").update(text3).update("\0");
    } catch {
      issues.push(files.sources.issue([i, "file"], `local copy "${doc.file}" cannot be read`));
    }
  }
  const built = buildGraph(files, documentTexts);
  issues.push(...built.issues);
  if (issues.length > 0 || !built.data) throw new SeedError(issues);
  return new OrgGraph(built.data, {
    version: hash.digest("hex").slice(0, 12),
    loadedAt: /* @__PURE__ */ new Date(),
    dir
  });
}

// src/graph/import/write-seed.ts
var IMPORT_SOURCE = "import";
var yaml = (value) => dump2(value, { lineWidth: -1, noRefs: true });
function yamlList(list2) {
  if (list2.length === 0) return "[]\n";
  const parts = [];
  for (let i = 0; i < list2.length; i += 5e3) parts.push(yaml(list2.slice(i, i + 5e3)));
  return parts.join("");
}
function compact(record) {
  return Object.fromEntries(
    Object.entries(record).filter(
      ([, v]) => v !== void 0 && !(Array.isArray(v) && v.length === 0)
    )
  );
}
function unitRecord(u) {
  return compact({
    key: u.key,
    kind: u.kind,
    name: u.name,
    acronym: u.acronym,
    aliases: u.aliases,
    description: u.description,
    head: u.head,
    parent: u.parent,
    reportsTo: u.reportsTo,
    memberOf: u.memberOf,
    supports: u.supports,
    established: u.established,
    dissolved: u.dissolved,
    responsibilities: u.responsibilities?.map((topic2) => ({ topic: topic2 }))
  });
}
function seedFiles(draft) {
  const { dataset: dataset2 } = draft;
  const first = dataset2.languages[0] ?? "en";
  return {
    "dataset.yaml": yaml(
      compact({
        key: dataset2.key,
        title: dataset2.title,
        asOf: dataset2.asOf,
        primarySource: IMPORT_SOURCE,
        citationPolicy: "optional",
        languages: dataset2.languages,
        kinds: dataset2.kinds.map(compact),
        description: dataset2.description
      })
    ),
    "sources.yaml": yaml([
      { key: IMPORT_SOURCE, title: { [first]: draft.sourceTitle }, lang: first }
    ]),
    "units.yaml": yamlList(draft.units.map(unitRecord)),
    "posts.yaml": yamlList(draft.posts.map(compact)),
    "topics.yaml": yamlList(draft.topics.map(compact)),
    "events.yaml": yamlList(draft.events.map(compact))
  };
}
var RECORD_FIELD = /^(units|posts|topics|events)\[(\d+)\](?:\.([A-Za-z]+))?/;
function placed(issue, origins) {
  const m = RECORD_FIELD.exec(issue.field);
  const origin = m && origins[m[1]]?.[Number(m[2])];
  if (!m || !origin) return issue;
  return { ...origin(m[3] ?? ""), message: `${issue.message} (${issue.field} of the seed)` };
}
async function writeSeed({ draft, origins }, out) {
  const target = resolve(out);
  const existing = await readdir(target).catch((error) => {
    if (error.code === "ENOENT") return void 0;
    throw error;
  });
  if (existing !== void 0 && existing.length > 0)
    throw new SeedError([
      {
        file: out,
        line: 0,
        column: 0,
        field: "",
        message: "the directory exists and is not empty: give a new directory (nothing written)"
      }
    ]);
  await mkdir2(dirname(target), { recursive: true });
  const temp = await mkdtemp2(join3(dirname(target), `.${basename(target)}-import-`));
  try {
    for (const [name, text3] of Object.entries(seedFiles(draft)))
      await writeFile2(join3(temp, name), text3);
    let graph;
    try {
      graph = await loadSeed(temp);
    } catch (error) {
      if (error instanceof SeedError)
        throw new SeedError(error.issues.map((issue) => placed(issue, origins)));
      throw error;
    }
    if (existing !== void 0) await rmdir(target);
    await rename(temp, target);
    return graph;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

// bench/scale/import.ts
var CEILING_MS = 1e4;
var LEVELS2 = [
  ["Directorate", "directorate", 12],
  ["Department", "department", 10],
  ["Branch", "branch", 10],
  ["Team", "team", 0]
];
var quote = (cell) => /[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
function syntheticChart(rows) {
  const lines = ["id,name,parent,kind,head,responsibilities,aliases,description"];
  lines.push(
    "co,Synthetic Holdings,,company,Chief Executive,,SH,A synthetic company for benchmarks."
  );
  let above = ["co"];
  let n = 1;
  for (const [depth, [level, kind, span]] of LEVELS2.entries()) {
    const next = [];
    const last = depth === LEVELS2.length - 1;
    for (const [p, parent] of above.entries()) {
      const count = last ? Math.ceil((rows - n) / Math.max(1, above.length - p)) : span;
      for (let i = 0; i < count && n < rows; i++, n++) {
        const [domain] = DOMAINS[n % DOMAINS.length];
        const [aspect] = ASPECTS[(n >> 3) % ASPECTS.length];
        const [qualifier] = QUALIFIERS[(n >> 5) % QUALIFIERS.length];
        const id2 = `u${n}`;
        const name = `${qualifier} ${domain} ${level} ${n}`;
        lines.push(
          [
            id2,
            name,
            parent,
            kind,
            depth < 2 ? `Head of ${name}` : "",
            `${domain} ${aspect};${domain}`.toLowerCase(),
            n % 10 === 0 ? `${domain} ${level} No. ${n}` : "",
            `The ${name} looks after ${domain.toLowerCase()} ${aspect}.`
          ].map(quote).join(",")
        );
        next.push(id2);
      }
    }
    above = next;
  }
  return `${lines.join("\n")}
`;
}
var median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
async function importBench(rows = 1e5, runs = 3) {
  const dir = await mkdtemp3(join4(tmpdir2(), "orggraph-import-bench-"));
  try {
    const csv = join4(dir, "chart.csv");
    const text3 = syntheticChart(rows);
    await writeFile3(csv, text3);
    const convert = [];
    const write = [];
    const total = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      const imported = await importFile("csv", csv, { asOf: "2024-01-01" });
      const converted = performance.now();
      const graph = await writeSeed(imported, join4(dir, `out-${run}`));
      const done = performance.now();
      if (graph.counts().units !== rows) throw new Error(`imported ${graph.counts().units} units`);
      convert.push(converted - start);
      write.push(done - converted);
      total.push(done - start);
      await rm2(join4(dir, `out-${run}`), { recursive: true, force: true });
    }
    const figures = {
      rows,
      megabytes: Buffer.byteLength(text3) / 2 ** 20,
      convertMs: median(convert),
      writeAndCheckMs: median(write),
      totalMs: median(total),
      totalRange: [Math.min(...total), Math.max(...total)]
    };
    console.log(
      `
import of a ${rows}-row CSV (${figures.megabytes.toFixed(1)} MB), median of ${runs}: read + convert ${figures.convertMs.toFixed(0)} ms + write + check ${figures.writeAndCheckMs.toFixed(0)} ms = ${figures.totalMs.toFixed(0)} ms (${figures.totalRange.map((x) => x.toFixed(0)).join("\u2013")})` + (rows === 1e5 ? `   [< ${CEILING_MS} ms: ${figures.totalMs < CEILING_MS ? "pass" : "FAIL"}]` : "")
    );
    return figures;
  } finally {
    await rm2(dir, { recursive: true, force: true });
  }
}
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      rows: { type: "string", default: "100000" },
      runs: { type: "string", default: "3" }
    }
  });
  await importBench(Number(values.rows), Number(values.runs));
}

// try.ts
var text2 = syntheticChart(1e5);
var table = readCsv("x.csv", text2);
if ("issues" in table) throw new Error(String(table.issues[0]?.message));
var r = importTable(table, { asOf: "2024-01-01" });
console.log("done");
