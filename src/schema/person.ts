/**
 * People holding posts: Person, Holding, `Post.holders` and the `people`/`person` root fields. Only
 * a dataset that names people has them (index.ts adds this module for it): the default dataset's
 * source names no holder, and its schema stays without them.
 */
import { recordPage } from '../graph/page';
import {
  holdersOf,
  holdingsOfPerson,
  holdingValidity,
  personOfHolding,
  postOfHolding,
} from '../graph/people';
import type { Holding, Person } from '../graph/types';
import { ID_DESCRIPTION, idOf } from './global-id';
import { localizedString } from './lang';
import type { SchemaParts } from './parts';
import { readFields } from './read-fields';

export function definePeople(parts: SchemaParts): void {
  const { builder, refs } = parts;
  const PersonRef = builder.objectRef<Person>('Person');
  const HoldingRef = builder.objectRef<Holding>('Holding');
  const PersonConnection = builder.connectionObject(
    {
      type: PersonRef,
      name: 'PersonConnection',
      description: 'A page of people, with their total.',
    },
    { name: 'PersonEdge', description: 'One of the people of a page, with its cursor.' },
  );

  builder.objectType(PersonRef, {
    description: 'A person the dataset names as holding one of its posts.',
    interfaces: [builder.nodeInterfaceRef()],
    fields: (t) => ({
      id: t.id({ description: ID_DESCRIPTION, resolve: (p) => idOf('Person', p) }),
      key: t.exposeString('key', { description: 'Stable key of the person in the dataset.' }),
      name: localizedString(t, 'The person’s name.', (p) => p.name),
      holdings: t.field({
        type: [HoldingRef],
        description:
          'The posts the person holds or held, earliest first (in a dated view: those held on its date).',
        resolve: (p) => holdingsOfPerson(p),
      }),
      posts: t.field({
        type: [refs.Post],
        description: 'The posts of `holdings`, each once.',
        resolve: (p) => [...new Set(holdingsOfPerson(p).map(postOfHolding))],
      }),
      sources: t.field({
        type: [refs.Citation],
        description: 'Where the person is named.',
        resolve: (p) => p.sources,
      }),
    }),
  });

  builder.objectType(HoldingRef, {
    description: 'A person’s holding of a post, dated as far as the data says.',
    fields: (t) => ({
      person: t.field({ type: PersonRef, description: 'Who.', resolve: personOfHolding }),
      post: t.field({ type: refs.Post, description: 'Which post.', resolve: postOfHolding }),
      validity: t.field({
        type: refs.Validity,
        description: 'From when until when; an open end means the data does not say.',
        resolve: holdingValidity,
      }),
      sources: t.field({
        type: [refs.Citation],
        description: 'Where the holding is attested.',
        resolve: (h) => h.sources,
      }),
    }),
  });

  builder.objectField(refs.Post, 'holders', (t) =>
    t.field({
      type: [HoldingRef],
      description:
        'Who holds or held the post, earliest first; in a dated view, those whose dates cover its date. Empty where the dataset names no one.',
      resolve: (p) => holdersOf(p),
    }),
  );

  readFields(parts, (t) => ({
    people: t.connection(
      {
        type: PersonRef,
        description: 'Every person the dataset names, in dataset order, a page at a time.',
        resolve: (scope, args) => recordPage(scope.graph, scope.graph.people(), args),
      },
      PersonConnection,
    ),
    person: t.field({
      type: PersonRef,
      nullable: true,
      description: 'The person with this key ("jane-doe"); null when none has it.',
      args: { key: t.arg.string({ required: true, description: 'Their key.' }) },
      resolve: (scope, args) => scope.graph.person(args.key) ?? null,
    }),
  }));
}
