import { describe, expect, it } from 'vitest';
import { testYoga } from '../kit';

const get = async (path: string, headers: Record<string, string> = {}) =>
  (await testYoga()).fetch(`http://yoga${path}`, { headers });

describe('GET /export/*', () => {
  it.each([
    ['/export/org.jsonld', 'application/ld+json'],
    ['/export/popolo.json', 'application/json'],
    ['/export/org.mmd', 'text/vnd.mermaid'],
    ['/export/org.dot', 'text/vnd.graphviz'],
  ])('%s downloads as %s', async (path, type) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
    expect((await response.text()).length).toBeGreaterThan(500);
  });

  it('takes lang and asOf', async () => {
    const body = await (await get('/export/popolo.json?lang=fr&asOf=2009-06-01')).json();
    const ids = body.organizations.map((o: { id: string }) => o.id);
    expect(ids).not.toContain('emerging-security-challenges');
    expect(body.meta.as_of).toBe('2009-06-01');
    expect(body.organizations[0].name).toBe("Organisation du Traité de l'Atlantique Nord");
  });

  it('names nodes after the server it is served from', async () => {
    const body = await (await get('/export/org.jsonld')).json();
    expect(body['@graph'][1]['@id']).toBe('http://yoga/id/unit/nato');
  });

  it('follows Accept-Language when lang is absent', async () => {
    const mmd = await (await get('/export/org.mmd', { 'accept-language': 'fr' })).text();
    expect(mmd).toContain('Secrétariat international');
  });

  it.each([
    ['/export/org.dot?lang=de', 400, 'lang must be "en" or "fr"'],
    ['/export/org.dot?asOf=2011-02-30', 400, 'asOf: "2011-02-30" has an impossible day'],
    ['/export/org.pdf', 404, 'there are /export/org.jsonld'],
  ])('%s is a clear %i', async (path, status, message) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect((await response.json()).error).toContain(message);
  });
});
