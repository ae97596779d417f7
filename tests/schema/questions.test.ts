/** The product's questions, executed in-process against the schema. */
import { describe, expect, it } from 'vitest';
import { data, run } from '../kit';

describe('which division handles cyber defence?', () => {
  it.each(['cyber defence', 'Cyber-Defense', 'cyberdéfense'])('"%s"', async (topic) => {
    const result = await data<{ whoHandles: { __typename: string; name: string }[] }>(
      `query($topic: String!) { whoHandles(topic: $topic) { __typename name } }`,
      { topic },
    );
    expect(result.whoHandles).toEqual([
      { __typename: 'Division', name: 'Emerging Security Challenges Division' },
    ]);
  });

  it('explains the answer with the sentence of the source', async () => {
    const result = await data<{
      handlers: {
        topic: { key: string };
        responsibility: { basis: string; sources: { quote: string; lang: string }[] };
      }[];
    }>(
      `{ handlers(topic: "cyber defence") { topic { key } responsibility { basis sources { quote lang } } } }`,
    );
    expect(result.handlers).toHaveLength(1);
    expect(result.handlers[0]?.topic.key).toBe('cyber-defence');
    expect(result.handlers[0]?.responsibility.basis).toBe('STATED');
    expect(result.handlers[0]?.responsibility.sources[0]?.quote).toMatch(/cyberdéfense/);
    expect(result.handlers[0]?.responsibility.sources[0]?.lang).toBe('FR');
  });

  it('finds a topic with words around it, and a wider notion as a related match', async () => {
    const result = await data<Record<string, { key: string }[]>>(
      `{ a: whoHandles(topic: "nuclear matters") { key } b: whoHandles(topic: "questions de cyberdéfense") { key } c: whoHandles(topic: "security matters") { key } }`,
    );
    expect(result).toEqual({
      a: [{ key: 'defence-policy-and-planning' }],
      b: [{ key: 'emerging-security-challenges' }],
      c: [],
    });
  });

  it('answers nothing for a topic the data does not cover', async () => {
    const result = await data(
      `{ a: whoHandles(topic: "climate change") { name } b: whoHandles(topic: "missile defence") { name } }`,
    );
    expect(result).toEqual({ a: [], b: [] });
  });
});

describe('what is the reporting line of the NATO Security Office?', () => {
  it.each([
    'NATO Security Office',
    'NOS',
    'Bureau de sécurité de l’OTAN',
    "Bureau de sécurité de l'OTAN",
    'NATO Office of Security',
  ])('"%s"', async (unit) => {
    const result = await data<{ reportingLine: { name: string }[] }>(
      `query($unit: String!) { reportingLine(unit: $unit) { name } }`,
      { unit },
    );
    expect(result.reportingLine.map((u) => u.name)).toEqual([
      'NATO Office of Security',
      'International Staff',
      'Secretary General',
    ]);
  });

  it('is null for a unit that does not exist', async () => {
    expect(await data(`{ reportingLine(unit: "Ministry of Magic") { name } }`)).toEqual({
      reportingLine: null,
    });
  });

  it('says how each step is known', async () => {
    const result = await data<{
      unit: {
        reportingSteps: { unit: { key: string }; basis: string; sources: { quote: string }[] }[];
      };
    }>(
      `{ unit(name: "NATO Security Office") { reportingSteps { unit { key } basis sources { quote } } } }`,
    );
    expect(result.unit.reportingSteps.map((s) => [s.unit.key, s.basis])).toEqual([
      ['nato-office-of-security', 'START'],
      ['international-staff', 'PART_OF'],
      ['secretary-general', 'REPORTS_TO'],
    ]);
    expect(result.unit.reportingSteps[2]?.sources.length).toBeGreaterThan(0);
  });
});

