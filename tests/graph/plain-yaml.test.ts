/**
 * The fast reader of plain block YAML must give exactly what js-yaml gives, or decline: a file it
 * reads wrongly would be served wrongly, and one it reads that js-yaml refuses would hide an error.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { generateOrgInTemp } from '../../src/cli/seed-generate';
import { seedSchemasOf } from '../../src/graph/load-seed';
import { readPlainYaml, SharedTexts } from '../../src/graph/plain-yaml';
import { DEFAULT_SEED_DIR } from '../../src/graph/project-paths';
import { parseSeedFile } from '../../src/graph/seed-file';

/** What js-yaml makes of `text` as the seed reader calls it, or `refused`. */
function jsYaml(text: string): { value: unknown } | 'refused' {
  try {
    return { value: load(text, { schema: CORE_SCHEMA, maxAliases: 100 }) };
  } catch {
    return 'refused';
  }
}

/** Fails unless the fast reader declines `text` or reads it as js-yaml does. */
function expectSameOrDeclined(text: string): 'read' | 'declined' {
  const fast = readPlainYaml(Buffer.from(text, 'utf8'));
  if (fast === undefined) return 'declined';
  const reference = jsYaml(text);
  if (reference === 'refused')
    throw new Error(`read what js-yaml refuses: ${JSON.stringify(text)}`);
  if (!isDeepStrictEqual(fast.value, reference.value))
    throw new Error(
      `read ${JSON.stringify(text)} as ${JSON.stringify(fast.value)}, js-yaml as ${JSON.stringify(reference.value)}`,
    );
  return 'read';
}

