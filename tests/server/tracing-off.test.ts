/**
 * Tracing off (no OTLP endpoint): not one OpenTelemetry module is imported, no plugin joins the
 * pipeline and yoga gets the shared schema. Each OpenTelemetry package is replaced by a probe
 * that records its import, and a configured endpoint shows the probes work.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../../src/server/config';
import { createLogger } from '../../src/server/observability';
import { serve } from '../../src/server/serve';
import { startTracing, tracingWanted } from '../../src/server/tracing';

const { imported, probe } = vi.hoisted(() => {
  const imported = new Set<string>();
  const probe = (name: string) => async (original: () => Promise<unknown>) => {
    imported.add(name);
    return original();
  };
  return { imported, probe };
});
vi.mock('@opentelemetry/api', probe('@opentelemetry/api'));
vi.mock('@opentelemetry/sdk-trace', probe('@opentelemetry/sdk-trace'));
vi.mock('@opentelemetry/resources', probe('@opentelemetry/resources'));
vi.mock(
  '@opentelemetry/exporter-trace-otlp-http',
  probe('@opentelemetry/exporter-trace-otlp-http'),
);
vi.mock('@envelop/opentelemetry', probe('@envelop/opentelemetry'));

afterEach(() => imported.clear());

describe('tracing off', () => {
  it('is the default: the server starts and answers without importing OpenTelemetry', async () => {
    const config = readConfig({ PORT: '0', LOG_LEVEL: 'silent' }, []);
    expect(config.otlpEndpoint).toBe('');
    expect(tracingWanted(config, {})).toBe(false);
    const running = await serve(config, createLogger('silent'));
    try {
      const reply = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ unit(name: "NOS") { key } }' }),
      });
      expect(reply.status).toBe(200);
      expect(reply.headers.get('traceparent')).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
      // The schema yoga runs is the shared one, not an instrumented copy.
      const { schema } = await import('../../src/schema/index');
      expect(running.yoga.getEnveloped().schema).toBe(schema);
    } finally {
      await running.close();
    }
    expect([...imported]).toEqual([]);
  });

  it('stays off with OTEL_SERVICE_NAME alone, or with OTEL_SDK_DISABLED', async () => {
    const named = { OTEL_SERVICE_NAME: 'orggraph-eu' };
    expect(await startTracing(readConfig(named, []), {}, named)).toBeUndefined();
    const disabled = {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
      OTEL_SDK_DISABLED: 'true',
    };
    expect(await startTracing(readConfig(disabled, []), {}, disabled)).toBeUndefined();
    expect([...imported]).toEqual([]);
  });

  it('imports OpenTelemetry once an endpoint is set (the probes see imports)', async () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' };
    const tracing = await startTracing(readConfig(env, []), {}, env);
    expect(tracing?.plugins.length).toBeGreaterThan(0);
    await tracing?.shutdown();
    expect([...imported].sort()).toEqual([
      '@envelop/opentelemetry',
      '@opentelemetry/api',
      '@opentelemetry/exporter-trace-otlp-http',
      '@opentelemetry/resources',
      '@opentelemetry/sdk-trace',
    ]);
  });

  it('refuses an endpoint that is not an http(s) URL', () => {
    expect(() => readConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'localhost:4318' }, [])).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
  });
});
