/**
 * The question table (ask-table.yaml): questions in English and French written from the source's
 * facts, each with its exact answer.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/graph/ask/ask';
import { defaultGraph } from '../kit';

import { TABLE } from './ask-table';

const sorted = (keys: readonly string[]) => [...keys].sort();

describe.each(['en', 'fr'] as const)('ask, in %s', (lang) => {
  for (const row of TABLE[lang]) {
    it(row.q, async () => {
      const answer = ask(await defaultGraph(), row.q);
      const units = answer.units.map((u) => u.key);
      expect(answer.intent).toBe(row.intent);
      expect(answer.questionLang).toBe(lang);
      if (row.units) expect(units).toEqual(row.units);
      if (row.unitSet) expect(sorted(units)).toEqual(sorted(row.unitSet));
      if ('count' in row) expect(answer.count).toBe(row.count);
      if (row.date) expect(answer.date?.value).toBe(String(row.date));
      if (row.events) expect(answer.events.map((e) => e.key)).toEqual(row.events);
      if (row.topics) expect(sorted(answer.topics.map((t) => t.key))).toEqual(sorted(row.topics));
      if (row.posts) expect(sorted(answer.posts.map((p) => p.key))).toEqual(sorted(row.posts));
      if (row.verdict) expect(answer.verdict).toBe(row.verdict);
      expect(answer.notStated).toBe(row.notStated ?? false);
      const text = answer.text[answer.lang] ?? '';
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/\{[a-zA-Z]+\}/);
      if (row.notStated || row.intent === 'UNKNOWN')
        expect(answer.note?.[answer.lang]).toBeTruthy();
      if (row.intent === 'UNKNOWN') {
        expect(answer.suggestions.length).toBeGreaterThan(0);
        expect(answer.confidence).toBe(0);
      } else {
        expect(answer.confidence).toBeGreaterThan(0);
        expect(answer.confidence).toBeLessThanOrEqual(1);
      }
    });
  }
});

describe('the table', () => {
  it('has at least 120 questions in each language and 40 the data cannot answer', () => {
    expect(TABLE.en.length).toBeGreaterThanOrEqual(120);
    expect(TABLE.fr.length).toBeGreaterThanOrEqual(120);
    const unanswerable = [...TABLE.en, ...TABLE.fr].filter(
      (r) => r.notStated || r.intent === 'UNKNOWN',
    );
    expect(unanswerable.length).toBeGreaterThanOrEqual(40);
  });
});
