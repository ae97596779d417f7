/**
 * Builds the file TRUSTED_DOCUMENTS reads: each operation's id (the SHA-256 of its text, as
 * Apollo's persisted-query link and other APQ clients compute it) mapped to the text. A document
 * that does not validate against the schema is refused here, not discovered in production.
 */
import { createHash } from 'node:crypto';
import { parse, print, validate } from 'graphql';
import { schema } from '../schema/index';

export interface Source {
  readonly name: string;
  readonly text: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Keys each document by the hash of its text as written and of its printed form (clients that
 * parse and print before hashing, such as Apollo, send the latter). Throws naming the source.
 */
export function trustedDocuments(sources: readonly Source[]): Record<string, string> {
  const documents: Record<string, string> = {};
  for (const source of sources) {
    let document;
    try {
      document = parse(source.text);
    } catch (error) {
      throw new Error(`${source.name}: ${(error as Error).message}`);
    }
    const problems = validate(schema, document);
    if (problems.length > 0)
      throw new Error(`${source.name}: ${problems.map((p) => p.message).join('; ')}`);
    const printed = print(document);
    documents[sha256(printed)] = printed;
    documents[sha256(source.text)] = source.text;
  }
  return documents;
}
