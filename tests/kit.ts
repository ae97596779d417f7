/** Shared test helpers: the default graph, in-process execution, a yoga instance, seed copies. */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { execute, parse, validate, type ExecutionResult } from 'graphql';
import { loadSeed } from '../src/graph/load-seed';
import type { OrgGraph } from '../src/graph/org-graph';
import { SeedError, type SeedIssue } from '../src/graph/seed-error';
import { DEFAULT_SEED_DIR } from '../src/graph/project-paths';
import type { Lang } from '../src/graph/types';
import { createContext, type Context } from '../src/schema/context';
import { withInputErrors } from '../src/schema/errors';
import { schema, schemaOfGraph } from '../src/schema/index';
import { GraphStore } from '../src/server/graph-store';
import { createOrgYoga, type OrgYoga } from '../src/server/yoga';

/** A small fictitious company: English only, kinds of its own, no sources (tests/fixtures/datasets/). */
export const COMPANY_DIR = fileURLToPath(new URL('./fixtures/datasets/company', import.meta.url));

let graphPromise: Promise<OrgGraph> | undefined;

/** The default dataset, loaded once per test file. */
export function defaultGraph(): Promise<OrgGraph> {
  graphPromise ??= loadSeed(DEFAULT_SEED_DIR);
  return graphPromise;
}

/** Runs an operation in-process; returns the result and the context (for loader counts). */
export async function run(
  query: string,
  variables?: Record<string, unknown>,
  lang: Lang = 'en',
): Promise<{ result: ExecutionResult; context: Context }> {
  const context = createContext(await defaultGraph(), lang);
  const document = parse(query);
  const errors = validate(schema, document);
  if (errors.length > 0) return { result: { errors }, context };
  const result = await execute({
    schema,
    document,
    variableValues: variables,
    contextValue: context,
    rootValue: context.root,
  });
  return { result: withInputErrors(result), context };
}

/** Runs an operation on any graph and returns the whole result (data and errors). */
export async function execOn(
  graph: OrgGraph,
  query: string,
  variables?: Record<string, unknown>,
): Promise<ExecutionResult> {
  const context = createContext(graph);
  const result = await execute({
    schema: schemaOfGraph(graph),
    document: parse(query),
    variableValues: variables,
    contextValue: context,
    rootValue: context.root,
  });
  return withInputErrors(result);
}

/** Runs an operation and returns its data, failing on any GraphQL error. */
export async function data<T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
  lang: Lang = 'en',
): Promise<T> {
  const { result } = await run(query, variables, lang);
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.data as T;
}

export async function testYoga(): Promise<OrgYoga> {
  return createOrgYoga({ store: new GraphStore(await defaultGraph()), logging: false });
}

/** POSTs a GraphQL operation to a yoga instance (no socket) and returns the parsed body. */
export async function post<T = Record<string, unknown>>(
  yoga: OrgYoga,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { data?: T; errors?: { message: string }[] } }> {
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

/** A private copy of the default seed directory, to break on purpose. */
export async function seedCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'orggraph-seed-'));
  // The data only: not a start-up snapshot a server wrote beside it (.orggraph-cache/).
  await cp(DEFAULT_SEED_DIR, dir, {
    recursive: true,
    filter: (source) => basename(source) !== '.orggraph-cache',
  });
  return dir;
}

export async function editFile(
  dir: string,
  file: string,
  edit: (text: string) => string,
): Promise<void> {
  const path = join(dir, file);
  await writeFile(path, edit(await readFile(path, 'utf8')));
}

/** Runs one of src/cli/'s commands as `npm run` does; returns its exit code and output. */
export async function runCli(
  name: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const cli = fileURLToPath(new URL(`../src/cli/${name}.ts`, import.meta.url));
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      cli,
      ...args,
    ]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The problems loading `dir` reports; fails the test when the broken seed is accepted. */
export async function issuesOf(dir: string): Promise<SeedIssue[]> {
  try {
    await loadSeed(dir);
  } catch (error) {
    if (error instanceof SeedError) return [...error.issues];
    throw error;
  }
  throw new Error(`the broken seed in ${dir} was accepted`);
}
