/**
 * What a GraphQL request must look like before anything parses it: a JSON (or GraphQL) body, of a
 * size the server accepts, one operation at a time, with variables of sane depth. Each refusal
 * is a 4xx with a clear message, and is counted by the limit that refused it.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { Config } from './config';
import type { OnRefused } from './limits';

/** Deepest nesting of arrays and objects in `variables` (the schema has no deeper input types). */
export const MAX_VARIABLES_DEPTH = 16;

/** Whether `value` nests deeper than `max` (iterative: deep payloads are meant to overflow). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * POST bodies must be `application/json` (or `application/graphql`): browsers cannot send those
 * cross-origin without a CORS preflight, so a form on another site cannot make a visitor's
 * browser post a query here (CSRF).
 */
export function isAcceptedBodyType(contentType: string | null | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'application/json' || type === 'application/graphql';
}

const tooLarge = (maxBytes: number) =>
  createGraphQLError(`Request body too large: the limit is ${maxBytes} bytes.`, {
    extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: { status: 413 } },
  });

type ChecksConfig = Pick<Config, 'maxBodyBytes'>;

export function useRequestChecks(config: ChecksConfig, onRefused: OnRefused): Plugin {
  const maxBytes = config.maxBodyBytes;
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (request.method === 'POST' && !isAcceptedBodyType(request.headers.get('content-type'))) {
        onRefused('content-type');
        throw createGraphQLError(
          'Unsupported Media Type: send the POST body as application/json.',
          {
            extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', http: { status: 415 } },
          },
        );
      }
      const countBatches = {
        onRequestParseDone({ requestParserResult }: { requestParserResult: unknown }) {
          if (Array.isArray(requestParserResult)) onRefused('batch');
        },
      };
      const length = request.headers.get('content-length');
      if (length !== null) {
        // One non-negative integer only: a list of lengths is a request-smuggling attempt.
        if (!/^\d+$/.test(length))
          throw createGraphQLError('Content-Length header is invalid.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        if (Number(length) > maxBytes) {
          onRefused('body');
          throw tooLarge(maxBytes);
        }
        // Node's parser never delivers more than a valid Content-Length announces: no counting.
        return countBatches;
      }
      if (!requestParser || !request.body) return countBatches;
      const parse = requestParser;
      setRequestParser((req) => {
        let bytes = 0;
        const counted = req.body?.pipeThrough(
          new fetchAPI.TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              bytes += chunk.byteLength;
              if (bytes <= maxBytes) controller.enqueue(chunk);
              else {
                onRefused('body');
                controller.error(tooLarge(maxBytes));
              }
            },
          }),
        );
        return parse(
          new fetchAPI.Request(req.url, {
            method: req.method,
            headers: req.headers,
            signal: req.signal,
            body: counted ?? null,
            duplex: 'half',
          } as RequestInit),
        );
      });
      return countBatches;
    },
    onParams({ params }) {
      if (!nestsDeeperThan(params.variables, MAX_VARIABLES_DEPTH)) return;
      onRefused('variables');
      throw createGraphQLError(`Variables nested deeper than ${MAX_VARIABLES_DEPTH} levels.`, {
        extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
      });
    },
  };
}
