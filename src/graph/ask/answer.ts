/** What `ask` returns: the answer, what it rests on, how it was read, and how to get it again. */
import type { GraphPath } from '../path';
import type { PartialDate } from '../partial-date';
import type { Citation, Correction, OrgEvent, Post, SourceDocument, Topic, Unit } from '../types';
import type { Intent } from './intent';
import type { Texts } from './render';

export type Verdict = 'yes' | 'no' | 'not-stated';

/** Another reading of an ambiguous question, answered in brief. */
export interface Interpretation {
  readonly intent: Intent;
  /** The reading, then its answer, per language. */
  readonly text: Texts;
  readonly units: readonly Unit[];
  readonly confidence: number;
  readonly graphql?: string | undefined;
  readonly variables: Readonly<Record<string, string>>;
}

export interface Answer {
  readonly question: string;
  /** The language the question was read in. */
  readonly questionLang: string;
  /** The language `text` and `note` are given in by default (the question's unless asked). */
  readonly lang: string;
  readonly intent: Intent;
  /** One or two sentences stating the answer, per language. */
  readonly text: Texts;
  /**
   * The units the answer is about, in a meaningful order: a reporting line from the unit upwards,
   * a path from one end to the other, lists in the source's order.
   */
  readonly units: readonly Unit[];
  readonly posts: readonly Post[];
  readonly topics: readonly Topic[];
  readonly events: readonly OrgEvent[];
  readonly count?: number | undefined;
  /** The count is the source's approximation ("some 1,200 civilians"). */
  readonly approximate: boolean;
  readonly date?: PartialDate | undefined;
  readonly endDate?: PartialDate | undefined;
  readonly path?: GraphPath | undefined;
  /** For yes/no questions ("did the ESC exist in 2009?"). */
  readonly verdict?: Verdict | undefined;
  /** The citations the answer rests on, each with its quote. */
  readonly sources: readonly Citation[];
  /** Documents the answer is about (the sources of the dataset, for questions about them). */
  readonly documents: readonly SourceDocument[];
  /** Where the data corrects a source the answer rests on (the Prague Summit's date). */
  readonly corrections: readonly Correction[];
  /** True when the sources do not state what was asked: the answer is then empty on purpose. */
  readonly notStated: boolean;
  /** How sure the engine is of its reading and of the answer, 0–1. */
  readonly confidence: number;
  /** What the data does not say, or how the question was read, per language. */
  readonly note?: Texts | undefined;
  /** A document for the ordinary fields that gives the same facts, and its variables. */
  readonly graphql?: string | undefined;
  readonly variables: Readonly<Record<string, string>>;
  readonly interpretations: readonly Interpretation[];
  /** Questions it can answer, in the answer's language, when it could not read this one. */
  readonly suggestions: readonly string[];
}
