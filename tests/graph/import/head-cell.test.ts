/**
 * A spreadsheet's `head` cell may name who holds the post ("Payroll Manager: Jane Doe (2020-01..)"):
 * the post keeps its title, the people become people.yaml, each holding dated as written; a cell
 * without ":" is a title only, as before; a malformed date is refused at its row and column. The
 * names are fictitious.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/graph/import/csv';
import { withDescriptions } from '../../../src/graph/import/descriptions';
import { parseHeadCell } from '../../../src/graph/import/head-cell';
import type { Imported } from '../../../src/graph/import/seed-draft';
import { importTable } from '../../../src/graph/import/table';
import { writeSeed } from '../../../src/graph/import/write-seed';
import { holdersOf } from '../../../src/graph/people';
import { formatIssue } from '../../../src/graph/seed-error';

function csv(text: string): Imported | string[] {
  const table = readCsv('chart.csv', text);
  if ('issues' in table) return table.issues.map(formatIssue);
  const result = importTable(table, { asOf: '2024-01-01' });
  return 'issues' in result ? result.issues.map(formatIssue) : result;
}

function imported(text: string): Imported {
  const result = csv(text);
  if (Array.isArray(result)) throw new Error(result.join('\n'));
  return result;
}

/** As `npm run import` writes it: a unit the file does not describe gets a description. */
const described = ({ draft, origins }: Imported): Imported => ({
  draft: withDescriptions(draft),
  origins,
});

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('a head cell', () => {
  it.each([
    ['Payroll Manager', { title: 'Payroll Manager', holders: [] }],
    ['Payroll Manager: Jane Doe', { title: 'Payroll Manager', holders: [{ name: 'Jane Doe' }] }],
    [
      'Payroll Manager: Jane Doe (2020-01-01..)',
      { title: 'Payroll Manager', holders: [{ name: 'Jane Doe', from: '2020-01-01' }] },
    ],
    [
      'Finance Director: Sam Holt (2016-04..2021); Priya Nair (..)',
      {
        title: 'Finance Director',
        holders: [{ name: 'Sam Holt', from: '2016-04', until: '2021' }, { name: 'Priya Nair' }],
      },
    ],
    ['Lab Manager:', { title: 'Lab Manager', holders: [] }],
  ])('%j reads as its post and holders', (cell, expected) => {
    expect(parseHeadCell(cell)).toEqual(expected);
  });

  it.each([
    [': Jane Doe', /expected the post's title before ":"/],
    ['Payroll Manager: Jane Doe (2020-01-01)', /is not a period: expected \(FROM\.\.UNTIL\)/],
    ['Payroll Manager: Jane Doe (2020-02-30..)', /from "2020-02-30" has an impossible day/],
    ['Payroll Manager: Jane Doe (2021..2020-06)', /Jane Doe until 2020-06 is before from 2021/],
    ['Payroll Manager: (2020..)', /is not a person's name with optional dates/],
  ])('%j is refused', (cell, problem) => {
    const parsed = parseHeadCell(cell);
    expect(parsed).toHaveProperty('problem');
    expect((parsed as { problem: string }).problem).toMatch(problem);
  });
});

describe('a CSV chart naming people', () => {
  const CHART = [
    'id,name,parent,head',
    'acme,Acme,,Managing Director: Ada Whitlock (2015-03..)',
    'finance,Finance,acme,Finance Director: Sam Holt (2016-04..2021-12-31); Priya Nair (2022-01-10..)',
    'payroll,Payroll,finance,Payroll Manager: Jane Doe',
    'sales,Sales,acme,Sales Director',
    'outlet,Outlet,sales,Outlet Manager: Sam Holt (2022..)',
  ].join('\n');

  it('gives the posts their titles and holders, and one person per name', () => {
    const { draft } = imported(CHART);
    expect(draft.posts.map((p) => [p.title.en, p.holders ?? []])).toEqual([
      ['Managing Director', [{ person: 'ada-whitlock', from: '2015-03' }]],
      [
        'Finance Director',
        [
          { person: 'sam-holt', from: '2016-04', until: '2021-12-31' },
          { person: 'priya-nair', from: '2022-01-10' },
        ],
      ],
      ['Payroll Manager', [{ person: 'jane-doe' }]],
      ['Sales Director', []],
      ['Outlet Manager', [{ person: 'sam-holt', from: '2022' }]],
    ]);
    expect(draft.people).toEqual([
      { key: 'ada-whitlock', name: { en: 'Ada Whitlock' } },
      { key: 'sam-holt', name: { en: 'Sam Holt' } },
      { key: 'priya-nair', name: { en: 'Priya Nair' } },
      { key: 'jane-doe', name: { en: 'Jane Doe' } },
    ]);
  });

  it('names no one, and writes no people.yaml, when no head cell has ":"', async () => {
    const plain = imported('id,name,parent,head\nacme,Acme,,Managing Director\n');
    expect(plain.draft.people).toBeUndefined();
    const dir = await mkdtemp(join(tmpdir(), 'orggraph-head-'));
    dirs.push(dir);
    await writeSeed(described(plain), join(dir, 'seed'));
    expect(await readdir(join(dir, 'seed'))).not.toContain('people.yaml');
  });

  it('writes a seed directory that loads with its people', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'orggraph-head-'));
    dirs.push(dir);
    const graph = await writeSeed(described(imported(CHART)), join(dir, 'seed'));
    expect(await readdir(join(dir, 'seed'))).toContain('people.yaml');
    const finance = graph.headOf(graph.unit('finance')!);
    expect(holdersOf(finance!).map((h) => [h.personKey, h.from?.value, h.until?.value])).toEqual([
      ['sam-holt', '2016-04', '2021-12-31'],
      ['priya-nair', '2022-01-10', undefined],
    ]);
    expect(graph.people()).toHaveLength(4);
  });

  it('refuses a malformed date at its row and column, with every other problem', () => {
    expect(
      csv(
        'id,name,parent,head\nacme,Acme,,MD: Ada Whitlock (2015-13..)\nb,B,acme,Head of B: Jo (2020)\n',
      ),
    ).toEqual([
      'chart.csv:2:4: head: head "MD: Ada Whitlock (2015-13..)": from "2015-13" has an impossible month 13',
      'chart.csv:3:4: head: head "Head of B: Jo (2020)": "(2020)" is not a period: expected (FROM..UNTIL), e.g. (2020-01-01..) or (2019-03..2021-12-31)',
    ]);
  });
});
