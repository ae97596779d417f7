/**
 * Each request is answered with the schema of the graph it is answered from: the schema is a
 * function of the dataset's declaration (its kinds and languages), built once per declaration.
 * A reload that changes the kinds swaps the graph, and with it the schema, in one step: the
 * exchange fixed the graph when the request arrived, so its cache key, its validation and its
 * execution all see the same dataset. yoga's schema factory would do the same for yoga's own
 * requests, but the fast lane runs yoga's envelop without yoga's request parsing, so the schema is
 * chosen here, where both paths pass.
 */
import type { GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { OrgGraph } from '../graph/org-graph';
import { schemaOfGraph } from '../schema/schemas';
import type { ServerContext } from './exchange';

/** `served` turns a dataset's schema into the one requests run on (a traced copy, with tracing). */
export function useDatasetSchema(
  current: () => OrgGraph,
  served: (schema: GraphQLSchema) => GraphQLSchema = (schema) => schema,
): Plugin {
  return {
    onEnveloped({ context, setSchema }) {
      const graph = (context as ServerContext | undefined)?.exchange?.graph ?? current();
      setSchema(served(schemaOfGraph(graph)));
    },
  };
}
