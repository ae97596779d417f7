/**
 * A seed file too large for one string is read in pieces; the result, and where its problems are
 * placed, must be the same as reading it whole.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load, type YAMLException } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { seedSchemasOf } from '../../src/graph/load-seed';
import { parseSeedFile } from '../../src/graph/seed-file';
import { DEFAULT_SEED_DIR } from '../../src/graph/project-paths';

const { unitsFile } = seedSchemasOf();

const units = () => readFile(join(DEFAULT_SEED_DIR, 'units.yaml'));
const whole = (bytes: Buffer) => parseSeedFile('units.yaml', 'units', bytes, unitsFile);
/** Pieces of about 2 kB: the default dataset's units file is cut some twenty times. */
const inPieces = (bytes: Buffer) => parseSeedFile('units.yaml', 'units', bytes, unitsFile, 2048);

describe('a seed file read in pieces', () => {
  it('gives the same records as read whole', async () => {
    const bytes = await units();
    const a = whole(bytes);
    const b = inPieces(bytes);
    if (!('file' in a) || !('file' in b)) throw new Error('the default units do not parse');
    expect(b.file.data).toEqual(a.file.data);
    expect(b.file.issue([12, 'parent'], 'x')).toEqual(a.file.issue([12, 'parent'], 'x'));
    expect(b.file.issue([19, 'sources', 0, 'quote'], 'x')).toEqual(
      a.file.issue([19, 'sources', 0, 'quote'], 'x'),
    );
  });

  it('places a bad value at the same line as read whole', async () => {
    const text = (await units()).toString('utf8').replace('kind: office', 'kind: palace');
    const a = whole(Buffer.from(text));
    const b = inPieces(Buffer.from(text));
    expect('issues' in b && b.issues).toEqual('issues' in a && a.issues);
    expect('issues' in b && b.issues[0]?.message).toMatch(/palace|expected one of/);
  });

  it('reports a syntax error at its line in the whole file', async () => {
    const lines = (await units()).toString('utf8').split('\n');
    const at = lines.length - 5;
    lines[at] = '  name: [unclosed';
    const result = inPieces(Buffer.from(lines.join('\n')));
    expect('issues' in result && result.issues[0]).toMatchObject({
      line: expect.any(Number),
      message: expect.stringMatching(/^YAML syntax error/),
    });
    // Where js-yaml, reading the whole text, notices the error.
    let expected = 0;
    try {
      load(lines.join('\n'));
    } catch (error) {
      expected = ((error as YAMLException).mark?.line ?? -1) + 1;
    }
    expect(expected).toBeGreaterThan(at);
    expect('issues' in result && result.issues[0]?.line).toBe(expected);
  });
});
