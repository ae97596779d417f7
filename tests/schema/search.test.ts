/** Search, responsibilityFor and resolveUnit as clients call them, executed in-process. */
import { describe, expect, it } from 'vitest';
import { data, run } from '../kit';

interface Hit {
  score: number;
  confidence: number;
  matchedField: string;
  matchKind: string;
  snippet: string;
  node: { __typename: string; key: string };
}

const HITS = `query($text: String!, $kinds: [NodeKind!], $first: Int, $after: String, $lang: Lang) {
  search(text: $text, kinds: $kinds, first: $first, after: $after, lang: $lang) {
    edges { cursor node { score confidence matchedField matchKind snippet
      node { __typename ... on OrgUnit { key } ... on Topic { key } ... on Post { key } ... on Event { key } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function hits(variables: Record<string, unknown>, lang: 'en' | 'fr' = 'en') {
  const result = await data<{
    search: { edges: { cursor: string; node: Hit }[]; pageInfo: { hasNextPage: boolean } };
  }>(HITS, variables, lang);
  return { hits: result.search.edges.map((e) => e.node), ...result.search };
}

describe('search', () => {
  it('finds the topic and the unit that handles it despite a typo, and says why', async () => {
    const { hits: found } = await hits({ text: 'cyber defnce' });
    expect(found.map((h) => [h.node.key, h.matchedField, h.matchKind])).toEqual([
      ['cyber-defence', 'NAME', 'FUZZY'],
      ['emerging-security-challenges', 'TOPIC', 'FUZZY'],
    ]);
    expect(found[0]?.snippet).toBe('<mark>cyber</mark> <mark>defence</mark>');
    const french = await hits({ text: 'cyber defnce', lang: 'FR' });
    expect(french.hits[0]?.snippet).toBe('<mark>cyberdéfense</mark>');
    expect(found[0]?.confidence).toBeLessThan(1);
    expect(found[0]!.score).toBeGreaterThan(found[1]!.score);
  });

  it('ranks an exact acronym first with full confidence', async () => {
    const { hits: found } = await hits({ text: 'NOS' });
    expect(found[0]).toMatchObject({
      node: { __typename: 'Office', key: 'nato-office-of-security' },
      matchedField: 'ACRONYM',
      matchKind: 'EXACT',
      confidence: 1,
    });
  });

  it('completes the last word as people type', async () => {
    const { hits: found } = await hits({ text: 'emerging secu', kinds: ['UNIT'] });
    expect(found[0]?.node.key).toBe('emerging-security-challenges');
    expect(found[0]?.matchKind).toBe('PREFIX');
    expect(found[0]?.snippet).toContain('<mark>Security</mark>');
  });

  it('answers and highlights in French by argument or Accept-Language', async () => {
    const byHeader = await hits({ text: 'defense aerienne', kinds: ['TOPIC'] }, 'fr');
    expect(byHeader.hits[0]?.snippet).toBe('<mark>défense</mark> <mark>aérienne</mark>');
    const byArg = await hits({ text: 'air defense', kinds: ['TOPIC'], lang: 'FR' });
    expect(byArg.hits[0]?.node.key).toBe('air-defence');
    expect(byArg.hits[0]?.snippet).toBe('<mark>défense</mark> aérienne');
  });

  it('keeps only the kinds asked for', async () => {
    const { hits: found } = await hits({ text: 'secretaire general adjoint', kinds: ['POST'] });
    expect(found).toHaveLength(7);
    expect(new Set(found.map((h) => h.node.__typename))).toEqual(new Set(['Post']));
    const events = await hits({ text: 'prague', kinds: ['EVENT'] });
    expect(events.hits.map((h) => h.node.key).sort()).toEqual([
      'prague-restructuring',
      'prague-summit',
    ]);
  });

  it('pages with cursors', async () => {
    const first = await hits({ text: 'division', first: 3 });
    expect(first.hits).toHaveLength(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const all = await hits({ text: 'division', first: 100 });
    const next = await hits({ text: 'division', first: 3, after: first.edges[2]?.cursor });
    expect(next.hits.map((h) => h.node.key)).toEqual(all.hits.slice(3, 6).map((h) => h.node.key));
  });

  it.each([
    [{ first: 0 }, /Argument "first" must be between 1 and 100, got 0/],
    [{ first: 101 }, /Argument "first" must be between 1 and 100, got 101/],
    [{ first: -5 }, /Argument "first" must be between 1 and 100, got -5/],
    [{ text: 'x'.repeat(201) }, /at most 200 are allowed/],
  ])('refuses %j with a clear error', async (variables, message) => {
    const { result } = await run(HITS, { text: 'nato', ...variables });
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('responsibilityFor', () => {
  const QUERY = `query($topic: String!) { responsibilityFor(topic: $topic) {
    topics { topic { key } matched via kind confidence }
    matches { unit { key } basis confidence viaNarrower citations { quote } }
    note
  } }`;
  type Answer = {
    responsibilityFor: {
      topics: { topic: { key: string }; matched: string; via: string; kind: string }[];
      matches: {
        unit: { key: string };
        basis: string;
        confidence: number;
        viaNarrower: boolean;
        citations: { quote: string }[];
      }[];
      note: string | null;
    };
  };

  it('names the topic matched, the unit, its basis, confidence and the source', async () => {
    const { responsibilityFor: a } = await data<Answer>(QUERY, { topic: 'cyber defnce' });
    expect(a.topics).toMatchObject([
      { topic: { key: 'cyber-defence' }, matched: 'cyber defence', via: 'LABEL', kind: 'FUZZY' },
    ]);
    expect(a.matches).toHaveLength(1);
    expect(a.matches[0]).toMatchObject({
      unit: { key: 'emerging-security-challenges' },
      basis: 'STATED',
      viaNarrower: false,
    });
    expect(a.matches[0]?.citations[0]?.quote).toMatch(/cyberdéfense/);
    expect(a.note).toBeNull();
  });

  it('says when a responsibility rests only on a unit’s name', async () => {
    const { responsibilityFor: a } = await data<Answer>(QUERY, { topic: 'legal affairs' });
    expect(a.matches[0]).toMatchObject({ unit: { key: 'office-of-legal-affairs' } });
    expect(a.matches[0]?.basis).toBe('UNIT_NAME');
    expect(a.matches[0]?.confidence).toBeLessThan(1);
  });

  it('gives a related notion lower confidence, and says so', async () => {
    const { responsibilityFor: a } = await data<Answer>(QUERY, { topic: 'cybersecurity' });
    expect(a.topics[0]?.via).toBe('RELATED');
    expect(a.matches[0]?.confidence).toBeLessThanOrEqual(0.6);
    expect(a.note).toMatch(/related notion/);
  });

  it.each(['climate change', 'missile defence'])(
    'answers "%s" with nobody and a note',
    async (topic) => {
      const { responsibilityFor: a } = await data<Answer>(QUERY, { topic });
      expect(a).toMatchObject({ topics: [], matches: [] });
      expect(a.note).toMatch(/No topic of the dataset matches/);
    },
  );

  it('refuses an over-long topic with a clear error, in every field that reads one', async () => {
    const topic = 'cyber '.repeat(40);
    for (const field of ['whoHandles', 'handlers', 'responsibilityFor']) {
      const selection = field === 'responsibilityFor' ? '{ note }' : '{ __typename }';
      const { result } = await run(`query($t: String!) { ${field}(topic: $t) ${selection} }`, {
        t: topic,
      });
      expect(result.errors?.[0]?.message, field).toMatch(/at most 200 are allowed/);
    }
  });

  it('keeps whoHandles a plain list, now forgiving typos', async () => {
    expect(await data(`{ whoHandles(topic: "cyber defnce") { key } }`)).toEqual({
      whoHandles: [{ key: 'emerging-security-challenges' }],
    });
  });
});

describe('resolveUnit', () => {
  const QUERY = `query($name: String!) { resolveUnit(name: $name) {
    unit { key } ambiguous note
    match { matched via aliasKind kind confidence }
    alternatives { unit { key } kind }
  } }`;

  it('explains an informal name', async () => {
    const result = await data(QUERY, { name: 'NATO Security Office' });
    expect(result).toEqual({
      resolveUnit: {
        unit: { key: 'nato-office-of-security' },
        ambiguous: false,
        note: null,
        match: {
          matched: 'NATO Security Office',
          via: 'ALIAS',
          aliasKind: 'INFORMAL',
          kind: 'EXACT',
          confidence: 1,
        },
        alternatives: [],
      },
    });
  });

  it('picks nothing for an ambiguous name and lists the candidates', async () => {
    const { resolveUnit: r } = await data<{
      resolveUnit: {
        unit: null;
        ambiguous: boolean;
        note: string;
        alternatives: { unit: { key: string }; kind: string }[];
      };
    }>(QUERY, { name: 'Office' });
    expect(r.unit).toBeNull();
    expect(r.ambiguous).toBe(true);
    expect(r.alternatives.length).toBeGreaterThan(1);
    expect(r.alternatives.every((a) => a.kind === 'PARTIAL')).toBe(true);
    expect(r.note).toMatch(/none is picked/);
  });

  it('accepts typos, saying so', async () => {
    const { resolveUnit: r } = await data<{
      resolveUnit: { unit: { key: string }; match: { kind: string; confidence: number } };
    }>(QUERY, { name: 'Operatons Division' });
    expect(r.unit.key).toBe('operations');
    expect(r.match.kind).toBe('FUZZY');
    expect(r.match.confidence).toBeLessThan(1);
  });
});
