/** The page's only way to the data: orggraph's public GraphQL API, over plain fetch. */
export type Lang = 'en' | 'fr';

export interface ChartUnit {
  key: string;
  kind: string;
  name: string;
  acronym: string | null;
  /** The next unit up the reporting line (stated, else the unit it is part of); null at the top. */
  reportsTo: { key: string } | null;
  /** The unit it is part of: whose `units` list it is in. */
  parent: { key: string } | null;
  head: { title: string } | null;
  /** Direct sub-units. */
  childCount: number;
  /** Units below it, at any depth. */
  descendantCount: number;
}

export interface UnitDetail {
  key: string;
  kind: string;
  nameEn: string;
  nameFr: string;
  acronym: string | null;
  description: string;
  head: { title: string } | null;
  aliases: { text: string; lang: 'EN' | 'FR'; kind: string }[];
  responsibilities: { key: string; label: string }[];
  history: { nodes: { key: string; date: string; title: string }[] };
  reportingSteps: { unit: { key: string; name: string }; basis: string }[];
  sources: {
    quote: string;
    locator: string | null;
    document: { title: string | null; url: string | null };
  }[];
}

export interface SearchResult {
  key: string;
  name: string;
  via: string;
}

export class ApiError extends Error {}

async function graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new ApiError(`HTTP ${response.status}`);
  return body.data;
}

const LANG_ENUM = { en: 'EN', fr: 'FR' } as const;

/** The fields a chart box shows (`$lang` must be declared by the operation). */
const CHART_UNIT = `key
      kind
      name(lang: $lang)
      acronym(lang: $lang)
      reportsTo { key }
      parent { key }
      head { title(lang: $lang) }
      childCount
      descendantCount`;

/** One page of a unit list, with its cursor and the list's length. */
export interface UnitPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: ChartUnit[];
}

const PAGE_FIELDS = `totalCount pageInfo { hasNextPage endCursor } nodes { ${CHART_UNIT} }`;

/**
 * Runs `body` on today's graph, or inside `at(date:)` for a dated view, and returns the fields
 * `body` selects either way (the dated view also gives its coverage notes).
 */
async function scoped<T>(
  name: string,
  params: string,
  body: string,
  variables: Record<string, unknown>,
  date: string | null,
  outside = '',
  fragments = '',
): Promise<T & { coverageNotes: string[] }> {
  if (!date) {
    const data = await graphql<T>(
      `query ${name}(${params}) { ${outside} ${body} }${fragments}`,
      variables,
    );
    return { ...data, coverageNotes: [] };
  }
  const data = await graphql<{ at: T & { coverage: { notes: string[] } } } & T>(
    `query ${name}At(${params}, $date: Date!) { ${outside} at(date: $date) { ${body} coverage { notes(lang: $lang) } } }${fragments}`,
    { ...variables, date },
  );
  return { ...data, ...data.at, coverageNotes: data.at.coverage.notes };
}

export interface DatasetInfo {
  key: string;
  title: string;
  /** The dataset's languages, as the API's `Lang` values (`EN`, `FR`). */
  languages: string[];
}

export interface FirstPage {
  dataset: DatasetInfo;
  /** The first page of every unit (all of them when the dataset is small). */
  units: UnitPage;
  /** The organisation at the root, with the first page of its sub-units. */
  organization: (ChartUnit & { units: UnitPage }) | null;
  coverageNotes: string[];
}

/**
 * One request for the first view: the dataset's title, the first page of all units (the whole
 * organisation when it is small) and the root with its first page of sub-units (where a large one
 * starts).
 */
export async function fetchFirstPage(
  lang: Lang,
  date: string | null,
  pageSize: number,
  rootPageSize: number,
): Promise<FirstPage> {
  return scoped<Omit<FirstPage, 'coverageNotes'>>(
    'ChartFirstView',
    '$lang: Lang, $first: Int!, $rootFirst: Int!',
    `units(first: $first) { ${PAGE_FIELDS} }
    organization { ${CHART_UNIT} units(first: $rootFirst) { ${PAGE_FIELDS} } }`,
    { lang: LANG_ENUM[lang], first: pageSize, rootFirst: rootPageSize },
    date,
    'dataset { key title(lang: $lang) languages }',
  );
}

