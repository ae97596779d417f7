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
