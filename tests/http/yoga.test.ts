/** The HTTP surface, driven through yoga.fetch (no socket). */
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/server/examples';
import type { OrgYoga } from '../../src/server/yoga';
import { post, testYoga } from '../kit';

let yoga: OrgYoga;
beforeAll(async () => {
  yoga = await testYoga();
});

describe('over HTTP', () => {
  it.each(['cyber defence', 'Cyber-Defense', 'cyberdéfense'])(
    'POST: who handles "%s"? the Emerging Security Challenges Division',
    async (topic) => {
      const { status, body } = await post(
        yoga,
        `query($t: String!) { whoHandles(topic: $t) { name } }`,
        { t: topic },
      );
      expect(status).toBe(200);
      expect(body).toEqual({
        data: { whoHandles: [{ name: 'Emerging Security Challenges Division' }] },
      });
    },
  );

  it.each([
    'NATO Security Office',
    'NOS',
    'Bureau de sécurité de l’OTAN',
    'NATO Office of Security',
  ])('GET: the reporting line of "%s"', async (unit) => {
    const query = `query($u: String!) { reportingLine(unit: $u) { name } }`;
    const url = `http://yoga/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify({ u: unit }))}`;
    const response = await yoga.fetch(url, {
      headers: { accept: 'application/graphql-response+json' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: {
        reportingLine: [
          { name: 'NATO Office of Security' },
          { name: 'International Staff' },
          { name: 'Secretary General' },
        ],
      },
    });
  });

  it('answers in French for Accept-Language: fr', async () => {
    const { body } = await post(yoga, `{ unit(name: "NOS") { name } }`, undefined, {
      'accept-language': 'fr-BE,fr;q=0.9,en;q=0.5',
    });
    expect(body.data).toEqual({ unit: { name: "Bureau de sécurité de l'OTAN" } });
    const english = await post(yoga, `{ unit(name: "NOS") { name } }`, undefined, {
      'accept-language': 'de, en;q=0.5',
    });
    expect(english.body.data).toEqual({ unit: { name: 'NATO Office of Security' } });
  });

  it('runs every GraphiQL example without errors', async () => {
    for (const example of EXAMPLES) {
      const { status, body } = await post(yoga, example.query);
      expect(status, example.title).toBe(200);
      expect(body.errors, example.title).toBeUndefined();
    }
  });

  it('serves GraphiQL, bundled (no CDN), with the example tabs', async () => {
    const response = await yoga.fetch('http://yoga/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('WhoHandlesCyberDefence');
    expect(html).toContain('ReportingLine');
    expect(html).toContain('query Structure');
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    expect(html).not.toContain('unpkg.com');
  });

  it('reports liveness and readiness with the dataset version', async () => {
    expect((await yoga.fetch('http://yoga/healthz')).status).toBe(200);
    const ready = await yoga.fetch('http://yoga/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      dataset: 'nato-international-staff',
      version: expect.stringMatching(/^[0-9a-f]{12}$/),
    });
  });

  it('returns a GraphQL error, not a crash, for a malformed query', async () => {
    const { status, body } = await post(yoga, `{ unit(name: ) { name }`, undefined, {
      accept: 'application/graphql-response+json',
    });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/Syntax Error/);
  });
});
