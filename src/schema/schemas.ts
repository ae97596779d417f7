/**
 * Builds the schema for a dataset's declaration (its kinds, languages and citation policy): each
 * module adds one GraphQL type (or a few close ones) and the root fields returning it. The schema
 * is a function of the declaration, built once per distinct one (`schemaOf`); the default schema
 * is the default dataset's (NATO's), the one schema/schema.graphql holds.
 */
import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import {
  declarationSignature,
  defaultDeclaration,
  type DatasetDeclaration,
} from '../graph/dataset-declaration';
import { perGraph } from '../graph/graph-memo';
import type { OrgGraph } from '../graph/org-graph';
import { holdsPeople } from '../graph/people';
import { defineAsk } from './ask';
import { createBuilder } from './builder';
import { defineCitation } from './citation';
import { defineDataset } from './dataset';
import { defineDate } from './date';
import { defineDatedView } from './dated-view';
import { defineDocument } from './document';
import { defineEvent } from './event';
import { defineHeadcount } from './headcount';
import { defineLang, withDatasetLanguages } from './lang';
import { defineMatchKind } from './match';
import { defineNode } from './node';
import { defineOrgUnit } from './org-unit';
import type { SchemaParts } from './parts';
import { definePeople } from './person';
import { definePost } from './post';
import { createRefs } from './refs';
import { defineResponsibilityAnswer } from './responsibility-answer';
import { defineSearch } from './search';
import { defineStaffRules } from './staff-rules';
import { defineSupport } from './support';
import { defineTopic } from './topic';
import { defineTraversal } from './traversal';
import { defineUnitResolution } from './unit-resolution';
import { defineUnitList } from './unit-list';
import { defineUnitTree } from './unit-tree';
import { defineUnitTypes } from './unit-types';
import { defineValidity } from './validity';

export function buildSchema(declaration: DatasetDeclaration = defaultDeclaration()): GraphQLSchema {
  const builder = createBuilder();
  const parts: SchemaParts = {
    builder,
    refs: createRefs(builder),
    kinds: declaration.kinds,
    declaration,
  };
  builder.queryType({
    description: 'The organisation graph: units, posts, topics and events, with their sources.',
  });
  defineLang(parts);
  defineDate(parts);
  defineMatchKind(parts);
  defineCitation(parts);
  defineValidity(parts);
  defineHeadcount(parts);
  const { UnitKind } = defineOrgUnit(parts);
  const unitTypes = defineUnitTypes(parts);
  defineUnitTree(parts, UnitKind);
  defineUnitList(parts, UnitKind);
  definePost(parts);
  if (declaration.people) definePeople(parts);
  defineTopic(parts);
  defineEvent(parts);
  defineDocument(parts);
  defineStaffRules(parts);
  defineSupport(parts);
  defineTraversal(parts);
  defineResponsibilityAnswer(parts);
  defineUnitResolution(parts);
  defineSearch(parts, unitTypes);
  defineAsk(parts);
  defineDatedView(parts);
  defineDataset(parts);
  defineNode(parts);
  return lexicographicSortSchema(withDatasetLanguages(builder.toSchema(), declaration.languages));
}

/**
 * The schemas built: the default dataset's, kept for the life of the process, and the latest other
 * declaration's. A process serves one dataset at a time (two for the moment of a reload), so two
 * are enough, and the memory they hold is bounded by construction rather than by a count.
 */
let defaultSchema: GraphQLSchema | undefined;
let latestSchema: { readonly signature: string; readonly schema: GraphQLSchema } | undefined;

/** The schema for a declaration, built once while it is the default or the latest one. */
export function schemaOf(declaration: DatasetDeclaration): GraphQLSchema {
  const signature = declarationSignature(declaration);
  if (signature === declarationSignature(defaultDeclaration())) {
    defaultSchema ??= buildSchema(defaultDeclaration());
    return defaultSchema;
  }
  if (latestSchema?.signature !== signature)
    latestSchema = { signature, schema: buildSchema(declaration) };
  return latestSchema.schema;
}

/** Each graph's schema, worked out once per graph (every request asks for it). */
const schemaOfEachGraph = perGraph((graph: OrgGraph): GraphQLSchema =>
  schemaOf({
    languages: graph.dataset.languages,
    kinds: graph.dataset.kinds,
    citationPolicy: graph.dataset.citationPolicy,
    ...(holdsPeople(graph) ? { people: true } : {}),
  }),
);

/** The schema a graph is served with: its dataset's. */
export const schemaOfGraph = (graph: OrgGraph): GraphQLSchema => schemaOfEachGraph(graph);
