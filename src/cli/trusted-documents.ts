/**
 * `npm run trusted-documents -- [file.graphql …]`: prints a TRUSTED_DOCUMENTS file (JSON, id to
 * query) for the given documents, or for the GraphiQL examples when none are given.
 */
import { readFile } from 'node:fs/promises';
import { EXAMPLES } from '../server/examples';
import { trustedDocuments, type Source } from '../server/trusted-documents';

const files = process.argv.slice(2);
try {
  const sources: Source[] =
    files.length > 0
      ? await Promise.all(files.map(async (name) => ({ name, text: await readFile(name, 'utf8') })))
      : EXAMPLES.map((e) => ({ name: e.title, text: e.query }));
  process.stdout.write(`${JSON.stringify(trustedDocuments(sources), null, 2)}\n`);
} catch (error) {
  console.error(`trusted-documents: ${(error as Error).message}`);
  process.exit(1);
}
