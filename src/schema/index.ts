/**
 * The schemas (schemas.ts), and the default dataset's schema built at import. The server imports
 * schemas.ts, not this module: a server for another dataset then never builds the default schema,
 * a cost paid before the first request (npm run bench:scale).
 */
import { defaultDeclaration } from '../graph/dataset-declaration';
import { schemaOf } from './schemas';

export * from './schemas';

/** The schema of the default dataset (the NATO International Staff). */
export const schema = schemaOf(defaultDeclaration());
