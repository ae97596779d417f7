/**
 * `npm run bench:jit`: workload (d) of the HTTP benchmark (about 1,000 units of a generated
 * 10,000-unit organisation, three levels deep) executed in-process by graphql-jit, on orggraph's
 * schema over the loaded graph, and on a schema of the same shape over plain JavaScript objects
 * (the unit tree built beforehand, every field a property read): what executing the document
 * costs at the least. Prints the CPU time per execution (median of alternating rounds) and the
 * ratio; beside it the plain schema with `name` a resolver, and the document without `name`, which
 * say where the difference goes. Also the structure (workload b) on the default dataset. Never
 * part of `npm test`.
 */
import { buildSchema, parse, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { generateOrgInTemp } from '../../src/cli/seed-generate';
import { loadSeed } from '../../src/graph/load-seed';
import type { OrgGraph } from '../../src/graph/org-graph';
import { DEFAULT_SEED_DIR } from '../../src/graph/project-paths';
import type { Unit } from '../../src/graph/types';
import { createContext } from '../../src/schema/context';
import { schema } from '../../src/schema/index';
import { subtrees, WORKLOADS, type Request } from '../http/workloads';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 1000);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** CPU microseconds (user and system) this process spent since `from`. */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return used.user + used.system;
};

/**
 * CPU microseconds per execution of each runner: rounds alternate between them (so both meet the
 * same machine), each as many runs as fit in ROUND_MS; the median round counts. CPU time rather
 * than wall time: the machine is shared, and another process's work is not this one's.
 */
async function measure(runners: readonly (() => unknown)[]): Promise<number[]> {
  for (const run of runners) for (let i = 0; i < 200; i++) await run();
  const rounds: number[][] = runners.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, run] of runners.entries()) {
      let n = 0;
      const start = performance.now();
      const cpu = process.cpuUsage();
      while (performance.now() - start < ROUND_MS) {
        await run();
        n += 1;
      }
      rounds[i]?.push(cpuSince(cpu) / n);
    }
  }
  return rounds.map(median);
}

function compiled(on: GraphQLSchema, request: Request) {
  const query = compileQuery(on, parse(request.query));
  if (!isCompiledQuery(query)) throw new Error(`cannot compile: ${JSON.stringify(query)}`);
  return query;
}

/** The plain shape of a unit: what the document selects, as properties. */
interface PlainUnit {
  key: string;
  name: string;
  kind: string;
  head: { title: string } | null;
  responsibilities: { key: string; label: string }[];
  children: PlainUnit[];
}

const PLAIN_SDL = /* GraphQL */ `
  type Post {
    title: String!
  }
  type Topic {
    key: String!
    label: String!
  }
  type Unit {
    key: String!
    name: String!
    kind: String!
    head: Post
    responsibilities: [Topic!]!
    units(first: Int): UnitConnection!
  }
  type UnitConnection {
    totalCount: Int!
    nodes: [Unit!]!
  }
  type Query {
    unit(name: String!): Unit
    internationalStaff: Unit
  }
`;

/** Every unit as a plain object, the tree built once, before measuring. */
function plainTree(graph: OrgGraph): Map<string, PlainUnit> {
  const byKey = new Map<string, PlainUnit>();
  const plain = (u: Unit): PlainUnit => {
    const known = byKey.get(u.key);
    if (known) return known;
    const head = graph.headOf(u);
    const made: PlainUnit = {
      key: u.key,
      name: u.name.en,
      kind: u.kind.toUpperCase().replace(/-/g, '_'),
      head: head ? { title: head.title.en } : null,
      responsibilities: graph.topicsOf(u).map((t) => ({ key: t.key, label: t.label.en })),
      children: [],
    };
    byKey.set(u.key, made);
    made.children = graph.childrenOf(u.key).map(plain);
    return made;
  };
  for (const u of graph.units()) plain(u);
  return byKey;
}

/** The plain schema over the tree: root lookups by key, pages as slices, the rest property reads. */
function plainSchemaOver(tree: Map<string, PlainUnit>, nameResolver: boolean): GraphQLSchema {
  const plainSchema = buildSchema(PLAIN_SDL);
  const fields = plainSchema.getQueryType()?.getFields() ?? {};
  if (fields.unit) fields.unit.resolve = (_, args: { name: string }) => tree.get(args.name) ?? null;
  if (fields.internationalStaff)
    fields.internationalStaff.resolve = () => tree.get('international-staff') ?? null;
  const unitFields = (plainSchema.getType('Unit') as GraphQLObjectType).getFields();
  if (unitFields.units)
    unitFields.units.resolve = (u: PlainUnit, args: { first?: number | null }) => ({
      totalCount: u.children.length,
      nodes: u.children.slice(0, args.first ?? 20),
    });
  // What one resolver with an argument costs graphql-jit (an arguments object, a resolve info
  // and its path, the call's closures), whatever its body: orggraph's `name(lang:)` is one.
  if (nameResolver && unitFields.name) unitFields.name.resolve = (u: PlainUnit) => u.name;
  return plainSchema;
}

async function compare(label: string, graph: OrgGraph, request: Request): Promise<void> {
  const ours = compiled(schema, request);
  const context = createContext(graph);
  const runOurs = () => ours.query(context.root, createContext(graph), request.variables ?? {});
  const tree = plainTree(graph);
  const plainQuery = compiled(plainSchemaOver(tree, false), request);
  const runPlain = () => plainQuery.query({}, {}, request.variables ?? {});
  // Only a document that selects `name` has anything for a `name` resolver to cost.
  const selectsName = /\bname\b(?!:)/.test(request.query);
  const withNameQuery = selectsName ? compiled(plainSchemaOver(tree, true), request) : undefined;
  const runners = [runOurs, runPlain];
  if (withNameQuery) runners.push(() => withNameQuery.query({}, {}, request.variables ?? {}));
  // The same answer, but for what only orggraph's schema says (the kind is an enum there).
  const answers = await Promise.all(runners.map(async (run) => JSON.stringify(await run())));
  if (answers.some((answer) => answer !== answers[1]))
    throw new Error(`${label}: the answers differ`);
  const [tOurs = 0, tPlain = 0, tWithName] = await measure(runners);
  const us = (t: number) => `${t.toFixed(1).padStart(7)} µs`;
  const ratio = (t: number) => `× ${(tOurs / t).toFixed(2)}`;
  console.log(
    `${label.padEnd(44)} orggraph ${us(tOurs)}   plain objects ${us(tPlain)}   ${ratio(tPlain)}`,
  );
  if (tWithName !== undefined)
    console.log(
      `${''.padEnd(44)} plain objects, \`name\` a resolver ${us(tWithName)}   ${ratio(tWithName)}`,
    );
}

const generated = await loadSeed((await generateOrgInTemp({ units: 10_000 })).dir);
const d = subtrees(generated)[0] as Request;
await compare('d: about 1,000 units of 10,000, depth 3', generated, d);
// Without `name`, what is left is mostly the interface (a type resolution and graphql-jit's
// abstract-type dispatch per unit, where the plain schema has one concrete type) and the enum.
const withoutName = { ...d, query: d.query.replace(/ name /g, ' ') };
await compare('d without `name`', generated, withoutName);
const b = WORKLOADS.find((w) => w.name === 'b-structure')?.requests(generated)[0] as Request;
await compare('b: the whole structure (default dataset)', await loadSeed(DEFAULT_SEED_DIR), b);
