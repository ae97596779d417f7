/**
 * A dataset declares its languages, kinds and citation policy in dataset.yaml: a small English-only
 * company with kinds of its own and no sources is accepted, and a bad declaration is refused at the
 * line and field that cause it.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument, type Document } from 'yaml';
import { toJsonLd } from '../../src/graph/export/jsonld';
import { toPopolo } from '../../src/graph/export/popolo';
import { loadSeed } from '../../src/graph/load-seed';
import { COMPANY_DIR, issuesOf, runCli } from '../kit';

const copies: string[] = [];
afterAll(async () => {
  await Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A private copy of the company dataset, with `file` edited through its YAML tree. */
async function company(file?: string, edit?: (doc: Document) => void): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'orggraph-company-'));
  copies.push(dir);
  await cp(COMPANY_DIR, dir, { recursive: true });
  if (file && edit) {
    const path = join(dir, file);
    const doc = parseDocument(await readFile(path, 'utf8'));
    edit(doc);
    await writeFile(path, doc.toString({ lineWidth: 0 }));
  }
  return dir;
}

/** The line (1-based) of the `nth` line of `file` containing `needle`. */
async function lineOf(dir: string, file: string, needle: string, nth = 1): Promise<number> {
  const lines = (await readFile(join(dir, file), 'utf8')).split('\n');
  const found = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  const line = found[nth - 1];
  if (line === undefined) throw new Error(`${needle} not in ${file}`);
  return line;
}

describe('a dataset of its own', () => {
  it('passes seed:check: English only, its own kinds, no sources, no posts or events files', async () => {
    const { code, stdout } = await runCli('seed-check', COMPANY_DIR);
    expect(code).toBe(0);
    expect(stdout).toMatch(/ok: 7 units, 0 posts, 4 topics, 0 events, 0 documents, 0 citations/);
    expect(stdout).toMatch(/dataset example-widgets, .* citations optional/);
  });

  it('holds its declaration: languages, kinds in order, citation policy', async () => {
    const graph = await loadSeed(COMPANY_DIR);
    expect(graph.dataset.languages).toEqual(['en']);
    expect(graph.dataset.citationPolicy).toBe('optional');
    expect(graph.kinds.map((k) => k.typeName)).toEqual(['Company', 'Department', 'Team', 'Site']);
    expect(graph.kind('site').popoloClassification).toBe('site');
    expect(graph.dataset.primarySource).toBeUndefined();
    // Texts in a language the dataset lacks are its first language's.
    expect(graph.unit('finance')?.name.fr).toBe('Finance Department');
  });

  it('exports its kinds’ classes and only its own languages', async () => {
    const graph = await loadSeed(COMPANY_DIR);
    const popolo = toPopolo(graph, 'en');
    const payroll = popolo.organizations.find((o) => o.id === 'payroll-team');
    expect(payroll?.classification).toBe('team');
    expect(payroll?.other_names).toEqual([{ name: 'Salaries Office', note: 'informal (en)' }]);
    const jsonld = JSON.stringify(toJsonLd(graph, { lang: 'en', base: 'https://example.org/id/' }));
    expect(jsonld).toContain('"@language":"en"');
    expect(jsonld).not.toContain('"@language":"fr"');
  });

  it('lets other languages fall back to the first, text by text', async () => {
    const dir = await company('dataset.yaml', (doc) => doc.set('languages', ['en', 'fr']));
    await writeFile(
      join(dir, 'units.yaml'),
      (await readFile(join(dir, 'units.yaml'), 'utf8')).replace(
        'name: { en: Finance Department }',
        'name: { en: Finance Department, fr: Direction financière }',
      ),
    );
    const graph = await loadSeed(dir);
    expect(graph.unit('finance')?.name).toEqual({
      en: 'Finance Department',
      fr: 'Direction financière',
    });
    expect(graph.unit('engineering')?.name.fr).toBe('Engineering Department');
  });

  it('is refused, with every record’s missing sources, where citations are required', async () => {
    const dir = await company('dataset.yaml', (doc) => doc.set('citationPolicy', 'required'));
    const issues = await issuesOf(dir);
    expect(issues).toContainEqual(
      expect.objectContaining({
        file: join(dir, 'dataset.yaml'),
        field: 'dataset.primarySource',
        message: expect.stringMatching(/required where citationPolicy is required/),
      }),
    );
  });
});