describe('reading plain block YAML', () => {
  it.each([
    ['a mapping', 'key: value\nother: 2\n'],
    ['a list of mappings', '- key: a\n  n: 1\n- key: b\n  n: 2\n'],
    ['nested blocks', 'a:\n  b:\n    c: d\n  e:\n    - 1\n    - x\n'],
    ['a list under a key at its indent', 'a:\n- 1\n- 2\nb: c\n'],
    ['an item holding a block', '-\n  a: 1\n- 2\n'],
    ['empty values', 'a:\nb: ~\nc: null\n- \n'.replace('- \n', 'd:\n')],
    [
      'core-schema scalars',
      'a: 1\nb: -2\nc: 0x1F\nd: 0o17\ne: 1.5e3\nf: .inf\ng: -.Inf\nh: .NaN\ni: true\nj: False\nk: +7\nl: 007\n',
    ],
    [
      'strings that only look special',
      'a: 2020-01-01\nb: 12:30\nc: on\nd: yes\ne: 1_000\nf: -x\ng: a#b\nh: x:y\ni: http://a.b/c?d=e\n',
    ],
    ['comments', '# head\na: 1 # trailing\n\n  # indented\nb: x\n'],
    ['quoted scalars', "a: 'it''s'\nb: \"dq\"\nc: '1'\nd: ''\ne: \"\"\nf: 'a # b'\n"],
    ['empty flow collections', 'a: []\nb: {}\n'],
    ['text beyond ASCII', 'fr: Cyberdéfense stratégique\nœ: x\nja: 日本\n'.replace('œ: x\n', '')],
    ['Windows line ends', 'a: 1\r\nb:\r\n  - x\r\n'],
    ['no final line end', 'a: 1\nb: 2'],
    ['spaces inside and after', 'a: two  spaces   \nb: x  \n'],
  ])('reads %s as js-yaml does', (_, text) => {
    expect(expectSameOrDeclined(text)).toBe('read');
  });

  it.each([
    ['a block scalar', 'a: |\n  text\n'],
    ['a folded scalar', 'a: >\n  text\n'],
    ['a flow sequence', 'a: [1, 2]\n'],
    ['a flow mapping', 'a: {b: 1}\n'],
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['an escape in double quotes', 'a: "x\\ny"\n'],
    ['a quote across lines', "a: 'one\n  two'\n"],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a quoted key', "'a': 1\n"],
    ['a key that is a number', '1: x\n'],
    ['a key that is a boolean', 'true: x\n'],
    ['__proto__', '__proto__: x\n'],
    ['a tab', 'a:\tb\n'],
    ['a document marker', '---\na: 1\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a mapping value on a mapping line', 'a: b: c\n'],
    ['a sequence on a key line', 'a: - b\n'],
    ['a scalar ending in a colon', 'a: b:\n'],
    ['an odd indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a BOM', '\uFEFFa: 1\n'],
    ['a NEL', 'a: x\u0085y\n'],
    ['a control character', 'a: x\u0007y\n'],
    ['a line separator', 'a: x\u2028y\n'],
    ['an empty file', ''],
    ['a scalar document', 'just text\n'],
    ['a lone carriage return', 'a: 1\rb: 2\n'],
    ['a comment without a space', "a: 'x'#c\n"],
  ])('declines %s', (_, text) => {
    expect(readPlainYaml(Buffer.from(text, 'utf8'))).toBeUndefined();
  });

  it('agrees with js-yaml on thousands of made-up documents, or declines them', () => {
    // A small grammar of block YAML, mixing what the reader takes with what it must decline.
    let state = 20261203;
    const random = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    const pick = <T>(list: readonly T[]): T => list[random(list.length)] as T;
    const keys = [
      'a',
      'name',
      'kind',
      'x1',
      '_k',
      'a-b',
      'true',
      'null',
      'on',
      'Yes',
      '1a',
      'é',
      'constructor',
      'toString',
    ];
    const scalars = [
      'word',
      'two words',
      '1',
      '-2',
      '0x1F',
      '0o7',
      '1e3',
      '.5',
      '.inf',
      '-.Inf',
      '.NaN',
      'true',
      'False',
      'NULL',
      '~',
      '2020-01-01',
      '12:30',
      '+1',
      '0',
      '00',
      '1_000',
      '-x',
      '?x',
      ':x',
      'a:b',
      'a #c',
      'a#b',
      "'quoted'",
      "'it''s'",
      '"dq"',
      '"esc\\t"',
      '[]',
      '{}',
      '[a]',
      '&a x',
      '*a',
      '!t x',
      '|',
      '>',
      'café naïve',
      'x  y',
      'trailing  ',
      "'open",
      '"open',
      '%x',
      '@x',
      '`x',
      'a: b',
      '- x',
      '',
      '#',
      'x # y',
      "'a' # b",
      '"b"#c',
      'ça',
      '-',
      '--',
      '---',
    ];
    const node = (indent: number, depth: number): string[] => {
      const pad = ' '.repeat(indent);
      const lines: string[] = [];
      const asList = random(2) === 0;
      for (let n = 1 + random(3); n > 0; n--) {
        const head = asList ? `${pad}-` : `${pad}${pick(keys)}:`;
        const kind = depth > 2 ? 0 : random(4);
        if (kind === 0) lines.push(`${head} ${pick(scalars)}`.trimEnd());
        else if (kind === 1) lines.push(head, ...node(indent + pick([0, 1, 2, 4]), depth + 1));
        else if (kind === 2 && asList) {
          const inner = node(indent + 2, depth + 1);
          lines.push(`${head} ${(inner[0] ?? '').trimStart()}`, ...inner.slice(1));
        } else lines.push(`${head}`);
        if (random(8) === 0) lines.push(pick(['', '# note', `${pad}# note`, '   ']));
      }
      return lines;
    };
    const outcomes = { read: 0, declined: 0 };
    for (let i = 0; i < 4000; i++) {
      let text = `${node(0, 0).join('\n')}\n`;
      if (random(10) === 0) text = text.replaceAll('\n', '\r\n');
      outcomes[expectSameOrDeclined(text)]++;
    }
    // Both kinds occur, so the comparison is not vacuous.
    expect(outcomes.read).toBeGreaterThan(500);
    expect(outcomes.declined).toBeGreaterThan(500);
  });

  it('reads a generated organisation as js-yaml does, whole and in pieces', async () => {
    const org = await generateOrgInTemp({ units: 400 });
    for (const file of (await readdir(org.dir)).filter((f) => f.endsWith('.yaml'))) {
      const bytes = await readFile(join(org.dir, file));
      const fast = readPlainYaml(bytes);
      // What seed:generate writes is plain: the fast reader must take it, or large starts slow down.
      expect(fast, file).toBeDefined();
      expect(isDeepStrictEqual(fast?.value, load(bytes.toString('utf8'))), file).toBe(true);
    }
    const { unitsFile } = seedSchemasOf();
    const bytes = await readFile(join(org.dir, 'units.yaml'));
    const whole = parseSeedFile('units.yaml', 'units', bytes, unitsFile);
    const inPieces = parseSeedFile('units.yaml', 'units', bytes, unitsFile, 4096);
    if (!('file' in whole) || !('file' in inPieces))
      throw new Error('the generated units do not parse');
    expect(inPieces.file.data).toStrictEqual(whole.file.data);
    expect(inPieces.file.issue([57, 'parent'], 'x')).toEqual(whole.file.issue([57, 'parent'], 'x'));
  });

  it('agrees with js-yaml on a generated file with one line damaged, or declines it', async () => {
    const org = await generateOrgInTemp({ units: 30 });
    const lines = (await readFile(join(org.dir, 'units.yaml'), 'utf8')).split('\n');
    let state = 7;
    const random = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    const inserts = [' ', ':', ': ', '#', ' #', '-', '- ', "'", '"', '\t', '{', '&', 'é', '\r'];
    const outcomes = { read: 0, declined: 0 };
    for (let i = 0; i < 600; i++) {
      const damaged = [...lines];
      const at = random(lines.length);
      const line = damaged[at] ?? '';
      const where = random(line.length + 1);
      damaged[at] =
        random(3) === 0
          ? line.slice(random(3)) // indentation lost
          : line.slice(0, where) + (inserts[random(inserts.length)] ?? '') + line.slice(where);
      outcomes[expectSameOrDeclined(damaged.join('\n'))]++;
    }
    expect(outcomes.read).toBeGreaterThan(100);
    expect(outcomes.declined).toBeGreaterThan(100);
  });

  it('holds each word-like string once across the pieces of a file', () => {
    const shared = new SharedTexts();
    const a = readPlainYaml(Buffer.from('- parent: some-long-unit-key-1\n'), shared);
    const b = readPlainYaml(Buffer.from('- parent: some-long-unit-key-1\n  x: y z\n'), shared);
    const first = (r: typeof a) =>
      ((r?.value as { parent: string }[])[0] as { parent: string }).parent;
    expect(first(a)).toBe('some-long-unit-key-1');
    expect(first(b)).toBe(first(a));
  });

  it('reads every seed file of the default dataset as js-yaml does, or declines it', async () => {
    for (const file of (await readdir(DEFAULT_SEED_DIR)).filter((f) => f.endsWith('.yaml'))) {
      expectSameOrDeclined(await readFile(join(DEFAULT_SEED_DIR, file), 'utf8'));
    }
  });

  it('leaves a problem in a plain file placed at its line', async () => {
    const org = await generateOrgInTemp({ units: 60 });
    const text = await readFile(join(org.dir, 'units.yaml'), 'utf8');
    const lines = text.split('\n');
    const at = lines.findIndex((l, i) => i > 20 && /^ {2}kind: /.test(l));
    lines[at] = '  kind: palace';
    const result = parseSeedFile(
      'units.yaml',
      'units',
      Buffer.from(lines.join('\n')),
      seedSchemasOf().unitsFile,
    );
    expect('issues' in result && result.issues[0]).toMatchObject({
      line: at + 1,
      field: expect.stringMatching(/\.kind$/),
    });
  });
});
