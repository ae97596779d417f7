/** What every type module is given to add its types and root fields to a schema being built. */
import type { DatasetDeclaration } from '../graph/dataset-declaration';
import type { UnitKindSpec } from '../graph/unit-kinds';
import type { Builder } from './builder';
import type { Refs } from './refs';

export interface SchemaParts {
  readonly builder: Builder;
  readonly refs: Refs;
  /** The dataset's unit kinds: one GraphQL type each. */
  readonly kinds: readonly UnitKindSpec[];
  /** What the dataset declares: its languages, kinds and citation policy. */
  readonly declaration: DatasetDeclaration;
}
