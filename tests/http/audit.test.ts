/**
 * The GraphQL-over-HTTP specification's audits (graphql-http), run as ordinary tests: in-process
 * against the default (development) yoga, and over a real socket against the production
 * configuration (limits, CSRF policy, masking, caching) as it is deployed.
 */
import { serverAudits, type Audit } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgYoga } from '../../src/server/yoga';
import { startServer, type TestServer } from '../http-kit';
import { testYoga } from '../kit';

let yoga: OrgYoga;
let production: TestServer;
beforeAll(async () => {
  yoga = await testYoga();
  // One audit queries `__type(name:)`; production refuses introspection unless INTROSPECTION=true.
  production = await startServer({ mode: 'production', introspection: true });
});
afterAll(async () => {
  await production?.close();
});

function check(audits: Audit[]) {
  for (const audit of audits) {
    it(audit.name, async () => {
      const result = await audit.fn();
      // MUST and SHOULD audits must pass (the CSRF policy forbids none of them); MAY may warn.
      const reason = 'reason' in result ? result.reason : '';
      if (/^(MUST|SHOULD) /.test(audit.name)) expect(result.status, reason).toBe('ok');
      else expect(result.status, reason).not.toBe('error');
    });
  }
}

describe('GraphQL over HTTP conformance (development, in-process)', () => {
  check(
    serverAudits({
      url: 'http://yoga/graphql',
      // yoga.fetch takes the same arguments as fetch; only its declared overloads differ.
      fetchFn: (async (input: string, init?: RequestInit) =>
        yoga.fetch(input, init ?? {})) as typeof fetch,
    }),
  );
});

describe('GraphQL over HTTP conformance (production, real socket)', () => {
  check(serverAudits({ url: () => production.url }));
});
