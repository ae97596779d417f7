/**
 * The Pothos builder: the schema's types (context, root value, scalars), its plugins and their
 * options. A new builder is made for every schema built (index.ts), because the unit types follow
 * the dataset's kinds; nothing else happens here.
 */
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import type { OrgGraph } from '../graph/org-graph';
import type { PartialDate } from '../graph/partial-date';
import type { Context } from './context';
import { ID_DESCRIPTION, typeNameOfRecord } from './global-id';
import { pageComplexity } from './page-cost';

/** A connection's edges and nodes are the page the field's `first` or `last` already counted. */
const ONCE = { field: 1, multiplier: 1 };

/**
 * What the root fields read: the graph of the request (Query's root value) or of a dated view
 * (a DatedView). Every other field reads the graph its parent record belongs to.
 */
export interface Scope {
  readonly graph: OrgGraph;
}

export interface Types {
  Context: Context;
  Root: Scope;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: PartialDate; Output: PartialDate };
  };
  /** What every connection's resolver returns besides its edges (graph/page.ts makes it). */
  Connection: { totalCount: number };
}

export type SchemaTypes = PothosSchemaTypes.ExtendDefaultTypes<Types>;

export function createBuilder() {
  const builder = new SchemaBuilder<Types>({
    plugins: [ComplexityPlugin, RelayPlugin],
    defaultFieldNullability: false,
    // Cost of a query: 1 a field, a list's sub-selection counted 10 times unless the field says how
    // many (e.g. its `first` argument). The limit is applied per request by the server.
    complexity: { defaultComplexity: 1, defaultListMultiplier: 10 },
    relay: {
      clientMutationId: 'omit',
      cursorType: 'String',
      nodeTypeOptions: {
        description: 'An object with a global ID that `node(id:)` can fetch again.',
        resolveType: (record) => typeNameOfRecord(record as Parameters<typeof typeNameOfRecord>[0]),
      },
      idFieldOptions: { description: ID_DESCRIPTION },
      // node and nodes are declared in node.ts, which resolves dated IDs in their views.
      nodeQueryOptions: false,
      nodesQueryOptions: false,
      // Connections (Relay cursor pagination), described once for every connection field.
      pageInfoTypeOptions: { description: 'Where a page stands in the whole list.' },
      hasNextPageFieldOptions: { description: 'True when items follow this page.' },
      hasPreviousPageFieldOptions: { description: 'True when items precede this page.' },
      startCursorFieldOptions: { description: 'Cursor of the first item of the page.' },
      endCursorFieldOptions: { description: 'Cursor of the last item: pass it as `after`.' },
      edgesFieldOptions: {
        description: 'The items of the page, each with its cursor.',
        complexity: ONCE,
      },
      nodesOnConnection: {
        description: 'The items of the page, without their cursors.',
        complexity: ONCE,
      },
      // What a connection's items select counts as many times as its page holds.
      defaultConnectionFieldOptions: { complexity: pageComplexity() },
      pageInfoFieldOptions: { description: 'Where the page stands in the whole list.' },
      cursorFieldOptions: { description: 'Opaque position of the item in the list.' },
      nodeFieldOptions: { description: 'The item.' },
      firstArgOptions: { description: 'Page size, counted forward (1 to 100).' },
      afterArgOptions: { description: 'Start after this cursor (`endCursor` of the page before).' },
      lastArgOptions: { description: 'Page size, counted back from `before` (1 to 100).' },
      beforeArgOptions: { description: 'End before this cursor.' },
    },
  });
  builder.globalConnectionField('totalCount', (t) =>
    t.int({
      description: 'How many items the whole list holds, whatever the page.',
      resolve: (connection) => connection.totalCount,
    }),
  );
  return builder;
}

export type Builder = ReturnType<typeof createBuilder>;
