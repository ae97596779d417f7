/** Ready-made queries for GraphiQL's tabs; the README and the tests use the same ones. */
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
    units {
      __typename
      key
      name
      acronym
      head { title }
      responsibilities { label }
      units {
        key
        name
        head { title }
        responsibilities { label }
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
    title: 'History, with sources and corrections',
    query: `# Events in date order; the source dates the Prague summit wrongly, and says so.
query History {
  events(from: "1951", to: "2011") {
    date
    datePrecision
    dateQualifier
    title
    affected { name }
    corrections { field claimed corrected reason }
    sources { quote locator }
  }
}
`,
  },
];
