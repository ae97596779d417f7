/** Builds the schema: each module below declares one GraphQL type and the root fields returning it. */
import { lexicographicSortSchema } from 'graphql';
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
import './responsibility-answer';
import './search';
import './secretary-general';
import './topic';
import './unit-resolution';

export const schema = lexicographicSortSchema(builder.toSchema());
