import { PAGE_SIZE, pageOf, sequenceOf } from '../graph/page';
import { snippet, type SearchHit, type SearchRecord } from '../graph/search/search';
import type { Unit } from '../graph/types';
import type { SchemaTypes } from './builder';
import { typeNameOfRecord } from './global-id';
import { Lang, LANG_ARG_DESCRIPTION } from './lang';
import { MatchKind } from './match';
import type { SchemaParts } from './parts';
import { readFields } from './read-fields';

export const NodeKind = { UNIT: 'unit', POST: 'post', TOPIC: 'topic', EVENT: 'event' } as const;

const MatchedField = {
  NAME: 'name',
  ACRONYM: 'acronym',
  ALIAS: 'alias',
  RELATED: 'related',
  DESCRIPTION: 'description',
  TOPIC: 'topic',
  EVENT_TITLE: 'event-title',
} as const;

export function defineSearch(
  parts: SchemaParts,
  unitTypes: readonly PothosSchemaTypes.ObjectRef<SchemaTypes, Unit>[],
): void {
  const { builder, refs } = parts;
  builder.enumType(NodeKind, {
    name: 'NodeKind',
    description: 'What kind of thing a search hit is.',
    values: {
      UNIT: { description: 'An organisational unit (any OrgUnit type).' },
      POST: { description: 'A post (Secretary General, Director…).' },
      TOPIC: { description: 'A topic of the responsibility vocabulary.' },
      EVENT: { description: 'A dated event.' },
    },
  });
  builder.enumType(MatchedField, {
    name: 'MatchedField',
    description: 'Which text of a hit matched the search.',
    values: {
      NAME: {
        description: 'Its own name: a unit’s official name, a post’s title, a topic’s label.',
      },
      ACRONYM: { description: 'An acronym (official or in use).' },
      ALIAS: { description: 'Another recorded name: a unit’s alias, a topic’s variant spelling.' },
      RELATED: {
        description:
          'A related term of a topic: a neighbouring notion, not the topic itself (lower confidence).',
      },
      DESCRIPTION: { description: 'Its description.' },
      TOPIC: { description: 'A topic the unit handles (the snippet shows the topic’s text).' },
      EVENT_TITLE: { description: 'An event’s title.' },
    },
  });

  const SearchNode = builder.unionType('SearchNode', {
    description: 'Anything a search can find.',
    types: [...unitTypes, refs.Post, refs.Topic, refs.Event],
    resolveType: (node: SearchRecord) => typeNameOfRecord(node),
  });

  const SearchHitRef = builder.objectRef<SearchHit>('SearchHit').implement({
    description: 'A thing that matched a search, with how well and why.',
    fields: (t) => ({
      node: t.field({
        type: SearchNode,
        description: 'What was found.',
        resolve: (h) => h.node,
      }),
      kind: t.field({
        type: NodeKind,
        description: 'What kind of thing it is.',
        resolve: (h) => h.kind,
      }),
      score: t.float({
        description:
          'Ranking score: the confidence weighted by the field that matched (name and acronym 1, alias 0.9, topic 0.8, description 0.5).',
        resolve: (h) => h.score,
      }),
      confidence: t.float({
        description:
          'How sure the server is that this is what was asked for, 0–1: 1 when the text is exactly a name; lower for other word forms, typos, prefixes, related terms, names only partly given, and descriptions.',
        resolve: (h) => h.confidence,
      }),
      matchedField: t.field({
        type: MatchedField,
        description: 'Which text matched.',
        resolve: (h) => h.field,
      }),
      matchedText: t.string({
        description: 'The text that matched, as recorded.',
        resolve: (h) => h.entry.text,
      }),
      matchKind: t.field({
        type: MatchKind,
        description: 'The weakest way a word of the search matched the text.',
        resolve: (h) => h.match.kind,
      }),
      snippet: t.string({
        description:
          'The matched text (in the requested language when it exists in both), matching words marked; long texts are cut around the first match with "…".',
        args: {
          lang: t.arg({ type: Lang, description: LANG_ARG_DESCRIPTION }),
          open: t.arg.string({ defaultValue: '<mark>', description: 'Put before a match.' }),
          close: t.arg.string({ defaultValue: '</mark>', description: 'Put after a match.' }),
        },
        resolve: (h, args, ctx) =>
          snippet(
            h,
            args.lang ?? h.lang ?? ctx.lang,
            args.open ?? '<mark>',
            args.close ?? '</mark>',
          ),
      }),
      viaTopic: t.field({
        type: refs.Topic,
        nullable: true,
        description:
          'For a unit found through a topic it handles (`matchedField: TOPIC`): the topic.',
        resolve: (h) => h.viaTopic?.topic ?? null,
      }),
    }),
  });

  const SearchConnection = builder.connectionObject(
    {
      type: SearchHitRef,
      name: 'SearchConnection',
      description: 'A page of search hits, best first.',
    },
    { name: 'SearchEdge', description: 'A search hit and its cursor.' },
  );

  readFields(parts, (t) => ({
    search: t.connection(
      {
        type: SearchHitRef,
        description: `Finds units, posts, topics and events from any words, in English or French: case, accents and punctuation are ignored, word forms are stemmed ("organisations" = "organisation"), typos are forgiven in proportion to word length (never in words of 3 letters or fewer, so acronyms stay exact), and the last word may be the start of a word (type-ahead). Every significant word must match a text of a hit, so nothing is returned rather than a guess. Best first; \`first\` is ${PAGE_SIZE.default} by default, ${PAGE_SIZE.min} to ${PAGE_SIZE.max} (other values are refused).`,
        args: {
          text: t.arg.string({
            required: true,
            description: 'What to look for (at most 200 characters).',
          }),
          lang: t.arg({
            type: Lang,
            description:
              'Preferred language: ties go to texts in it, and snippets default to it. Defaults to the request’s `Accept-Language`.',
          }),
          kinds: t.arg({
            type: [NodeKind],
            description: 'Only these kinds of things (all when absent or empty).',
          }),
        },
        resolve: async (scope, args, ctx) => {
          const hits = await ctx.lookups.search(scope.graph, {
            text: args.text,
            lang: args.lang ?? ctx.lang,
            kinds: args.kinds ?? undefined,
          });
          return pageOf(sequenceOf(hits), args, {
            graph: scope.graph,
            keyOf: (hit) => `${hit.kind}:${hit.node.key}`,
          });
        },
      },
      SearchConnection,
    ),
  }));
}
