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
import type { OrgGraph } from '../graph/org-graph';
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

/** Schemas already built, by declaration signature; a reload that changes kinds adds one. */
const built = new Map<string, GraphQLSchema>();
/** Enough for the datasets one process serves in turn; the oldest is forgotten first. */
const MAX_SCHEMAS = 8;

/** The schema for a declaration, built once per distinct declaration. */
export function schemaOf(declaration: DatasetDeclaration): GraphQLSchema {
  const signature = declarationSignature(declaration);
  let schema = built.get(signature);
  if (!schema) {
    schema = buildSchema(declaration);
    if (built.size >= MAX_SCHEMAS) built.delete(built.keys().next().value as string);
    built.set(signature, schema);
  }
  return schema;
}

/** The schema a graph is served with: its dataset's. */
export const schemaOfGraph = (graph: OrgGraph): GraphQLSchema =>
  schemaOf({
    languages: graph.dataset.languages,
    kinds: graph.dataset.kinds,
    citationPolicy: graph.dataset.citationPolicy,
  });

/** The schema of the default dataset (the NATO International Staff). */
export const schema = schemaOf(defaultDeclaration());
