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
      absentUnits { name established }
    }
    divisions { name acronym }
    internationalStaff {
      childCount
      units { name validity { validFrom open basis } }
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
    appeared {
      unit { name }
      validity { validFrom validFromPrecision }
      events { date title }
      basis
      sources { quote locator }
    }
    disappeared { unit { name } }
    moved { unit { name } fromParent { name } toParent { name } }
    events { date dateQualifier title }
    notes
  }
}
`,
  },
  {
    title: 'Neighbourhood of the Emerging Security Challenges Division',
    query: `# Plain node and edge lists, ready for a graph-drawing client.
query NeighbourhoodOfEsc {
  neighbourhood(of: "ESC", depth: 2) {
    centre { id label }
    nodes { id type label distance }
    edges { kind source target basis }
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
    units { name head { title } }
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
  neighbourhood(of: "IS", depth: 1, via: [SUPPORTS]) { nodes { label } edges { kind basis } }
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
  in2010: events(from: "2010", to: "2010") { key date dateQualifier dateInferred }
  in2011: events(from: "2011", to: "2011") {
    key
    date
    dateQualifier
    dateInferred
    dateInference { reason sources { locator } }
  }
}
`,
  },
];
