/**
 * The server serves whichever dataset it is given with that dataset's schema: through yoga and the
 * fast lane alike, with GraphiQL tabs built from its own data, `Accept-Language` negotiated among
 * its languages, and a reload that changes the kinds swapping schema and graph together.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../src/graph/load-seed';
import { EXAMPLES, examplesFor } from '../../src/server/examples';
import { GraphStore } from '../../src/server/graph-store';
import { createOrgYoga } from '../../src/server/yoga';
import { startServer, postJson } from '../http-kit';
import { COMPANY_DIR, defaultGraph, post } from '../kit';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function companyCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'orggraph-served-'));
  dirs.push(dir);
  await cp(COMPANY_DIR, dir, { recursive: true });
  return dir;
}

describe('GraphiQL’s tabs', () => {
  it('are the NATO tabs for the default dataset', async () => {
    expect(examplesFor(await defaultGraph())).toBe(EXAMPLES);
  });

  it('are built from another dataset’s own units, topics and kinds, and all answer', async () => {
    const graph = await loadSeed(COMPANY_DIR);
    const examples = examplesFor(graph);
    const text = examples.map((e) => `${e.title}\n${e.query}`).join('\n');
    expect(text).toContain('whoHandles(topic: "payroll")');
    expect(text).toContain('reportingLine(unit: "Payroll Team")');
    expect(text).toContain('unit(name: "Salaries Office")');
    expect(text).toContain('units(filter: { kind: DEPARTMENT }');
    expect(text).not.toMatch(/NATO|cyber defence|DIVISION/);
    const yoga = createOrgYoga({ store: new GraphStore(graph), logging: false });
    for (const example of examples) {
      const { status, body } = await post(yoga, example.query);
      expect(status, example.title).toBe(200);
      expect(body.errors, example.title).toBeUndefined();
    }
    const page = await yoga.fetch('http://yoga/graphql', { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(html).toContain('query UnitsByKind');
    expect(html).not.toContain('WhoHandlesCyberDefence');
  });
});

describe('a dataset served over HTTP', () => {
  it('answers with its own schema on the fast lane, in its only language', async () => {
    const server = await startServer({ seedDir: COMPANY_DIR });
    try {
      const reply = await postJson(
        server.port,
        { query: '{ teams: units(filter: { kind: TEAM }) { totalCount nodes { __typename } } }' },
        { 'accept-language': 'fr' },
      );
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.text)).toEqual({
        data: {
          teams: {
            totalCount: 3,
            nodes: [{ __typename: 'Team' }, { __typename: 'Team' }, { __typename: 'Team' }],
          },
        },
      });
      const name = await postJson(
        server.port,
        { query: '{ organization { name } }' },
        { 'accept-language': 'fr' },
      );
      expect(JSON.parse(name.text)).toEqual({
        data: { organization: { name: 'Example Widgets Ltd' } },
      });
      const nato = await postJson(server.port, { query: '{ divisions { name } }' });
      expect(nato.text).toMatch(/Cannot query field \\"divisions\\"/);
    } finally {
      await server.close();
    }
  });

  it('swaps schema and graph together when a reload changes the kinds', async () => {
    const dir = await companyCopy();
    const server = await startServer({ seedDir: dir, responseCache: true });
    const query = { query: '{ units(filter: { kind: TEAM }, first: 1) { nodes { __typename } } }' };
    try {
      const before = await postJson(server.port, query);
      expect(JSON.parse(before.text)).toEqual({
        data: { units: { nodes: [{ __typename: 'Team' }] } },
      });
      const path = join(dir, 'dataset.yaml');
      await writeFile(
        path,
        (await readFile(path, 'utf8')).replace('typeName: Team', 'typeName: Squad'),
      );
      expect(await server.reload('test')).toBe(true);
      // The same request, answered again: not from the cache, and by the new schema.
      const after = await postJson(server.port, query);
      expect(JSON.parse(after.text)).toEqual({
        data: { units: { nodes: [{ __typename: 'Squad' }] } },
      });
      const old = await postJson(server.port, {
        query: '{ node(id: "x") { ... on Team { key } } }',
      });
      expect(old.text).toMatch(/Unknown type \\"Team\\"/);
    } finally {
      await server.close();
    }
  });
});
