import { GraphQLError } from 'graphql';
import { SearchInputError } from '../graph/search/search';

/** Runs a domain call, turning its refusal of the input into a client error (not a masked crash). */
export function userInput<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof SearchInputError) {
      throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    throw error;
  }
}
