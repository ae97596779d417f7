import type { Post } from '../graph/types';
import { builder } from './builder';
import { CitationRef } from './citation';
import { Lang, LANG_ARG_DESCRIPTION, localizedString, pick } from './lang';
import { present, relation } from './loaders';
import { OrgUnitRef, PostRef } from './refs';

const PostRole = builder.enumType('PostRole', {
  description: 'The part a post plays in its unit.',
  values: {
    HEAD: { value: 'head', description: 'Heads the unit.' },
    DEPUTY: { value: 'deputy', description: 'Deputises for the head.' },
    MEMBER: { value: 'member', description: 'A member of the unit.' },
  } as const,
});

const unitOf = relation('unit', 'post', 'unit', (p: Post) => p.unitKey);
const heads = relation('unitsHeadedBy', 'post', 'unit', (p: Post) => p.key);

builder.node(PostRef, {
  description:
    'A position that exists independently of whoever holds it (Secretary General, Assistant Secretary General, Director…). The source names no holders, so none are given.',
  id: { resolve: (p) => p.key },
  loadMany: (keys, ctx) => keys.map((k) => ctx.loaders.post.load(k)),
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key of the post in the dataset.' }),
    title: localizedString(t, 'Title of the post.', (p) => p.title),
    acronym: t.exposeString('acronym', {
      nullable: true,
      description: 'Usual abbreviation (ASG).',
    }),
    role: t.field({ type: PostRole, description: 'Its part in its unit.', resolve: (p) => p.role }),
    unit: t.field({
      type: OrgUnitRef,
      description: 'The unit the post belongs to.',
      resolve: (p, _, ctx, info) =>
        present(ctx.loaders.follow(unitOf, p, info), `post ${p.key} has no unit`),
    }),
    heads: t.field({
      type: [OrgUnitRef],
      description: 'The units this post heads (the Secretary General heads more than one).',
      resolve: (p, _, ctx, info) => ctx.loaders.follow(heads, p, info),
    }),
    sources: t.field({
      type: [CitationRef],
      description: 'Where the post is attested.',
      resolve: (p) => p.sources,
    }),
    notes: t.stringList({
      description: 'Remarks for readers (e.g. translation traps).',
      args: { lang: t.arg({ type: Lang, description: LANG_ARG_DESCRIPTION }) },
      resolve: (p, args, ctx) => p.notes.map((n) => pick(n, args.lang, ctx)),
    }),
  }),
});

builder.queryField('posts', (t) =>
  t.field({
    type: [PostRef],
    description: 'Every post, in the order of the dataset.',
    resolve: (_, __, ctx) => ctx.graph.posts(),
  }),
);
