/** Ready-made queries for GraphiQL's tabs; the README and the tests use the same ones. */
import { defaultDatasetKey } from '../graph/dataset-declaration';
import type { OrgGraph } from '../graph/org-graph';
import type { Lang, Unit } from '../graph/types';
import { kindEnumName } from '../graph/unit-kinds';

export interface Example {
  readonly title: string;
  readonly query: string;
}

export const EXAMPLES: readonly Example[] = [
  {
    title: 'Which division handles cyber defence?',
    query: `# Which division handles cyber defence? Try "Cyber-Defense" or "cyberdéfense" too.
query WhoHandlesCyberDefence {
  whoHandles(topic: "cyber defence") {
    name
    acronym
    head { title }
  }
  handlers(topic: "cyber defence") {
    topic { label labelFr: label(lang: FR) }
    responsibility { basis role sources { quote locator document { title } } }
  }
}
`,
  },
  {
    title: 'Reporting line of the NATO Security Office',
    query: `# "NATO Security Office" is an informal name: the server resolves it.
query ReportingLine {
  reportingLine(unit: "NATO Security Office") {
    name
    kind
  }
  unit(name: "NATO Security Office") {
    name
    acronym
    reportingSteps {
      unit { name }
      basis
      sources { quote locator }
    }
  }
}
`,
  },
  {
    title: 'Search anything, in any words',
    query: `# Typos, missing accents, French or English, type-ahead on the last word: every hit says
# which field matched, how (EXACT, STEM, PREFIX, FUZZY) and how sure the server is.
# Try "cyberdéfense", "bureau securite", "emerging secu" or "climate change" (nothing: no guess).
query Search {
  search(text: "cyber defnce", first: 10) {
    edges {
      node {
        score
        confidence
        matchedField
        matchKind
        snippet
        snippetFr: snippet(lang: FR)
        node {
          __typename
          ... on OrgUnit { name acronym }
          ... on Topic { label }
          ... on Post { title }
          ... on Event { date title }
        }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
  resolveUnit(name: "Office") {
    unit { name }
    ambiguous
    alternatives { unit { name } matched via kind confidence }
    note
  }
}
`,
  },
  {
    title: 'Who is responsible for …? (with evidence)',
    query: `# The matched topic, each responsible unit with its basis, confidence and the source's words.
# "missile defence" or "climate change" give matches: [] and a note: the data does not say.
query ResponsibilityFor {
  responsibilityFor(topic: "cyber defnce") {
    topics { topic { key label } matched via kind confidence }
    matches {
      unit { name acronym }
      basis
      confidence
      viaNarrower
      citations { quote locator document { title } }
    }
    note
  }
  related: responsibilityFor(topic: "cybersecurity") {
    topics { topic { label } via confidence }
    matches { unit { name } confidence }
    note
  }
  nobody: responsibilityFor(topic: "missile defence") {
    matches { unit { name } }
    note
  }
}
`,
  },
  {
    title: 'The whole structure in one request',
    query: `# The Secretary General, the International Staff and all its units, three levels deep.
query Structure {
  secretaryGeneral { name head { title } }
  internationalStaff {
    name
    acronym
    headcount { approx asOf scope }
    location { name }
    units(first: 20) {
      totalCount
      nodes {
        __typename
        key
        name
        acronym
        head { title }
        responsibilities { label }
        units(first: 10) {
          nodes {
            key
            name
            head { title }
            responsibilities { label }
          }
        }
      }
    }
  }
}
`,
  },
  {
    title: 'En français',
    query: `# Names, descriptions and labels in French (or send Accept-Language: fr).
query EnFrancais {
  unit(name: "Bureau de sécurité de l'OTAN") {
    name(lang: FR)
    acronym(lang: FR)
    description(lang: FR)
    responsibilities { label(lang: FR) }
  }
  whoHandles(topic: "cyberdéfense") { name(lang: FR) }
}
`,
  },
  {
    title: 'Pages, filters and ordering',
    query: `# Every list that grows with the organisation is a connection: first/after (or last/before),
# totalCount, edges with cursors, or nodes for the items alone. Pass pageInfo.endCursor as
# \`after\` for the next page.
query PagesFiltersOrdering {
  divisions: units(filter: { kind: DIVISION }, orderBy: { field: NAME, lang: FR }, first: 3) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { name(lang: FR) } }
  }
  underTheStaff: units(filter: { under: "International Staff", kind: [OFFICE] }) {
    totalCount
    nodes { name independent }
  }
  cyber: units(filter: { topic: "cyber defence" }) { nodes { name } }
  byName: units(filter: { text: "secur" }) { nodes { name acronym } }
  biggest: units(orderBy: { field: DESCENDANT_COUNT, direction: DESC }, first: 3) {
    nodes { name childCount descendantCount divisions: descendantCount(kind: DIVISION) }
  }
  since2010: units(filter: { established: { from: "2010" } }, orderBy: { field: ESTABLISHED }) {
    nodes { name established }
  }
}
`,
  },
  {
    title: 'History, with sources and corrections',
    query: `# Events in date order; the source dates the Prague summit wrongly, and says so.
query History {
  events(from: "1951", to: "2011", first: 100) {
    totalCount
    nodes {
      date
      datePrecision
      dateQualifier
      title
      affected { name }
      corrections { field claimed corrected reason }
      sources { quote locator }
    }
  }
}
`,
  },
  {
    title: 'Path from the Office of Legal Affairs to the NATO Office of Security',
    query: `# The shortest path along reporting lines, each step with its edge kind and direction,
# and the lowest unit both answer to. Leave out \`via\` to walk every kind of edge.
query PathOlaToNos {
  path(from: "Office of Legal Affairs", to: "NOS", via: [REPORTS_TO]) {
    length
    steps {
      node { label type }
      edge { kind basis sources { quote locator } }
      direction
    }
    commonSuperior {
      unit { name }
      basis
    }
  }
}
`,
  },
  {
    title: 'The structure as of 2009-06-01',
    query: `# Everything under at(date:) is answered as of that date: no ESC division before August
# 2010. The coverage says what the sources do and do not describe for that date.
query StructureIn2009 {
  at(date: "2009-06-01") {
    coverage {
      date
      complete
      notes
      absentUnits { nodes { name established } }
    }
    divisions: units(filter: { kind: DIVISION }) { totalCount nodes { name acronym } }
    internationalStaff {
      childCount
      units(first: 100) { nodes { name validity { validFrom open basis } } }
    }
  }
}
`,
  },
  {
    title: 'Changes between 2006 and 2011',
    query: `# Only dated changes are listed; the notes say where the sources are silent.
query Changes2006To2011 {
  changes(from: "2006", to: "2011") {
    appeared(first: 100) {
      totalCount
      nodes {
        unit { name }
        validity { validFrom validFromPrecision }
        events { date title }
        basis
        sources { quote locator }
      }
    }
    disappeared(first: 100) { nodes { unit { name } } }
    moved(first: 100) { nodes { unit { name } fromParent { name } toParent { name } } }
    events(first: 100) { totalCount nodes { date dateQualifier title } }
    notes
  }
}
`,
  },
  {
    title: 'Neighbourhood of the Emerging Security Challenges Division',
    query: `# Node and edge lists, a page at a time, ready for a graph-drawing client.
query NeighbourhoodOfEsc {
  neighbourhood(of: "ESC", depth: 2) {
    centre { id label }
    nodes(first: 100) { totalCount nodes { id type label distance } }
    edges(first: 100) { totalCount nodes { kind source target basis } }
  }
}
`,
  },
  {
    title: 'Sources and correction of the Prague Summit',
    query: `# The source dates the Prague Summit to November 2009; the data keeps its claim and
# the corrected date, with the evidence.
query PragueSummitSources {
  events(kinds: [SUMMIT], affecting: "NATO", from: "2002", to: "2002") {
    nodes {
      key
      date
      endDate
      title
      sources { quote locator lang document { title url verified } }
      corrections {
        field
        claimed
        corrected
        reason
        sources { quote document { title url } }
      }
    }
  }
}
`,
  },
  {
    title: 'Staff and recruitment rules of the International Staff',
    query: `# Who may join, how staff are recruited and appointed, what they owe, where vacancies are
# published: each rule as the source states it, with its citation.
query StaffRules {
  internationalStaff {
    staffRules {
      eligibility { nationality mandatory statement sources { quote locator } }
      recruitment { mode by statement sources { quote locator } }
      appointments { decidedBy { title } statement sources { quote locator } }
      allegiance { owedTo { name } duration statement sources { quote locator } }
      vacancies { publishedOn statement sources { quote locator } }
    }
  }
}
`,
  },
  {
    title: 'When the source page was last updated',
    query: `# The page gives a time but no time zone: the data says so rather than guess one.
query SourceUpdated {
  dataset {
    asOf
    citationPolicy
    primarySource {
      key
      updated { at date timeZone timeZoneKnown sources { quote locator } }
    }
  }
}
`,
  },
  {
    title: 'The Private Office has no stated head',
    query: `# The source says the Private Office includes a director and his staff, not that the
# director heads it: the director is a member post, and the office has no head.
query PrivateOffice {
  unit(name: "Private Office") {
    name
    head { title }
    notes
    posts { key title role heads { name } }
    units { nodes { name head { title } } }
  }
}
`,
  },
  {
    title: 'Whom the International Staff and the Executive Management Division support',
    query: `# Support as the source states it: to a unit of the graph, or to a party that is none.
query Supports {
  is: unit(name: "IS") { supports { unit { name } party scope sources { quote locator } } }
  em: unit(name: "Executive Management Division") {
    supports { unit { name } party scope sources { locator } }
  }
  nac: unit(name: "NAC") { acronym(lang: FR) supportedBy { giver { name } } }
  neighbourhood(of: "IS", depth: 1, via: [SUPPORTS]) {
    nodes { nodes { label } }
    edges { nodes { kind basis } }
  }
}
`,
  },
  {
    title: 'The 2010 Strategic Concept',
    query: `# A document of its own: what it commits to, the summit that endorsed it, and the
# reform and review that follow from it (dated only "after November 2010", inferred).
query StrategicConcept {
  document(key: "strategic-concept-2010") {
    title
    date
    commitments { text sources { quote locator } }
    endorsedBy { key date }
    followedBy { key date dateQualifier dateInferred }
    sources { quote locator }
  }
}
`,
  },
  {
    title: 'The events of 2010, and what is known only to be after November 2010',
    query: `# An event dated only "after November 2010" is not returned for 2010: it may have
# happened later. It is returned for a period it is known to fall in.
query EventsOf2010 {
  in2010: events(from: "2010", to: "2010") { nodes { key date dateQualifier dateInferred } }
  in2011: events(from: "2011", to: "2011") {
    nodes {
      key
      date
      dateQualifier
      dateInferred
      dateInference { reason sources { locator } }
    }
  }
}
`,
  },
  {
    title: 'Ask: who handles a topic?',
    query: `# ask answers a question in plain English or French, cites its sources and shows the
# GraphQL that gets the same facts (paste \`graphql\` and \`variables\` into a new tab).
# A wider notion is a related match, with lower confidence; a topic nobody handles gets nothing.
query AskWhoHandles {
  en: ask(question: "Which division handles cyber defence?") {
    intent
    text
    units { name }
    sources { quote locator }
    confidence
    graphql
    variables { name value }
  }
  fr: ask(question: "Quelle division s'occupe de la cyberdéfense ?") {
    text
    units { name(lang: FR) }
  }
  related: ask(question: "Who is responsible for nuclear matters?") { text note confidence }
  nobody: ask(question: "Qui s'occupe de la défense antimissile ?") { notStated text note }
}
`,
  },
  {
    title: 'Ask: reporting lines, superiors and subordinates',
    query: `# Units come in a meaningful order: a reporting line from the unit upwards.
query AskReportingLine {
  en: ask(question: "What is the reporting line of the NATO Security Office?") {
    intent
    text
    units { name }
    sources { quote }
    graphql
    variables { name value }
  }
  fr: ask(question: "Quelle est la chaîne hiérarchique du NATO Security Office ?") {
    text
    units { name(lang: FR) }
  }
  above: ask(question: "À qui rend compte le Bureau de sécurité de l'OTAN ?") { intent text }
  under: ask(question: "Which units report to the Secretary General?") { intent text units { name } }
}
`,
  },
  {
    title: 'Ask: who heads a unit, what it is, what it does, where it sits',
    query: `# The sources describe posts, never the people in them: asking for a name says so.
query AskAboutAUnit {
  head: ask(question: "Who heads the Emerging Security Challenges Division?") { text posts { title } }
  tete: ask(question: "Qui dirige la Division Défis de sécurité émergents ?") { text }
  what: ask(question: "What is the Private Office?") { intent text note }
  does: ask(question: "Que fait la Division Diplomatie publique ?") { intent text topics { label(lang: FR) } }
  where: ask(question: "Where does the Office of Legal Affairs sit in the structure?") {
    intent
    text
    units { name }
  }
  holder: ask(question: "Qui est le secrétaire général ?") { intent notStated text }
}
`,
  },
  {
    title: 'Ask: how many?',
    query: `# Counts come with the units counted; a figure the source only approximates says so.
query AskHowMany {
  en: ask(question: "How many divisions does the International Staff have?") {
    intent
    count
    text
    units { name }
  }
  fr: ask(question: "Combien de divisions compte le Secrétariat international ?") { count text }
  civilians: ask(question: "Combien de civils travaillent au Secrétariat international ?") {
    intent
    count
    approximate
    text
    note
  }
}
`,
  },
  {
    title: 'Ask: which units are of a kind or share a property?',
    query: `# Lists in the source's order.
query AskWhichUnits {
  independent: ask(question: "Which offices are independent?") { intent count text }
  independants: ask(question: "Quels sont les bureaux indépendants ?") { text }
  members: ask(question: "Which units are members of the Private Office?") { intent text units { name } }
  membres: ask(question: "Quels sont les membres du Cabinet ?") { text }
  director: ask(question: "Quelles unités sont dirigées par un directeur ?") { intent text units { name(lang: FR) } }
}
`,
  },
  {
    title: 'Ask: when, and what happened',
    query: `# Where the data corrects the source (the Prague Summit's date), the answer gives the
# corrected fact and what the source claimed.
query AskWhen {
  created: ask(question: "When was the Emerging Security Challenges Division created?") {
    intent
    date
    text
    note
  }
  creee: ask(question: "Quand la Division Défis de sécurité émergents a-t-elle été créée ?") { date text }
  prague: ask(question: "When was the Prague summit?") {
    intent
    date
    endDate
    text
    corrections { claimed corrected reason }
  }
  between: ask(question: "Que s'est-il passé entre 2002 et 2010 ?") {
    intent
    count
    text
    events { date title(lang: FR) }
  }
  chronology: ask(question: "What is the chronology?") { intent count events { date title } }
}
`,
  },
  {
    title: 'Ask: the structure on a date',
    query: `# Answered from that date's view, saying what the sources do not describe. Inside
# at(date:), ask answers from the view, and its document asks the view too.
query AskStructureOnADate {
  en: ask(question: "What did the International Staff look like in 2009?") {
    intent
    count
    text
    note
    units { name }
  }
  fr: ask(question: "La Division Défis de sécurité émergents existait-elle en 2009 ?") {
    intent
    verdict
    text
  }
  before: ask(question: "What did the Private Office look like in 1990?") { notStated text }
  at(date: "2009-06-01") {
    ask(question: "Which division handles cyber defence?") { notStated text graphql variables { name value } }
  }
}
`,
  },
  {
    title: 'Ask: how two units are connected',
    query: `# A path over part-of, reports-to and member-of, and the lowest unit both answer to.
query AskConnection {
  en: ask(question: "How are the NATO Office of Security and the ESC connected?") {
    intent
    text
    units { name }
    path { length steps { node { label } edge { kind } direction } }
  }
  fr: ask(
    question: "Quel est le supérieur commun du Bureau des affaires juridiques et du Bureau de sécurité de l'OTAN ?"
  ) {
    intent
    text
    units { name(lang: FR) }
  }
}
`,
  },
  {
    title: 'Ask: where the International Staff is, who works there, how to join',
    query: `# Each rule as the source states it, with its citation.
query AskInternationalStaff {
  where: ask(question: "Where is the International Staff located?") { intent text sources { quote } }
  ou: ask(question: "Où se trouve le Secrétariat international ?") { text }
  people: ask(question: "How many people work at the International Staff?") { count approximate text }
  join: ask(question: "How do I join the International Staff?") { intent text sources { quote locator } }
  rejoindre: ask(question: "Comment entrer au Secrétariat international ?") { text }
}
`,
  },
  {
    title: 'Ask: the sources and when they were updated',
    query: `# What the data rests on, and how current it is.
query AskSources {
  sources: ask(question: "What are the sources?") { intent count text documents { title url } }
  sourcesFr: ask(question: "Quelles sont les sources ?") { text }
  updated: ask(question: "Quand les sources ont-elles été mises à jour ?") { intent date text note }
}
`,
  },
  {
    title: 'Ask: a question it cannot read',
    query: `# No guess: intent UNKNOWN, a note, and questions it can answer, in the question's language.
query AskUnknown {
  en: ask(question: "Why is the sky blue?") { intent text suggestions }
  fr: ask(question: "Pourquoi le ciel est-il bleu ?") { intent text suggestions }
}
`,
  },
];

