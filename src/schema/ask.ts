/**
 * `ask(question:, lang:)`: a question in plain English or French, answered from the graph by the
 * domain's engine (src/graph/ask), with what it understood, what it rests on and the GraphQL that
 * gets the same facts through the ordinary fields.
 */
import type { Answer, Interpretation } from '../graph/ask/answer';
import { MAX_QUESTION_LENGTH } from '../graph/ask/ask';
import { INTENTS, type Intent } from '../graph/ask/intent';
import type { Texts } from '../graph/ask/render';
import type { Lang as LangValue } from '../graph/types';
import { Lang } from './lang';
import type { SchemaParts } from './parts';
import { readFields } from './read-fields';

/** What each kind of question is; a new intent of the engine fails to compile until it has one. */
const INTENT_DESCRIPTIONS: Record<Intent, string> = {
  WHO_HANDLES:
    'Who handles, is responsible for or deals with a topic (optionally: which division, office…).',
  REPORTING_LINE: 'The reporting line of a unit, from the unit up to the top.',
  SUPERIOR: 'Whom a unit reports to: who is directly above it.',
  SUBORDINATES: 'Who reports to a unit: who is under it.',
  HEAD: 'Who or what (which post) heads a unit.',
  HOLDER: 'Who holds a post, by name: the sources name no one.',
  DESCRIBE: 'What a unit is.',
  RESPONSIBILITIES: 'What a unit does: the topics it handles.',
  POSITION: 'Where a unit sits in the structure (and whether it is part of another).',
  PARTS: 'What a unit comprises: its members or parts.',
  COUNT: 'How many units (of a kind, within a unit, on a date) or posts.',
  LIST: 'Which units are of a kind or share a property (independent, headed by a post), on a date.',
  CREATED:
    'When a unit was created or started work; which units were created in a period; the newest.',
  EVENT_DATE: 'When an event took place (with the source’s claim where the data corrects it).',
  EVENTS: 'What happened in, before, after or between dates.',
  CHRONOLOGY: 'The chronology, of the whole dataset or of one unit.',
  STRUCTURE_AT: 'What a unit’s structure looked like on a date.',
  EXISTED: 'Whether a unit existed on a date.',
  CONNECTION: 'How two units are connected (a path over part-of, reports-to and member-of).',
  COMMON_SUPERIOR: 'The lowest unit both of two units answer to.',
  LOCATION: 'Where a unit is located.',
  HEADCOUNT: 'How many people work at a unit.',
  STAFF_RULES: 'The rules for joining the International Staff (recruitment, appointments…).',
  SOURCES: 'What the sources of the dataset are.',
  LAST_UPDATED: 'When the sources were last updated.',
  UNKNOWN: 'A question `ask` could not read: see `suggestions`.',
};

const AskIntent = Object.fromEntries(INTENTS.map((i) => [i, i])) as { [I in Intent]: I };

const AskVerdict = { YES: 'yes', NO: 'no', NOT_STATED: 'not-stated' } as const;

/** Another reading, with the language of the answer it belongs to (its texts default to it). */
interface ReadingOf extends Interpretation {
  readonly lang: string;
}

/** A variable of an answer's GraphQL document. */
interface AskVariable {
  readonly name: string;
  readonly value: string;
}

const variablesOf = (variables: Readonly<Record<string, string>>): AskVariable[] =>
  Object.entries(variables).map(([name, value]) => ({ name, value }));

/** The engine speaks the dataset's languages (tests/schema/ask.test.ts checks it). */
function langOf(code: string): LangValue {
  const lang = Object.values(Lang).find((l) => l === code);
  if (!lang) throw new Error(`ask read a question in "${code}", which Lang does not list`);
  return lang;
}

const textIn = (texts: Texts, lang: string): string => texts[lang] ?? texts.en ?? '';

const TEXT_LANG =
  'Language of the text; defaults to `ask(lang:)`, else the language the question was read in.';

