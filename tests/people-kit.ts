/**
 * The fictitious company of tests/fixtures/datasets/company with posts held by fictitious people
 * (people.yaml and posts' `holders`), written into a private copy. The default dataset names no
 * one and never gets people.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMPANY_DIR } from './kit';

const POSTS = `- key: finance-director
  title: { en: Finance Director }
  unit: finance
  role: head
  holders:
    - { person: sam-holt, from: 2016-04, until: '2021-12-31' }
    - { person: priya-nair, from: '2022-01-10' }
- key: payroll-manager
  title: { en: Payroll Manager }
  unit: payroll-team
  role: head
  holders:
    - { person: jane-doe, from: '2020-01-01' }
- key: site-manager
  title: { en: Site Manager }
  unit: riverside-site
  role: head
  holders:
    - { person: sam-holt, from: '2022' }
`;

const PEOPLE = `- key: sam-holt
  name: { en: Sam Holt }
- key: priya-nair
  name: { en: Priya Nair }
- key: jane-doe
  name: { en: Jane Doe }
`;

const copies: string[] = [];

/** Removes the copies made (a test file's afterAll). */
export async function removeCompaniesWithPeople(): Promise<void> {
  await Promise.all(copies.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** The fictitious company with posts held by fictitious people, `edit` applied to the texts. */
export async function companyWithPeople(
  edit: (files: { posts: string; people: string }) => { posts: string; people: string } = (f) => f,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'orggraph-people-'));
  copies.push(dir);
  await cp(COMPANY_DIR, dir, { recursive: true });
  const { posts, people } = edit({ posts: POSTS, people: PEOPLE });
  await writeFile(join(dir, 'posts.yaml'), posts);
  await writeFile(join(dir, 'people.yaml'), people);
  // The snapshot reads every file but documents.yaml and people.yaml (snapshot.ts).
  await writeFile(join(dir, 'sources.yaml'), '[]\n');
  await writeFile(join(dir, 'events.yaml'), '[]\n');
  // Dated since 2000, so that a view of an earlier day than the dataset's holds them.
  const units = join(dir, 'units.yaml');
  await writeFile(
    units,
    (await readFile(units, 'utf8'))
      .replace(/^( {2}kind: .*)$/gm, "$1\n  established: '2000'")
      .replace(/^(- key: (finance|payroll-team|riverside-site))$/gm, (line, _, unit: string) => {
        const head = { finance: 'finance-director', 'payroll-team': 'payroll-manager' }[unit];
        return `${line}\n  head: ${head ?? 'site-manager'}`;
      }),
  );
  return dir;
}
