/**
 * The GraphQL each answer shows: a document a person can paste into GraphiQL to get the same facts
 * through the ordinary fields, with the values as variables. One function per kind of question,
 * and every field name of the schema that `ask` refers to is in this file, so a renamed field is
 * one edit here. Units are always selected as `{ key name }`, so a client (and the test) can find
 * them in the result.
 */
import { kindEnumName, type UnitKindSpec } from '../unit-kinds';

export interface GraphQLDocument {
  readonly graphql: string;
  readonly variables: Readonly<Record<string, string>>;
}

const UNIT = '{ key name }';

/** The largest page, so a list of the dataset's size fits one document (totalCount says more). */
const PAGE = 'first: 100';

/** Only units of a kind, through a fragment on the kind's object type. */
const unitsOf = (kind: UnitKindSpec | undefined) =>
  kind ? `{ ... on ${kind.typeName} ${UNIT} }` : UNIT;

/** Wraps a selection in `at(date:)` when the answer is about a past date. */
function dated(selection: string, date: string | undefined, variables: Record<string, string>) {
  if (!date) return selection;
  variables.date = date;
  return `at(date: $date) { ${selection} }`;
}

function doc(
  name: string,
  selection: string,
  variables: Record<string, string>,
  types: Record<string, string> = {},
): GraphQLDocument {
  const declared = Object.keys(variables).map((v) => `$${v}: ${types[v] ?? 'String!'}`);
  const head = declared.length > 0 ? `query ${name}(${declared.join(', ')})` : `query ${name}`;
  return { graphql: `${head} { ${selection} }`, variables };
}

/** The variable that carries the date of the view a question was asked in. */
const VIEW_DATE = 'asOf';

/**
 * The same document for a question asked in a dated view (`at(date:) { ask }`): its selection
 * inside `at(date:)`, so it gives that date's facts too. Reads the shape `doc` writes.
 */
export function inView(document: GraphQLDocument, date: string): GraphQLDocument {
  const open = document.graphql.indexOf(' { ');
  const head = document.graphql.slice(0, open);
  const selection = document.graphql.slice(open + 3, -2);
  const declared = `$${VIEW_DATE}: Date!`;
  const viewHead = head.endsWith(')')
    ? `${head.slice(0, -1)}, ${declared})`
    : `${head}(${declared})`;
  return {
    graphql: `${viewHead} { at(date: $${VIEW_DATE}) { ${selection} } }`,
    variables: { ...document.variables, [VIEW_DATE]: date },
  };
}

const DATE = { date: 'Date!', from: 'Date', to: 'Date' };

