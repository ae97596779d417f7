/**
 * A spreadsheet as a seed draft: what its columns become, and every mistake in it reported at once
 * with its row and column and what was expected.
 */
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/graph/import/csv';
import { readJsonTable } from '../../../src/graph/import/json-table';
import type { Imported } from '../../../src/graph/import/seed-draft';
import { importTable, parseColumnMap } from '../../../src/graph/import/table';
import { formatIssue } from '../../../src/graph/seed-error';

function csv(text: string, columns?: string): Imported | string[] {
  const table = readCsv('chart.csv', text);
  if ('issues' in table) return table.issues.map(formatIssue);
  const mapped = columns === undefined ? undefined : parseColumnMap(columns);
  if (mapped && 'problems' in mapped) return mapped.problems;
  const result = importTable(table, { asOf: '2024-01-01', columns: mapped?.columns });
  return 'issues' in result ? result.issues.map(formatIssue) : result;
}

function imported(text: string, columns?: string): Imported {
  const result = csv(text, columns);
  if (Array.isArray(result)) throw new Error(result.join('\n'));
  return result;
}

const HEADER = 'id,name,parent,kind,head,responsibilities,aliases,description';

describe('a CSV chart', () => {
  it('becomes units, kinds, heads and topics', () => {
    const { draft } = imported(
      [
        HEADER,
        'acme,Acme Widgets,,company,Chief Executive,,Acme,The whole company',
        'fin,Finance,acme,department,Finance Director,budgets; payroll,Money people;Accounts,',
        'pay,Payroll,fin,team,,payroll,,',
        'bu,Retail,acme,business unit,,,,',
      ].join('\n'),
    );
    expect(draft.dataset).toMatchObject({
      key: 'acme',
      title: { en: 'Acme Widgets' },
      languages: ['en'],
    });
    expect(draft.dataset.kinds.map((k) => [k.key, k.typeName])).toEqual([
      ['company', 'Company'],
      ['department', 'Department'],
      ['team', 'Team'],
      ['business-unit', 'BusinessUnit'],
    ]);
    expect(draft.units.find((u) => u.key === 'fin')).toEqual({
      key: 'fin',
      kind: 'department',
      name: { en: 'Finance' },
      aliases: [
        { text: 'Money people', lang: 'en', kind: 'informal' },
        { text: 'Accounts', lang: 'en', kind: 'informal' },
      ],
      head: 'head-fin',
      parent: 'acme',
      responsibilities: ['budgets', 'payroll'],
    });
    expect(draft.posts).toEqual([
      { key: 'head-acme', title: { en: 'Chief Executive' }, unit: 'acme', role: 'head' },
      { key: 'head-fin', title: { en: 'Finance Director' }, unit: 'fin', role: 'head' },
    ]);
    expect(draft.topics).toEqual([
      { key: 'budgets', label: { en: 'budgets' } },
      { key: 'payroll', label: { en: 'payroll' } },
    ]);
  });

  it('takes ids from names when there is no id column, and parents by name', () => {
    const { draft } = imported(
      'name,parent\nAcme Widgets,\nHuman Resources,Acme Widgets\nRecruiting,human resources\n',
    );
    expect(draft.units.map((u) => [u.key, u.parent, u.kind])).toEqual([
      ['acme-widgets', undefined, 'organization'],
      ['human-resources', 'acme-widgets', 'unit'],
      ['recruiting', 'human-resources', 'unit'],
    ]);
  });

  it('reads other languages from suffixed columns', () => {
    const { draft } = imported(
      'name,name:fr,parent,responsibilities,responsibilities:fr\nAcme,Acmé,,,\nFinance,Finances,Acme,budgets;payroll,budgets;paie\n',
    );
    expect(draft.dataset.languages).toEqual(['en', 'fr']);
    expect(draft.units[1]?.name).toEqual({ en: 'Finance', fr: 'Finances' });
    expect(draft.topics[1]).toEqual({ key: 'payroll', label: { en: 'payroll', fr: 'paie' } });
  });

  it('maps other headers with --columns', () => {
    const { draft } = imported(
      'Department,Reports to,Type,Nom\nAcme,,,Acmé\nSales,Acme,department,Ventes\n',
      'name=Department,parent=Reports to,kind=Type,name:fr=Nom',
    );
    expect(draft.units.map((u) => [u.key, u.name, u.parent, u.kind])).toEqual([
      ['acme', { en: 'Acme', fr: 'Acmé' }, undefined, 'organization'],
      ['sales', { en: 'Sales', fr: 'Ventes' }, 'acme', 'department'],
    ]);
  });

  it('reads the same table from JSON, lists as arrays', () => {
    const table = readJsonTable('chart.json', [
      { id: 'acme', name: 'Acme' },
      { id: 'fin', name: 'Finance', parent: 'acme', responsibilities: ['budgets', 'payroll'] },
    ]);
    if ('issues' in table) throw new Error('unreadable');
    const result = importTable(table, { asOf: '2024-01-01' });
    if ('issues' in result) throw new Error(result.issues.map(formatIssue).join('\n'));
    expect(result.draft.units[1]?.responsibilities).toEqual(['budgets', 'payroll']);
  });

  // Each broken input, and every problem it is refused with (place, then what was expected).
  const BROKEN: [string, string, string[]][] = [
    [
      'an unknown parent',
      'id,name,parent\na,Acme,\nb,Sales,nobody\n',
      ['chart.csv:3:3: parent: unknown parent "nobody": expected the id or name of another row'],
    ],
    [
      'a duplicate id',
      'id,name,parent\na,Acme,\nb,Sales,a\nb,Support,a\n',
      ['chart.csv:4:1: id: duplicate id "b" (the key "b" of row 3): expected an id of its own'],
    ],
    [
      'two rows with the same name and no id',
      'name,parent\nAcme,\nSales,Acme\nsales,Acme\n',
      [
        'chart.csv:4:1: name: "sales" gives the same key "sales" as row 3: expected distinct names, or an id column',
      ],
    ],
    [
      'a cycle',
      'id,name,parent\na,Acme,\nb,Sales,c\nc,Support,b\n',
      [
        'chart.csv:3:3: parent: a cycle of parents: row 3 (Sales) → row 4 (Support) → row 3 (Sales): expected a tree',
      ],
    ],
    [
      'an empty name',
      'id,name,parent\na,Acme,\nb,,a\n',
      ['chart.csv:3:2: name: empty name: every row needs a name'],
    ],
    [
      'an unexpected header',
      'id,name,parent,cost centre\na,Acme,,1\n',
      [
        'chart.csv:1:4: cost centre: unknown column "cost centre": expected one of id, name, parent, kind, head, responsibilities, aliases, description, a translation such as name:fr, or a header mapped with --columns',
      ],
    ],
    [
      'more than one root',
      'id,name,parent\na,Acme,\nb,Other,\n',
      [
        'chart.csv:3:3: parent: more than one root: row 2 has an empty parent already (it is the organisation): expected the parent of "Other"',
      ],
    ],
    [
      'a row with more cells than columns',
      'id,name\na,Acme,extra\n',
      ['chart.csv:2:3: 3 cells for 2 columns: expected no cell beyond the last column'],
    ],
    [
      'an unclosed quote',
      'id,name\na,"Acme\n',
      ['chart.csv:2:2: not CSV: a quoted cell is never closed: expected a closing "'],
    ],
    [
      'text after a closing quote',
      'id,name\na,"Acme" Ltd\n',
      [
        'chart.csv:2:2: not CSV: a quoted cell goes on after its closing quote: expected a comma or the end of the row after it (or "" for a quote inside the cell)',
      ],
    ],
    [
      'translations that do not pair up',
      'name,parent,responsibilities,responsibilities:fr\nAcme,,,\nSales,Acme,a;b,a\n',
      [
        'chart.csv:3:4: responsibilities:fr: 1 responsibilities in fr for 2 in en: expected the same list, in the same order',
      ],
    ],
    [
      'several mistakes at once, in row order',
      'id,name,parent\na,Acme,\nb,,a\nc,Sales,zz\nc,Again,a\n',
      [
        'chart.csv:3:2: name: empty name: every row needs a name',
        'chart.csv:5:1: id: duplicate id "c" (the key "c" of row 4): expected an id of its own',
        'chart.csv:4:3: parent: unknown parent "zz": expected the id or name of another row',
      ],
    ],
  ];
  it.each(BROKEN)('refuses %s, with its place', (_what, text, problems) => {
    expect(csv(text)).toEqual(problems);
  });

  it('refuses a --columns mapping to a header the file lacks, or to no field', () => {
    expect(csv('Department\nAcme\n', 'name=Dept')).toEqual([
      'chart.csv:1:1: Department: unknown column "Department": expected one of id, name, parent, kind, head, responsibilities, aliases, description, a translation such as name:fr, or a header mapped with --columns',
      'chart.csv:1:0: --columns: name=Dept: the file has no column "Dept" (its columns: Department)',
      'chart.csv:1:0: no name column: every row needs a name (a "name" column, or --columns name=Header)',
    ]);
    expect(csv('Department\nAcme\n', 'title=Department')).toEqual([
      '--columns: unknown field "title": expected one of id, name, parent, kind, head, responsibilities, aliases, description, or one of them with :LANG (name:fr)',
    ]);
  });
});
