/**
 * The schema changes on purpose: every change that could break a client, from the schema the
 * unreleased changes are counted from (schema/baseline.graphql) and from the checked-in
 * schema/schema.graphql to the schema the code builds, is listed under Breaking in CHANGELOG.md.
 */
import { readFile } from 'node:fs/promises';
import { buildSchema as schemaOfSdl } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  breakingChanges,
  isListed,
  unreleasedBreakingSection,
} from '../../src/schema/breaking-changes';
import { schema } from '../../src/schema/index';

const read = (path: string) => readFile(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('breaking changes of the schema', () => {
  it.each(['schema/baseline.graphql', 'schema/schema.graphql'])(
    'from %s are each listed under Breaking in CHANGELOG.md',
    async (file) => {
      const before = schemaOfSdl(await read(file));
      const section = unreleasedBreakingSection(await read('CHANGELOG.md'));
      const unlisted = breakingChanges(before, schema)
        .filter((change) => !isListed(change, section, schema))
        .map((change) => change.description);
      expect(unlisted, 'add each to CHANGELOG.md, [Unreleased], Breaking').toEqual([]);
    },
  );

  it('finds a breaking change the changelog does not list, and accepts it once listed', () => {
    const before = schemaOfSdl('type Query { units: [String!]! other: Int }');
    const after = schemaOfSdl('type Query { units: String other: Int }');
    const changes = breakingChanges(before, after);
    expect(changes.map((c) => c.coordinate)).toEqual(['Query.units']);
    const changelog = (breaking: string) =>
      `# Changelog\n\n## [Unreleased]\n\n### Breaking\n\n${breaking}\n### Added\n\n- \`Query.units\` new\n\n## [0.1.0]\n\n### Breaking\n\n- \`Query.units\`\n`;
    const unlisted = unreleasedBreakingSection(changelog('- `Query.other` changed\n'));
    expect(isListed(changes[0]!, unlisted, after)).toBe(false);
    const listed = unreleasedBreakingSection(changelog('- `Query.units(first:)` is a page\n'));
    expect(isListed(changes[0]!, listed, after)).toBe(true);
  });

  it('counts a field listed on an interface for every type implementing it', () => {
    const sdl = (t: string) =>
      schemaOfSdl(
        `interface Unit { units: ${t} } type Office implements Unit { units: ${t} } type Query { u: Unit }`,
      );
    const changes = breakingChanges(sdl('[Int]'), sdl('Int'));
    expect(changes.map((c) => c.coordinate).sort()).toEqual(['Office.units', 'Unit.units']);
    expect(changes.every((c) => isListed(c, '- `Unit.units` is a page', sdl('Int')))).toBe(true);
  });
});