describe('a bad declaration', () => {
  it.each([
    [
      'a duplicate kind key',
      (doc: Document) => doc.setIn(['kinds', 3, 'key'], 'team'),
      'dataset.kinds[3].key',
      /duplicate kind key "team" \(kinds\[2\] has it already\)/,
      ['key: team', 2],
    ],
    [
      'a type name the schema has already (Topic)',
      (doc: Document) => doc.setIn(['kinds', 2, 'typeName'], 'Topic'),
      'dataset.kinds[2].typeName',
      /"Topic" is a type the schema already has/,
      ['typeName: Topic', 1],
    ],
    [
      'a type name the schema has already (Event)',
      (doc: Document) => doc.setIn(['kinds', 2, 'typeName'], 'Event'),
      'dataset.kinds[2].typeName',
      /"Event" is a type the schema already has/,
      ['typeName: Event', 1],
    ],
    [
      'a type name the schema has already (Query)',
      (doc: Document) => doc.setIn(['kinds', 2, 'typeName'], 'Query'),
      'dataset.kinds[2].typeName',
      /"Query" is a type the schema already has/,
      ['typeName: Query', 1],
    ],
    [
      'a root field every dataset has',
      (doc: Document) => doc.setIn(['kinds', 3, 'rootField', 'name'], 'units'),
      'dataset.kinds[3].rootField.name',
      /"units" is a root field every dataset has/,
      ['name: units', 1],
    ],
    [
      'a type name that is no GraphQL name',
      (doc: Document) => doc.setIn(['kinds', 2, 'typeName'], 'my team'),
      'dataset.kinds[2].typeName',
      /a GraphQL type name/,
      ['typeName: my team', 1],
    ],
    [
      'a label lacking the first language',
      (doc: Document) => doc.setIn(['kinds', 2, 'labels'], doc.createNode({})),
      'dataset.kinds[2].labels.en',
      /required: the text in en, the dataset's first language/,
      ['labels: {}', 1],
    ],
    [
      'a title in a language the dataset does not declare',
      (doc: Document) => doc.setIn(['title', 'fr'], 'Exemple'),
      'dataset.title.fr',
      /"fr" is not one of the dataset's languages \(en\)/,
      ['fr: Exemple', 1],
    ],
  ] as const)('is refused: %s', async (_name, edit, field, message, at) => {
    const dir = await company('dataset.yaml', edit);
    const issues = await issuesOf(dir);
    expect(issues).toEqual([
      expect.objectContaining({
        file: join(dir, 'dataset.yaml'),
        field,
        message: expect.stringMatching(message),
      }),
    ]);
    // The issue is placed at the line of the field that causes it.
    expect(issues[0]?.line).toBe(await lineOf(dir, 'dataset.yaml', at[0], at[1]));
  });

  it('is refused where a unit uses a kind the dataset does not declare', async () => {
    const dir = await company('units.yaml', (doc) => doc.setIn([1, 'kind'], 'division'));
    const issues = await issuesOf(dir);
    expect(issues).toEqual([
      expect.objectContaining({
        file: join(dir, 'units.yaml'),
        field: 'units[1].kind',
        line: await lineOf(dir, 'units.yaml', 'kind: division'),
        message:
          'unknown unit kind "division": dataset.yaml declares company, department, team, site',
      }),
    ]);
  });

  it('is refused where a text lacks the first language', async () => {
    const dir = await company('units.yaml', (doc) =>
      doc.setIn([1, 'description'], doc.createNode({ fr: 'De l’argent' })),
    );
    const issues = await issuesOf(dir);
    expect(issues.map((i) => i.field).sort()).toEqual(
      ['units[1].description.fr', 'units[1].description.en'].sort(),
    );
    expect(issues.every((i) => i.line === issues[0]?.line)).toBe(true);
  });
});
