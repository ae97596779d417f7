/** Trusted documents: the file builder (npm run trusted-documents) and the mode that uses it. */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print, parse } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/server/config';
import { EXAMPLES } from '../../src/server/examples';
import { GraphStore } from '../../src/server/graph-store';
import { trustedDocuments } from '../../src/cli/trusted-documents';
import { createOrgYoga } from '../../src/server/yoga';
import { COMPANY_DIR, defaultGraph, runCli, seedCopy } from '../kit';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('trusted documents', () => {
  it('keys each document by the hash of its text and of its printed form', () => {
    const text = '{ unit(name: "NOS") {   name } }';
    const documents = trustedDocuments([{ name: 'a.graphql', text }]);
    const printed = print(parse(text));
    expect(documents).toEqual({ [sha256(text)]: text, [sha256(printed)]: printed });
  });

  it('refuses a document the schema does not accept, naming it', () => {
    expect(() => trustedDocuments([{ name: 'bad.graphql', text: '{ nope }' }])).toThrow(
      /bad\.graphql: Cannot query field "nope"/,
    );
    expect(() => trustedDocuments([{ name: 'broken.graphql', text: '{ unit(' }])).toThrow(
      /broken\.graphql: Syntax Error/,
    );
  });

  it('checks against another dataset’s schema with --seed, its own tabs by default', async () => {
    const { code, stdout } = await runCli('trusted-documents', '--seed', COMPANY_DIR);
    expect(code).toBe(0);
    const texts = Object.values(JSON.parse(stdout) as Record<string, string>);
    expect(texts.some((t) => t.includes('query UnitsByKind'))).toBe(true);
    const dir = await mkdtemp(join(tmpdir(), 'orggraph-trusted-'));
    dirs.push(dir);
    const nato = join(dir, 'nato-only.graphql');
    await writeFile(nato, '{ divisions { name } }');
    const refused = await runCli('trusted-documents', '--seed', COMPANY_DIR, nato);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Cannot query field "divisions"/);
  });

  it('lets a production server run the examples by id, and nothing else', async () => {
    const dir = await seedCopy();
    dirs.push(dir);
    const file = join(dir, 'trusted.json');
    await writeFile(
      file,
      JSON.stringify(trustedDocuments(EXAMPLES.map((e) => ({ name: e.title, text: e.query })))),
    );
    const yoga = createOrgYoga({
      store: new GraphStore(await defaultGraph()),
      config: defaultConfig({ mode: 'production', trustedDocuments: file }),
      logging: false,
    });
    const send = async (body: unknown) => {
      const response = await yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as { errors?: unknown[] } };
    };
    for (const example of EXAMPLES) {
      const byId = await send({
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256(example.query) } },
      });
      expect(byId.status, example.title).toBe(200);
      expect(byId.body.errors, example.title).toBeUndefined();
    }
    const arbitrary = await send({ query: EXAMPLES[0]?.query });
    expect(arbitrary.status).toBe(400);
  });
});
