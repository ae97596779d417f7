import type {
  ResponsibilityAnswer,
  ResponsibleUnit,
  TopicMatch,
} from '../graph/search/responsibility';
import { Lang, optionalLocalizedString } from './lang';
import { MatchKind } from './match';
import type { SchemaParts } from './parts';
import { readFields } from './read-fields';
import { ResponsibilityBasis } from './topic';

const TopicMatchVia = {
  KEY: 'key',
  LABEL: 'label',
  VARIANT: 'variant',
  RELATED: 'related',
} as const;

export function defineResponsibilityAnswer(parts: SchemaParts): void {
  const { builder, refs } = parts;
  builder.enumType(TopicMatchVia, {
    name: 'TopicMatchVia',
    description: 'Which recorded text of a topic matched.',
    values: {
      KEY: { description: 'The topic’s key.' },
      LABEL: { description: 'Its preferred label.' },
      VARIANT: { description: 'A variant (another spelling or name).' },
      RELATED: {
        description:
          'A related term: a neighbouring notion the topic serves, not the topic itself.',
      },
    },
  });

  const TopicMatchRef = builder.objectRef<TopicMatch>('TopicMatch').implement({
    description: 'A topic the question names, and how.',
    fields: (t) => ({
      topic: t.field({ type: refs.Topic, description: 'The topic.', resolve: (m) => m.topic }),
      matched: t.exposeString('matched', { description: 'The recorded text that matched.' }),
      via: t.field({
        type: TopicMatchVia,
        description: 'Which text it is.',
        resolve: (m) => m.via,
      }),
      lang: t.field({
        type: Lang,
        nullable: true,
        description: 'Language of that text (null for a key).',
        resolve: (m) => m.lang ?? null,
      }),
      kind: t.field({ type: MatchKind, description: 'How it matched.', resolve: (m) => m.kind }),
      confidence: t.exposeFloat('confidence', {
        description:
          '1 for the same words; lower for other forms and typos; 0.6 × for a related term.',
      }),
    }),
  });

  const ResponsibleUnitRef = builder.objectRef<ResponsibleUnit>('ResponsibleUnit').implement({
    description: 'A unit responsible for the topic asked about, with the evidence.',
    fields: (t) => ({
      unit: t.field({ type: refs.OrgUnit, description: 'The unit.', resolve: (r) => r.unit }),
      topic: t.field({
        type: refs.Topic,
        description: 'The topic it is linked to: the one asked about, or a narrower one.',
        resolve: (r) => r.topic,
      }),
      matchedTopic: t.field({
        type: TopicMatchRef,
        description: 'The matched topic this unit answers.',
        resolve: (r) => r.topicMatch,
      }),
      viaNarrower: t.exposeBoolean('viaNarrower', {
        description: 'True when the unit handles a narrower topic than the one asked about.',
      }),
      basis: t.field({
        type: ResponsibilityBasis,
        description: 'What the link rests on: the source’s words, or only the unit’s name.',
        resolve: (r) => r.basis,
      }),
      confidence: t.exposeFloat('confidence', {
        description:
          'The topic match’s confidence, × 0.8 when only the unit’s name says so, × 0.9 for a narrower topic, × 0.9 when the source limits the scope.',
      }),
      scope: optionalLocalizedString(
        t,
        'A limit the source puts on it ("certain aspects").',
        (r) => r.responsibility.scope,
      ),
      citations: t.field({
        type: [refs.Citation],
        description: 'The sentences that say so.',
        resolve: (r) => r.responsibility.sources,
      }),
      responsibility: t.field({
        type: refs.Responsibility,
        description: 'The recorded link itself.',
        resolve: (r) => r.responsibility,
      }),
    }),
  });

  const ResponsibilityAnswerRef = builder
    .objectRef<ResponsibilityAnswer>('ResponsibilityAnswer')
    .implement({
      description:
        'Who is responsible for a topic, and why; an explicit nobody when the data is silent.',
      fields: (t) => ({
        query: t.exposeString('query', { description: 'The text asked about.' }),
        topics: t.field({
          type: [TopicMatchRef],
          description: 'The topics the text names, best first (empty when it names none).',
          resolve: (a) => a.topics,
        }),
        matches: t.field({
          type: [ResponsibleUnitRef],
          description: 'The responsible units, most specific and surest first; each unit once.',
          resolve: (a) => a.matches,
        }),
        note: optionalLocalizedString(
          t,
          'Why the answer is empty, or what to keep in mind about it.',
          (a) => a.note,
        ),
      }),
    });

  readFields(parts, (t) => ({
    responsibilityFor: t.field({
      type: ResponsibilityAnswerRef,
      description:
        'Who is responsible for a topic, with evidence: the topics the text names (a label, variant or related term, in English or French, with other word forms or typos: "cyber defnce"), each responsible unit with its basis, confidence and citations. The text must name a recorded topic as a whole: "cyber" or "missile defence" give `matches: []` and a `note`, never the nearest guess.',
      args: {
        topic: t.arg.string({ required: true, description: 'The topic, in any words.' }),
      },
      resolve: (scope, args, ctx) => ctx.lookups.load('responsibility', scope.graph, args.topic),
    }),
  }));
}
