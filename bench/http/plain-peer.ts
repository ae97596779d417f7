/**
 * The server a user would write instead of orggraph: mercurius with graphql-jit, a small SDL of
 * its own covering what the benchmark documents ask, and direct resolvers over the same loaded
 * graph (the same domain functions for names, topics and search). It answers every workload
 * with the same data as orggraph, which the benchmark checks before measuring.
 */
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import mercurius from 'mercurius';
import { acronymIn } from '../../src/graph/localize';
import type { OrgGraph } from '../../src/graph/org-graph';
import { reportingLineOf } from '../../src/graph/reporting-line';
import { responsibilityFor } from '../../src/graph/search/responsibility';
import { search, snippet, type SearchHit } from '../../src/graph/search/search';
import type { Lang, OrgEvent, Post, Topic, Unit } from '../../src/graph/types';
import { unitNamed } from '../../src/graph/unit-by-name';

const SDL = /* GraphQL */ `
  enum Lang {
    EN
    FR
  }
  interface OrgUnit {
    key: String!
    name(lang: Lang): String!
  }
  type Unit implements OrgUnit {
    key: String!
    name(lang: Lang): String!
    kind: String!
    acronym(lang: Lang): String
    description(lang: Lang): String!
    head: Post
    units(first: Int): UnitConnection!
    responsibilities: [Topic!]!
    history(first: Int): EventConnection!
    sources: [Citation!]!
  }
  type UnitConnection {
    totalCount: Int!
    nodes: [Unit!]!
  }
  type EventConnection {
    totalCount: Int!
    nodes: [Event!]!
  }
  type Post {
    title(lang: Lang): String!
  }
  type Topic {
    key: String!
    label(lang: Lang): String!
  }
  type Event {
    date: String!
    title(lang: Lang): String!
  }
  type Citation {
    quote: String!
  }
  union SearchNode = Unit | Topic | Post | Event
  type SearchHit {
    score: Float!
    matchedField: String!
    snippet: String!
    node: SearchNode!
  }
  type SearchEdge {
    node: SearchHit!
  }
  type SearchConnection {
    edges: [SearchEdge!]!
  }
  type Query {
    reportingLine(unit: String!): [Unit!]
    whoHandles(topic: String!): [Unit!]!
    unit(name: String!): Unit
    internationalStaff: Unit
    search(text: String!, first: Int): SearchConnection!
  }
`;

type LangArg = { lang?: 'EN' | 'FR' | null };
type PageArg = { first?: number | null };
const page = <T>(items: readonly T[], first: number | null | undefined) => ({
  totalCount: items.length,
  nodes: items.slice(0, first ?? 20),
});
const langOf = (args: LangArg): Lang => (args.lang === 'FR' ? 'fr' : 'en');

export function plainResolvers(graph: OrgGraph) {
  return {
    Query: {
      reportingLine: (_: unknown, { unit }: { unit: string }) => {
        const match = unitNamed(graph, unit);
        return match ? reportingLineOf(match.unit).map((s) => s.unit) : null;
      },
      whoHandles: (_: unknown, { topic }: { topic: string }) =>
        responsibilityFor(graph, topic).matches.map((m) => m.unit),
      unit: (_: unknown, { name }: { name: string }) => unitNamed(graph, name)?.unit ?? null,
      internationalStaff: () => graph.units('international-staff')[0] ?? null,
      search: (_: unknown, { text, first }: { text: string; first?: number | null }) => ({
        edges: search(graph, { text, lang: 'en' })
          .slice(0, first ?? 20)
          .map((node) => ({ node })),
      }),
    },
    Unit: {
      name: (u: Unit, args: LangArg) => u.name[langOf(args)],
      kind: (u: Unit) => u.kind.toUpperCase().replace(/-/g, '_'),
      acronym: (u: Unit, args: LangArg) => acronymIn(u, langOf(args)) ?? null,
      description: (u: Unit, args: LangArg) => u.description[langOf(args)],
      head: (u: Unit) => graph.headOf(u) ?? null,
      units: (u: Unit, { first }: PageArg) => page(graph.childrenOf(u.key), first),
      responsibilities: (u: Unit) => graph.topicsOf(u),
      history: (u: Unit, { first }: PageArg) => page(graph.eventsAffecting(u.key), first),
    },
    Post: { title: (p: Post, args: LangArg) => p.title[langOf(args)] },
    Topic: { label: (t: Topic, args: LangArg) => t.label[langOf(args)] },
    Event: {
      date: (e: OrgEvent) => e.date.value,
      title: (e: OrgEvent, args: LangArg) => e.title[langOf(args)],
    },
    SearchNode: {
      resolveType: (node: object) =>
        'broaderKeys' in node
          ? 'Topic'
          : 'affectsKeys' in node
            ? 'Event'
            : 'role' in node
              ? 'Post'
              : 'Unit',
    },
    SearchHit: {
      matchedField: (h: SearchHit) => h.field.toUpperCase().replace(/-/g, '_'),
      snippet: (h: SearchHit) => snippet(h, h.lang ?? 'en', '<mark>', '</mark>'),
      node: (h: SearchHit) => h.node,
    },
  };
}

export async function startPlainPeer(graph: OrgGraph): Promise<number> {
  const app = Fastify({ logger: false });
  await app.register(mercurius, { schema: SDL, resolvers: plainResolvers(graph) as never, jit: 1 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

export { SDL as PLAIN_SDL };
