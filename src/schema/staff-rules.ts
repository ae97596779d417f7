import { staffRuleList } from '../graph/org-graph';
import type { BoundStaffRules, Owned, StaffRule } from '../graph/types';
import { Lang, LANG_ARG_DESCRIPTION, localizedString, pick } from './lang';
import type { SchemaParts } from './parts';

const RecruitmentMode = { DIRECT: 'direct', SECONDMENT: 'secondment' } as const;

type Rule<K extends keyof BoundStaffRules> = NonNullable<BoundStaffRules[K]>;

export function defineStaffRules({ builder, refs }: SchemaParts): void {
  builder.enumType(RecruitmentMode, {
    name: 'RecruitmentMode',
    description: 'How staff come to a unit.',
    values: {
      DIRECT: { description: 'Recruited directly by the organisation.' },
      SECONDMENT: { description: 'Seconded by a government.' },
    },
  });

  // Each kind of rule has a field of its own, so its type is known by the field it has.
  const StaffRuleRef = builder.interfaceRef<StaffRule & Owned>('StaffRule').implement({
    description: 'A rule a source states about a unit’s staff: a sentence, and the source’s own.',
    resolveType: (rule) =>
      'nationality' in rule
        ? 'EligibilityRule'
        : 'mode' in rule
          ? 'RecruitmentRule'
          : 'decidedByPostKey' in rule
            ? 'AppointmentRule'
            : 'owedToUnitKey' in rule
              ? 'AllegianceRule'
              : 'VacancyRule',
    fields: (t) => ({
      statement: t.string({
        description: 'The rule in a sentence.',
        args: { lang: t.arg({ type: Lang, description: LANG_ARG_DESCRIPTION }) },
        resolve: (r, args, ctx) => pick(r.statement, args.lang, ctx),
      }),
      sources: t.field({
        type: [refs.Citation],
        description: 'The sentences the rule rests on.',
        resolve: (r) => r.sources,
      }),
    }),
  });

  const Eligibility = builder.objectRef<Rule<'eligibility'>>('EligibilityRule').implement({
    description: 'Who may join.',
    interfaces: [StaffRuleRef],
    fields: (t) => ({
      nationality: localizedString(
        t,
        'Staff must be nationals of this ("a NATO member country").',
        (r) => r.nationality,
      ),
      mandatory: t.exposeBoolean('mandatory', {
        description: 'True where the source says they must be ("impérativement").',
      }),
    }),
  });
  const Recruitment = builder
    .objectRef<BoundStaffRules['recruitment'][number]>('RecruitmentRule')
    .implement({
      description: 'One way staff come to the unit.',
      interfaces: [StaffRuleRef],
      fields: (t) => ({
        mode: t.field({ type: RecruitmentMode, description: 'How.', resolve: (r) => r.mode }),
        by: localizedString(
          t,
          'Who recruits or seconds them: the Organization, their governments.',
          (r) => r.by,
        ),
      }),
    });
  const Appointments = builder.objectRef<Rule<'appointments'>>('AppointmentRule').implement({
    description: 'Who decides appointments.',
    interfaces: [StaffRuleRef],
    fields: (t) => ({
      decidedBy: t.field({
        type: refs.Post,
        description: 'The post that decides appointments.',
        resolve: (r) => r.graph.appointingPost(r),
      }),
    }),
  });
  const Allegiance = builder.objectRef<Rule<'allegiance'>>('AllegianceRule').implement({
    description: 'What staff owe, and to whom.',
    interfaces: [StaffRuleRef],
    fields: (t) => ({
      owedTo: t.field({
        type: refs.OrgUnit,
        description: 'The unit staff owe allegiance to.',
        resolve: (r) => r.graph.allegianceUnit(r),
      }),
      duration: localizedString(t, 'For how long.', (r) => r.duration),
    }),
  });
  const Vacancies = builder.objectRef<Rule<'vacancies'>>('VacancyRule').implement({
    description: 'Where vacancies are published.',
    interfaces: [StaffRuleRef],
    fields: (t) => ({
      publishedOn: localizedString(t, 'Where vacancies are published.', (r) => r.publishedOn),
    }),
  });

  builder.objectType(refs.StaffRules, {
    description:
      'The staff and recruitment rules a source states for a unit; each part only where stated.',
    fields: (t) => ({
      eligibility: t.field({
        type: Eligibility,
        nullable: true,
        description: 'Who may join.',
        resolve: (r) => r.eligibility ?? null,
      }),
      recruitment: t.field({
        type: [Recruitment],
        description: 'How staff are recruited.',
        resolve: (r) => r.recruitment,
      }),
      appointments: t.field({
        type: Appointments,
        nullable: true,
        description: 'Who decides appointments.',
        resolve: (r) => r.appointments ?? null,
      }),
      allegiance: t.field({
        type: Allegiance,
        nullable: true,
        description: 'What staff owe.',
        resolve: (r) => r.allegiance ?? null,
      }),
      vacancies: t.field({
        type: Vacancies,
        nullable: true,
        description: 'Where vacancies are published.',
        resolve: (r) => r.vacancies ?? null,
      }),
      all: t.field({
        type: [StaffRuleRef],
        description: 'Every rule above, in that order.',
        resolve: (r) => staffRuleList(r) as (StaffRule & Owned)[],
      }),
    }),
  });
}
