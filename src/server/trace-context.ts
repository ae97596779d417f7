/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/) for every exchange, traced or not: the
 * caller's `traceparent` is read and checked, and the answer carries the trace it belongs to. A
 * header that does not follow the format starts a new trace, never an error. Written here rather
 * than taken from @opentelemetry/core because the server must not load OpenTelemetry when tracing
 * is off (tracing.ts), and the format is a few fixed-width fields.
 */
import { randomFillSync } from 'node:crypto';

/** The caller's span: the parent of the server's span. */
export interface TraceParent {
  readonly traceId: string;
  readonly parentId: string;
  /** Trace flags, two hex digits (`01`: the caller records the trace). */
  readonly flags: string;
}

/** The exchange's place in its trace: the response's `traceparent` and the log line say it. */
export interface TraceIds {
  readonly traceId: string;
  /** The server's span for this request. */
  readonly spanId: string;
  readonly flags: string;
}

const HEX = /^[0-9a-f]+$/;
const ZEROS = /^0+$/;
/** Longest `tracestate` passed on: the spec lets a server drop larger ones. */
export const MAX_TRACESTATE_LENGTH = 512;

/**
 * The `traceparent` header's parent, or undefined when it is absent or malformed: wrong lengths,
 * upper-case or non-hex digits, version `ff`, an all-zero trace or parent id. A later version is
 * read as version 00 when its first four fields are, as the spec asks.
 */
export function parseTraceparent(header: string | null | undefined): TraceParent | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (value.length < 55) return undefined;
  const version = value.slice(0, 2);
  if (!HEX.test(version) || version === 'ff') return undefined;
  if (version === '00' ? value.length !== 55 : value.length > 55 && value[55] !== '-')
    return undefined;
  if (value[2] !== '-' || value[35] !== '-' || value[52] !== '-') return undefined;
  const traceId = value.slice(3, 35);
  const parentId = value.slice(36, 52);
  const flags = value.slice(53, 55);
  if (!HEX.test(traceId) || ZEROS.test(traceId)) return undefined;
  if (!HEX.test(parentId) || ZEROS.test(parentId)) return undefined;
  if (!HEX.test(flags)) return undefined;
  return { traceId, parentId, flags };
}

/** `tracestate` as received, when it comes with a valid parent and within the length to keep. */
export function tracestateOf(
  parent: TraceParent | undefined,
  header: string | null | undefined,
): string | undefined {
  if (!parent || !header) return undefined;
  const value = header.trim();
  return value.length > 0 && value.length <= MAX_TRACESTATE_LENGTH ? value : undefined;
}

export function formatTraceparent(ids: TraceIds): string {
  return `00-${ids.traceId}-${ids.spanId}-${ids.flags}`;
}

/**
 * Random ids from a pool of bytes filled a few kilobytes at a time: one system call for many
 * requests, as crypto.randomUUID does.
 */
const pool = Buffer.alloc(8192);
let offset = pool.length;

function randomHex(bytes: number): string {
  for (;;) {
    if (offset + bytes > pool.length) {
      randomFillSync(pool);
      offset = 0;
    }
    const hex = pool.toString('hex', offset, offset + bytes);
    offset += bytes;
    if (!ZEROS.test(hex)) return hex;
  }
}

/**
 * The exchange's ids when no tracer records it: the caller's trace (and its flags) when it sent
 * a valid `traceparent`, else a new trace, not sampled; a new span id for the server either way.
 */
export function untracedIds(parent: TraceParent | undefined): TraceIds {
  return {
    traceId: parent?.traceId ?? randomHex(16),
    spanId: randomHex(8),
    flags: parent?.flags ?? '00',
  };
}