/** A page of every unit, after a cursor (for a small organisation, drawn whole). */
export async function fetchUnitsPage(
  lang: Lang,
  date: string | null,
  after: string,
  first: number,
): Promise<UnitPage> {
  return (
    await scoped<{ units: UnitPage }>(
      'ChartUnits',
      '$lang: Lang, $after: String, $first: Int!',
      `units(first: $first, after: $after) { ${PAGE_FIELDS} }`,
      { lang: LANG_ENUM[lang], after, first },
      date,
    )
  ).units;
}

/** A page of a unit's direct sub-units, after a cursor (null for the first page). */
export async function fetchChildren(
  key: string,
  lang: Lang,
  date: string | null,
  after: string | null,
  first: number,
): Promise<UnitPage> {
  return (
    await scoped<{ units: UnitPage }>(
      'ChartChildren',
      '$lang: Lang, $parent: String!, $after: String, $first: Int!',
      `units(filter: { parent: $parent }, first: $first, after: $after) { ${PAGE_FIELDS} }`,
      { lang: LANG_ENUM[lang], parent: key, after, first },
      date,
    )
  ).units;
}

/** Units per request of `fetchChildrenOfEach`: its aliases and tokens stay within the limits. */
const EACH_CHUNK = 10;

/** The first page of sub-units of each unit of a list (a request per ten units, in parallel). */
export async function fetchChildrenOfEach(
  keys: readonly string[],
  lang: Lang,
  date: string | null,
  first: number,
): Promise<Map<string, UnitPage>> {
  const chunks: string[][] = [];
  for (let i = 0; i < keys.length; i += EACH_CHUNK) chunks.push(keys.slice(i, i + EACH_CHUNK));
  const pages = await Promise.all(chunks.map((chunk) => childrenOfChunk(chunk, lang, date, first)));
  return new Map(pages.flatMap((m) => [...m]));
}

async function childrenOfChunk(
  keys: readonly string[],
  lang: Lang,
  date: string | null,
  first: number,
): Promise<Map<string, UnitPage>> {
  // Root `units` filtered by parent, once per unit, as aliases; fragments keep the document short.
  const params = keys.map((_, i) => `$p${i}: String!`).join(', ');
  const body = keys
    .map((_, i) => `c${i}: units(filter: { parent: $p${i} }, first: $first) { ...ChartPage }`)
    .join('\n');
  const variables: Record<string, unknown> = { lang: LANG_ENUM[lang], first };
  keys.forEach((k, i) => (variables[`p${i}`] = k));
  const data = await scoped<Record<string, UnitPage>>(
    'ChartChildrenOfEach',
    `$lang: Lang, $first: Int!, ${params}`,
    body,
    variables,
    date,
    '',
    `\nfragment ChartPage on UnitConnection { ${PAGE_FIELDS} }`,
  );
  return new Map(keys.map((k, i) => [k, data[`c${i}`] as UnitPage]));
}

export type BranchStep = ChartUnit & { units: UnitPage };

/**
 * A unit with the branches above it: each unit it is part of (the top first) with its first page
 * of sub-units, so the chart can show the unit in its place however deep it is.
 */
export async function fetchBranch(
  key: string,
  lang: Lang,
  date: string | null,
  first: number,
): Promise<{ unit: ChartUnit; ancestors: BranchStep[] } | null> {
  const data = await scoped<{ unit: (ChartUnit & { ancestors: BranchStep[] }) | null }>(
    'ChartBranch',
    '$lang: Lang, $key: String!, $first: Int!',
    `unit(name: $key) { ${CHART_UNIT} ancestors { ${CHART_UNIT} units(first: $first) { ${PAGE_FIELDS} } } }`,
    { lang: LANG_ENUM[lang], key, first },
    date,
  );
  if (!data.unit) return null;
  const { ancestors, ...unit } = data.unit;
  return { unit, ancestors };
}

