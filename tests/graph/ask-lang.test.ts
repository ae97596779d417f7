/** The language files of `ask`: every one loads, and a broken one is refused with its place. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkLanguageFile, languages } from '../../src/graph/ask/language';

const en = () =>
  parse(readFileSync(new URL('../../src/graph/ask/lang/en.yaml', import.meta.url), 'utf8'));

describe('ask language files', () => {
  it('loads English and French, each with patterns for every intent', () => {
    const all = languages();
    expect([...all.keys()]).toEqual(['en', 'fr']);
    for (const l of all.values()) expect(l.patterns.length).toBeGreaterThan(200);
  });

  it('refuses a malformed pattern, naming the file and the key', () => {
    const file = en();
    file.patterns.WHO_HANDLES[0] = 'who (handles {topic}';
    expect(() => checkLanguageFile('en.yaml', file)).toThrow(
      /en\.yaml: patterns\.WHO_HANDLES\[0\]: unclosed/,
    );
  });

  it('refuses a file without one of the sentences', () => {
    const file = en();
    delete file.templates['head.found'];
    expect(() => checkLanguageFile('en.yaml', file)).toThrow(/en\.yaml: templates\.head\.found/);
  });

  it('refuses an unknown class or slot', () => {
    const file = en();
    file.patterns.HEAD[0] = '<nosuch> {unit}';
    expect(() => checkLanguageFile('en.yaml', file)).toThrow(/unknown class <nosuch>/);
    file.patterns.HEAD[0] = 'who heads {place}';
    expect(() => checkLanguageFile('en.yaml', file)).toThrow(/unknown slot \{place\}/);
  });
});
