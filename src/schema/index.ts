/** Builds the schema: each module below declares one GraphQL type and the root fields returning it. */
import { lexicographicSortSchema } from 'graphql';
import { withDatedViews } from './as-of';
import { builder } from './builder';
import './cabinet';
import './dataset';
import './division';
import './event';
import './international-staff';
import './office';
import './org-unit';
import './organization';
import './post';
import './provenance';
import './responsibility-answer';
import './search';
import './secretary-general';
import './topic';
import './traversal';
import './unit-resolution';
import './unit-tree';

export const schema = withDatedViews(lexicographicSortSchema(builder.toSchema()));
