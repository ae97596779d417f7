/** `ask` through the schema: the product's two questions, the unknown, languages, dates, errors. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { languages } from '../../src/graph/ask/language';
import { MAX_QUESTION_LENGTH } from '../../src/graph/ask/ask';
import { Lang } from '../../src/schema/lang';
import { data, post, run, testYoga } from '../kit';

interface AskedDocument {
  graphql: string | null;
  variables: { name: string; value: string }[];
  units: { key: string }[];
}

const variablesOf = (a: AskedDocument) =>
  Object.fromEntries(a.variables.map((v) => [v.name, v.value]));

/** The keys of the `{ key name }` units a document's result holds, in order. */
function unitKeys(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) unitKeys(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.key === 'string' && typeof o.name === 'string') out.push(o.key);
    for (const v of Object.values(o)) unitKeys(v, out);
  }
  return out;
}

describe('which division handles cyber defence?', () => {
  it('answers in English with the Emerging Security Challenges Division', async () => {
    const result = await data(
      `{ ask(question: "Which division handles cyber defence?") { text units { name } graphql } }`,
    );
    expect(result).toEqual({
      ask: {
        text: 'Emerging Security Challenges Division handles “cyber defence”.',
        units: [{ name: 'Emerging Security Challenges Division' }],
        graphql: 'query WhoHandles($topic: String!) { whoHandles(topic: $topic) { key name } }',
      },
    });
  });

  it('answers the French form in French, citing the source', async () => {
    const result = await data(
      `{ ask(question: "Quelle division s'occupe de la cyberdéfense ?") {
          intent questionLang text units { name nameFr: name(lang: FR) }
          sources { quote lang } notStated variables { name value }
      } }`,
    );
    expect(result).toEqual({
      ask: {
        intent: 'WHO_HANDLES',
        questionLang: 'FR',
        text: 'Division Défis de sécurité émergents traite « cyberdéfense ».',
        units: [
          {
            name: 'Emerging Security Challenges Division',
            nameFr: 'Division Défis de sécurité émergents',
          },
        ],
        sources: [{ quote: 'de la cyberdéfense', lang: 'FR' }],
        notStated: false,
        variables: [{ name: 'topic', value: 'cyber-defence' }],
      },
    });
  });
});

describe('the README', () => {
  it('shows the answers ask gives to its examples', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const examples = [...readme.matchAll(/```graphql\n([^`]*?)```\s*```json\n([^`]*?)```/g)].filter(
      (m) => m[1]!.includes('ask(question:'),
    );
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const [, query, answer] of examples) {
      expect({ data: await data(query!) }, query).toEqual(JSON.parse(answer!));
    }
  });
});

describe('what is the reporting line of the NATO Security Office?', () => {
  it('gives the office, the International Staff and the Secretary General, in order', async () => {
    const result = await data(
      `{ ask(question: "Quelle est la chaîne hiérarchique du NATO Security Office ?") {
          intent questionLang text units { name } graphql variables { name value }
      } }`,
    );
    expect(result).toEqual({
      ask: {
        intent: 'REPORTING_LINE',
        questionLang: 'FR',
        text: "Chaîne hiérarchique de Bureau de sécurité de l'OTAN : Bureau de sécurité de l'OTAN → Secrétariat international → secrétaire général.",
        units: [
          { name: 'NATO Office of Security' },
          { name: 'International Staff' },
          { name: 'Secretary General' },
        ],
        graphql: 'query ReportingLine($unit: String!) { reportingLine(unit: $unit) { key name } }',
        variables: [{ name: 'unit', value: 'nato-office-of-security' }],
      },
    });
  });

  it.each([
    'What is the reporting line of the NATO Security Office?',
    'Quelle est la chaîne hiérarchique du NATO Security Office ?',
  ])('"%s": its document, run as it is given, returns the same units', async (question) => {
    const { ask } = await data<{ ask: AskedDocument }>(
      `query($q: String!) { ask(question: $q) { graphql variables { name value } units { key } } }`,
      { q: question },
    );
    const result = await data(ask.graphql!, variablesOf(ask));
    expect(unitKeys(result)).toEqual([
      'nato-office-of-security',
      'international-staff',
      'secretary-general',
    ]);
    expect(ask.units.map((u) => u.key)).toEqual(unitKeys(result));
  });
});

