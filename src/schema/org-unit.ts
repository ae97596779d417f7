import type { GraphQLResolveInfo } from 'graphql';
import { resolveUnit } from '../graph/resolve-unit';
import type { Unit, UnitKind as UnitKindValue } from '../graph/types';
import { builder } from './builder';
import { CitationRef, CorrectionRef } from './citation';
import type { Context } from './context';
import { DateScalar } from './date';
import { Lang, LANG_ARG_DESCRIPTION, pick } from './lang';
import { loadAll, relation, relationToMany } from './loaders';
import {
  AliasRef,
  EventRef,
  OrgUnitRef,
  PostRef,
  ReportingStepRef,
  ResponsibilityRef,
  TopicRef,
} from './refs';

export const UnitKind = builder.enumType('UnitKind', {
  description: 'What kind of unit an OrgUnit is; each kind has its own GraphQL type.',
  values: {
    ORGANIZATION: { value: 'organization', description: 'A whole organisation (NATO).' },
    COUNCIL: { value: 'council', description: 'A governing council (the North Atlantic Council).' },
    SECRETARY_GENERAL: {
      value: 'secretary-general',
      description: 'The Secretary General, at the head of the International Staff.',
    },
    INTERNATIONAL_STAFF: {
      value: 'international-staff',
      description: 'The International Staff (the secretariat) as a whole.',
    },
    CABINET: { value: 'cabinet', description: 'The Secretary General’s Private Office.' },
    CABINET_UNIT: {
      value: 'cabinet-unit',
      description: 'A member of the Private Office (its director and staff, the DSG, OLA, PPU).',
    },
    DIVISION: {
      value: 'division',
      description: 'A division, headed by an Assistant Secretary General.',
    },
    OFFICE: {
      value: 'office',
      description: 'An independent office within the International Staff.',
    },
  } as const,
});

export const TYPE_NAME_BY_KIND: Record<UnitKindValue, string> = {
  organization: 'Organization',
  council: 'Council',
  'secretary-general': 'SecretaryGeneral',
  'international-staff': 'InternationalStaff',
  cabinet: 'Cabinet',
  'cabinet-unit': 'CabinetUnit',
  division: 'Division',
  office: 'Office',
};

export const AliasKind = builder.enumType('AliasKind', {
  description: 'Why a unit has an alias.',
  values: {
    INFORMAL: { value: 'informal', description: 'A name people use that is not official.' },
    FORMER: { value: 'former', description: 'An earlier official name.' },
    LATER: { value: 'later', description: 'A later official name (after the dataset’s date).' },
    LITERAL: { value: 'literal', description: 'A word-for-word translation of the name.' },
    SHORT: { value: 'short', description: 'A short form of the name.' },
    UNOFFICIAL_ACRONYM: {
      value: 'unofficial-acronym',
      description: 'An acronym in use but not confirmed as official.',
    },
    ACRONYM: { value: 'acronym', description: 'Another official acronym.' },
  } as const,
});

AliasRef.implement({
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
      type: [CitationRef],
      description: 'Where the alias is attested, when recorded.',
      resolve: (a) => a.sources,
    }),
  }),
});

const ReportingBasis = builder.enumType('ReportingBasis', {
  description: 'How a step of a reporting line is known.',
  values: {
    START: { value: 'start', description: 'The unit the line starts from.' },
    REPORTS_TO: {
      value: 'reports-to',
      description: 'A source states that the previous unit reports to this one.',
    },
    PART_OF: {
      value: 'part-of',
      description:
        'Derived: the previous unit is part of this one and no source names another superior.',
    },
  } as const,
});

ReportingStepRef.implement({
  description: 'One step of a reporting line, with how it is known and the sources that say so.',
  fields: (t) => ({
    unit: t.field({
      type: OrgUnitRef,
      description: 'The unit at this step.',
      resolve: (s) => s.unit,
    }),
    basis: t.field({
      type: ReportingBasis,
      description: 'How this unit was reached from the previous step.',
      resolve: (s) => s.basis,
    }),
    sources: t.field({
      type: [CitationRef],
      description: 'The citations of the link that leads here (empty for the first step).',
      resolve: (s) => s.sources,
    }),
  }),
});

const headOf = relation('post', 'unit', 'post', (u: Unit) => u.headKey);
const parentOf = relation('unit', 'unit', 'unit', (u: Unit) => u.parent?.unitKey);
const subUnitsOf = relation('subUnits', 'unit', 'unit', (u: Unit) => u.key);
const memberOf = relationToMany('unit', 'unit', 'unit', (u: Unit) =>
  u.memberOf.map((m) => m.unitKey),
);
const responsibilitiesOf = relation('responsibilities', 'unit', 'topic', (u: Unit) => u.key);
const eventsOf = relation('eventsAffecting', 'unit', 'event', (u: Unit) => u.key);
const reportingLineOf = relation('reportingLine', 'unit', undefined, (u: Unit) => u.key);
const loadReportingLine = (u: Unit, ctx: Context, info: GraphQLResolveInfo) =>
  ctx.loaders.follow(reportingLineOf, u, info);

