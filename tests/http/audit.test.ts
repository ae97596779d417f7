/** The GraphQL-over-HTTP specification's audits (graphql-http), run as ordinary tests. */
import { serverAudits } from 'graphql-http';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OrgYoga } from '../../src/server/yoga';
import { testYoga } from '../kit';

let yoga: OrgYoga;
beforeAll(async () => {
  yoga = await testYoga();
});

describe('GraphQL over HTTP conformance', () => {
  for (const audit of serverAudits({
    url: 'http://yoga/graphql',
    // yoga.fetch takes the same arguments as fetch; only its declared overloads differ.
    fetchFn: (async (input: string, init?: RequestInit) =>
      yoga.fetch(input, init ?? {})) as typeof fetch,
  })) {
    it(audit.name, async () => {
      const result = await audit.fn();
      // MUST audits must pass; SHOULD/MAY may warn, but never error.
      const reason = 'reason' in result ? result.reason : '';
      if (audit.name.startsWith('MUST')) expect(result.status, reason).toBe('ok');
      else expect(result.status, reason).not.toBe('error');
    });
  }
});
