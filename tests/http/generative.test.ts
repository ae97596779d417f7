/**
 * Schema-driven random operations against the production pipeline (yoga.fetch, no socket), on the
 * default dataset and on a generated 10,000-unit one: 5,000 valid operations and 5,000 broken
 * ones in all. Whatever is asked, the server answers with JSON and a status below 500, within the
 * execution deadline, and every error it sends has a clear message: not empty, no stack trace or
 * file path, and never more than 300 characters of what the client sent. A broken operation
 * always gets at least one error. Fixed seeds: a failure names the seed and path to replay it.
 */
import fc from 'fast-check';
import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrgInTemp, type GeneratedOrg } from '../../src/cli/seed-generate';
import { loadSeed } from '../../src/graph/load-seed';
import type { OrgGraph } from '../../src/graph/org-graph';
import { schema } from '../../src/schema/index';
import { MAX_ERROR_MESSAGE } from '../../src/server/answers';
import { defaultConfig } from '../../src/server/config';
import { GraphStore } from '../../src/server/graph-store';
import { createOrgYoga, type OrgYoga } from '../../src/server/yoga';
import { defaultGraph } from '../kit';
import {
  Choices,
  INVALIDATING,
  MUTATIONS,
  randomOperation,
  type Vocabulary,
} from './random-operations';
import { rm } from 'node:fs/promises';

/** What answers.ts appends to a message it clips. */
const CLIP_NOTE = '… (message clipped)';
const VALID_RUNS = 2500;
const BROKEN_RUNS = 2500;
const config = defaultConfig({ mode: 'production' });
/** A request still unanswered this long after its deadline has hung. */
const HANG_MS = config.executionTimeoutMs + 5000;

interface Body {
  data?: unknown;
  errors?: { message?: unknown; extensions?: Record<string, unknown> }[];
}

function vocabularyOf(graph: OrgGraph, extra: readonly string[]): Vocabulary {
  const units = graph.units();
  const names = [
    ...units.slice(0, 40).map((u) => u.name.en),
    ...units.slice(0, 10).map((u) => u.key),
    ...graph
      .topics()
      .slice(0, 20)
      .map((t) => t.label.en),
    ...extra,
    'cyber defence',
    'who handles cyber defence?',
    'NOS',
    'Ministry of Magic',
  ];
  return { names };
}

async function ask(yoga: OrgYoga, query: string): Promise<{ status: number; text: string }> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    const response = await Promise.race([
      yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query }),
      }),
      hung,
    ]);
    return { status: response.status, text: await response.text() };
  } finally {
    clearTimeout(timer);
  }
}

/** No more than MAX_ERROR_MESSAGE characters of the query in a row appear in the answer. */
function echoesInput(answer: string, query: string): boolean {
  const window = MAX_ERROR_MESSAGE - 9;
  for (let at = 0; at + window <= query.length; at += 10) {
    // The answer is JSON: compare with the query's text as JSON writes it.
    const piece = JSON.stringify(query.slice(at, at + window)).slice(1, -1);
    if (answer.includes(piece)) return true;
  }
  return false;
}

function checkAnswer(query: string, status: number, text: string, mustFail: boolean): void {
  const what = `${mustFail ? 'invalid' : 'other'} operation: ${query.slice(0, 400)}`;
  expect(status, what).toBeLessThan(500);
  const body = JSON.parse(text) as Body;
  const errors = body.errors ?? [];
  if (mustFail) expect(errors.length, what).toBeGreaterThan(0);
  for (const error of errors) {
    expect(typeof error.message, what).toBe('string');
    const message = error.message as string;
    expect(message.trim().length, what).toBeGreaterThan(0);
    // A clipped message is its first characters and a note saying so.
    expect(message.length, what).toBeLessThanOrEqual(MAX_ERROR_MESSAGE + CLIP_NOTE.length);
    expect(message, what).not.toMatch(/\n\s+at |node_modules|\.ts:\d|Unexpected error/);
    expect(JSON.stringify(error.extensions ?? {}), what).not.toMatch(/stack|originalError/);
  }
  expect(echoesInput(text, query), what).toBe(false);
}

async function exercise(yoga: OrgYoga, vocabulary: Vocabulary, seed: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.gen(), async (g) => {
      const query = randomOperation(new Choices(g, fc), schema, vocabulary);
      // The generator's own check: what it calls valid, graphql-js does.
      expect(
        validate(schema, parse(query)).map((e) => e.message),
        query,
      ).toEqual([]);
      const { status, text } = await ask(yoga, query);
      checkAnswer(query, status, text, false);
    }),
    { seed, numRuns: VALID_RUNS, endOnFailure: true },
  );
  await fc.assert(
    fc.asyncProperty(fc.gen(), fc.constantFrom(...MUTATIONS), async (g, mutation) => {
      const query = randomOperation(new Choices(g, fc), schema, vocabulary, mutation);
      const { status, text } = await ask(yoga, query);
      checkAnswer(query, status, text, INVALIDATING.has(mutation));
    }),
    { seed: seed + 1, numRuns: BROKEN_RUNS, endOnFailure: true },
  );
}

describe('random operations through the production pipeline', () => {
  let org: GeneratedOrg | undefined;
  beforeAll(async () => {
    org = await generateOrgInTemp({ units: 10_000, seed: 3 });
  }, 120_000);
  afterAll(async () => {
    if (org) await rm(org.dir, { recursive: true, force: true });
  });

  it('on the default dataset: valid ones answered, broken ones refused clearly', async () => {
    const graph = await defaultGraph();
    const yoga = createOrgYoga({ store: new GraphStore(graph), config, logging: false });
    await exercise(yoga, vocabularyOf(graph, []), 2026);
  }, 600_000);

  it('on 10,000 generated units: the same', async () => {
    const graph = await loadSeed(org!.dir);
    const yoga = createOrgYoga({ store: new GraphStore(graph), config, logging: false });
    await exercise(
      yoga,
      vocabularyOf(graph, [...org!.sampleUnitNames, ...org!.sampleTopics]),
      1202,
    );
  }, 600_000);
});
