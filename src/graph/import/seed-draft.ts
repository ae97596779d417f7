/**
 * What every importer makes: a seed directory's records as plain values, in the format of
 * seed/README.md, plus where each record came from in the imported file. The importers only
 * convert; `write-seed.ts` writes the draft and checks it with the loader, and a problem the loader
 * finds is reported at the imported file's row or JSON pointer rather than in YAML nobody wrote.
 */
import type { SeedIssue } from '../seed-error';

/** Text by language code: `{ en: 'Payroll', fr: 'Paie' }`; the dataset's first language is set. */
export type Texts = Readonly<Record<string, string>>;

/** A unit kind as dataset.yaml declares it (GUIDE "Dataset declaration format"). */
export interface DraftKind {
  readonly key: string;
  readonly typeName: string;
  readonly labels: Texts;
  readonly description: string;
  readonly formalOrganization?: boolean;
  readonly popoloClassification?: string;
  readonly typeDescription?: string;
  readonly rootField?: {
    readonly name: string;
    readonly many?: boolean;
    readonly description: string;
  };
  readonly facets?: Readonly<Record<string, string>>;
}

export interface DraftDataset {
  readonly key: string;
  readonly title: Texts;
  readonly asOf: string;
  readonly languages: readonly string[];
  readonly kinds: readonly DraftKind[];
  readonly description?: Texts;
}

export interface DraftAlias {
  readonly text: string;
  readonly lang: string;
  readonly kind: string;
}

export interface DraftUnit {
  readonly key: string;
  readonly kind: string;
  readonly name: Texts;
  readonly acronym?: Texts;
  readonly aliases?: readonly DraftAlias[];
  readonly description?: Texts;
  readonly head?: string;
  readonly parent?: string;
  readonly reportsTo?: string;
  /** Units this one is a member of without being part of them. */
  readonly memberOf?: readonly string[];
  /** Support it gives: to a unit of the dataset, or to a party named only. */
  readonly supports?: readonly (
    { readonly unit: string } | { readonly party: Texts; readonly scope?: Texts }
  )[];
  readonly established?: string;
  readonly dissolved?: string;
  /** Topic keys the unit handles. */
  readonly responsibilities?: readonly string[];
}

export interface DraftPost {
  readonly key: string;
  readonly title: Texts;
  readonly acronym?: string;
  readonly unit: string;
  readonly role: 'head' | 'deputy' | 'member';
  /** Who holds or held it (people.yaml keys), dated where the file dates them. */
  readonly holders?: readonly DraftHolding[];
}

export interface DraftHolding {
  readonly person: string;
  readonly from?: string;
  readonly until?: string;
}

/** A person holding a post (people.yaml). */
export interface DraftPerson {
  readonly key: string;
  readonly name: Texts;
}

export interface DraftTopic {
  readonly key: string;
  readonly label: Texts;
  readonly variants?: Readonly<Record<string, readonly string[]>>;
  readonly broader?: readonly string[];
}

export interface DraftEvent {
  readonly key: string;
  readonly kind: string;
  readonly date: string;
  readonly dateQualifier?: string;
  readonly endDate?: string;
  readonly status?: 'completed' | 'ongoing';
  readonly title: Texts;
  readonly description?: Texts;
  readonly place?: Texts;
  readonly affects?: readonly string[];
  readonly partOf?: string;
  readonly causedBy?: readonly string[];
}

export interface SeedDraft {
  readonly dataset: DraftDataset;
  /** The imported file, cited as the dataset's primary source. */
  readonly sourceTitle: string;
  readonly units: readonly DraftUnit[];
  readonly posts: readonly DraftPost[];
  readonly topics: readonly DraftTopic[];
  readonly events: readonly DraftEvent[];
  /** The people holding posts, where the file names them (none: no people.yaml). */
  readonly people?: readonly DraftPerson[];
}

/** Where a problem with one written record is to be looked for: the imported file's place. */
export type Place = Omit<SeedIssue, 'message'>;

/** For each record list, by index, where the record came from; `field` is its seed field. */
export type Origins = Partial<
  Record<
    'units' | 'posts' | 'topics' | 'events' | 'kinds' | 'people',
    readonly ((field: string) => Place)[]
  >
>;

export interface Imported {
  readonly draft: SeedDraft;
  readonly origins: Origins;
}
