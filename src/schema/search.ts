import { resolveArrayConnection } from '@pothos/plugin-relay';
import { search, snippet, type SearchHit } from '../graph/search/search';
import type { OrgEvent, Post, Topic, Unit } from '../graph/types';
import { builder } from './builder';
import type { Context } from './context';
import { Lang, LANG_ARG_DESCRIPTION } from './lang';
import { MatchKind } from './match';
import { TYPE_NAME_BY_KIND } from './org-unit';
import {
  CabinetRef,
  CabinetUnitRef,
  CouncilRef,
  DivisionRef,
  EventRef,
  InternationalStaffRef,
  OfficeRef,
  OrganizationRef,
  PostRef,
  SecretaryGeneralRef,
  TopicRef,
} from './refs';
import { PAGE_SIZE, pageComplexity, pageSize } from './page-size';
import { userInput } from './user-input';

export const NodeKind = builder.enumType('NodeKind', {
  description: 'What kind of thing a search hit is.',
  values: {
    UNIT: { value: 'unit', description: 'An organisational unit (any OrgUnit type).' },
    POST: { value: 'post', description: 'A post (Secretary General, Director…).' },
    TOPIC: { value: 'topic', description: 'A topic of the responsibility vocabulary.' },
    EVENT: { value: 'event', description: 'A dated event.' },
  } as const,
});

const MatchedField = builder.enumType('MatchedField', {
  description: 'Which text of a hit matched the search.',
  values: {
    NAME: {
      value: 'name',
      description: 'Its own name: a unit’s official name, a post’s title, a topic’s label.',
    },
    ACRONYM: { value: 'acronym', description: 'An acronym (official or in use).' },
    ALIAS: {
      value: 'alias',
      description: 'Another recorded name: a unit’s alias, a topic’s variant spelling.',
    },
    RELATED: {
      value: 'related',
      description:
        'A related term of a topic: a neighbouring notion, not the topic itself (lower confidence).',
    },
    DESCRIPTION: { value: 'description', description: 'Its description.' },
    TOPIC: {
      value: 'topic',
      description: 'A topic the unit handles (the snippet shows the topic’s text).',
    },
    EVENT_TITLE: { value: 'event-title', description: 'An event’s title.' },
  } as const,
});

type SearchNodeValue = Unit | Post | Topic | OrgEvent;

/** The search index knows each node's kind; GraphQL needs the type name. */
function searchNodeType(value: SearchNodeValue): string {
  if ('broaderKeys' in value) return 'Topic';
  if ('affectsKeys' in value) return 'Event';
  if ('unitKey' in value) return 'Post';
  return TYPE_NAME_BY_KIND[value.kind];
}

const SearchNode = builder.unionType('SearchNode', {
  description: 'Anything a search can find.',
  types: [
    OrganizationRef,
    CouncilRef,
    SecretaryGeneralRef,
    InternationalStaffRef,
    CabinetRef,
    CabinetUnitRef,
    DivisionRef,
    OfficeRef,
    PostRef,
    TopicRef,
    EventRef,
  ],
  resolveType: searchNodeType,
});

async function loadNode(hit: SearchHit, ctx: Context): Promise<SearchNodeValue> {
  const loader = {
    unit: ctx.loaders.unit,
    post: ctx.loaders.post,
    topic: ctx.loaders.topic,
    event: ctx.loaders.event,
  }[hit.kind];
  const node = await loader.load(hit.key);
  if (!node) throw new Error(`search hit of unknown ${hit.kind} ${hit.key}`); // same graph: cannot happen
  return node;
}

const SearchHitRef = builder.objectRef<SearchHit>('SearchHit').implement({
  description: 'A thing that matched a search, with how well and why.',
  fields: (t) => ({
    node: t.field({
      type: SearchNode,
      description: 'What was found.',
      resolve: (h, _, ctx) => loadNode(h, ctx),
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
        snippet(h, args.lang ?? h.lang ?? ctx.lang, args.open ?? '<mark>', args.close ?? '</mark>'),
    }),
    viaTopic: t.field({
      type: TopicRef,
      nullable: true,
      description:
        'For a unit found through a topic it handles (`matchedField: TOPIC`): the topic.',
      resolve: (h, _, ctx) => (h.viaTopic ? ctx.loaders.topic.load(h.viaTopic.key) : null),
    }),
  }),
});

builder.queryFields((t) => ({
  search: t.connection(
    {
      type: SearchHitRef,
      // What the hits select counts `first` times in the query cost.
      complexity: pageComplexity('first'),
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
      resolve: (_, args, ctx) => {
        if (args.first != null) pageSize(args.first, 'first');
        if (args.last != null) pageSize(args.last, 'last');
        const hits = userInput(() =>
          search(ctx.graph, {
            text: args.text,
            lang: args.lang ?? ctx.lang,
            kinds: args.kinds ?? undefined,
          }),
        );
        return resolveArrayConnection(
          { args, defaultSize: PAGE_SIZE.default, maxSize: PAGE_SIZE.max },
          hits,
        );
      },
    },
    { name: 'SearchConnection', description: 'A page of search hits, best first.' },
    { name: 'SearchEdge', description: 'A search hit and its cursor.' },
  ),
}));
