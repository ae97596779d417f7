import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import type { PartialDate } from '../graph/partial-date';
import type { Context } from './context';
import { boundedList } from './page-size';

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: PartialDate; Output: PartialDate };
  };
}>({
  plugins: [ComplexityPlugin, RelayPlugin],
  defaultFieldNullability: false,
  // Cost of a query: 1 a field, a list's sub-selection counted 10 times unless the field says how
  // many (e.g. its `first` argument). The limit is applied per request by src/server/limits.ts.
  complexity: { defaultComplexity: 1, defaultListMultiplier: 10 },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: {
      description: 'Fetches any object by its global ID (Relay object identification).',
      args: { id: { description: 'A global ID, as returned by an `id` field.' } },
    },
    nodesQueryOptions: {
      description: 'Fetches objects by their global IDs, in the same order; null for unknown IDs.',
      args: { ids: { description: 'Global IDs, as returned by `id` fields (at most 100).' } },
      complexity: ({ ids }) => ({ field: 1, multiplier: ids.length }),
      resolve: (_root, { ids }, _context, _info, resolveNodes) =>
        resolveNodes(boundedList(ids, 'ids')),
    },
    nodeTypeOptions: {
      description: 'An object with a global ID that `node(id:)` can fetch again.',
    },
    idFieldOptions: {
      description: 'Opaque global ID: stable across reloads of the same data.',
    },
    // Connections (Relay cursor pagination), described once for every connection field.
    pageInfoTypeOptions: { description: 'Where a page stands in the whole list.' },
    hasNextPageFieldOptions: { description: 'True when items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'True when items precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first item of the page.' },
    endCursorFieldOptions: { description: 'Cursor of the last item: pass it as `after`.' },
    edgesFieldOptions: { description: 'The items of the page, each with its cursor.' },
    pageInfoFieldOptions: { description: 'Where the page stands in the whole list.' },
    cursorFieldOptions: { description: 'Opaque position of the item in the list.' },
    nodeFieldOptions: { description: 'The item.' },
    firstArgOptions: { description: 'Page size, counted forward (1 to 100).' },
    afterArgOptions: { description: 'Start after this cursor (`endCursor` of the page before).' },
    lastArgOptions: { description: 'Page size, counted back from `before` (1 to 100).' },
    beforeArgOptions: { description: 'End before this cursor.' },
  },
});

export const QueryRef = builder.queryType({
  description: 'The organisation graph: units, posts, topics and events, with their sources.',
});
