/**
 * yoga's own options for what a request may look like and what an error may say: masking of
 * unexpected errors (with the domain's refusals of input reported as the client's mistakes),
 * CORS, no batching, no multipart, and no body limit of its own (request-checks.ts has ours).
 */
import { maskError, type YogaServerOptions } from 'graphql-yoga';
import { inputErrorOf } from '../schema/errors';
import type { Config } from './config';

type SecurityConfig = Pick<Config, 'mode' | 'corsOrigins'>;

export function securityOptions(
  config: SecurityConfig,
): Pick<
  YogaServerOptions<object, object>,
  'maskedErrors' | 'cors' | 'batching' | 'multipart' | 'maxRequestBodySize'
> {
  const origins = config.corsOrigins;
  return {
    // Unexpected errors become "Unexpected error." in production; development adds the cause.
    maskedErrors: {
      isDev: config.mode === 'development',
      maskError: (error, message, isDev) =>
        (error instanceof Error && 'originalError' in error
          ? inputErrorOf(error as Parameters<typeof inputErrorOf>[0])
          : undefined) ?? maskError(error, message, isDev),
    },
    cors:
      origins.length === 0
        ? false
        : {
            origin: origins.includes('*') ? '*' : origins,
            methods: ['GET', 'POST'],
            // Trace context and credentials for gateways in front: allowed, never required.
            allowedHeaders: [
              'content-type',
              'accept',
              'accept-language',
              'x-request-id',
              'traceparent',
              'tracestate',
              'authorization',
            ],
            exposedHeaders: ['etag', 'x-request-id', 'traceparent'],
            credentials: false,
            maxAge: 600,
          },
    batching: false,
    multipart: false,
    // Enforced by request-checks.ts, which counts only bodies without a Content-Length.
    maxRequestBodySize: false,
  };
}
