/**
 * The largest queries a client may send an organisation: the deprecated plain lists, the largest
 * pages the limits allow with pages nested in them, deep descendants, aliases multiplying fields,
 * search, neighbourhoods, dated views, the answers to questions. Used by the memory test.
 */

export interface Samples {
  readonly sampleUnitNames: readonly string[];
  readonly sampleTopics: readonly string[];
}

/** `count` distinct queries: variants of twenty kinds, each as large as the limits let it be. */
export function everythingQueries(org: Samples, count: number): string[] {
  const name = (v: number) => JSON.stringify(org.sampleUnitNames[v % org.sampleUnitNames.length]);
  const topic = (v: number) => JSON.stringify(org.sampleTopics[v % org.sampleTopics.length]);
  const aliases = (n: number, field: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => `a${i}: ${field(i)}`).join(' ');
  const unitFields = 'key name acronym kind established childCount descendantCount';
  const kinds: ((v: number) => string)[] = [
    (v) =>
      `{ units(first: ${100 - v}, orderBy: { field: NAME }) { totalCount edges { cursor node { ${unitFields} ancestors { key name } units(first: 25) { totalCount nodes { key name kind } } } } } }`,
    (v) =>
      `{ divisions { ${unitFields} description ancestors { key name } units(first: ${10 + v}) { nodes { key name } } } }`,
    (v) =>
      `{ offices { ${unitFields} description reportingLine { key name } units(first: ${20 + v}) { nodes { key name } } } }`,
    (v) =>
      `{ organization { ${aliases(20 + v, (i) => `descendants(first: 100, depth: ${1 + ((i + v) % 8)}) { totalCount nodes { depth unit { key name } } }`)} } }`,
    (v) =>
      `{ organization { descendants(first: 100, depth: ${2 + v}) { totalCount nodes { unit { key name descendants(first: ${30 + (v % 5)}) { totalCount nodes { unit { key name } } } } } } } }`,
    (v) =>
      `{ search(text: ${name(v)}, first: 100) { totalCount edges { cursor node { score matchedText node { __typename ... on OrgUnit { key name ancestors { key name } reportingLine { key name } } } } } } }`,
    (v) =>
      `{ search(text: ${topic(v)}, first: ${100 - v}) { totalCount nodes { score snippet node { ... on Topic { key label handledBy(first: 20) { nodes { key name } } } ... on OrgUnit { key name description } } } } }`,
    (v) =>
      `{ neighbourhood(of: ${name(v)}, depth: ${2 + (v % 4)}) { centre { key } nodes(first: 100) { totalCount nodes { key label type distance unit { key name ancestors { key } } } } edges(first: 100) { totalCount nodes { kind source target basis } } } }`,
    (v) =>
      `{ whoHandles(topic: ${topic(v)}) { ${unitFields} description ancestors { key name } reportingLine { key name } } }`,
    (v) =>
      `{ handlers(topic: ${topic(v + 3)}) { viaNarrower topic { key label } unit { ${unitFields} ancestors { key name } } } }`,
    (v) =>
      `{ ask(question: ${JSON.stringify(`who handles ${org.sampleTopics[v % org.sampleTopics.length]}?`)}) { question text units { ${unitFields} reportingLine { key name } } topics { key label } } }`,
    (v) =>
      `{ reportingLine(unit: ${name(v + 5)}) { ${unitFields} ancestors { key name } units(first: 100) { totalCount nodes { key name } } } }`,
    (v) =>
      `{ topics(first: ${100 - v}) { totalCount nodes { key label description handledBy(first: ${40 + v}) { totalCount nodes { key name } } } } }`,
    (v) =>
      `{ at(date: "${2000 + v}-06-01") { units(first: 100) { totalCount nodes { key name childCount } } } }`,
    (v) =>
      `{ events(first: ${100 - v}) { totalCount nodes { key kind date title description affected { key name } } } }`,
    (v) =>
      `{ units(first: 100, filter: { text: ${name(v)} }) { totalCount nodes { key name events { key title } history(first: ${35 + (v % 5)}) { totalCount nodes { key title } } } } }`,
    (v) =>
      `{ organization { units(first: ${90 + v}) { totalCount nodes { key name units(first: 45) { totalCount nodes { key name } } } } } }`,
    (v) =>
      `{ ${aliases(10 + v, (i) => `whoHandles(topic: ${topic(v + i)}) { key name description reportingLine { key name } }`)} }`,
    (v) =>
      `{ posts(first: ${100 - v}) { totalCount nodes { key title role unit { key name ancestors { key name } } } } documents { key } }`,
    (v) =>
      `{ units(first: 10, orderBy: { field: DESCENDANT_COUNT, direction: DESC }) { nodes { key descendants(first: ${70 - v}) { totalCount nodes { unit { key name ancestors { key name } } } } } } }`,
  ];
  const queries: string[] = [];
  for (let i = 0; i < count; i++)
    queries.push(kinds[i % kinds.length]!(Math.floor(i / kinds.length)));
  return queries;
}
