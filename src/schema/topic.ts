import type { Topic } from '../graph/types';
import { whoHandles, resolveTopic } from '../graph/who-handles';
import { builder } from './builder';
import { CitationRef } from './citation';
import { Lang, localizedString, optionalLocalizedString } from './lang';
import { present, relation, relationToMany } from './loaders';
import { HandlerRef, OrgUnitRef, ResponsibilityRef, TopicRef } from './refs';
import { userInput } from './user-input';

const broader = relationToMany('topic', 'topic', 'topic', (t: Topic) => t.broaderKeys);
const narrower = relation('narrower', 'topic', 'topic', (t: Topic) => t.key);
const handledBy = relation('handledBy', 'topic', 'unit', (t: Topic) => t.key);
const links = relation('handlers', 'topic', undefined, (t: Topic) => t.key);

builder.node(TopicRef, {
  description:
    'A responsibility, as a term of the dataset’s topic vocabulary (a SKOS concept): what units handle.',
  id: { resolve: (t) => t.key },
  loadMany: (keys, ctx) => keys.map((k) => ctx.loaders.topic.load(k)),
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key of the topic (e.g. "cyber-defence").' }),
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
    description: optionalLocalizedString(t, 'What the topic covers.', (topic) => topic.description),
    broader: t.field({
      type: [TopicRef],
      description: 'Wider topics this one belongs to.',
      resolve: (topic, _, ctx, info) => ctx.loaders.follow(broader, topic, info),
    }),
    narrower: t.field({
      type: [TopicRef],
      description: 'Topics within this one.',
      resolve: (topic, _, ctx, info) => ctx.loaders.follow(narrower, topic, info),
    }),
    handledBy: t.field({
      type: [OrgUnitRef],
      description: 'The units linked to this topic (not to narrower ones), in dataset order.',
      resolve: (topic, _, ctx, info) => ctx.loaders.follow(handledBy, topic, info),
    }),
    responsibilities: t.field({
      type: [ResponsibilityRef],
      description: 'The same links with their basis, scope and citations.',
      resolve: (topic, _, ctx, info) => ctx.loaders.follow(links, topic, info),
    }),
  }),
});

export const ResponsibilityBasis = builder.enumType('ResponsibilityBasis', {
  description: 'What a responsibility rests on.',
  values: {
    STATED: { value: 'stated', description: 'A source says the unit handles the topic.' },
    UNIT_NAME: {
      value: 'unit-name',
      description:
        'Only the unit’s name says so (e.g. the Office of Legal Affairs and legal affairs); the source describes no tasks.',
    },
    INHERITED: {
      value: 'inherited',
      description:
        'Held through the unit’s parent. No answer uses it today: a parent’s responsibilities do not pass to each of its parts, and the data states no case where they do.',
    },
  } as const,
});

const ResponsibilityRole = builder.enumType('ResponsibilityRole', {
  description: 'How the source qualifies a unit’s part in a topic.',
  values: {
    LEAD: { value: 'lead', description: 'The unit leads on the topic.' },
    PRINCIPAL: { value: 'principal', description: 'The topic is among the unit’s main tasks.' },
  } as const,
});

ResponsibilityRef.implement({
  description: 'The link between a unit and a topic it handles, with its evidence.',
  fields: (t) => ({
    unit: t.field({
      type: OrgUnitRef,
      description: 'The unit.',
      resolve: (r, _, ctx) =>
        present(ctx.loaders.unit.load(r.unitKey), `responsibility of unknown unit ${r.unitKey}`),
    }),
    topic: t.field({
      type: TopicRef,
      description: 'The topic.',
      resolve: (r, _, ctx) =>
        present(
          ctx.loaders.topic.load(r.topicKey),
          `responsibility for unknown topic ${r.topicKey}`,
        ),
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
      type: [CitationRef],
      description: 'The sentences that say so.',
      resolve: (r) => r.sources,
    }),
  }),
});

HandlerRef.implement({
  description: 'A unit that answers "who handles this topic?", with why.',
  fields: (t) => ({
    unit: t.field({ type: OrgUnitRef, description: 'The unit.', resolve: (h) => h.unit }),
    topic: t.field({
      type: TopicRef,
      description: 'The topic it handles.',
      resolve: (h) => h.topic,
    }),
    viaNarrower: t.exposeBoolean('viaNarrower', {
      description: 'True when the unit handles a narrower topic than the one asked about.',
    }),
    responsibility: t.field({
      type: ResponsibilityRef,
      description: 'The link, with its basis and citations.',
      resolve: (h) => h.responsibility,
    }),
  }),
});

const TOPIC_ARG =
  'A topic label or recorded variant in English or French ("cyber defence", "Cyber-Defense", "cyberdéfense"); case, accents, punctuation and word order are ignored.';

builder.queryFields((t) => ({
  whoHandles: t.field({
    type: [OrgUnitRef],
    description:
      'The units responsible for a topic, most specific first. Empty when no topic of the dataset matches: never a guess.',
    args: { topic: t.arg.string({ required: true, description: TOPIC_ARG }) },
    resolve: (_, args, ctx) =>
      userInput(() => whoHandles(ctx.graph, args.topic)).map((h) => h.unit),
  }),
  handlers: t.field({
    type: [HandlerRef],
    description:
      'The same answer as `whoHandles`, with the topic matched and the evidence for each unit.',
    args: { topic: t.arg.string({ required: true, description: TOPIC_ARG }) },
    resolve: (_, args, ctx) => userInput(() => whoHandles(ctx.graph, args.topic)),
  }),
  topic: t.field({
    type: TopicRef,
    nullable: true,
    description: 'The topic with this label, variant or key; null when none matches exactly.',
    args: { name: t.arg.string({ required: true, description: TOPIC_ARG }) },
    resolve: (_, args, ctx) => resolveTopic(ctx.graph, args.name) ?? null,
  }),
  topics: t.field({
    type: [TopicRef],
    description: 'The whole topic vocabulary, in dataset order.',
    resolve: (_, __, ctx) => ctx.graph.topics(),
  }),
}));
