/**
 * Analyst queries: how long the graph index takes to build, and a path, a neighbourhood, a
 * dated view and an export take once it is built. `npm run bench`; never part of `npm test`.
 */
import { bench, describe } from 'vitest';
import { coverageOf, graphAt } from '../../src/graph/as-of';
import { exportGraph } from '../../src/graph/export/formats';
import { buildGraphIndex } from '../../src/graph/graph-index';
import { neighbourhood } from '../../src/graph/neighbourhood';
import { parsePartialDate, type PartialDate } from '../../src/graph/partial-date';
import { shortestPath } from '../../src/graph/path';
import { nodeNamed } from '../../src/graph/node-by-name';
import { data, defaultGraph } from '../../tests/kit';

const graph = await defaultGraph();
const ola = nodeNamed(graph, 'Office of Legal Affairs')!;
const nos = nodeNamed(graph, 'NOS')!;
const esc = nodeNamed(graph, 'ESC')!;
const date = (text: string) => parsePartialDate(text) as PartialDate;
let day = 0;

describe('traversal', () => {
  bench('build the graph index of the whole graph', () => {
    const steps = buildGraphIndex(graph);
    while (steps.next().done !== true);
  });
  bench('path OLA → NOS over every kind of edge', () => {
    shortestPath(graph, ola, nos);
  });
  bench('neighbourhood of ESC at depth 2', () => {
    neighbourhood(graph, esc, 2);
  });
});

describe('time', () => {
  bench('build a view at a new date (uncached)', () => {
    // 708 distinct months, more than the 256 dates cached: every call builds a new view.
    day = (day + 1) % 708;
    const g = graphAt(
      graph,
      date(`${1952 + Math.floor(day / 12)}-${String((day % 12) + 1).padStart(2, '0')}`),
    );
    coverageOf(g);
  });
  bench('GraphQL: the structure as of 2009-06-01', async () => {
    await data(`{ at(date: "2009-06-01") { coverage { notes } divisions { name }
      internationalStaff { units { name validity { validFrom } } } } }`);
  });
});

describe('exports', () => {
  bench('JSON-LD of the whole graph', () => {
    exportGraph(graph, 'jsonld', { lang: 'en', base: 'urn:x:' });
  });
  bench('DOT of the whole graph', () => {
    exportGraph(graph, 'dot', { lang: 'en', base: 'urn:x:' });
  });
});
