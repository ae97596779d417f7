/**
 * Every fact of the source is cited. The project's reference material lists the source's facts
 * one by one, with their French text (`../shared/reference/facts.md`, table A, beside the
 * repository); each must occur in the quote of at least one citation of the source in seed/,
 * apart from a leading conjunction the quote may leave out ("et aide à…"). Facts are read from
 * the reference list where it is, not copied, so the test follows it; a clone without it skips
 * the test and says so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeQuote } from '../../src/graph/normalize';
import { defaultGraph } from '../kit';

const FACTS = fileURLToPath(new URL('../../../shared/reference/facts.md', import.meta.url));
const SOURCE_COPY = fileURLToPath(
  new URL('../../seed/documents/nato-is-2011-fr.txt', import.meta.url),
);
const present = existsSync(FACTS);
if (!present) {
  console.warn(
    `facts coverage skipped: ${FACTS} is absent (the project was cloned without ../shared/reference)`,
  );
}

interface Fact {
  readonly id: string;
  /** Each quoted passage of the fact's French column; "…" separates parts quoted apart. */
  readonly passages: readonly (readonly string[])[];
}

/** The rows of table A: `| F014 | "qui doivent … membre" | English | maps to |`. */
function factsOf(markdown: string): Fact[] {
  const start = markdown.indexOf('## A.');
  const end = markdown.indexOf('## B.', start);
  const table = markdown.slice(start, end < 0 ? undefined : end);
  return [...table.matchAll(/^\| (F\d{3}) \| (.*?) \| /gm)].map(([, id = '', french = '']) => ({
    id,
    passages: [...french.matchAll(/"([^"]+)"/g)].map(([, text = '']) =>
      text
        .split('…')
        .map((part) => normalizeQuote(part))
        .filter((part) => part !== ''),
    ),
  }));
}

const LEADING_CONJUNCTION = /^(?:et|ou|mais|soit|ainsi que)\s+/i;

/** Whether one quote holds every part of a passage, in order. */
function holds(quote: string, parts: readonly string[]): boolean {
  let at = 0;
  for (const part of parts) {
    const i = quote.indexOf(part, at);
    if (i < 0) return false;
    at = i + part.length;
  }
  return true;
}

describe.skipIf(!present)('every fact of the source (facts.md, table A)', () => {
  const facts = present ? factsOf(readFileSync(FACTS, 'utf8')) : [];

  it('reads the 119 facts, F001 to F119, each with its French text', () => {
    expect(facts.map((f) => f.id)).toEqual(
      Array.from({ length: 119 }, (_, i) => `F${String(i + 1).padStart(3, '0')}`),
    );
    for (const f of facts) expect(f.passages.length, f.id).toBeGreaterThan(0);
  });

  it('is covered by a citation whose quote contains its French text', async () => {
    const g = await defaultGraph();
    const source = g.dataset.primarySource;
    const quotes = [...g.citations()]
      .filter((c) => c.document === source)
      .map((c) => normalizeQuote(c.quote));
    const uncovered = facts.flatMap((f) =>
      f.passages
        .filter((parts) => {
          const trimmed = parts.map((p, i) => (i === 0 ? p.replace(LEADING_CONJUNCTION, '') : p));
          return !quotes.some((q) => holds(q, parts) || holds(q, trimmed));
        })
        .map((parts) => `${f.id}: "${parts.join(' … ')}"`),
    );
    expect(uncovered).toEqual([]);
  });

  it('lets topics add no acronym that neither the source nor the reference list gives', async () => {
    const g = await defaultGraph();
    const known = `${readFileSync(FACTS, 'utf8')}\n${readFileSync(SOURCE_COPY, 'utf8')}`;
    const acronyms = g
      .topics()
      .flatMap((t) =>
        [
          t.label.en,
          t.label.fr,
          ...t.variants.en,
          ...t.variants.fr,
          ...t.related.en,
          ...t.related.fr,
        ]
          .flatMap((text) => text.match(/\b\p{Lu}{2,}\b/gu) ?? [])
          .map((acronym) => `${t.key}: ${acronym}`),
      );
    const unknown = acronyms.filter((a) => !new RegExp(`\\b${a.split(': ')[1]}\\b`).test(known));
    expect(unknown).toEqual([]);
  });
});
