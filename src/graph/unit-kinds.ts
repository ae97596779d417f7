/**
 * The kinds of unit a dataset has, declared once. Everything that depends on a kind is generated
 * from this table: the seed schema's `kind` values, the GraphQL `UnitKind` enum, one GraphQL type
 * per kind (implementing OrgUnit), the root field a kind may have, the members of the search
 * union, and the classes of the W3C ORG and Popolo exports. Adding a kind is adding a row.
 */
import type { Localized } from './types';

export interface UnitKindSpec {
  /** The value of `kind:` in units.yaml. */
  readonly key: string;
  /** The GraphQL type of units of this kind. */
  readonly typeName: string;
  /** What the GraphQL type is, for the schema's documentation. */
  readonly typeDescription: string;
  /** What the kind is, for the `UnitKind` enum value. */
  readonly description: string;
  /** The kind's name in each language (for readers: charts, answers). */
  readonly labels: Localized;
  /**
   * A whole organisation (W3C ORG's FormalOrganization) rather than a unit of one: being part of
   * it is not reporting to it, so reporting lines never climb into it.
   */
  readonly formalOrganization: boolean;
  /** Popolo's free-text `classification` of an organization of this kind. */
  readonly popoloClassification: string;
  /** A root field returning the units of this kind: one (nullable) or the list. */
  readonly rootField?:
    { readonly name: string; readonly many: boolean; readonly description: string } | undefined;
  /** Optional facts a unit of this kind shows as fields, with each field's description. */
  readonly facets?:
    | {
        readonly headcount?: string;
        readonly location?: string;
        readonly staffRules?: string;
      }
    | undefined;
}

/** The NATO International Staff's kinds, in the order the schema lists them. */
export const UNIT_KINDS = [
  {
    key: 'organization',
    typeName: 'Organization',
    typeDescription: 'A whole organisation (NATO), the root of the part-of tree.',
    description: 'A whole organisation (NATO).',
    labels: { en: 'organisation', fr: 'organisation' },
    formalOrganization: true,
    popoloClassification: 'international organization',
    rootField: {
      name: 'organization',
      many: false,
      description: 'The organisation the dataset describes (NATO), the root of the structure.',
    },
    facets: { headcount: 'How many civilians the organisation employs, where a source says.' },
  },
  {
    key: 'council',
    typeName: 'Council',
    typeDescription:
      'A governing council: the North Atlantic Council, which the International Staff was created to support.',
    description: 'A governing council (the North Atlantic Council).',
    labels: { en: 'council', fr: 'conseil' },
    formalOrganization: false,
    popoloClassification: 'council',
    rootField: {
      name: 'councils',
      many: true,
      description: 'The governing councils (the North Atlantic Council).',
    },
  },
  {
    key: 'secretary-general',
    typeName: 'SecretaryGeneral',
    typeDescription:
      'The Secretary General: heads the International Staff, is administratively one of its members, and decides its appointments. The top of the International Staff’s reporting lines.',
    description: 'The Secretary General, at the head of the International Staff.',
    labels: { en: 'Secretary General', fr: 'secrétaire général' },
    formalOrganization: false,
    popoloClassification: 'secretary general',
    rootField: { name: 'secretaryGeneral', many: false, description: 'The Secretary General.' },
  },
  {
    key: 'international-staff',
    typeName: 'InternationalStaff',
    typeDescription:
      'The International Staff (IS; French: Secrétariat international, SI): NATO’s advisory and administrative body at its headquarters, under the authority of the Secretary General.',
    description: 'The International Staff (the secretariat) as a whole.',
    labels: { en: 'secretariat', fr: 'secrétariat' },
    formalOrganization: false,
    popoloClassification: 'secretariat',
    rootField: {
      name: 'internationalStaff',
      many: false,
      description:
        'The International Staff, with its staff figures and location; its `units` are the Private Office, the divisions and the offices.',
    },
    facets: {
      headcount: 'How many civilians work in the International Staff.',
      location: 'Where the International Staff is located.',
      staffRules:
        'Who may join the International Staff, how its staff are recruited and appointed, what they owe and where vacancies are published: each rule as the source states it, with its citations.',
    },
  },
  {
    key: 'cabinet',
    typeName: 'Cabinet',
    typeDescription:
      'The Secretary General’s Private Office (cabinet): a director and staff, the Deputy Secretary General, the Office of Legal Affairs and the Policy Planning Unit.',
    description: 'The Secretary General’s Private Office.',
    labels: { en: 'private office', fr: 'cabinet' },
    formalOrganization: false,
    popoloClassification: 'cabinet',
    rootField: {
      name: 'cabinet',
      many: false,
      description: 'The Private Office of the Secretary General, with its members as `units`.',
    },
  },
  {
    key: 'cabinet-unit',
    typeName: 'CabinetUnit',
    typeDescription: 'A member of the Private Office.',
    description: 'A member of the Private Office (its director and staff, the DSG, OLA, PPU).',
    labels: { en: 'member of the private office', fr: 'composante du cabinet' },
    formalOrganization: false,
    popoloClassification: 'cabinet unit',
  },
  {
    key: 'division',
    typeName: 'Division',
    typeDescription:
      'A division of the International Staff, headed by an Assistant Secretary General (seven at the dataset’s date).',
    description: 'A division, headed by an Assistant Secretary General.',
    labels: { en: 'division', fr: 'division' },
    formalOrganization: false,
    popoloClassification: 'division',
    rootField: {
      name: 'divisions',
      many: true,
      description: 'The divisions of the International Staff, in the order the source lists them.',
    },
  },
  {
    key: 'office',
    typeName: 'Office',
    typeDescription:
      'An independent office within the International Staff (NATO Office of Security, NATO Office of Resources, Office of the Financial Controller, International Board of Auditors).',
    description: 'An independent office within the International Staff.',
    labels: { en: 'independent office', fr: 'bureau indépendant' },
    formalOrganization: false,
    popoloClassification: 'independent office',
    rootField: {
      name: 'offices',
      many: true,
      description: 'The independent offices, in the order the source lists them.',
    },
  },
] as const satisfies readonly UnitKindSpec[];

export type UnitKind = (typeof UNIT_KINDS)[number]['key'];

/** The kind keys, for the seed schema's enum. */
export const UNIT_KIND_KEYS = UNIT_KINDS.map((k) => k.key) as [UnitKind, ...UnitKind[]];

const BY_KEY: ReadonlyMap<string, UnitKindSpec> = new Map(UNIT_KINDS.map((k) => [k.key, k]));

/** The row of a kind (every unit's kind has one: the loader refuses others). */
export function unitKind(key: string): UnitKindSpec {
  const spec = BY_KEY.get(key);
  if (!spec) throw new Error(`unit kind "${key}" is not declared`);
  return spec;
}

/** The name a kind has among enum values (GraphQL's UnitKind): "cabinet-unit" → CABINET_UNIT. */
export const kindEnumName = (key: string): string => key.toUpperCase().replace(/-/g, '_');