export function defineAsk(parts: SchemaParts): void {
  const { builder, refs } = parts;
  builder.enumType(AskIntent, {
    name: 'AskIntent',
    description: 'The kinds of question `ask` understands.',
    values: Object.fromEntries(
      INTENTS.map((i) => [i, { description: INTENT_DESCRIPTIONS[i] }]),
    ) as { [I in Intent]: { description: string } },
  });
  builder.enumType(AskVerdict, {
    name: 'AskVerdict',
    description: 'The answer to a yes/no question.',
    values: {
      YES: { description: 'Yes, as the sources state or the dates show.' },
      NO: { description: 'No, as the sources state or the dates show.' },
      NOT_STATED: { description: 'The sources do not say.' },
    },
  });

  const AskVariableRef = builder.objectRef<AskVariable>('AskVariable').implement({
    description:
      'A variable of an answer’s GraphQL document. Every value is a string, whatever the variable’s type (`Date` included), so the list maps straight onto GraphiQL’s variables object.',
    fields: (t) => ({
      name: t.exposeString('name', { description: 'Its name, without the `$`.' }),
      value: t.exposeString('value', { description: 'Its value.' }),
    }),
  });

  const AskInterpretationRef = builder.objectRef<ReadingOf>('AskInterpretation').implement({
    description: 'Another reading of an ambiguous question, answered in brief.',
    fields: (t) => ({
      intent: t.field({
        type: AskIntent,
        description: 'The kind of question, read this way.',
        resolve: (i) => i.intent,
      }),
      text: t.string({
        description: 'The reading, then its answer.',
        args: { lang: t.arg({ type: Lang, description: TEXT_LANG }) },
        resolve: (i, args) => textIn(i.text, args.lang ?? i.lang),
      }),
      units: t.field({
        type: [refs.OrgUnit],
        description: 'The units this reading is about.',
        resolve: (i) => i.units,
      }),
      confidence: t.exposeFloat('confidence', { description: 'How sure this reading is, 0–1.' }),
      graphql: t.string({
        nullable: true,
        description: 'A document for the ordinary fields that gives this reading’s facts.',
        resolve: (i) => i.graphql ?? null,
      }),
      variables: t.field({
        type: [AskVariableRef],
        description: 'The document’s variables.',
        resolve: (i) => variablesOf(i.variables),
      }),
    }),
  });

  const AnswerRef = builder.objectRef<Answer>('Answer').implement({
    description:
      'An answer from `ask`: what it says, what it rests on, how the question was read, and how to get the same facts again through the ordinary fields.',
    fields: (t) => ({
      question: t.exposeString('question', { description: 'The question, as asked.' }),
      intent: t.field({
        type: AskIntent,
        description: 'The kind of question it was read as (UNKNOWN when it could not be read).',
        resolve: (a) => a.intent,
      }),
      questionLang: t.field({
        type: Lang,
        description: 'The language the question was read in.',
        resolve: (a) => langOf(a.questionLang),
      }),
      text: t.string({
        description: 'One or two sentences stating the answer.',
        args: { lang: t.arg({ type: Lang, description: TEXT_LANG }) },
        resolve: (a, args) => textIn(a.text, args.lang ?? a.lang),
      }),
      note: t.string({
        nullable: true,
        description: 'What the data does not say, or how the question was read.',
        args: { lang: t.arg({ type: Lang, description: TEXT_LANG }) },
        resolve: (a, args) => (a.note ? textIn(a.note, args.lang ?? a.lang) : null),
      }),
      units: t.field({
        type: [refs.OrgUnit],
        description:
          'The units the answer is about, in a meaningful order: a reporting line from the unit upwards, a path from one end to the other, lists in the source’s order.',
        resolve: (a) => a.units,
      }),
      posts: t.field({
        type: [refs.Post],
        description: 'The posts it is about.',
        resolve: (a) => a.posts,
      }),
      topics: t.field({
        type: [refs.Topic],
        description: 'The topics it is about.',
        resolve: (a) => a.topics,
      }),
      events: t.field({
        type: [refs.Event],
        description: 'The events it is about, in chronological order.',
        resolve: (a) => a.events,
      }),
      count: t.int({
        nullable: true,
        description: 'For "how many" questions.',
        resolve: (a) => a.count ?? null,
      }),
      approximate: t.exposeBoolean('approximate', {
        description: 'True when `count` is the source’s approximation ("some 1,200 civilians").',
      }),
      date: t.field({
        type: 'Date',
        nullable: true,
        description: 'The date it gives (the start of a span).',
        resolve: (a) => a.date ?? null,
      }),
      endDate: t.field({
        type: 'Date',
        nullable: true,
        description: 'The end of a span, when it gives one.',
        resolve: (a) => a.endDate ?? null,
      }),
      path: t.field({
        type: refs.Path,
        nullable: true,
        description: 'How two units are connected, for a question about that.',
        resolve: (a) => a.path ?? null,
      }),
      verdict: t.field({
        type: AskVerdict,
        nullable: true,
        description: 'For a yes/no question ("did the ESC exist in 2009?").',
        resolve: (a) => a.verdict ?? null,
      }),
      sources: t.field({
        type: [refs.Citation],
        description: 'The citations the answer rests on, each with its quote.',
        resolve: (a) => a.sources,
      }),
      documents: t.field({
        type: [refs.SourceDocument],
        description: 'The documents it is about (for questions about the sources).',
        resolve: (a) => a.documents,
      }),
      corrections: t.field({
        type: [refs.Correction],
        description: 'Where the data corrects a source the answer rests on, and what it claimed.',
        resolve: (a) => a.corrections,
      }),
      notStated: t.exposeBoolean('notStated', {
        description:
          'True when the sources do not state what was asked: the answer is empty on purpose, never the nearest guess.',
      }),
      confidence: t.exposeFloat('confidence', {
        description: 'How sure it is of its reading and of the answer, 0–1.',
      }),
      graphql: t.string({
        nullable: true,
        description:
          'A document for the ordinary fields that gives the same facts: paste it into GraphiQL with `variables` (null when nothing was asked of the data).',
        resolve: (a) => a.graphql ?? null,
      }),
      variables: t.field({
        type: [AskVariableRef],
        description: 'The variables of `graphql`.',
        resolve: (a) => variablesOf(a.variables),
      }),
      interpretations: t.field({
        type: [AskInterpretationRef],
        description: 'Other readings of an ambiguous question, each answered in brief.',
        resolve: (a) => a.interpretations.map((i) => ({ ...i, lang: a.lang })),
      }),
      suggestions: t.stringList({
        description: 'Questions it can answer, when it could not read this one (`UNKNOWN`).',
        resolve: (a) => a.suggestions,
      }),
    }),
  });

  readFields(parts, (t) => ({
    ask: t.field({
      type: AnswerRef,
      description: `Answers a question in plain English or French from the graph: what it understood (\`intent\`), a sentence, the units, events, counts or dates it is about, the citations it rests on, and a GraphQL document for the ordinary fields that gives the same facts. Typos, missing accents, US/UK spellings, informal names, acronyms and polite padding are forgiven. A question about something the data does not hold gets an empty answer with \`notStated: true\` and a \`note\`, never the nearest guess; one it cannot read gets \`intent: UNKNOWN\` and \`suggestions\`. Deterministic and offline. At most ${MAX_QUESTION_LENGTH} characters (a longer text is refused).`,
      args: {
        question: t.arg.string({ required: true, description: 'The question, in any words.' }),
        lang: t.arg({
          type: Lang,
          description:
            'The language of `text` and `note` by default; the question’s own language when absent.',
        }),
      },
      resolve: (scope, args, ctx) =>
        ctx.lookups.ask(scope.graph, { question: args.question, lang: args.lang ?? undefined }),
    }),
  }));
}
