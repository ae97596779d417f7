/**
 * Time travel has one mechanism (read-fields.ts): every root field that reads the graph exists on
 * Query and on DatedView, and below them every field reads the graph of its parent record. These
 * tests fail when a field escapes it: a root field declared on Query alone, a resolver reading the
 * request's graph from the context, a node of a view with today's identity.
 */
import { readdir, readFile } from 'node:fs/promises';
import { execute, isObjectType, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphAt } from '../../src/graph/as-of';
import { parsePartialDate, type PartialDate } from '../../src/graph/partial-date';
import { createContext } from '../../src/schema/context';
import { withInputErrors } from '../../src/schema/errors';
import { schema } from '../../src/schema/index';
import { EXAMPLES } from '../../src/server/examples';
import { data, defaultGraph } from '../kit';

const DATE = '2009-06-01';
/** Query's fields that are not read fields: object identification, what is served, a period. */
const NOT_DATED = ['changes', 'dataset', 'node', 'nodes'];

describe('the dated view', () => {
  it('has every read field of Query, and its date', () => {
    const query = Object.keys(schema.getQueryType()?.getFields() ?? {}).sort();
    const datedView = schema.getType('DatedView');
    const view = Object.keys(isObjectType(datedView) ? datedView.getFields() : {}).sort();
    expect(view).toEqual([...query.filter((f) => !NOT_DATED.includes(f)), 'date'].sort());
  });

  it('is the only way a resolver reaches a graph: no schema module reads the context’s root', async () => {
    const dir = new URL('../../src/schema/', import.meta.url);
    // The dataset served, a view's coverage, and an ID's own date are about the loaded graph.
    const readsTheLoadedGraph = ['dataset.ts', 'dated-view.ts', 'node.ts'];
    for (const file of await readdir(dir)) {
      if (!file.endsWith('.ts') || file === 'context.ts') continue;
      const text = await readFile(new URL(file, dir), 'utf8');
      expect(text, file).not.toMatch(/ctx\.root|context\.root/);
      if (!readsTheLoadedGraph.includes(file)) expect(text, file).not.toMatch(/\.base\b/);
    }
  });

  // Each example's selection, asked under at(date:) with the request on today's graph, answers as
  // the same selection asked of the dated graph itself: a field reading any other graph than its
  // parent's would show today's data under the view.
  const dated = EXAMPLES.filter((e) => {
    const op = parse(e.query).definitions[0] as OperationDefinitionNode;
    return op.selectionSet.selections.every(
      (s) => s.kind === 'Field' && !NOT_DATED.includes(s.name.value) && s.name.value !== 'at',
    );
  });

  it.each(dated.map((e) => [e.title, e.query]))(
    'answers "%s" under at(date:) as the graph of that date does',
    async (_, query) => {
      const graph = await defaultGraph();
      const view = graphAt(graph, parsePartialDate(DATE) as PartialDate);
      const op = parse(query).definitions[0] as OperationDefinitionNode;
      const selection = query.slice(op.selectionSet.loc?.start ?? 0, op.selectionSet.loc?.end);
      const underAt = await execute({
        schema,
        document: parse(`{ at(date: "${DATE}") ${selection} }`),
        contextValue: createContext(graph),
        rootValue: createContext(graph).root,
      });
      const ofView = await execute({
        schema,
        document: parse(`{ ${selection.slice(1, -1)} }`),
        contextValue: createContext(view),
        rootValue: createContext(view).root,
      });
      // Errors are the same but for their path, which starts at `at` under the view.
      const messages = (r: typeof underAt) => withInputErrors(r).errors?.map((e) => e.message);
      expect(underAt.data ?? null).toEqual(ofView.data ? { at: ofView.data } : null);
      expect(messages(underAt)).toEqual(messages(ofView));
    },
  );

  it('gives a node of a view its own ID, and node(id:) brings it back in its view', async () => {
    const d = await data<{
      today: { id: string; childCount: number };
      past: { internationalStaff: { id: string; childCount: number } };
    }>(`{ today: internationalStaff { id childCount }
          past: at(date: "${DATE}") { internationalStaff { id childCount } } }`);
    expect(d.past.internationalStaff.id).not.toBe(d.today.id);
    const again = await data<{ a: { childCount: number }; b: { childCount: number } }>(
      `query($a: ID!, $b: ID!) {
        a: node(id: $a) { ... on OrgUnit { childCount } }
        b: node(id: $b) { ... on OrgUnit { childCount } } }`,
      { a: d.today.id, b: d.past.internationalStaff.id },
    );
    expect(again).toEqual({
      a: { childCount: d.today.childCount },
      b: { childCount: d.past.internationalStaff.childCount },
    });
    expect(d.past.internationalStaff.childCount).toBe(d.today.childCount - 1);
  });

  it('keeps undated IDs as they were: base64 of "Type:key"', async () => {
    const d = await data<{ unit: { id: string } }>(`{ unit(name: "NOS") { id } }`);
    expect(Buffer.from(d.unit.id, 'base64').toString()).toBe('Office:nato-office-of-security');
  });
});
