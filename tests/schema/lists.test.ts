/**
 * Lists through the schema: the README's rule names every list field, connections count and page
 * what they hold, `units` filters and orders, and bad arguments are clear errors.
 */
import { readFile } from 'node:fs/promises';
import {
  getNamedType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLOutputType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index';
import { data, defaultGraph, run } from '../kit';

/** The README's section on lists, from its heading to the next. */
async function listsSection(): Promise<string> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('### Lists: pages, filters and order');
  const end = readme.indexOf('\n### ', start + 1);
  return readme.slice(start, end);
}

/** The `Type.field` coordinates (and bare field names) in backticks in a text. */
function coordinates(text: string): Set<string> {
  return new Set([...text.matchAll(/`([A-Za-z]\w*(?:\.\w+)?)`/g)].map((m) => m[1] as string));
}

const unwrap = (t: GraphQLOutputType) => (isNonNullType(t) ? t.ofType : t);

/** Every field returning a list of objects or a connection, by coordinate (DatedView as Query). */
function listFields() {
  const plain = new Set<string>();
  const paged = new Set<string>();
  const unitTypes = new Set(
    schema.getPossibleTypes(schema.getType('OrgUnit') as never).map((t) => t.name),
  );
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    if (/(Connection|Edge)$/.test(type.name) || unitTypes.has(type.name)) continue;
    const owner = type.name === 'DatedView' ? 'Query' : type.name;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      if (field.deprecationReason) continue;
      const t = unwrap(field.type);
      const named = getNamedType(t);
      if (!isListType(t)) {
        if (named.name.endsWith('Connection')) paged.add(`${owner}.${field.name}`);
        continue;
      }
      if (isScalarType(named) || isEnumType(named)) continue;
      plain.add(`${owner}.${field.name}`);
    }
  }
  return { plain, paged };
}

describe('the list rule', () => {
  it('names every connection and every plain list of the schema in the README', async () => {
    const section = await listsSection();
    const connectionsText = section.slice(
      section.indexOf('**Connections**'),
      section.indexOf('**Plain lists**'),
    );
    const plainText = section.slice(
      section.indexOf('**Plain lists**'),
      section.indexOf('A test ('),
    );
    const { plain, paged } = listFields();
    expect(
      [...coordinates(connectionsText)]
        .filter((c) => c.includes('.') && schema.getType(c.split('.')[0] as string))
        .sort(),
    ).toEqual([...paged].sort());
    const named = coordinates(plainText);
    const byName = [...named].filter((c) => !c.includes('.'));
    const unnamed = [...plain].filter(
      (c) => !named.has(c) && !byName.includes(c.split('.')[1] as string),
    );
    expect(unnamed, 'plain lists the README does not name').toEqual([]);
    const stale = [...named].filter((c) => c.includes('.') && !plain.has(c));
    expect(stale, 'named in the README but not plain lists of the schema').toEqual([]);
  });
});

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}

/** Reads a whole connection, `size` items a request, and checks its count on every page. */
async function readAll<T>(query: string, pick: (d: never) => Page<T>, size: number): Promise<T[]> {
  const items: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page<T> = pick((await data(query, { first: size, after })) as never);
    items.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) {
      expect(items).toHaveLength(page.totalCount);
      return items;
    }
    after = page.pageInfo.endCursor;
  }
}

describe('connections', () => {
  const PAGE = 'totalCount pageInfo { hasNextPage endCursor }';
  it.each([
    ['units', 'units', (g: Awaited<ReturnType<typeof defaultGraph>>) => g.units().length],
    ['topics', 'topics', (g: Awaited<ReturnType<typeof defaultGraph>>) => g.topics().length],
    ['posts', 'posts', (g: Awaited<ReturnType<typeof defaultGraph>>) => g.posts().length],
    ['events', 'events', (g: Awaited<ReturnType<typeof defaultGraph>>) => g.events().length],
  ])('page through %s and count them all', async (field, key, count) => {
    const graph = await defaultGraph();
    const query = `query($first: Int, $after: String) { ${field}(first: $first, after: $after) { ${PAGE} nodes { key } } }`;
    const items = await readAll<{ key: string }>(query, (d) => d[key] as never, 3);
    expect(items).toHaveLength(count(graph));
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
  });

  it('count what a unit’s and a topic’s lists hold, whatever the page', async () => {
    const d = await data<{
      unit: Record<string, { totalCount: number; nodes: unknown[] }> & {
        childCount: number;
        descendantCount: number;
      };
      topic: Record<string, { totalCount: number; nodes: unknown[] }>;
    }>(`{
      unit(name: "IS") {
        childCount descendantCount
        units(first: 1) { totalCount nodes { key } }
        descendants(first: 1) { totalCount nodes { depth } }
        siblings(first: 1) { totalCount nodes { key } }
        history(first: 1) { totalCount nodes { key } }
      }
      topic(name: "cyber defence") {
        handledBy(first: 1) { totalCount nodes { key } }
        responsibilities(first: 1) { totalCount nodes { basis } }
      }
    }`);
    expect(d.unit.units!.totalCount).toBe(d.unit.childCount);
    expect(d.unit.descendants!.totalCount).toBe(d.unit.descendantCount);
    expect(d.unit.units!.nodes).toHaveLength(1);
    expect(d.unit.siblings!.totalCount).toBe(2);
    expect(d.unit.history!.totalCount).toBeGreaterThan(1);
    expect(d.topic.handledBy!.totalCount).toBe(1);
    expect(d.topic.responsibilities!.totalCount).toBe(1);
  });

  it('refuses a cursor of a dated view outside it, naming the argument', async () => {
    const d = await data<{ at: { units: { pageInfo: { endCursor: string } } } }>(
      `{ at(date: "2009") { units(first: 2) { pageInfo { endCursor } } } }`,
    );
    const { result } = await run(`query($after: String) { units(after: $after) { totalCount } }`, {
      after: d.at.units.pageInfo.endCursor,
    });
    expect(result.errors?.[0]?.message).toContain('a cursor from the view of 2009');
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'after',
    });
  });
});

