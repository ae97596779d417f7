/** The page's only way to the data: orggraph's public GraphQL API, over plain fetch. */
export type Lang = 'en' | 'fr';

export interface ChartUnit {
  key: string;
  kind: string;
  name: string;
  acronym: string | null;
  reportsTo: { key: string } | null;
  head: { title: string } | null;
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

const CHART_FIELDS = `units(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      key
      kind
      name(lang: $lang)
      acronym(lang: $lang)
      reportsTo { key }
      head { title(lang: $lang) }
    }
  }`;

export const CHART_QUERY = `query Chart($lang: Lang, $after: String) {
  ${CHART_FIELDS}
}`;

/** The same chart as of a date: `at(date:)` answers from the graph as it stood then. */
export const CHART_AT_QUERY = `query ChartAt($lang: Lang, $date: Date!, $after: String) {
  at(date: $date) {
    ${CHART_FIELDS}
    coverage { complete notes(lang: $lang) }
  }
}`;

interface UnitPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: ChartUnit[];
}

export interface Chart {
  units: ChartUnit[];
  /** What the sources do not describe on that date (only for a dated view). */
  coverageNotes: string[];
}

/** Every unit, a page at a time (the largest page the API gives), following the cursors. */
export async function fetchChart(lang: Lang, date: string | null): Promise<Chart> {
  const units: ChartUnit[] = [];
  let coverageNotes: string[] = [];
  let after: string | null = null;
  for (;;) {
    let page: UnitPage;
    if (!date) {
      page = (await graphql<{ units: UnitPage }>(CHART_QUERY, { lang: LANG_ENUM[lang], after }))
        .units;
    } else {
      const data = await graphql<{
        at: { units: UnitPage; coverage: { complete: boolean; notes: string[] } };
      }>(CHART_AT_QUERY, { lang: LANG_ENUM[lang], date, after });
      page = data.at.units;
      coverageNotes = data.at.coverage.notes;
    }
    units.push(...page.nodes);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return { units, coverageNotes };
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
