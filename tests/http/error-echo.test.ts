/**
 * In every mode, an error repeats at most MAX_ERROR_MESSAGE characters of what the client sent:
 * development shows more of each error (its cause, suggestions) but never the whole input.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Mode } from '../../src/server/config';
import { GraphStore } from '../../src/server/graph-store';
import { MAX_ERROR_MESSAGE } from '../../src/server/answers';
import { createOrgYoga } from '../../src/server/yoga';
import { defaultGraph } from '../kit';

/** What the client sends; an answer holding a run of it longer than the limit echoes it. */
const INPUT = 'Z'.repeat(90_000);
const ECHO = 'Z'.repeat(MAX_ERROR_MESSAGE + 1);

const CASES: { name: string; body: string }[] = [
  { name: 'invalid JSON', body: `{"query": "${INPUT} ` },
  { name: 'an unknown field', body: JSON.stringify({ query: `{ ${INPUT} }` }) },
  { name: 'a syntax error', body: JSON.stringify({ query: `{ unit(name: ${INPUT}) }` }) },
  {
    name: 'a variable of the wrong type',
    body: JSON.stringify({
      query: 'query($n: Int) { search(text: "x", first: $n) { edges { cursor } } }',
      variables: { n: INPUT },
    }),
  },
  {
    name: 'an unknown operation name',
    body: JSON.stringify({ query: '{ divisions { name } }', operationName: INPUT }),
  },
  { name: 'a query that is an object', body: JSON.stringify({ query: { [INPUT]: 1 } }) },
];

const MODES: Mode[] = ['development', 'production'];
const ACCEPTS = ['application/json', 'application/graphql-response+json'];

describe('errors never echo the input', () => {
  const yogas = new Map(
    MODES.map((mode) => [
      mode,
      defaultGraph().then((graph) =>
        createOrgYoga({
          store: new GraphStore(graph),
          config: defaultConfig({ mode }),
          logging: false,
        }),
      ),
    ]),
  );

  it.each(MODES.flatMap((mode) => CASES.map((c) => ({ mode, ...c }))))(
    '$mode, $name: at most the limit of the input',
    async ({ mode, body }) => {
      const yoga = await yogas.get(mode);
      for (const accept of ACCEPTS) {
        const response = await yoga!.fetch('http://yoga/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept },
          body,
        });
        const text = await response.text();
        expect(response.status, accept).toBeLessThan(500);
        expect(JSON.parse(text).errors?.length, accept).toBeGreaterThan(0);
        expect(text.includes(ECHO), `${accept}: ${text.slice(0, 200)}`).toBe(false);
      }
    },
  );

  it('still shows the cause in development, cut', async () => {
    const response = await (await yogas.get('development'))!.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query": "${INPUT} `,
    });
    const [error] = (
      (await response.json()) as {
        errors: { extensions: { originalError?: { message: string } } }[];
      }
    ).errors;
    expect(error?.extensions.originalError?.message).toMatch(
      /^Unterminated string in JSON.*… \(message clipped\)$/,
    );
  });
});