const UNIT_FIELDS = `unit(name: $key) {
    key
    kind
    nameEn: name(lang: EN)
    nameFr: name(lang: FR)
    acronym(lang: $lang)
    description(lang: $lang)
    head { title(lang: $lang) }
    aliases { text lang kind }
    responsibilities { key label(lang: $lang) }
    history(first: 100) { nodes { key date title(lang: $lang) } }
    reportingSteps { unit { key name(lang: $lang) } basis }
    sources { quote locator document { title(lang: $lang) url } }
  }`;

export const UNIT_QUERY = `query Unit($key: String!, $lang: Lang) {
  ${UNIT_FIELDS}
}`;

export const UNIT_AT_QUERY = `query UnitAt($key: String!, $lang: Lang, $date: Date!) {
  at(date: $date) {
    ${UNIT_FIELDS}
  }
}`;

export async function fetchUnit(
  key: string,
  lang: Lang,
  date: string | null,
): Promise<UnitDetail | null> {
  const variables = { key, lang: LANG_ENUM[lang] };
  if (!date) return (await graphql<{ unit: UnitDetail | null }>(UNIT_QUERY, variables)).unit;
  const data = await graphql<{ at: { unit: UnitDetail | null } }>(UNIT_AT_QUERY, {
    ...variables,
    date,
  });
  return data.at.unit;
}

const FIND_QUERY = `query Find($text: String!, $lang: Lang) {
  search(text: $text, lang: $lang, kinds: [UNIT], first: 8) {
    edges {
      node {
        matchedField
        confidence
        viaTopic { label(lang: $lang) }
        node { ... on OrgUnit { key name(lang: $lang) } }
      }
    }
  }
}`;

/**
 * Units for what the user typed, ranked by the server's search: by name, acronym or alias (typos
 * and missing accents included), and by the topics they handle.
 */
export async function findUnits(text: string, lang: Lang): Promise<SearchResult[]> {
  const data = await graphql<{
    search: {
      edges: {
        node: {
          matchedField: string;
          confidence: number;
          viaTopic: { label: string } | null;
          node: { key?: string; name?: string };
        };
      }[];
    };
  }>(FIND_QUERY, { text, lang: LANG_ENUM[lang] });
  const results: SearchResult[] = [];
  for (const { node: hit } of data.search.edges) {
    const { key, name } = hit.node;
    if (key && name && !results.some((r) => r.key === key)) {
      results.push({ key, name, via: hit.viaTopic?.label ?? '' });
    }
  }
  return results;
}

export interface AskedUnit {
  key: string;
  nameEn: string;
  nameFr: string;
}

export interface AskAnswer {
  intent: string;
  questionLang: 'EN' | 'FR';
  text: string;
  note: string | null;
  notStated: boolean;
  units: AskedUnit[];
  sources: {
    quote: string;
    locator: string | null;
    document: { title: string | null; url: string | null };
  }[];
  graphql: string | null;
  variables: { name: string; value: string }[];
  suggestions: string[];
}

const ASK_FIELDS = `ask(question: $question) {
    intent
    questionLang
    text
    note
    notStated
    units { key nameEn: name(lang: EN) nameFr: name(lang: FR) }
    sources { quote locator document { title url } }
    graphql
    variables { name value }
    suggestions
  }`;

export const ASK_QUERY = `query Ask($question: String!) {
  ${ASK_FIELDS}
}`;

/** The question asked of the structure as of a date: `ask` answers from that date's view. */
export const ASK_AT_QUERY = `query AskAt($question: String!, $date: Date!) {
  at(date: $date) {
    ${ASK_FIELDS}
  }
}`;

/** `ask`'s answer to a question in plain words, in the question's language. */
export async function askQuestion(question: string, date: string | null): Promise<AskAnswer> {
  if (!date) return (await graphql<{ ask: AskAnswer }>(ASK_QUERY, { question })).ask;
  return (await graphql<{ at: { ask: AskAnswer } }>(ASK_AT_QUERY, { question, date })).at.ask;
}