describe('units(filter:, orderBy:)', () => {
  it('answers the README’s example', async () => {
    const d = await data<{ units: { totalCount: number; nodes: { name: string }[] } }>(`{
      units(filter: { under: "International Staff", kind: [DIVISION, OFFICE] },
            orderBy: { field: NAME, lang: FR }, first: 5) {
        totalCount pageInfo { hasNextPage endCursor } nodes { name(lang: FR) childCount }
      }
    }`);
    expect(d.units.totalCount).toBe(11);
    const names = d.units.nodes.map((n) => n.name);
    expect(names).toHaveLength(5);
    expect([...names].sort(new Intl.Collator('fr').compare)).toEqual(names);
  });

  it('keeps the deprecated fields answering as their replacements do', async () => {
    const d = await data<{
      divisions: { key: string }[];
      offices: { key: string }[];
      byKind: { nodes: { key: string }[] };
      byFilter: { nodes: { key: string }[] };
      officesPaged: { nodes: { key: string }[] };
      unit: { events: { key: string }[]; history: { nodes: { key: string }[] } };
    }>(`{
      divisions { key } offices { key }
      byKind: units(kind: DIVISION) { nodes { key } }
      byFilter: units(filter: { kind: DIVISION }) { nodes { key } }
      officesPaged: units(filter: { kind: OFFICE }) { nodes { key } }
      unit(name: "IS") { events { key } history(first: 100) { nodes { key } } }
    }`);
    expect(d.byKind.nodes).toEqual(d.divisions);
    expect(d.byFilter.nodes).toEqual(d.divisions);
    expect(d.officesPaged.nodes).toEqual(d.offices);
    expect(d.unit.history.nodes).toEqual(d.unit.events);
  });

  it('filters by a unit named any way, or by its global ID', async () => {
    const ids = await data<{ unit: { id: string } }>(`{ unit(name: "IS") { id } }`);
    for (const under of ['IS', 'international-staff', 'Secrétariat international', ids.unit.id]) {
      const d = await data<{ units: { totalCount: number } }>(
        `query($under: String!) { units(filter: { under: $under }) { totalCount } }`,
        { under },
      );
      expect(d.units.totalCount, under).toBe(16);
    }
  });

  it.each([
    ['{ units(filter: { parent: "Ministry of Magic" }) { totalCount } }', 'filter.parent'],
    ['{ units(filter: { under: "Ministry of Magic" }) { totalCount } }', 'filter.under'],
    ['{ units(filter: { topic: "quidditch" }) { totalCount } }', 'filter.topic'],
    [
      '{ units(filter: { established: { from: "2011", to: "2002" } }) { totalCount } }',
      'filter.established',
    ],
    [`{ units(filter: { text: "${'x'.repeat(201)}" }) { totalCount } }`, 'filter.text'],
    ['{ units(first: 101) { totalCount } }', 'first'],
    ['{ units(last: 0) { totalCount } }', 'last'],
    ['{ units(after: "nonsense") { totalCount } }', 'after'],
  ])('%s is a clear error naming its argument', async (query, argument) => {
    const { result } = await run(query);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: argument,
    });
    expect(result.errors?.[0]?.message).toContain(argument);
    expect(result.errors?.[0]?.message).not.toContain('x'.repeat(50));
  });

  it('refuses an unknown order field or kind as the schema’s own validation error', async () => {
    const { result } = await run('{ units(orderBy: { field: SIZE }) { totalCount } }');
    expect(result.errors?.[0]?.message).toContain('SIZE');
    const kinds = await run('{ units(filter: { kind: [PLANET] }) { totalCount } }');
    expect(kinds.result.errors?.[0]?.message).toContain('PLANET');
  });
});
