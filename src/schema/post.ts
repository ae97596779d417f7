import { recordPage } from '../graph/page';
import { postValidity } from '../graph/validity';
import { ID_DESCRIPTION, idOf } from './global-id';
import { localizedNotes, localizedString } from './lang';
import type { SchemaParts } from './parts';
import { readFields } from './read-fields';

const NONE: readonly never[] = [];

const PostRole = { HEAD: 'head', DEPUTY: 'deputy', MEMBER: 'member' } as const;

export function definePost(parts: SchemaParts): void {
  const { builder, refs } = parts;
  builder.enumType(PostRole, {
    name: 'PostRole',
    description: 'The part a post plays in its unit.',
    values: {
      HEAD: { description: 'Heads the unit.' },
      DEPUTY: { description: 'Deputises for the head.' },
      MEMBER: { description: 'A member of the unit.' },
    },
  });

  builder.objectType(refs.Post, {
    description: parts.declaration.people
      ? 'A position that exists independently of whoever holds it; `holders` gives the people the dataset names as holding it.'
      : 'A position that exists independently of whoever holds it (Secretary General, Assistant Secretary General, Director…). The source names no holders, so none are given.',
    interfaces: [builder.nodeInterfaceRef()],
    fields: (t) => ({
      id: t.id({ description: ID_DESCRIPTION, resolve: (p) => idOf('Post', p) }),
      key: t.exposeString('key', { description: 'Stable key of the post in the dataset.' }),
      title: localizedString(t, 'Title of the post.', (p) => p.title),
      acronym: t.exposeString('acronym', {
        nullable: true,
        description: 'Usual abbreviation (ASG).',
      }),
      role: t.field({
        type: PostRole,
        description: 'Its part in its unit.',
        resolve: (p) => p.role,
      }),
      unit: t.field({
        type: refs.OrgUnit,
        description: 'The unit the post belongs to.',
        resolve: (p) => p.graph.unitOfPost(p),
      }),
      heads: t.field({
        type: [refs.OrgUnit],
        description: 'The units this post heads (the Secretary General heads more than one).',
        resolve: (p) => p.graph.unitsHeadedBy(p.key),
      }),
      sources: t.field({
        type: [refs.Citation],
        description: 'Where the post is attested.',
        resolve: (p) => p.sources,
      }),
      notes: localizedNotes(t, 'Remarks for readers (e.g. translation traps).', (p) => p.notes),
      validity: t.field({
        type: refs.Validity,
        description: 'When the post existed: the sources date no post, so its unit’s dates.',
        resolve: (p) => postValidity(p),
      }),
      corrections: t.field({
        type: [refs.Correction],
        description: 'Where a source is wrong about the post (none are recorded).',
        resolve: () => NONE,
      }),
    }),
  });

  readFields(parts, (t) => ({
    posts: t.connection(
      {
        type: refs.Post,
        description: 'Every post, in the order of the dataset, a page at a time.',
        resolve: (scope, args) => recordPage(scope.graph, scope.graph.posts(), args),
      },
      refs.PostConnection,
    ),
  }));
}
