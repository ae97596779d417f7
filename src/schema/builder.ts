import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import type { PartialDate } from '../graph/partial-date';
import type { Context } from './context';

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: PartialDate; Output: PartialDate };
  };
}>({
  plugins: [RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: {
      description: 'Fetches any object by its global ID (Relay object identification).',
      args: { id: { description: 'A global ID, as returned by an `id` field.' } },
    },
    nodesQueryOptions: {
      description: 'Fetches objects by their global IDs, in the same order; null for unknown IDs.',
      args: { ids: { description: 'Global IDs, as returned by `id` fields.' } },
    },
    nodeTypeOptions: {
      description: 'An object with a global ID that `node(id:)` can fetch again.',
    },
    idFieldOptions: {
      description: 'Opaque global ID: stable across reloads of the same data.',
    },
  },
});

export const QueryRef = builder.queryType({
  description: 'The organisation graph: units, posts, topics and events, with their sources.',
});
