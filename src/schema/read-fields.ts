/**
 * Time travel, in one place. Every root field that reads the graph is declared once, through
 * `readFields`, and so exists twice: on Query, where its parent is the request's graph, and on
 * DatedView (what `at(date:)` returns), where its parent is the view of that date. Both parents
 * are a Scope; a root field reads `scope.graph`, and every field below reads the graph its parent
 * record belongs to (each record of a view is bound to that view). No field reads a graph from
 * the context, so nothing under a view can see another date.
 */
import type { Builder } from './builder';
import type { SchemaParts } from './parts';

type ReadFields = Parameters<Builder['queryFields']>[0];

export function readFields({ builder, refs }: SchemaParts, fields: ReadFields): void {
  builder.queryFields(fields);
  // The same field definitions on the view: its parent is a Scope too, only of another graph.
  builder.objectFields(refs.DatedView, fields as unknown as Parameters<Builder['objectFields']>[1]);
}
