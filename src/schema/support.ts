import { supportValidity } from '../graph/validity';
import { Lang, LANG_ARG_DESCRIPTION, pick } from './lang';
import type { SchemaParts } from './parts';

export function defineSupport({ builder, refs }: SchemaParts): void {
  builder.objectType(refs.Support, {
    description:
      'Support a unit gives, as a source states it: to another unit, or to a party that is no unit of the dataset.',
    fields: (t) => ({
      giver: t.field({
        type: refs.OrgUnit,
        description: 'The unit that gives it.',
        resolve: (s) => s.graph.unitOfSupport(s),
      }),
      unit: t.field({
        type: refs.OrgUnit,
        nullable: true,
        description: 'The unit supported; null when it is a party.',
        resolve: (s) =>
          s.supported.kind === 'unit' ? (s.graph.unit(s.supported.unitKey) ?? null) : null,
      }),
      party: t.string({
        nullable: true,
        description:
          'What is supported when it is no unit ("the delegations of member countries"); null for a unit.',
        args: { lang: t.arg({ type: Lang, description: LANG_ARG_DESCRIPTION }) },
        resolve: (s, args, ctx) =>
          s.supported.kind === 'party' ? pick(s.supported.name, args.lang, ctx) : null,
      }),
      scope: t.string({
        nullable: true,
        description: 'Where or how, as the source qualifies it.',
        args: { lang: t.arg({ type: Lang, description: LANG_ARG_DESCRIPTION }) },
        resolve: (s, args, ctx) => (s.scope ? pick(s.scope, args.lang, ctx) : null),
      }),
      sources: t.field({
        type: [refs.Citation],
        description: 'The sentences that say so.',
        resolve: (s) => s.sources,
      }),
      validity: t.field({
        type: refs.Validity,
        description: 'When it held: while both its ends did, as far as the data dates them.',
        resolve: (s) => supportValidity(s.graph, s),
      }),
    }),
  });

  builder.interfaceFields(refs.OrgUnit, (t) => ({
    supports: t.field({
      type: [refs.Support],
      description:
        'The support the unit gives, as the sources state it (the International Staff supports the North Atlantic Council).',
      resolve: (u) => u.graph.supportsOf(u.key),
    }),
    supportedBy: t.field({
      type: [refs.Support],
      description: 'The support the unit receives from units of the graph.',
      resolve: (u) => u.graph.supportersOf(u.key),
    }),
  }));
}