describe('names and languages', () => {
  it('answers in French when asked by argument or by the request language', async () => {
    const byArg = await data(`{ unit(name: "ESC") { name(lang: FR) } }`);
    expect(byArg).toEqual({ unit: { name: 'Division Défis de sécurité émergents' } });
    const byRequest = await data(`{ unit(name: "ESC") { name } }`, undefined, 'fr');
    expect(byRequest).toEqual(byArg);
    const overridden = await data(`{ unit(name: "ESC") { name(lang: EN) } }`, undefined, 'fr');
    expect(overridden).toEqual({ unit: { name: 'Emerging Security Challenges Division' } });
  });

  it('gives the French acronym where it differs', async () => {
    expect(await data(`{ internationalStaff { en: acronym fr: acronym(lang: FR) } }`)).toEqual({
      internationalStaff: { en: 'IS', fr: 'SI' },
    });
  });

  it('never presents an unconfirmed acronym as official', async () => {
    const result = await data<{
      unit: { acronym: string | null; aliases: { text: string; kind: string }[] };
    }>(`{ unit(name: "Operations Division") { acronym aliases { text kind } } }`);
    expect(result.unit.acronym).toBeNull();
    expect(result.unit.aliases).toContainEqual({ text: 'OPS', kind: 'UNOFFICIAL_ACRONYM' });
  });
});

describe('structure', () => {
  it('fetches the International Staff with its units in one request', async () => {
    const result = await data<{
      internationalStaff: {
        headcount: { approx: number; asOf: string };
        units: {
          nodes: {
            __typename: string;
            head: { title: string } | null;
            units: { nodes: { name: string }[] };
          }[];
        };
      };
      divisions: { name: string }[];
      offices: { name: string }[];
      cabinet: { units: { nodes: { name: string }[] } };
      secretaryGeneral: { name: string; memberOf: { key: string }[] };
    }>(`{
      internationalStaff { headcount { approx asOf } units { nodes { __typename head { title } units { nodes { name } } } } }
      divisions { name } offices { name }
      cabinet { units { nodes { name } } }
      secretaryGeneral { name memberOf { key } }
    }`);
    expect(result.internationalStaff.headcount).toEqual({ approx: 1200, asOf: '2011-11-02' });
    expect(result.internationalStaff.units.nodes.map((u) => u.__typename)).toEqual([
      'Cabinet',
      ...Array(7).fill('Division'),
      ...Array(4).fill('Office'),
    ]);
    expect(result.divisions).toHaveLength(7);
    expect(result.offices).toHaveLength(4);
    expect(result.cabinet.units.nodes.map((u) => u.name)).toContain('Office of Legal Affairs');
    expect(result.secretaryGeneral.memberOf).toEqual([{ key: 'international-staff' }]);
  });

  it('lists events in date order and filters them by partial dates', async () => {
    const all = await data<{ events: { nodes: { key: string; date: string }[] } }>(
      `{ events { nodes { key date } } }`,
    );
    expect(all.events.nodes[0]).toEqual({ key: 'is-created', date: '1951' });
    const since2007 = await data<{ events: { nodes: { key: string }[] } }>(
      `{ events(from: "2007", to: "2010-08") { nodes { key } } }`,
    );
    expect(since2007.events.nodes.map((e) => e.key)).toEqual(['nor-created', 'esc-starts-work']);
  });

  it('refuses an impossible date argument with a clear error', async () => {
    const { result } = await run(`{ events(from: "2010-13") { nodes { key } } }`);
    expect(result.errors?.[0]?.message).toMatch(/impossible month/);
  });
});

describe('Relay object identification', () => {
  it('fetches any object again by its opaque global ID', async () => {
    const first = await data<{
      unit: { id: string };
      topics: { nodes: { id: string }[] };
      events: { nodes: { id: string }[] };
      posts: { nodes: { id: string }[] };
    }>(
      `{ unit(name: "NOS") { id } topics { nodes { id } } events { nodes { id } } posts { nodes { id } } }`,
    );
    expect(first.unit.id).not.toMatch(/nato-office-of-security/);
    const ids = [
      first.unit.id,
      first.topics.nodes[0]!.id,
      first.events.nodes[0]!.id,
      first.posts.nodes[0]!.id,
    ];
    const again = await data<{ nodes: ({ __typename: string; id: string } | null)[] }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`,
      { ids },
    );
    expect(again.nodes.map((n) => n?.id)).toEqual(ids);
    expect(again.nodes.map((n) => n?.__typename)).toEqual(['Office', 'Topic', 'Event', 'Post']);
  });

  it('returns null for an ID of the wrong kind', async () => {
    const { unit } = await data<{ unit: { id: string } }>(`{ unit(name: "NOS") { id } }`);
    const forged = Buffer.from(
      `Division:${Buffer.from(unit.id, 'base64').toString().split(':')[1]}`,
    ).toString('base64');
    expect(await data(`query($id: ID!) { node(id: $id) { id } }`, { id: forged })).toEqual({
      node: null,
    });
  });
});
