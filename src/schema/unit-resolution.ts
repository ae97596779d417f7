import type { NameMatch, UnitResolution } from '../graph/search/unit-resolution';
import { Lang, optionalLocalizedString } from './lang';
import { MatchKind } from './match';
import { AliasKind } from './org-unit';
import type { SchemaParts } from './parts';
import { readFields } from './read-fields';

const NameMatchVia = { KEY: 'key', NAME: 'name', ACRONYM: 'acronym', ALIAS: 'alias' } as const;

export function defineUnitResolution(parts: SchemaParts): void {
  const { builder, refs } = parts;
  builder.enumType(NameMatchVia, {
    name: 'NameMatchVia',
    description: 'Which recorded name of a unit matched.',
    values: {
      KEY: { description: 'The unit’s key.' },
      NAME: { description: 'Its official name (English or French).' },
      ACRONYM: { description: 'An acronym (official, or in use: see `aliasKind`).' },
      ALIAS: { description: 'An alias: informal, former, short… (see `aliasKind`).' },
    },
  });

  const NameMatchRef = builder.objectRef<NameMatch>('NameMatch').implement({
    description: 'A unit a name may mean, and why.',
    fields: (t) => ({
      unit: t.field({ type: refs.OrgUnit, description: 'The unit.', resolve: (m) => m.unit }),
      matched: t.exposeString('matched', { description: 'The recorded name that matched.' }),
      via: t.field({ type: NameMatchVia, description: 'Which name it is.', resolve: (m) => m.via }),
      aliasKind: t.field({
        type: AliasKind,
        nullable: true,
        description: 'For an alias or unofficial acronym: what kind.',
        resolve: (m) => m.aliasKind ?? null,
      }),
      lang: t.field({
        type: Lang,
        nullable: true,
        description: 'Language of the matched name (null for acronyms and keys shared by both).',
        resolve: (m) => m.lang ?? null,
      }),
      kind: t.field({ type: MatchKind, description: 'How it matched.', resolve: (m) => m.kind }),
      confidence: t.exposeFloat('confidence', {
        description:
          '1 for the same words; lower for other word forms and typos; lower still (at most 0.7) for a name given only in part.',
      }),
    }),
  });

  const UnitResolutionRef = builder.objectRef<UnitResolution>('UnitResolution').implement({
    description:
      'Which unit a name means: the pick (unless nothing or several fit), the other candidates and why each matched.',
    fields: (t) => ({
      query: t.exposeString('query', { description: 'The name asked about.' }),
      unit: t.field({
        type: refs.OrgUnit,
        nullable: true,
        description: 'The unit meant; null when nothing matches or the name is ambiguous.',
        resolve: (r) => r.unit ?? null,
      }),
      match: t.field({
        type: NameMatchRef,
        nullable: true,
        description: 'Why `unit` was picked.',
        resolve: (r) => r.match ?? null,
      }),
      ambiguous: t.exposeBoolean('ambiguous', {
        description: 'True when several units fit equally well ("Office"): none is picked.',
      }),
      alternatives: t.field({
        type: [NameMatchRef],
        description: 'Other candidates, best first: all of them when ambiguous (at most 10).',
        resolve: (r) => r.alternatives,
      }),
      note: optionalLocalizedString(
        t,
        'Why there is no pick, or a caution about it.',
        (r) => r.note,
      ),
    }),
  });

  readFields(parts, (t) => ({
    resolveUnit: t.field({
      type: UnitResolutionRef,
      description:
        'Which unit a name means, and why: exact names, acronyms and aliases first, then whole names with other word forms or typos, then names given in part. An ambiguous name ("Office") picks nothing and lists the candidates. `unit(name:)` is the exact-only shortcut.',
      args: { name: t.arg.string({ required: true, description: 'What the unit is called.' }) },
      resolve: (scope, args, ctx) => ctx.lookups.load('unitResolution', scope.graph, args.name),
    }),
  }));
}