describe('a question it cannot read', () => {
  it('is UNKNOWN, empty, says so, and suggests questions in the question’s language', async () => {
    const { ask } = await data<{
      ask: AskedDocument & { intent: string; note: string; suggestions: string[] };
    }>(
      `{ ask(question: "Quel temps fait-il à Bruxelles ?") {
          intent questionLang text note units { key } graphql variables { name value } suggestions confidence
      } }`,
    );
    expect({ ...ask, suggestions: ask.suggestions.slice(0, 2) }).toEqual({
      intent: 'UNKNOWN',
      questionLang: 'FR',
      text: 'Cette question n’a pas pu être lue : elle ne correspond à aucun des types de question que ask comprend.',
      note: 'Cette question n’a pas pu être lue : elle ne correspond à aucun des types de question que ask comprend.',
      units: [],
      graphql: null,
      variables: [],
      suggestions: [
        'Quelle division s’occupe de la cyberdéfense ?',
        'Quelle est la chaîne hiérarchique du Bureau de sécurité de l’OTAN ?',
      ],
      confidence: 0,
    });
  });

  it('suggests only questions it answers', async () => {
    const { ask } = await data<{ ask: { suggestions: string[] } }>(
      `{ ask(question: "hello there") { suggestions } }`,
    );
    expect(ask.suggestions.length).toBeGreaterThan(0);
    for (const suggestion of ask.suggestions) {
      const { ask: answer } = await data<{ ask: { intent: string; notStated: boolean } }>(
        `query($q: String!) { ask(question: $q) { intent notStated } }`,
        { q: suggestion },
      );
      expect(answer, suggestion).toEqual({
        intent: expect.not.stringMatching(/^UNKNOWN$/),
        notStated: false,
      });
    }
  });
});

describe('what the data does not hold', () => {
  it('gives nothing, and a note saying the sources do not state it', async () => {
    const result = await data(
      `{ ask(question: "Who handles climate change?") { intent notStated units { key } note graphql } }`,
    );
    expect(result).toEqual({
      ask: {
        intent: 'WHO_HANDLES',
        notStated: true,
        units: [],
        note: 'No topic of the dataset matches this text, so no unit is named: the data does not say who handles it.',
        graphql: null,
      },
    });
  });
});

describe('languages', () => {
  it('answers in the language asked for, and each text field can ask for another', async () => {
    const result = await data(
      `{ ask(question: "Which division handles cyber defence?", lang: FR) {
          questionLang text textEn: text(lang: EN)
      } }`,
    );
    expect(result).toEqual({
      ask: {
        questionLang: 'EN',
        text: 'Division Défis de sécurité émergents traite « cyberdéfense ».',
        textEn: 'Emerging Security Challenges Division handles “cyber defence”.',
      },
    });
  });

  it('speaks only languages the schema’s Lang lists', () => {
    expect([...languages().keys()].sort()).toEqual(Object.values(Lang).sort());
  });
});

describe('in a dated view', () => {
  it('answers from the view, and its document asks the view too', async () => {
    const { at } = await data<{
      at: {
        cyber: AskedDocument & { notStated: boolean };
        line: AskedDocument & { units: { key: string; id: string }[] };
      };
    }>(
      `{ at(date: "2009-06-01") {
          cyber: ask(question: "Which division handles cyber defence?") { notStated units { key } graphql variables { name value } }
          line: ask(question: "What is the reporting line of the NOS?") { units { key id } graphql variables { name value } }
      } }`,
    );
    expect(at.cyber.notStated).toBe(true);
    expect(at.cyber.units).toEqual([]);
    expect(unitKeys(await data(at.cyber.graphql!, variablesOf(at.cyber)))).toEqual([]);
    const line = await data(at.line.graphql!, variablesOf(at.line));
    expect(unitKeys(line)).toEqual([
      'nato-office-of-security',
      'international-staff',
      'secretary-general',
    ]);
    expect(at.line.units.map((u) => u.key)).toEqual(unitKeys(line));
    expect(variablesOf(at.line)).toEqual({ unit: 'nato-office-of-security', asOf: '2009-06-01' });
    // A unit of a view is not today's: its ID carries the date.
    const today = await data<{ ask: { units: { id: string }[] } }>(
      `{ ask(question: "What is the reporting line of the NOS?") { units { id } } }`,
    );
    expect(at.line.units[0]?.id).not.toBe(today.ask.units[0]?.id);
  });
});

describe('the request’s lookups', () => {
  it('answers the same question once per request, however many fields ask it', async () => {
    const { result, context } = await run(
      `{ a: ask(question: "Who heads the ESC?") { text } b: ask(question: "Who heads the ESC?") { units { key } } c: ask(question: "Who heads the ESC?", lang: FR) { text } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(context.lookups.resolved.get('ask')).toBe(2);
  });
});

describe('a question too long', () => {
  const question = 'Which division handles cyber defence? '
    .repeat(10)
    .slice(0, MAX_QUESTION_LENGTH + 1);

  it('is the client’s error, naming the argument', async () => {
    const { result } = await run(`query($q: String!) { ask(question: $q) { text } }`, {
      q: question,
    });
    expect(result.data).toBeNull();
    expect(result.errors?.map((e) => ({ message: e.message, extensions: e.extensions }))).toEqual([
      {
        message: `the question is ${MAX_QUESTION_LENGTH + 1} characters long; at most ${MAX_QUESTION_LENGTH} are allowed`,
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'question' },
      },
    ]);
  });

  it('reaches an HTTP client as that error, without echoing the question', async () => {
    const { status, body } = await post(
      await testYoga(),
      `query($q: String!) { ask(question: $q) { text } }`,
      {
        q: question,
      },
    );
    expect(status).toBe(200);
    expect(body.errors?.map((e) => e.message)).toEqual([
      `the question is ${MAX_QUESTION_LENGTH + 1} characters long; at most ${MAX_QUESTION_LENGTH} are allowed`,
    ]);
    expect(JSON.stringify(body)).not.toContain('cyber defence');
  });
});
