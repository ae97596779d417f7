/**
 * The kinds of unit a dataset has, as its dataset.yaml declares them (`kinds:`). Everything that
 * depends on a kind is generated from the declaration: the `kind` values units.yaml may use, the
 * GraphQL `UnitKind` enum, one GraphQL type per kind (implementing OrgUnit), the root field a kind
 * may have, the members of the search union, and the classes of the W3C ORG and Popolo exports.
 * Adding a kind is adding an entry to `kinds:`.
 */
import type { KindDeclarationInput, Lang, LocalizedText } from './seed-schema';
import { withFallback } from './seed-schema';

export interface UnitKindSpec {
  /** The value of `kind:` in units.yaml. */
  readonly key: string;
  /** The GraphQL type of units of this kind. */
  readonly typeName: string;
  /** What the GraphQL type is, for the schema's documentation. */
  readonly typeDescription: string;
  /** What the kind is, for the `UnitKind` enum value. */
  readonly description: string;
  /** The kind's name in each language (for readers: charts, answers). */
  readonly labels: LocalizedText;
  /**
   * A whole organisation (W3C ORG's FormalOrganization) rather than a unit of one: being part of
   * it is not reporting to it, so reporting lines never climb into it.
   */
  readonly formalOrganization: boolean;
  /** Popolo's free-text `classification` of an organization of this kind. */
  readonly popoloClassification: string;
  /** A root field returning the units of this kind: one (nullable) or the list. */
  readonly rootField?:
    { readonly name: string; readonly many: boolean; readonly description: string } | undefined;
  /** Optional facts a unit of this kind shows as fields, with each field's description. */
  readonly facets?:
    | {
        readonly headcount?: string | undefined;
        readonly location?: string | undefined;
        readonly staffRules?: string | undefined;
      }
    | undefined;
}

/** A kind as the domain holds it, from its checked declaration. */
export function unitKindOf(
  declared: KindDeclarationInput,
  languages: readonly Lang[],
): UnitKindSpec {
  return {
    key: declared.key,
    typeName: declared.typeName,
    typeDescription: declared.typeDescription ?? declared.description,
    description: declared.description,
    labels: withFallback(declared.labels, languages),
    formalOrganization: declared.formalOrganization,
    popoloClassification: declared.popoloClassification ?? declared.key,
    rootField: declared.rootField,
    facets: declared.facets,
  };
}

/** Looks kinds up by key (every unit's kind has one: the loader refuses others). */
export function kindLookup(kinds: readonly UnitKindSpec[]): (key: string) => UnitKindSpec {
  const byKey = new Map(kinds.map((k) => [k.key, k]));
  return (key) => {
    const spec = byKey.get(key);
    if (!spec) throw new Error(`unit kind "${key}" is not declared`);
    return spec;
  };
}

/** The name a kind has among enum values (GraphQL's UnitKind): "cabinet-unit" → CABINET_UNIT. */
export const kindEnumName = (key: string): string => key.toUpperCase().replace(/-/g, '_');

/**
 * The schema's own types, which no kind may be named after (tests/schema/unit-kinds.test.ts
 * checks this list against the schema, so a new type cannot be forgotten here).
 */
export const RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set([
  ...['Alias', 'AliasKind', 'AllegianceRule', 'Answer', 'AppointmentRule', 'AskIntent'],
  ...['AskInterpretation', 'AskVariable', 'AskVerdict', 'Boolean', 'ChangeKind', 'Changes'],
  ...['Citation', 'CitationPolicy', 'Commitment', 'CommonSuperior', 'Correction', 'Coverage'],
  ...['Dataset', 'Date', 'DateInference', 'DatePrecision', 'DateQualifier', 'DateRange'],
  ...['DatedView', 'Descendant', 'DescendantConnection', 'DescendantEdge', 'Document'],
  ...['DocumentUpdate', 'EdgeBasis', 'EdgeKind', 'EligibilityRule', 'Event', 'EventConnection'],
  ...['EventEdge', 'EventKind', 'EventStatus', 'Float', 'GraphEdge', 'GraphEdgeConnection'],
  ...['GraphEdgeEdge', 'GraphNode', 'GraphNodeConnection', 'GraphNodeEdge', 'GraphNodeType'],
  ...['Handler', 'Headcount', 'ID', 'Int', 'Lang', 'Location', 'MatchKind', 'MatchedField'],
  ...['NameMatch', 'NameMatchVia', 'Neighbourhood', 'Node', 'NodeKind', 'OrderDirection'],
  ...['OrgUnit', 'PageInfo', 'Path', 'PathStep', 'Post', 'PostConnection', 'PostEdge'],
  ...['PostRole', 'Presence', 'Query', 'RecruitmentMode', 'RecruitmentRule', 'ReportingBasis'],
  ...['ReportingStep', 'Responsibility', 'ResponsibilityAnswer', 'ResponsibilityBasis'],
  ...['ResponsibilityConnection', 'ResponsibilityEdge', 'ResponsibilityRole', 'ResponsibleUnit'],
  ...['SearchConnection', 'SearchEdge', 'SearchHit', 'SearchNode', 'SourceDocument'],
  ...['StaffRule', 'StaffRules', 'StepDirection', 'String', 'Support', 'Topic'],
  ...['TopicConnection', 'TopicEdge', 'TopicMatch', 'TopicMatchVia', 'TraversalDirection'],
  ...['UnitChange', 'UnitChangeConnection', 'UnitChangeEdge', 'UnitConnection', 'UnitEdge'],
  ...['UnitFilter', 'UnitKind', 'UnitOrder', 'UnitOrderField', 'UnitResolution', 'VacancyRule'],
  ...['Validity', 'ValidityBasis', 'Mutation', 'Subscription'],
]);

/**
 * The types and root fields a dataset naming people has besides (src/schema/person.ts), which no
 * kind may take either (tests/schema/people.test.ts checks them against such a schema).
 */
export const PEOPLE_TYPE_NAMES: ReadonlySet<string> = new Set([
  ...['Holding', 'Person', 'PersonConnection', 'PersonEdge'],
]);
export const PEOPLE_ROOT_FIELDS: ReadonlySet<string> = new Set(['people', 'person']);

/**
 * Root fields every dataset has, which no kind's root field may take. `organization` is not
 * among them: a kind may declare it (the NATO dataset's Organization); otherwise it is the root
 * unit, whatever its kind.
 */
export const GENERIC_ROOT_FIELDS: ReadonlySet<string> = new Set([
  ...['ask', 'at', 'changes', 'coverage', 'dataset', 'document', 'documents', 'events'],
  ...['handlers', 'neighbourhood', 'node', 'nodes', 'path', 'posts', 'reportingLine'],
  ...['resolveUnit', 'responsibilityFor', 'search', 'topic', 'topics', 'unit', 'units'],
  'whoHandles',
]);