export const documents = {
  whoHandles(topicKeys: readonly string[], kind?: UnitKindSpec): GraphQLDocument {
    const variables: Record<string, string> = {};
    const fields = topicKeys.map((key, i) => {
      const v = topicKeys.length === 1 ? 'topic' : `topic${i + 1}`;
      variables[v] = key;
      const alias = topicKeys.length === 1 ? '' : `t${i + 1}: `;
      return `${alias}whoHandles(topic: $${v}) ${unitsOf(kind)}`;
    });
    return doc('WhoHandles', fields.join(' '), variables);
  },
  reportingLine: (unit: string) =>
    doc('ReportingLine', `reportingLine(unit: $unit) ${UNIT}`, { unit }),
  superior: (unit: string) =>
    doc('Superior', `unit(name: $unit) { reportsTo ${UNIT} reportingSteps { basis } }`, { unit }),
  subordinates: (unit: string) =>
    doc(
      'Subordinates',
      `neighbourhood(of: $unit, depth: 1, direction: IN, via: [REPORTS_TO]) { nodes(${PAGE}) { nodes { distance unit ${UNIT} } } }`,
      { unit },
    ),
  head: (unit: string) =>
    doc('Head', `unit(name: $unit) { key name head { key title acronym notes } }`, { unit }),
  holder: (unit: string) =>
    doc('Holder', `unit(name: $unit) { head { key title notes } }`, { unit }),
  describe: (unit: string) =>
    doc(
      'Describe',
      `unit(name: $unit) { key name kind acronym description parent { kind } sources { quote locator } }`,
      { unit },
    ),
  responsibilities: (unit: string) =>
    doc(
      'Responsibilities',
      `unit(name: $unit) { key name responsibilityLinks { topic { key label } basis role scope } }`,
      { unit },
    ),
  position: (unit: string) =>
    doc('Position', `unit(name: $unit) { key name kind ancestors ${UNIT} memberOf { kind } }`, {
      unit,
    }),
  parts: (unit: string, kind?: UnitKindSpec, date?: string) => {
    const variables: Record<string, string> = { unit };
    const selection = kind
      ? `units(filter: { parent: $unit, kind: ${kindEnumName(kind.key)} }, ${PAGE}) { totalCount nodes ${UNIT} }`
      : `unit(name: $unit) { units(${PAGE}) { totalCount nodes ${UNIT} } }`;
    return doc('Parts', dated(selection, date, variables), variables, DATE);
  },
  /** `independentOnly` selects `independent`: a client keeps the units where it is true. */
  unitsOfKind(
    kind: UnitKindSpec | undefined,
    date?: string,
    independentOnly = false,
  ): GraphQLDocument {
    const variables: Record<string, string> = {};
    const fields = independentOnly ? '{ key name independent }' : UNIT;
    const filter = kind ? `filter: { kind: ${kindEnumName(kind.key)} }, ` : '';
    const field = `units(${filter}${PAGE}) { totalCount nodes ${fields} }`;
    return doc('Units', dated(field, date, variables), variables, DATE);
  },
  /** Units the API cannot filter by the asked property: each one, with the fields that show it. */
  eachUnit(units: readonly string[], fields: string): GraphQLDocument {
    const variables: Record<string, string> = {};
    const selection = units
      .map((key, i) => {
        variables[`u${i + 1}`] = key;
        return `u${i + 1}: unit(name: $u${i + 1}) { key name ${fields} }`;
      })
      .join(' ');
    return doc('EachUnit', selection || '__typename', variables);
  },
  headField: 'head { key title }',
  establishedField: `established history(${PAGE}) { nodes { key title date } }`,
  posts: () =>
    doc('Posts', `posts(${PAGE}) { totalCount nodes { key title acronym heads { key } } }`, {}),
  created: (unit: string) =>
    doc(
      'Created',
      `unit(name: $unit) { key name established history(${PAGE}) { nodes { key kind title date dateQualifier } } }`,
      {
        unit,
      },
    ),
  events(from?: string, to?: string, affecting?: string): GraphQLDocument {
    const variables: Record<string, string> = {};
    const args: string[] = [];
    if (from) ((variables.from = from), args.push('from: $from'));
    if (to) ((variables.to = to), args.push('to: $to'));
    if (affecting) ((variables.unit = affecting), args.push('affecting: $unit'));
    const call = `events(${[...args, PAGE].join(', ')})`;
    return doc(
      'Events',
      `${call} { totalCount nodes { key title date dateQualifier endDate corrections { field claimed corrected } } }`,
      variables,
      { ...DATE, unit: 'String' },
    );
  },
  structureAt: (unit: string, date: string) =>
    doc(
      'StructureAt',
      `at(date: $date) { unit(name: $unit) { units(${PAGE}) { nodes ${UNIT} } } coverage { notes omittedUnits(${PAGE}) { nodes { key } } } }`,
      { unit, date },
      DATE,
    ),
  existed: (unit: string, date: string) =>
    doc(
      'Existed',
      `at(date: $date) { unit(name: $unit) { key name established } coverage { presence(unit: $unit) } }`,
      { unit, date },
      DATE,
    ),
  path: (from: string, to: string) =>
    doc(
      'Path',
      `path(from: $from, to: $to, via: [PART_OF, REPORTS_TO, MEMBER_OF]) { length steps { direction edge { kind } node { unit ${UNIT} } } }`,
      { from, to },
    ),
  commonSuperior: (from: string, to: string) =>
    doc(
      'CommonSuperior',
      `path(from: $from, to: $to, via: [PART_OF, REPORTS_TO, MEMBER_OF]) { commonSuperior { unit ${UNIT} } }`,
      { from, to },
    ),
  location: (unit: string) =>
    doc(
      'Location',
      `unit(name: $unit) { key name ... on InternationalStaff { location { name sources { quote } } } }`,
      { unit },
    ),
  headcount: (unit: string, type: 'InternationalStaff' | 'Organization') =>
    doc(
      'Headcount',
      `unit(name: $unit) { key name ... on ${type} { headcount { approx asOf scope sources { quote } } } }`,
      { unit },
    ),
  notes: (unit: string) => doc('Notes', `unit(name: $unit) { key name notes }`, { unit }),
  staffRules: (unit: string) =>
    doc(
      'StaffRules',
      `unit(name: $unit) { key name ... on InternationalStaff { staffRules { all { statement sources { quote locator } } } } }`,
      { unit },
    ),
  sources: () =>
    doc(
      'Sources',
      'dataset { asOf primarySource { key title publisher date url } sources { key title publisher date url } }',
      {},
    ),
  lastUpdated: () => doc('LastUpdated', 'dataset { asOf primarySource { title date } }', {}),
};
