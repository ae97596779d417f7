/**
 * Every GraphiQL example and every benchmark document gives the data it gave before the core was
 * rebuilt (recorded in tests/fixtures/answers.json by record-answers.ts). Global IDs are compared
 * without the date a node seen through `at(date:)` carries in its ID, and cursors without the
 * version of the seed files they carry (any edit of a seed file changes it, a comment or the
 * dataset's declaration of its kinds alike); what a cursor points at is compared.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ANSWERS_FILE, recordAnswers, type RecordedAnswers } from '../fixtures/record-answers';

/** A global ID is base64 of "Type:key", with "@date" after the key for a node of a dated view. */
function undated(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(undated);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === 'id' && typeof v === 'string' ? withoutDate(v) : undated(v),
      ]),
    );
  return value;
}

const CURSOR_FIELDS = new Set(['cursor', 'startCursor', 'endCursor']);

/** A cursor is base64url of "c1|version[@date]|position|key": the version is left out. */
function unversioned(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unversioned);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        CURSOR_FIELDS.has(k) && typeof v === 'string' ? withoutVersion(v) : unversioned(v),
      ]),
    );
  return value;
}

function withoutVersion(cursor: string): string {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const [prefix, stamp = '', ...rest] = parts;
  return prefix === 'c1' ? [prefix, stamp.replace(/^[0-9a-f]+/, ''), ...rest].join('|') : cursor;
}

function withoutDate(id: string): string {
  const decoded = Buffer.from(id, 'base64').toString('utf8');
  const at = decoded.lastIndexOf('@');
  return at < 0 ? id : Buffer.from(decoded.slice(0, at)).toString('base64');
}

describe('answers of the examples and benchmark documents', async () => {
  const recorded = JSON.parse(await readFile(ANSWERS_FILE, 'utf8')) as RecordedAnswers;
  const live = await recordAnswers();

  it.each(Object.keys(recorded.examples))('example "%s" answers as recorded', (title) => {
    expect(unversioned(undated(live.examples[title]))).toEqual(
      unversioned(recorded.examples[title]),
    );
  });

  it.each(Object.keys(recorded.workloads))('benchmark workload %s answers as recorded', (name) => {
    expect(unversioned(undated(live.workloads[name]))).toEqual(
      unversioned(recorded.workloads[name]),
    );
  });

  it('covers every example and workload there is', () => {
    expect(Object.keys(live.examples).sort()).toEqual(Object.keys(recorded.examples).sort());
    expect(Object.keys(live.workloads).sort()).toEqual(Object.keys(recorded.workloads).sort());
  });
});