/**
 * The tabs for a dataset: the NATO tabs above for the default dataset; for any other, tabs built
 * from its own data (a topic it handles, its deepest unit, an alias, its kinds and languages),
 * so every tab answers something on the dataset being served.
 */
export function examplesFor(graph: OrgGraph): readonly Example[] {
  if (graph.dataset.key === defaultDatasetKey()) return EXAMPLES;
  return datasetExamples(graph);
}

const quoted = (text: string) => JSON.stringify(text);

function datasetExamples(graph: OrgGraph): Example[] {
  const [first, second] = graph.dataset.languages;
  const name = (u: Unit) => u.name[first];
  const units = graph.units();
  const root = units.find((u) => !u.parent);
  const examples: Example[] = [];

  const handled = graph.topics().find((t) => graph.handlersOf(t.key).length > 0);
  if (handled)
    examples.push({
      title: `Who handles ${handled.label[first]}?`,
      query: `# The units responsible for a topic, most specific first, and why.
query WhoHandles {
  whoHandles(topic: ${quoted(handled.label[first])}) {
    name
    kind
    head { title }
  }
  handlers(topic: ${quoted(handled.label[first])}) {
    topic { label }
    unit { name }
    responsibility { basis role }
  }
}
`,
    });

  const deepest = [...units].sort((a, b) => graph.depthOf(b.key) - graph.depthOf(a.key))[0];
  if (deepest)
    examples.push({
      title: `Reporting line of the ${name(deepest)}`,
      query: `# From the unit up to the top, with the reason for each step.
query ReportingLine {
  reportingLine(unit: ${quoted(name(deepest))}) {
    name
    kind
  }
  unit(name: ${quoted(name(deepest))}) {
    name
    reportingSteps { unit { name } basis }
  }
}
`,
    });

  const aliased = units.find((u) => u.aliases.length > 0);
  const alias = aliased?.aliases[0];
  if (aliased && alias)
    examples.push({
      title: `Find a unit by another name: ${alias.text}`,
      query: `# "${alias.text}" is another name of the ${name(aliased)}: the server resolves it.
query ByAlias {
  unit(name: ${quoted(alias.text)}) {
    name
    aliases { text kind }
  }
}
`,
    });

  const word = (deepest ? name(deepest) : (root?.name[first] ?? '')).split(/\s+/)[0] ?? '';
  examples.push({
    title: 'Search anything, in any words',
    query: `# Typos, missing accents and type-ahead on the last word: every hit says which field matched.
query Search {
  search(text: ${quoted(word.toLowerCase())}, first: 10) {
    totalCount
    nodes {
      matchedField
      matchKind
      snippet
      node { __typename ... on OrgUnit { name kind } }
    }
  }
}
`,
  });

  examples.push({
    title: 'The whole structure, a page at a time',
    query: `# The organisation and its units, each with its direct and total sub-unit counts.
query Structure {
  organization { name kind childCount descendantCount }
  units(first: 50) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { name kind parent { name } childCount }
  }
}
`,
  });

  const kindFields = graph.kinds
    .filter((k) => units.some((u) => u.kind === k.key))
    .map(
      (k) =>
        `  ${aliasOf(k.key)}: units(filter: { kind: ${kindEnumName(k.key)} }, first: 10) {\n    totalCount\n    nodes { name }\n  }`,
    );
  if (kindFields.length > 0)
    examples.push({
      title: `Units by kind: ${graph.kinds.map((k) => k.labels[first]).join(', ')}`,
      query: `# The dataset's kinds of unit (dataset.yaml), each a type of its own implementing OrgUnit.
query UnitsByKind {
${kindFields.join('\n')}
}
`,
    });

  if (second && root)
    examples.push({
      title: `In ${LANGUAGE_NAMES[second]}`,
      query: `# Texts in ${LANGUAGE_NAMES[second]}, where the dataset gives them (else in ${LANGUAGE_NAMES[first]}).
query InAnotherLanguage {
  organization { name(lang: ${second.toUpperCase()}) }
  units(first: 10) { nodes { name(lang: ${second.toUpperCase()}) description(lang: ${second.toUpperCase()}) } }
}
`,
    });

  examples.push({
    title: 'What is being served',
    query: `query Dataset {
  dataset { key title asOf citationPolicy version }
}
`,
  });
  return examples;
}

const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', fr: 'French' };

/** A field alias from a kind key: "cabinet-unit" → cabinetUnit. */
const aliasOf = (key: string) => key.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
