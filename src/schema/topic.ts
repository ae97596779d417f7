import { pageOf, recordPage, sequenceOf } from '../graph/page';
import { topicSources } from '../graph/topic-sources';
import { responsibilityValidity } from '../graph/validity';
import { handlersIn } from '../graph/who-handles';
import { ID_DESCRIPTION, idOf } from './global-id';
import { Lang, localizedString, optionalLocalizedString } from './lang';
import type { SchemaParts } from './parts';
import { readFields } from './read-fields';

export const ResponsibilityBasis = {
  STATED: 'stated',
  UNIT_NAME: 'unit-name',
  INHERITED: 'inherited',
} as const;

const ResponsibilityRole = { LEAD: 'lead', PRINCIPAL: 'principal' } as const;

const TOPIC_ARG =
  'A topic label or recorded variant in English or French ("cyber defence", "Cyber-Defense", "cyberdéfense"); case, accents, punctuation and word order are ignored.';

const NONE: readonly never[] = [];

export function defineTopic(parts: SchemaParts): void {
  const { builder, refs } = parts;
  const ResponsibilityConnection = builder.connectionObject(
    {
      type: refs.Responsibility,
      name: 'ResponsibilityConnection',
      description: 'A page of responsibilities, with their total.',
    },
    { name: 'ResponsibilityEdge', description: 'One responsibility of a page, with its cursor.' },
  );

  builder.objectType(refs.Topic, {
    description:
      'A responsibility, as a term of the dataset’s topic vocabulary (a SKOS concept): what units handle.',
    interfaces: [builder.nodeInterfaceRef()],
    fields: (t) => ({
      id: t.id({ description: ID_DESCRIPTION, resolve: (topic) => idOf('Topic', topic) }),
      key: t.exposeString('key', {
        description: 'Stable key of the topic (e.g. "cyber-defence").',
      }),
      label: localizedString(t, 'Preferred label.', (topic) => topic.label),
      variants: t.stringList({
        description: 'Other spellings and names people use (US spelling, hyphens, acronyms).',
        args: { lang: t.arg({ type: Lang, description: 'Only variants in this language.' }) },
        resolve: (topic, args) =>
          args.lang ? [...topic.variants[args.lang]] : [...topic.variants.en, ...topic.variants.fr],
      }),
      relatedTerms: t.stringList({
        description:
          'Terms for neighbouring notions this topic serves without being them ("cybersecurity" for cyber defence); they match with lower confidence.',
        args: { lang: t.arg({ type: Lang, description: 'Only terms in this language.' }) },
        resolve: (topic, args) =>
          args.lang ? [...topic.related[args.lang]] : [...topic.related.en, ...topic.related.fr],
      }),
      description: optionalLocalizedString(
        t,
        'What the topic covers.',
        (topic) => topic.description,
      ),
      broader: t.field({
        type: [refs.Topic],
        description: 'Wider topics this one belongs to.',
        resolve: (topic) => topic.graph.broaderOf(topic),
      }),
      narrower: t.field({
        type: [refs.Topic],
        description: 'Topics within this one.',
        resolve: (topic) => topic.graph.narrowerOf(topic.key),
      }),
      handledBy: t.connection(
        {
          type: refs.OrgUnit,
          description: 'The units linked to this topic (not to narrower ones), in dataset order.',
          resolve: (topic, args) =>
            recordPage(topic.graph, topic.graph.unitsHandling(topic.key), args),
        },
        refs.UnitConnection,
      ),
      responsibilities: t.connection(
        {
          type: refs.Responsibility,
          description: 'The same links with their basis, scope and citations, a page at a time.',
          resolve: (topic, args) =>
            pageOf(sequenceOf(topic.graph.handlersOf(topic.key)), args, {
              graph: topic.graph,
              keyOf: (link) => link.unitKey,
            }),
        },
        ResponsibilityConnection,
      ),
      sources: t.field({
        type: [refs.Citation],
        description:
          'The sentences that name the topic: those of the responsibilities linking units to it. The vocabulary itself (labels, broader and narrower) is the dataset’s own.',
        resolve: (topic) => topicSources(topic),
      }),
      corrections: t.field({
        type: [refs.Correction],
        description: 'Where a source is wrong about the topic (none are recorded).',
        resolve: () => NONE,
      }),
    }),
  });

  builder.enumType(ResponsibilityBasis, {
    name: 'ResponsibilityBasis',
    description: 'What a responsibility rests on.',
    values: {
      STATED: { description: 'A source says the unit handles the topic.' },
      UNIT_NAME: {
        description:
          'Only the unit’s name says so (e.g. the Office of Legal Affairs and legal affairs); the source describes no tasks.',
      },
      INHERITED: {
        description:
          'Held through the unit’s parent. No answer uses it today: a parent’s responsibilities do not pass to each of its parts, and the data states no case where they do.',
      },
    },
  });
  builder.enumType(ResponsibilityRole, {
    name: 'ResponsibilityRole',
    description: 'How the source qualifies a unit’s part in a topic.',
    values: {
      LEAD: { description: 'The unit leads on the topic.' },
      PRINCIPAL: { description: 'The topic is among the unit’s main tasks.' },
    },
  });

  builder.objectType(refs.Responsibility, {
    description: 'The link between a unit and a topic it handles, with its evidence.',
    fields: (t) => ({
      unit: t.field({
        type: refs.OrgUnit,
        description: 'The unit.',
        resolve: (r) => r.graph.unitOfLink(r),
      }),
      topic: t.field({
        type: refs.Topic,
        description: 'The topic.',
        resolve: (r) => r.graph.topicOfLink(r),
      }),
      basis: t.field({
        type: ResponsibilityBasis,
        description: 'What the link rests on.',
        resolve: (r) => r.basis,
      }),
      role: t.field({
        type: ResponsibilityRole,
        nullable: true,
        description: 'How the source qualifies the unit’s part, if it does.',
        resolve: (r) => r.role ?? null,
      }),
      scope: optionalLocalizedString(
        t,
        'A limit the source puts on it ("certain aspects").',
        (r) => r.scope,
      ),
      sources: t.field({
        type: [refs.Citation],
        description: 'The sentences that say so.',
        resolve: (r) => r.sources,
      }),
      validity: t.field({
        type: refs.Validity,
        description:
          'When the link held: stated as of the dataset’s date, and taken to hold while its unit existed.',
        resolve: (r) => responsibilityValidity(r),
      }),
      corrections: t.field({
        type: [refs.Correction],
        description: 'Where a source is wrong about the link (none are recorded).',
        resolve: () => NONE,
      }),
    }),
  });

  builder.objectType(refs.Handler, {
    description: 'A unit that answers "who handles this topic?", with why.',
    fields: (t) => ({
      unit: t.field({ type: refs.OrgUnit, description: 'The unit.', resolve: (h) => h.unit }),
      topic: t.field({
        type: refs.Topic,
        description: 'The topic it handles.',
        resolve: (h) => h.topic,
      }),
      viaNarrower: t.exposeBoolean('viaNarrower', {
        description: 'True when the unit handles a narrower topic than the one asked about.',
      }),
      responsibility: t.field({
        type: refs.Responsibility,
        description: 'The link, with its basis and citations.',
        resolve: (h) => h.responsibility,
      }),
    }),
  });

  readFields(parts, (t) => ({
    whoHandles: t.field({
      type: [refs.OrgUnit],
      description:
        'The units responsible for a topic, most specific first. Empty when no topic of the dataset matches: never a guess.',
      args: { topic: t.arg.string({ required: true, description: TOPIC_ARG }) },
      resolve: async (scope, args, ctx) =>
        (await ctx.lookups.load('responsibility', scope.graph, args.topic)).matches.map(
          (m) => m.unit,
        ),
    }),
    handlers: t.field({
      type: [refs.Handler],
      description:
        'The same answer as `whoHandles`, with the topic matched and the evidence for each unit.',
      args: { topic: t.arg.string({ required: true, description: TOPIC_ARG }) },
      resolve: async (scope, args, ctx) =>
        handlersIn(await ctx.lookups.load('responsibility', scope.graph, args.topic)),
    }),
    topic: t.field({
      type: refs.Topic,
      nullable: true,
      description: 'The topic with this label, variant or key; null when none matches exactly.',
      args: { name: t.arg.string({ required: true, description: TOPIC_ARG }) },
      resolve: (scope, args, ctx) => ctx.lookups.load('topicNamed', scope.graph, args.name),
    }),
    topics: t.connection(
      {
        type: refs.Topic,
        description: 'The whole topic vocabulary, in dataset order, a page at a time.',
        resolve: (scope, args) => recordPage(scope.graph, scope.graph.topics(), args),
      },
      refs.TopicConnection,
    ),
  }));
}
