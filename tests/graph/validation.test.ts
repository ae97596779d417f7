/**
 * Every class of bad data is refused with the file, line and field that cause it. Each case breaks
 * a private copy of the default seed in one way, through the YAML tree so the copy stays
 * otherwise valid, and checks the located message.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument, type Document } from 'yaml';
import { loadSeed } from '../../src/graph/load-seed';
import { SeedError } from '../../src/graph/seed-error';
import { editFile, issuesOf, seedCopy } from '../kit';

const copies: string[] = [];
afterAll(async () => {
  await Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Edits a seed file of a fresh copy through its YAML tree; returns the copy's directory. */
async function broken(file: string, edit: (doc: Document) => void): Promise<string> {
  const dir = await seedCopy();
  copies.push(dir);
  const path = join(dir, file);
  const doc = parseDocument(await readFile(path, 'utf8'));
  edit(doc);
  await writeFile(path, doc.toString({ lineWidth: 0 }));
  return dir;
}

/** Line (1-based) of the first line of `file` in `dir` containing `needle`. */
async function lineOf(dir: string, file: string, needle: string): Promise<number> {
  const lines = (await readFile(join(dir, file), 'utf8')).split('\n');
  const index = lines.findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not in ${file}`);
  return index + 1;
}

/** Index of the record with this key in a list file. */
function indexOf(doc: Document, key: string): number {
  const list = doc.toJS() as { key: string }[];
  const i = list.findIndex((r) => r.key === key);
  if (i < 0) throw new Error(`no record ${key}`);
  return i;
}

interface Case {
  name: string;
  file: string;
  edit: (doc: Document) => void;
  field: string | RegExp;
  message: RegExp;
  /** A string the offending line contains, to check the reported line. */
  lineWith?: string;
}

const cases: Case[] = [
  {
    name: 'unknown field',
    file: 'units.yaml',
    edit: (doc) => doc.setIn([indexOf(doc, 'operations'), 'colour'], 'blue-unknown'),
    field: /^units\[\d+\]\.colour$/,
    message: /unknown field "colour"/,
    lineWith: 'blue-unknown',
  },
  {
    name: 'missing required field',
    file: 'units.yaml',
    edit: (doc) => doc.deleteIn([indexOf(doc, 'operations'), 'description']),
    field: /^units\[\d+\]\.description$/,
    message: /required field is missing/,
  },
  {
    name: 'wrong type',
    file: 'posts.yaml',
    edit: (doc) => doc.setIn([0, 'role'], 'emperor'),
    field: 'posts[0].role',
    message: /expected one of/i,
    lineWith: 'emperor',
  },
  {
    name: 'badly formed key',
    file: 'topics.yaml',
    edit: (doc) => doc.setIn([0, 'key'], 'Cyber Defence!'),
    field: 'topics[0].key',
    message: /lower-case words joined by hyphens/,
    lineWith: 'Cyber Defence!',
  },
  {
    name: 'duplicate key',
    file: 'units.yaml',
    edit: (doc) => doc.setIn([indexOf(doc, 'operations'), 'key'], 'defence-investment'),
    field: /^units\[\d+\]\.key$/,
    message: /duplicate unit key "defence-investment" \(already defined at line \d+\)/,
  },
  {
    name: 'alias shared by two units',
    file: 'units.yaml',
    edit: (doc) =>
      doc.addIn([indexOf(doc, 'operations'), 'aliases'], {
        text: 'Security Office of NATO',
        lang: 'en',
        kind: 'informal',
      }),
    field: /^units\[\d+\]\.aliases\[\d+\]\.text$/,
    message: /also names unit "(operations|nato-office-of-security)"/,
    lineWith: 'Security Office of NATO',
  },
  {
    name: 'topic variant shared by two topics',
    file: 'topics.yaml',
    edit: (doc) => doc.addIn([indexOf(doc, 'terrorism'), 'variants', 'en'], 'Cyber-Defense'),
    field: /^topics\[\d+\]\.variants\.en\[\d+\]$/,
    message: /also names topic "(terrorism|cyber-defence)"/,
    lineWith: 'Cyber-Defense',
  },
  {
    name: 'unknown parent unit',
    file: 'units.yaml',
    edit: (doc) => doc.setIn([indexOf(doc, 'operations'), 'parent'], 'no-such-unit'),
    field: /^units\[\d+\]\.parent\.unit$/,
    message: /unknown unit "no-such-unit"/,
    lineWith: 'no-such-unit',
  },
  {
    name: 'unknown head post',
    file: 'units.yaml',
    edit: (doc) => doc.setIn([indexOf(doc, 'operations'), 'head'], 'no-such-post'),
    field: /^units\[\d+\]\.head$/,
    message: /unknown post "no-such-post"/,
    lineWith: 'no-such-post',
  },
  {
    name: 'unknown topic',
    file: 'units.yaml',
    edit: (doc) =>
      doc.setIn(
        [indexOf(doc, 'emerging-security-challenges'), 'responsibilities', 0, 'topic'],
        'no-such-topic',
      ),
    field: /^units\[\d+\]\.responsibilities\[0\]\.topic$/,
    message: /unknown topic "no-such-topic"/,
    lineWith: 'no-such-topic',
  },
  {
    name: 'unknown unit in an event',
    file: 'events.yaml',
    edit: (doc) => doc.addIn([0, 'affects'], 'no-such-unit'),
    field: /^events\[0\]\.affects\[\d+\]$/,
    message: /unknown unit "no-such-unit"/,
    lineWith: 'no-such-unit',
  },
  {
    name: 'unknown source in a citation',
    file: 'posts.yaml',
    edit: (doc) => doc.setIn([0, 'sources', 0, 'source'], 'no-such-source'),
    field: 'posts[0].sources[0].source',
    message: /unknown source "no-such-source"/,
    lineWith: 'no-such-source',
  },
  {
    name: 'quote not in the source',
    file: 'units.yaml',
    edit: (doc) =>
      doc.setIn([indexOf(doc, 'operations'), 'sources', 0, 'quote'], 'Division des licornes'),
    field: /^units\[\d+\]\.sources\[0\]\.quote$/,
    message: /quote not found verbatim in source "nato-is-2011-fr"/,
    lineWith: 'Division des licornes',
  },
  {
    name: 'cycle in part-of',
    file: 'units.yaml',
    edit: (doc) => doc.setIn([indexOf(doc, 'international-staff'), 'parent'], 'operations'),
    field: /^units\[\d+\]\.parent$/,
    message:
      /parent forms a cycle: .*international-staff → operations → international-staff|parent forms a cycle: .*operations → international-staff → operations/,
  },
  {
    name: 'cycle in reports-to',
    file: 'units.yaml',
    edit: (doc) =>
      doc.setIn([indexOf(doc, 'secretary-general'), 'reportsTo'], 'international-staff'),
    field: /^units\[\d+\]\.reportsTo$/,
    message: /reportsTo forms a cycle/,
  },
  {
    name: 'cycle in broader topics',
    file: 'topics.yaml',
    edit: (doc) =>
      doc.setIn([indexOf(doc, 'weapons-of-mass-destruction'), 'broader'], ['wmd-proliferation']),
    field: /^topics\[\d+\]\.broader$/,
    message: /broader forms a cycle/,
  },
  {
    name: 'related term that is another topic’s variant',
    file: 'topics.yaml',
    edit: (doc) => doc.setIn([indexOf(doc, 'cyber-defence'), 'related', 'en', 0], 'air defense'),
    field: /^topics\[\d+\]\.related\.en\[0\]$/,
    message: /related term "air defense" is a label or variant of topic "air-defence"/,
    lineWith: 'air defense',
  },
  {
    name: 'impossible month',
    file: 'events.yaml',
    edit: (doc) => doc.setIn([indexOf(doc, 'esc-starts-work'), 'date'], '2010-13'),
    field: /^events\[\d+\]\.date$/,
    message: /impossible month 13/,
    lineWith: '2010-13',
  },
  {
    name: 'impossible day',
    file: 'units.yaml',
    edit: (doc) =>
      doc.setIn([indexOf(doc, 'nato-office-of-resources'), 'established'], '2007-02-30'),
    field: /^units\[\d+\]\.established$/,
    message: /impossible day/,
    lineWith: '2007-02-30',
  },
  {
    name: 'head that is a member post, where citations are required',
    file: 'units.yaml',
    edit: (doc) => doc.setIn([indexOf(doc, 'private-office'), 'head'], 'director-private-office'),
    field: /^units\[\d+\]\.head$/,
    message:
      /head "director-private-office" is a member post, not a head post, and no citation says it heads this unit \(the dataset's citationPolicy is required\)/,
    lineWith: 'head: director-private-office',
  },
  {
    name: 'head that is another unit’s post, uncited, where citations are required',
    file: 'units.yaml',
    edit: (doc) => doc.setIn([indexOf(doc, 'international-staff'), 'head'], 'secretary-general'),
    field: /^units\[\d+\]\.head$/,
    message: /head "secretary-general" is a post of unit "secretary-general", and no citation says/,
  },
  {
    name: 'quote of a head not in the source',
    file: 'units.yaml',
    edit: (doc) =>
      doc.setIn(
        [indexOf(doc, 'international-staff'), 'head', 'sources', 0, 'quote'],
        'Le SI est dirigé par un comité',
      ),
    field: /^units\[\d+\]\.head\.sources\[0\]\.quote$/,
    message: /quote not found verbatim/,
    lineWith: 'Le SI est dirigé par un comité',
  },
  {
    name: 'unknown citation policy',
    file: 'dataset.yaml',
    edit: (doc) => doc.set('citationPolicy', 'sometimes'),
    field: 'dataset.citationPolicy',
    message: /expected one of/i,
    lineWith: 'sometimes',
  },
  {
    name: 'inferred date without a reason',
    file: 'events.yaml',
    edit: (doc) => doc.deleteIn([indexOf(doc, 'is-review'), 'dateInferred', 'reason']),
    field: /^events\[\d+\]\.dateInferred\.reason$/,
    message: /required field is missing/,
  },
  {
    name: 'staff rule naming an unknown post',
    file: 'units.yaml',
    edit: (doc) =>
      doc.setIn(
        [indexOf(doc, 'international-staff'), 'staffRules', 'appointments', 'decidedBy'],
        'no-such-post',
      ),
    field: /^units\[\d+\]\.staffRules\.appointments\.decidedBy$/,
    message: /unknown post "no-such-post"/,
    lineWith: 'no-such-post',
  },
  {
    name: 'staff rule naming an unknown unit',
    file: 'units.yaml',
    edit: (doc) =>
      doc.setIn(
        [indexOf(doc, 'international-staff'), 'staffRules', 'allegiance', 'owedTo'],
        'no-such-unit',
      ),
    field: /^units\[\d+\]\.staffRules\.allegiance\.owedTo$/,
    message: /unknown unit "no-such-unit"/,
    lineWith: 'no-such-unit',
  },
  {
    name: 'unknown recruitment mode',
    file: 'units.yaml',
    edit: (doc) =>
      doc.setIn(
        [indexOf(doc, 'international-staff'), 'staffRules', 'recruitment', 1, 'mode'],
        'conscription',
      ),
    field: /^units\[\d+\]\.staffRules\.recruitment\[1\]\.mode$/,
    message: /expected one of/i,
    lineWith: 'conscription',
  },
  {
    name: 'staff rule without its sources',
    file: 'units.yaml',
    edit: (doc) =>
      doc.deleteIn([indexOf(doc, 'international-staff'), 'staffRules', 'vacancies', 'sources']),
    field: /^units\[\d+\]\.staffRules\.vacancies\.sources$/,
    message: /required field is missing/,
  },
  {
    name: 'update time without the T',
    file: 'sources.yaml',
    edit: (doc) => doc.setIn([0, 'updated', 'at'], '2011-11-02 16:53'),
    field: 'sources[0].updated.at',
    message: /is not a date and time: expected YYYY-MM-DDTHH:MM/,
    lineWith: '2011-11-02 16:53',
  },
  {
    name: 'impossible update time',
    file: 'sources.yaml',
    edit: (doc) => doc.setIn([0, 'updated', 'at'], '2011-11-02T25:53'),
    field: 'sources[0].updated.at',
    message: /impossible time of day/,
    lineWith: '2011-11-02T25:53',
  },
  {
    name: 'unknown time zone',
    file: 'sources.yaml',
    edit: (doc) => doc.setIn([0, 'updated', 'timeZone'], 'Brussels time'),
    field: 'sources[0].updated.timeZone',
    message: /expected "unknown", a UTC offset/,
    lineWith: 'Brussels time',
  },
  {
    name: 'update before the document’s date',
    file: 'sources.yaml',
    edit: (doc) => doc.setIn([0, 'updated', 'at'], '2010-11-02T16:53'),
    field: 'sources[0].updated.at',
    message: /updated \(2010-11-02T16:53\) is before the document's date \(2011-11-02\)/,
    lineWith: '2010-11-02T16:53',
  },
  {
    name: 'update time quoting words not in the document',
    file: 'sources.yaml',
    edit: (doc) => doc.setIn([0, 'updated', 'sources', 0, 'quote'], 'Mis à jour le: 03-Nov-2011'),
    field: 'sources[0].updated.sources[0].quote',
    message: /quote not found verbatim in source "nato-is-2011-fr"/,
    lineWith: 'Mis à jour le: 03-Nov-2011',
  },
  {
    name: 'support to both a unit and a party',
    file: 'units.yaml',
    edit: (doc) =>
      doc.setIn([indexOf(doc, 'international-staff'), 'supports', 0, 'party'], {
        en: 'the Council',
        fr: 'le Conseil',
      }),
    field: /^units\[\d+\]\.supports\[0\]\.party$/,
    message: /give either unit \(a unit key\) or party/,
  },
  {
    name: 'support to nothing',
    file: 'units.yaml',
    edit: (doc) => doc.deleteIn([indexOf(doc, 'international-staff'), 'supports', 0, 'unit']),
    field: /^units\[\d+\]\.supports\[0\]\.unit$/,
    message: /give either unit \(a unit key\) or party/,
  },
  {
    name: 'support to an unknown unit',
    file: 'units.yaml',
    edit: (doc) =>
      doc.setIn([indexOf(doc, 'international-staff'), 'supports', 0, 'unit'], 'no-such-council'),
    field: /^units\[\d+\]\.supports\[0\]\.unit$/,
    message: /unknown unit "no-such-council"/,
    lineWith: 'no-such-council',
  },
  {
    name: 'a unit supporting itself',
    file: 'units.yaml',
    edit: (doc) =>
      doc.setIn(
        [indexOf(doc, 'international-staff'), 'supports', 0, 'unit'],
        'international-staff',
      ),
    field: /^units\[\d+\]\.supports\[0\]\.unit$/,
    message: /a unit cannot support itself/,
  },
  {
    name: 'event endorsing an unknown document',
    file: 'events.yaml',
    edit: (doc) => doc.addIn([indexOf(doc, 'lisbon-summit'), 'endorses'], 'no-such-concept'),
    field: /^events\[\d+\]\.endorses\[1\]$/,
    message: /unknown document "no-such-concept"/,
    lineWith: 'no-such-concept',
  },
  {
    name: 'event following an unknown document',
    file: 'events.yaml',
    edit: (doc) => doc.setIn([indexOf(doc, 'is-review'), 'followsFrom', 0], 'no-such-concept'),
    field: /^events\[\d+\]\.followsFrom\[0\]$/,
    message: /unknown document "no-such-concept"/,
    lineWith: 'no-such-concept',
  },
  {
    name: 'described document with a cited document’s key',
    file: 'documents.yaml',
    edit: (doc) => doc.setIn([0, 'key'], 'nato-is-2011-fr'),
    field: 'documents[0].key',
    message: /already the key of a cited document in sources\.yaml/,
    lineWith: 'nato-is-2011-fr',
  },
  {
    name: 'commitment quoting words not in the source',
    file: 'documents.yaml',
    edit: (doc) =>
      doc.setIn([0, 'commitments', 0, 'sources', 0, 'quote'], 'un processus de réforme permanente'),
    field: 'documents[0].commitments[0].sources[0].quote',
    message: /quote not found verbatim/,
    lineWith: 'un processus de réforme permanente',
  },
  {
    name: 'end before start',
    file: 'events.yaml',
    edit: (doc) => doc.setIn([indexOf(doc, 'lisbon-summit'), 'endDate'], '2009'),
    field: /^events\[\d+\]\.endDate$/,
    message: /endDate \(2009\) is before date/,
  },
];

describe('a broken seed is refused with a located error', () => {
  it.each(cases)('$name', async (c) => {
    const dir = await broken(c.file, c.edit);
    const issues = await issuesOf(dir);
    const issue = issues.find((i) =>
      typeof c.field === 'string' ? i.field === c.field : c.field.test(i.field),
    );
    expect(issue, JSON.stringify(issues, null, 2)).toBeDefined();
    expect(issue?.message).toMatch(c.message);
    expect(issue?.file).toBe(join(dir, c.file));
    expect(issue?.line).toBeGreaterThan(0);
    if (c.lineWith) {
      // A collision is reported where the second of the two names is written, naming the first.
      const line = await lineOf(dir, c.file, c.lineWith);
      expect(issue?.line === line || issue?.message.includes(`line ${line})`), issue?.message).toBe(
        true,
      );
    }
  });

  it('reports a YAML syntax error with its line', async () => {
    const dir = await seedCopy();
    copies.push(dir);
    await editFile(dir, 'topics.yaml', (text) => `${text}\n- key: [unclosed\n`);
    const [issue] = await issuesOf(dir);
    expect(issue?.file).toBe(join(dir, 'topics.yaml'));
    expect(issue?.message).toMatch(/YAML syntax error/);
    expect(issue?.line).toBeGreaterThan(1);
  });

  it('reports a file that is missing', async () => {
    const dir = await seedCopy();
    copies.push(dir);
    await rm(join(dir, 'events.yaml'));
    const issues = await issuesOf(dir);
    expect(issues).toEqual([
      expect.objectContaining({ file: join(dir, 'events.yaml'), message: 'file not found' }),
    ]);
  });

  it('reports every problem at once, in file order', async () => {
    const dir = await broken('units.yaml', (doc) => {
      doc.setIn([indexOf(doc, 'operations'), 'head'], 'no-such-post');
      doc.setIn([indexOf(doc, 'defence-investment'), 'head'], 'no-such-post-either');
    });
    const issues = await issuesOf(dir);
    expect(issues.map((i) => i.message)).toEqual([
      'unknown post "no-such-post"',
      'unknown post "no-such-post-either"',
    ]);
    expect(issues[0]!.line).toBeLessThan(issues[1]!.line);
  });

  it('accepts a dataset without documents.yaml, which is optional', async () => {
    const dir = await broken('events.yaml', (doc) => {
      doc.deleteIn([indexOf(doc, 'lisbon-summit'), 'endorses']);
      doc.deleteIn([indexOf(doc, 'nato-reform-package'), 'followsFrom']);
      doc.deleteIn([indexOf(doc, 'is-review'), 'followsFrom']);
    });
    await rm(join(dir, 'documents.yaml'));
    const graph = await loadSeed(dir);
    expect(graph.orgDocuments()).toEqual([]);
    expect(graph.counts().documents).toBe(0);
  });

  it('accepts an uncited head where the citation policy is optional', async () => {
    const dir = await broken('units.yaml', (doc) =>
      doc.setIn([indexOf(doc, 'private-office'), 'head'], 'director-private-office'),
    );
    await editFile(dir, 'dataset.yaml', (text) =>
      text.replace('citationPolicy: required', 'citationPolicy: optional'),
    );
    const graph = await loadSeed(dir);
    expect(graph.dataset.citationPolicy).toBe('optional');
    expect(graph.unit('private-office')?.headKey).toBe('director-private-office');
  });

  it('reports a missing quote at every place that cites it', async () => {
    const dir = await broken('units.yaml', (doc) => {
      for (const key of ['operations', 'defence-investment'])
        doc.setIn([indexOf(doc, key), 'sources', 0, 'quote'], 'Division des licornes');
    });
    const fields = (await issuesOf(dir))
      .filter((issue) => /quote not found verbatim/.test(issue.message))
      .map((issue) => issue.field);
    expect(fields).toHaveLength(2);
    expect(new Set(fields).size).toBe(2);
  });

  it('makes one object of equal citations, and keeps apart those that differ', async () => {
    const dir = await broken('units.yaml', (doc) => {
      const operations = indexOf(doc, 'operations');
      const units = doc.toJS() as { sources: object[]; aliases: { sources?: object[] }[] }[];
      const cited = units[operations]?.sources[0] ?? {};
      const before = units[operations]?.aliases[0]?.sources ?? [];
      doc.setIn(
        [operations, 'aliases', 0, 'sources'],
        doc.createNode([...before, cited, { ...cited, locator: 'another place' }]),
      );
    });
    const graph = await loadSeed(dir);
    const operations = graph.unit('operations');
    const [own] = operations?.sources ?? [];
    const aliasSources = operations?.aliases[0]?.sources ?? [];
    const [same, elsewhere] = aliasSources.slice(-2);
    expect(same).toBe(own);
    expect(elsewhere).not.toBe(own);
    expect(elsewhere).toEqual({ ...own, locator: 'another place' });
    const citations = [...graph.citations()];
    const distinct = new Set(
      citations.map((c) => JSON.stringify([c.document.key, c.quote, c.lang, c.locator ?? null])),
    );
    expect(new Set(citations).size).toBe(distinct.size);
  });

  it('shares equal lists of citations, but a link citing its unit’s list still counts it', async () => {
    const plain = await loadSeed(await seedCopy().then((dir) => (copies.push(dir), dir)));
    const dir = await broken('units.yaml', (doc) => {
      const operations = indexOf(doc, 'operations');
      const units = doc.toJS() as { sources: object[]; parent: { unit: string } }[];
      const unit = units[operations];
      doc.setIn(
        [operations, 'parent'],
        doc.createNode({ unit: unit?.parent.unit, sources: unit?.sources }),
      );
      doc.setIn([operations, 'aliases', 0, 'sources'], doc.createNode(unit?.sources));
    });
    const graph = await loadSeed(dir);
    const operations = graph.unit('operations');
    expect(operations?.aliases[0]?.sources).toBe(operations?.sources);
    expect(operations?.parent?.sources).not.toBe(operations?.sources);
    expect(operations?.parent?.sources).toEqual(operations?.sources);
    const given = operations?.sources.length ?? 0;
    expect(given).toBeGreaterThan(0);
    const before = plain.unit('operations');
    const replaced =
      (before?.aliases[0]?.sources.length ?? 0) + (before?.parent?.sources.length ?? 0);
    expect(graph.counts().citations).toBe(plain.counts().citations + 2 * given - replaced);
  });

  it('formats the error as file:line:column: field: message', async () => {
    const dir = await broken('posts.yaml', (doc) => doc.setIn([0, 'unit'], 'no-such-unit'));
    const error = await loadSeed(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedError);
    const line = await lineOf(dir, 'posts.yaml', 'no-such-unit');
    expect((error as Error).message).toContain(`${join(dir, 'posts.yaml')}:${line}:`);
    expect((error as Error).message).toMatch(/posts\[0\]\.unit: unknown unit "no-such-unit"/);
  });
});
