/**
 * Builds the schema for a dataset's unit kinds: each module adds one GraphQL type (or a few
 * close ones) and the root fields returning it. The default schema is the NATO dataset's.
 */
import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { UNIT_KINDS, type UnitKindSpec } from '../graph/unit-kinds';
import { defineAsk } from './ask';
import { createBuilder } from './builder';
import { defineCitation } from './citation';
import { defineDataset } from './dataset';
import { defineDate } from './date';
import { defineDatedView } from './dated-view';
import { defineDocument } from './document';
import { defineEvent } from './event';
import { defineHeadcount } from './headcount';
import { defineLang } from './lang';
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

export function buildSchema(kinds: readonly UnitKindSpec[] = UNIT_KINDS): GraphQLSchema {
  const builder = createBuilder();
  const parts: SchemaParts = { builder, refs: createRefs(builder), kinds };
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
  return lexicographicSortSchema(builder.toSchema());
}

/** The schema of the default dataset (the NATO International Staff). */
export const schema = buildSchema();