OrgUnitRef.implement({
  description:
    'A unit of the organisation: NATO itself, the Council, the Secretary General, the International Staff, the Private Office and its members, a division or an office.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (u) => TYPE_NAME_BY_KIND[u.kind],
  fields: (t) => ({
    key: t.exposeString('key', {
      description:
        'Stable, readable key of the unit in the dataset (e.g. "nato-office-of-security").',
    }),
    kind: t.field({
      type: UnitKind,
      description: 'What kind of unit this is.',
      resolve: (u) => u.kind,
    }),
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
      resolve: (u, args, ctx) => {
        if (!u.acronym) return null;
        return (args.lang ?? ctx.lang) === 'fr' ? (u.acronym.fr ?? u.acronym.en) : u.acronym.en;
      },
    }),
    aliases: t.field({
      type: [AliasRef],
      description: 'Other names people use for the unit; all of them work in `unit(name:)`.',
      args: { lang: t.arg({ type: Lang, description: 'Only aliases in this language.' }) },
      resolve: (u, args) => (args.lang ? u.aliases.filter((a) => a.lang === args.lang) : u.aliases),
    }),
    description: t.string({
      description: 'What the unit is and does, as the source describes it.',
      args: { lang: t.arg({ type: Lang, description: LANG_ARG_DESCRIPTION }) },
      resolve: (u, args, ctx) => pick(u.description, args.lang, ctx),
    }),
    head: t.field({
      type: PostRef,
      nullable: true,
      description: 'The post that heads the unit, where a source names one.',
      resolve: (u, _, ctx, info) => ctx.loaders.follow(headOf, u, info),
    }),
    parent: t.field({
      type: OrgUnitRef,
      nullable: true,
      description: 'The unit this one is part of.',
      resolve: (u, _, ctx, info) => ctx.loaders.follow(parentOf, u, info),
    }),
    units: t.field({
      type: [OrgUnitRef],
      description: 'Direct sub-units (the units that are part of this one).',
      resolve: (u, _, ctx, info) => ctx.loaders.follow(subUnitsOf, u, info),
    }),
    memberOf: t.field({
      type: [OrgUnitRef],
      description:
        'Units this one is a member of without being part of them (the Secretary General is, administratively, a member of the International Staff).',
      resolve: (u, _, ctx, info) => ctx.loaders.follow(memberOf, u, info),
    }),
    reportsTo: t.field({
      type: OrgUnitRef,
      nullable: true,
      description:
        'The next unit up the reporting line: the one a source says this unit reports to, else the unit it is part of. Null at the top. `reportingSteps` says which.',
      resolve: async (u, _, ctx, info) => (await loadReportingLine(u, ctx, info))[1]?.unit ?? null,
    }),
    reportingLine: t.field({
      type: [OrgUnitRef],
      description: 'This unit first, then each superior up to the top of its line.',
      resolve: async (u, _, ctx, info) =>
        (await loadReportingLine(u, ctx, info)).map((s) => s.unit),
    }),
    reportingSteps: t.field({
      type: [ReportingStepRef],
      description: 'The reporting line with, for each step, how it is known and its sources.',
      resolve: (u, _, ctx, info) => loadReportingLine(u, ctx, info),
    }),
    responsibilities: t.field({
      type: [TopicRef],
      description: 'The topics the unit handles, in the order the source lists them.',
      resolve: (u, _, ctx, info) => ctx.loaders.follow(responsibilitiesOf, u, info),
    }),
    responsibilityLinks: t.field({
      type: [ResponsibilityRef],
      description: 'The same responsibilities with their basis, scope and citations.',
      resolve: (u) => u.responsibilities,
    }),
    events: t.field({
      type: [EventRef],
      description: 'Dated events that created, changed or concerned the unit, in date order.',
      resolve: (u, _, ctx, info) => ctx.loaders.follow(eventsOf, u, info),
    }),
    established: t.field({
      type: DateScalar,
      nullable: true,
      description: 'When the unit was created or started work, where a source says.',
      resolve: (u) => u.established ?? null,
    }),
    independent: t.exposeBoolean('independent', {
      description: 'True for units the source calls independent.',
    }),
    sources: t.field({
      type: [CitationRef],
      description: 'The sentences the unit’s existence and description rest on.',
      resolve: (u) => u.sources,
    }),
    corrections: t.field({
      type: [CorrectionRef],
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

/**
 * The options every unit type shares: a Node that `node(id:)` can fetch, implementing OrgUnit, and
 * recognised by its kind. Each type's module adds its description and any fields of its own.
 */
export function unitNodeOptions(kind: UnitKindValue) {
  return {
    interfaces: [OrgUnitRef],
    isTypeOf: (value: unknown) => (value as Unit).kind === kind,
    id: { resolve: (u: Unit) => u.key },
    loadMany: async (keys: string[], ctx: Context) =>
      (await loadAll(ctx.loaders.unit, keys)).map((u) => (u.kind === kind ? u : null)),
  };
}

/** Root fields that find units by what people call them. */
builder.queryFields((t) => ({
  unit: t.field({
    type: OrgUnitRef,
    nullable: true,
    description:
      'The unit with this official name, acronym or alias, in English or French; matching ignores case, accents, punctuation, small words and word order ("nato security office", "Bureau de sécurité de l’OTAN", "NOS"). Null when nothing matches exactly: never a guess.',
    args: { name: t.arg.string({ required: true, description: 'What the unit is called.' }) },
    resolve: (_, args, ctx) => resolveUnit(ctx.graph, args.name)?.unit ?? null,
  }),
  reportingLine: t.field({
    type: [OrgUnitRef],
    nullable: true,
    description:
      'The reporting line of a unit, named as in `unit(name:)`: the unit first, then each superior up to the top. Null for an unknown unit.',
    args: { unit: t.arg.string({ required: true, description: 'What the unit is called.' }) },
    resolve: async (_, args, ctx) => {
      const match = resolveUnit(ctx.graph, args.unit);
      if (!match) return null;
      return (await ctx.loaders.reportingLine.load(match.unit.key)).map((s) => s.unit);
    },
  }),
  units: t.field({
    type: [OrgUnitRef],
    description: 'Every unit, in the order of the dataset, optionally of one kind.',
    args: { kind: t.arg({ type: UnitKind, description: 'Only units of this kind.' }) },
    resolve: (_, args, ctx) => ctx.graph.units(args.kind ?? undefined),
  }),
}));
