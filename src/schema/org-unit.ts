import { acronymIn } from '../graph/localize';
import { reportingLineOf } from '../graph/reporting-line';
import { recordPage } from '../graph/page';
import { kindEnumName } from '../graph/unit-kinds';
import { Lang, LANG_ARG_DESCRIPTION, langOf, pick } from './lang';
import type { SchemaParts } from './parts';
import { readFields } from './read-fields';

export const AliasKind = {
  INFORMAL: 'informal',
  FORMER: 'former',
  LATER: 'later',
  LITERAL: 'literal',
  SHORT: 'short',
  UNOFFICIAL_ACRONYM: 'unofficial-acronym',
  ACRONYM: 'acronym',
} as const;

const ReportingBasis = { START: 'start', REPORTS_TO: 'reports-to', PART_OF: 'part-of' } as const;

export function defineOrgUnit(parts: SchemaParts) {
  const { builder, refs, kinds } = parts;

  // A plain object: looked up once per unit of every answer.
  const typeNames: Record<string, string> = Object.fromEntries(
    kinds.map((k) => [k.key, k.typeName]),
  );
  const UnitKind = builder.enumType('UnitKind', {
    description: 'What kind of unit an OrgUnit is; each kind has its own GraphQL type.',
    values: Object.fromEntries(
      kinds.map((k) => [kindEnumName(k.key), { value: k.key, description: k.description }]),
    ),
  });

  builder.enumType(AliasKind, {
    name: 'AliasKind',
    description: 'Why a unit has an alias.',
    values: {
      INFORMAL: { description: 'A name people use that is not official.' },
      FORMER: { description: 'An earlier official name.' },
      LATER: { description: 'A later official name (after the dataset’s date).' },
      LITERAL: { description: 'A word-for-word translation of the name.' },
      SHORT: { description: 'A short form of the name.' },
      UNOFFICIAL_ACRONYM: { description: 'An acronym in use but not confirmed as official.' },
      ACRONYM: { description: 'Another official acronym.' },
    },
  });

  builder.objectType(refs.Alias, {
    description: 'Another name by which people refer to a unit.',
    fields: (t) => ({
      text: t.exposeString('text', { description: 'The alias as written.' }),
      lang: t.field({ type: Lang, description: 'Its language.', resolve: (a) => a.lang }),
      kind: t.field({
        type: AliasKind,
        description: 'What kind of alias it is.',
        resolve: (a) => a.kind,
      }),
      note: t.exposeString('note', { nullable: true, description: 'A remark on its use.' }),
      sources: t.field({
        type: [refs.Citation],
        description: 'Where the alias is attested, when recorded.',
        resolve: (a) => a.sources,
      }),
    }),
  });

  builder.enumType(ReportingBasis, {
    name: 'ReportingBasis',
    description: 'How a step of a reporting line is known.',
    values: {
      START: { description: 'The unit the line starts from.' },
      REPORTS_TO: { description: 'A source states that the previous unit reports to this one.' },
      PART_OF: {
        description:
          'Derived: the previous unit is part of this one and no source names another superior.',
      },
    },
  });

  builder.objectType(refs.ReportingStep, {
    description: 'One step of a reporting line, with how it is known and the sources that say so.',
    fields: (t) => ({
      unit: t.field({
        type: refs.OrgUnit,
        description: 'The unit at this step.',
        resolve: (s) => s.unit,
      }),
      basis: t.field({
        type: ReportingBasis,
        description: 'How this unit was reached from the previous step.',
        resolve: (s) => s.basis,
      }),
      sources: t.field({
        type: [refs.Citation],
        description: 'The citations of the link that leads here (empty for the first step).',
        resolve: (s) => s.sources,
      }),
    }),
  });

  builder.interfaceType(refs.OrgUnit, {
    description:
      'A unit of the organisation: NATO itself, the Council, the Secretary General, the International Staff, the Private Office and its members, a division or an office.',
    interfaces: [builder.nodeInterfaceRef()],
    resolveType: (u) => typeNames[u.kind] as string,
    fields: (t) => ({
      key: t.exposeString('key', {
        description:
          'Stable, readable key of the unit in the dataset (e.g. "nato-office-of-security").',
      }),
      kind: t.expose('kind', { type: UnitKind, description: 'What kind of unit this is.' }),
      name: t.string({
        description: 'Official name.',
        args: { lang: t.arg({ type: Lang, description: LANG_ARG_DESCRIPTION }) },
        resolve: (u, args, ctx) => pick(u.name, args.lang, ctx),
      }),
      acronym: t.string({
        description:
          'Official acronym, when one is confirmed (unconfirmed ones are among the aliases). The English one when French has none of its own.',
        nullable: true,
        args: { lang: t.arg({ type: Lang, description: LANG_ARG_DESCRIPTION }) },
        resolve: (u, args, ctx) => acronymIn(u, langOf(args.lang, ctx)) ?? null,
      }),
      aliases: t.field({
        type: [refs.Alias],
        description: 'Other names people use for the unit; all of them work in `unit(name:)`.',
        args: { lang: t.arg({ type: Lang, description: 'Only aliases in this language.' }) },
        resolve: (u, args) =>
          args.lang ? u.aliases.filter((a) => a.lang === args.lang) : u.aliases,
      }),
      description: t.string({
        description: 'What the unit is and does, as the source describes it.',
        args: { lang: t.arg({ type: Lang, description: LANG_ARG_DESCRIPTION }) },
        resolve: (u, args, ctx) => pick(u.description, args.lang, ctx),
      }),
      head: t.field({
        type: refs.Post,
        nullable: true,
        description: 'The post that heads the unit, where a source names one.',
        resolve: (u) => u.graph.headOf(u) ?? null,
      }),
      headSources: t.field({
        type: [refs.Citation],
        description: 'The sentences the head rests on (empty when the unit has no stated head).',
        resolve: (u) => (u.headKey === undefined ? [] : u.headSources),
      }),
      posts: t.field({
        type: [refs.Post],
        description:
          'The posts that belong to the unit, whatever their role: its head post and its member posts (the Director of the Private Office, who heads nothing).',
        resolve: (u) => u.graph.postsIn(u.key),
      }),
      parent: t.field({
        type: refs.OrgUnit,
        nullable: true,
        description: 'The unit this one is part of.',
        resolve: (u) => u.graph.parentOf(u) ?? null,
      }),
      units: t.connection(
        {
          type: refs.OrgUnit,
          description: 'Direct sub-units (the units that are part of this one), in file order.',
          resolve: (u, args) => recordPage(u.graph, u.graph.childrenOf(u.key), args),
        },
        refs.UnitConnection,
      ),
      memberOf: t.field({
        type: [refs.OrgUnit],
        description:
          'Units this one is a member of without being part of them (the Secretary General is, administratively, a member of the International Staff).',
        resolve: (u) => u.graph.membershipsOf(u),
      }),
      reportsTo: t.field({
        type: refs.OrgUnit,
        nullable: true,
        description:
          'The next unit up the reporting line: the one a source says this unit reports to, else the unit it is part of. Null at the top. `reportingSteps` says which.',
        resolve: (u) => reportingLineOf(u)[1]?.unit ?? null,
      }),
      reportingLine: t.field({
        type: [refs.OrgUnit],
        description: 'This unit first, then each superior up to the top of its line.',
        resolve: (u) => reportingLineOf(u).map((s) => s.unit),
      }),
      reportingSteps: t.field({
        type: [refs.ReportingStep],
        description: 'The reporting line with, for each step, how it is known and its sources.',
        resolve: (u) => reportingLineOf(u),
      }),
      responsibilities: t.field({
        type: [refs.Topic],
        description: 'The topics the unit handles, in the order the source lists them.',
        resolve: (u) => u.graph.topicsOf(u),
      }),
      responsibilityLinks: t.field({
        type: [refs.Responsibility],
        description: 'The same responsibilities with their basis, scope and citations.',
        resolve: (u) => u.responsibilities,
      }),
      events: t.field({
        type: [refs.Event],
        description: 'Dated events that created, changed or concerned the unit, in date order.',
        deprecationReason: 'Use `history`, which pages and takes dates and kinds.',
        resolve: (u) => u.graph.eventsAffecting(u.key),
      }),
      established: t.field({
        type: 'Date',
        nullable: true,
        description: 'When the unit was created or started work, where a source says.',
        resolve: (u) => u.established ?? null,
      }),
      independent: t.exposeBoolean('independent', {
        description: 'True for units the source calls independent.',
      }),
      sources: t.field({
        type: [refs.Citation],
        description: 'The sentences the unit’s existence and description rest on.',
        resolve: (u) => u.sources,
      }),
      corrections: t.field({
        type: [refs.Correction],
        description: 'Where a source is wrong about this unit, and what the dataset holds instead.',
        resolve: (u) => u.corrections,
      }),
      notes: t.stringList({
        description: 'Remarks for readers: doubts about the source, later changes.',
        args: { lang: t.arg({ type: Lang, description: LANG_ARG_DESCRIPTION }) },
        resolve: (u, args, ctx) => u.notes.map((n) => pick(n, args.lang, ctx)),
      }),
    }),
  });

  readFields(parts, (t) => ({
    unit: t.field({
      type: refs.OrgUnit,
      nullable: true,
      description:
        'The unit with this official name, acronym or alias, in English or French; matching ignores case, accents, punctuation, small words and word order ("nato security office", "Bureau de sécurité de l’OTAN", "NOS"). Null when nothing matches exactly: never a guess.',
      args: { name: t.arg.string({ required: true, description: 'What the unit is called.' }) },
      resolve: async (scope, args, ctx) =>
        (await ctx.lookups.unitNamed(scope.graph, args.name))?.unit ?? null,
    }),
    reportingLine: t.field({
      type: [refs.OrgUnit],
      nullable: true,
      description:
        'The reporting line of a unit, named as in `unit(name:)`: the unit first, then each superior up to the top. Null for an unknown unit.',
      args: { unit: t.arg.string({ required: true, description: 'What the unit is called.' }) },
      resolve: async (scope, args, ctx) => {
        const match = await ctx.lookups.unitNamed(scope.graph, args.unit);
        return match ? reportingLineOf(match.unit).map((s) => s.unit) : null;
      },
    }),
  }));
  return { UnitKind };
}

/** The `UnitKind` enum of a schema being built (its values are the dataset's kinds). */
export type UnitKindEnum = ReturnType<typeof defineOrgUnit>['UnitKind'];
