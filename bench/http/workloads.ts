/**
 * The HTTP benchmark's workloads: GraphQL documents, each doing a fixed amount of work, that every
 * server variant answers identically.
 */
import type { OrgGraph } from '../../src/graph/org-graph';

export interface Request {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
}

export interface Workload {
  readonly name: string;
  readonly description: string;
  /** The dataset served: the default seed, or a generated organisation of 10,000 units. */
  readonly dataset: 'default' | 'generated-10k';
  /** One request repeated, or a mix cycled through (different documents and variables). */
  readonly requests: (graph: OrgGraph) => readonly Request[];
}

const REPORTING_LINE: Request = {
  query: `query ReportingLine($unit: String!) { reportingLine(unit: $unit) { key name kind } }`,
  variables: { unit: 'NATO Security Office' },
};

const STRUCTURE: Request = {
  query: `query Structure {
  internationalStaff {
    key name kind head { title }
    responsibilities { key label }
    units(first: 20) {
      totalCount
      nodes {
        key name kind head { title }
        responsibilities { key label }
        units(first: 10) { nodes { key name kind head { title } responsibilities { key label } } }
      }
    }
  }
}`,
};

const WHO_HANDLES: Request = {
  query: `query WhoHandles($topic: String!) { whoHandles(topic: $topic) { key name kind } }`,
  variables: { topic: 'cyber defence' },
};

const UNIT_NAMES = [
  'NATO Security Office',
  'NOS',
  'ESC',
  'PASP',
  'DPP',
  'Operations Division',
  'DI',
  'PDD',
  'Executive Management Division',
  'NOR',
  'IBAN',
  'OLA',
  'Policy Planning Unit',
  'DSG',
  'Private Office',
  'International Staff',
  'Secretary General',
  'NAC',
  'Office of the Financial Controller',
  "Bureau de sécurité de l'OTAN",
];
const TOPICS = [
  'cyber defence',
  'terrorism',
  'energy security',
  'nuclear policy',
  'peacekeeping',
  'air defence',
  'human resources',
  'crisis management',
  'media',
  'exercises',
  'armaments planning',
  'legal affairs',
  'civil emergency planning',
  'information management',
  'security investment',
  'defence planning',
  'cyberdéfense',
  'climate change',
  'conference services',
  'weapons of mass destruction',
];

/** 50 different requests: reporting lines, who-handles, unit details, in both languages. */
function mix(): Request[] {
  const out: Request[] = [];
  UNIT_NAMES.forEach((unit, i) =>
    out.push({
      query: `query Line${i}($unit: String!, $lang: Lang) { reportingLine(unit: $unit) { key name(lang: $lang) } }`,
      variables: { unit, lang: i % 2 ? 'FR' : 'EN' },
    }),
  );
  TOPICS.forEach((topic, i) =>
    out.push({
      query: `query Handles${i}($topic: String!) { whoHandles(topic: $topic) { key name acronym head { title } } }`,
      variables: { topic },
    }),
  );
  UNIT_NAMES.slice(0, 10).forEach((name, i) =>
    out.push({
      query: `query Unit${i}($name: String!) { unit(name: $name) { key name description responsibilities { label } history(first: 20) { nodes { date title } } sources { quote } } }`,
      variables: { name },
    }),
  );
  return out;
}

const SEARCH: Request = {
  query: `query Search($text: String!) {
  search(text: $text, first: 10) {
    edges { node { score matchedField snippet node { ... on OrgUnit { key name } ... on Topic { key label } } } }
  }
}`,
  variables: { text: 'cyber defence' },
};

/** Units a subtree shows three levels deep: the unit, its sub-units and theirs. */
function unitsToDepth3(graph: OrgGraph, key: string): number {
  let n = 1;
  for (const child of graph.childrenOf(key)) n += 1 + graph.childrenOf(child.key).length;
  return n;
}

/**
 * About 1,000 units, three levels deep: the first top-level units of the generated organisation,
 * each with its sub-units and theirs, as many as it takes to reach 1,000 units (the generator's
 * branching varies, so the count is measured, not assumed).
 */
export function subtrees(graph: OrgGraph): Request[] {
  const top = graph.childrenOf(graph.units('organization')[0]?.key ?? '');
  const picked: string[] = [];
  let units = 0;
  for (const unit of top) {
    if (units >= 1000) break;
    picked.push(unit.key);
    units += unitsToDepth3(graph, unit.key);
  }
  const variables = Object.fromEntries(picked.map((key, i) => [`u${i}`, key]));
  // Each page asks for as many units as the level holds, as a client that read `childCount` would.
  const fields = picked.map((key, i) => {
    const children = graph.childrenOf(key);
    const widest = Math.max(1, ...children.map((c) => graph.childrenOf(c.key).length));
    return `u${i}: unit(name: $u${i}) { key name kind units(first: ${Math.max(1, children.length)}) { nodes { key name kind units(first: ${widest}) { nodes { key name kind } } } } }`;
  });
  const params = picked.map((_, i) => `$u${i}: String!`).join(', ');
  return [{ query: `query Subtrees(${params}) {\n  ${fields.join('\n  ')}\n}`, variables }];
}

/** How many units workload (d) returns, for its description. */
export function subtreeUnits(graph: OrgGraph): number {
  const variables = subtrees(graph)[0]?.variables ?? {};
  return Object.values(variables).reduce<number>(
    (n, key) => n + unitsToDepth3(graph, String(key)),
    0,
  );
}

export const WORKLOADS: readonly Workload[] = [
  {
    name: 'a-reporting-line',
    description: 'reporting line of "NATO Security Office"',
    dataset: 'default',
    requests: () => [REPORTING_LINE],
  },
  {
    name: 'b-structure',
    description: 'the whole structure, three levels',
    dataset: 'default',
    requests: () => [STRUCTURE],
  },
  {
    name: 'c-who-handles',
    description: 'whoHandles("cyber defence")',
    dataset: 'default',
    requests: () => [WHO_HANDLES],
  },
  {
    name: 'd-1000-units',
    description: 'about 1,000 units at depth 3 of a generated 10,000-unit organisation',
    dataset: 'generated-10k',
    requests: subtrees,
  },
  {
    name: 'e-search',
    description: 'search("cyber defence"): ten hits with snippets',
    dataset: 'default',
    requests: () => [SEARCH],
  },
  {
    name: 'f-mix-50',
    description: '50 different queries, varying variables',
    dataset: 'default',
    requests: () => mix(),
  },
];
