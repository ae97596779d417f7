/**
 * `npm run trusted-documents -- [file.graphql …]`: prints a TRUSTED_DOCUMENTS file (JSON, id to
 * query) for the given documents, or for the GraphiQL examples when none are given. Each
 * operation's id is the SHA-256 of its text, as Apollo's persisted-query link and other APQ
 * clients compute it. A document that does not validate against the schema is refused here, not
 * discovered in production. With `--seed DIR`, the schema and the examples are that dataset's.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse, print, validate, type GraphQLSchema } from 'graphql';
import { loadSeed } from '../graph/load-seed';
import { schema, schemaOfGraph } from '../schema/index';
import { EXAMPLES, examplesFor } from '../server/examples';
import { InputError, runWhenMain } from './command';

export interface Source {
  readonly name: string;
  readonly text: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Keys each document by the hash of its text as written and of its printed form (clients that
 * parse and print before hashing, such as Apollo, send the latter). Throws naming the source.
 */
export function trustedDocuments(
  sources: readonly Source[],
  against: GraphQLSchema = schema,
): Record<string, string> {
  const documents: Record<string, string> = {};
  for (const source of sources) {
    let document;
    try {
      document = parse(source.text);
    } catch (error) {
      throw new InputError(`${source.name}: ${(error as Error).message}`);
    }
    const problems = validate(against, document);
    if (problems.length > 0)
      throw new InputError(`${source.name}: ${problems.map((p) => p.message).join('; ')}`);
    const printed = print(document);
    documents[sha256(printed)] = printed;
    documents[sha256(source.text)] = source.text;
  }
  return documents;
}

await runWhenMain(import.meta.url, {
  name: 'trusted-documents',
  summary:
    'Print a TRUSTED_DOCUMENTS file (JSON: operation id to query) for GraphQL documents, each checked against the schema.',
  arguments: [
    {
      name: '[files...]',
      description: '.graphql files, one operation each (default: the GraphiQL examples)',
    },
  ],
  options: {
    seed: {
      value: 'DIR',
      description: 'check against the schema of the dataset in DIR (default examples: its tabs)',
    },
  },
  examples: [
    'npm run trusted-documents -- a.graphql b.graphql > trusted.json',
    'npm run trusted-documents -- --seed /tmp/company > trusted.json',
    'TRUSTED_DOCUMENTS=trusted.json npm start',
  ],
  async run(files, { seed }) {
    const graph = seed === undefined ? undefined : await loadSeed(seed);
    const examples = graph ? examplesFor(graph) : EXAMPLES;
    const sources: Source[] =
      files.length > 0
        ? await Promise.all(
            files.map(async (name) => ({ name, text: await readFile(name, 'utf8') })),
          )
        : examples.map((e) => ({ name: e.title, text: e.query }));
    const against = graph ? schemaOfGraph(graph) : schema;
    process.stdout.write(`${JSON.stringify(trustedDocuments(sources, against), null, 2)}\n`);
  },
});
