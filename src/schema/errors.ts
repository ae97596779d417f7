/**
 * What a client is told when a field fails. A domain refusal of the input (InputError: a depth out
 * of bounds, a reversed period, an unknown name) is the client's mistake: its message is sent as
 * written, with code BAD_USER_INPUT and the argument at fault. Every other error is left to the
 * server's masking.
 */
import { GraphQLError } from 'graphql';
import { InputError } from '../graph/input-error';

/** The client's error for an InputError a field threw; undefined for any other error. */
export function inputErrorOf(error: GraphQLError): GraphQLError | undefined {
  const cause = error.originalError;
  if (!(cause instanceof InputError)) return undefined;
  return new GraphQLError(cause.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: {
      code: 'BAD_USER_INPUT',
      ...(cause.argument === undefined ? {} : { argumentName: cause.argument }),
    },
  });
}

/** A result with every InputError turned into the client's error (for in-process execution). */
export function withInputErrors<R extends { readonly errors?: readonly GraphQLError[] }>(
  result: R,
): R {
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map((e) => inputErrorOf(e) ?? e) };
}
