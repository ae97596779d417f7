/**
 * A question the domain refuses because of what was asked (a depth out of bounds, a reversed
 * period, a page size out of range, a search text too long), naming the argument at fault. The
 * schema layer reports it to the client as their mistake, with the message as written here.
 */
export class InputError extends Error {
  constructor(
    /** The argument at fault, as the API names it (`depth`, `from`, `first`…). */
    readonly argument: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
