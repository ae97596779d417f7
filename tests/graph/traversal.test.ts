import { describe, expect, it } from 'vitest';
import { reportingLine } from '../../src/graph/reporting-line';
import { unitNamed } from '../../src/graph/unit-by-name';
import { whoHandles } from '../../src/graph/who-handles';
import { defaultGraph } from '../kit';

describe('resolving a unit from what people call it', () => {
  it.each([
    ['NATO Office of Security', 'nato-office-of-security', 'name'],
    ['NATO Security Office', 'nato-office-of-security', 'alias'],
    ['nato security office', 'nato-office-of-security', 'alias'],
    ['NOS', 'nato-office-of-security', 'acronym'],
    ['Bureau de sécurité de l’OTAN', 'nato-office-of-security', 'name'],
    ['bureau de securite de l otan', 'nato-office-of-security', 'name'],
    ['Office of Security, NATO', 'nato-office-of-security', 'name'],
    ['nato-office-of-security', 'nato-office-of-security', 'key'],
    ['ESC', 'emerging-security-challenges', 'acronym'],
    ['ESCD', 'emerging-security-challenges', 'alias'],
    ['Division Défis de sécurité émergents', 'emerging-security-challenges', 'name'],
    ['SI', 'international-staff', 'acronym'],
    ['International Staff', 'international-staff', 'name'],
    ['DSG', 'deputy-secretary-general', 'acronym'],
    ['OPS', 'operations', 'alias'],
  ])('"%s" is %s (via %s)', async (name, key, via) => {
    const match = unitNamed(await defaultGraph(), name);
    expect(match?.unit.key).toBe(key);
    expect(match?.via).toBe(via);
  });

  it.each(['Office', 'Division', 'Ministry of Magic', 'NSO', '', '   '])(
    '"%s" is nothing, not a guess',
    async (name) => {
      expect(unitNamed(await defaultGraph(), name)).toBeUndefined();
    },
  );
});

describe('reporting lines', () => {
  const line = async (key: string) =>
    reportingLine(await defaultGraph(), key)?.map((s) => `${s.unit.key}:${s.basis}`);

  it('runs from the NATO Office of Security through the IS to the Secretary General', async () => {
    expect(await line('nato-office-of-security')).toEqual([
      'nato-office-of-security:start',
      'international-staff:part-of',
      'secretary-general:reports-to',
    ]);
  });

  it('runs from a Private Office member through the Private Office to the Secretary General', async () => {
    expect(await line('office-of-legal-affairs')).toEqual([
      'office-of-legal-affairs:start',
      'private-office:part-of',
      'secretary-general:reports-to',
    ]);
  });

  it('follows a stated reporting link rather than part-of (the auditors report to the Council)', async () => {
    expect(await line('international-board-of-auditors')).toEqual([
      'international-board-of-auditors:start',
      'north-atlantic-council:reports-to',
    ]);
  });

  it('stops at the Secretary General: being part of NATO is not reporting to it', async () => {
    expect(await line('secretary-general')).toEqual(['secretary-general:start']);
  });

  it('is undefined for an unknown unit', async () => {
    expect(reportingLine(await defaultGraph(), 'nope')).toBeUndefined();
  });

  it('cites the sentence behind each stated step', async () => {
    const steps = reportingLine(await defaultGraph(), 'international-staff') ?? [];
    expect(steps[1]?.sources.map((s) => s.quote).join(' ')).toMatch(/secrétaire général/);
  });
});

describe('who handles a topic', () => {
  const handlers = async (topic: string) =>
    whoHandles(await defaultGraph(), topic).map((h) => h.unit.key);

  it.each([
    'cyber defence',
    'Cyber-Defense',
    'cyberdéfense',
    'CYBERDEFENSE',
    'cyber défense',
    'cyber-defence',
  ])('"%s" is the Emerging Security Challenges Division alone', async (topic) => {
    expect(await handlers(topic)).toEqual(['emerging-security-challenges']);
  });

  it.each([
    ['terrorism', ['emerging-security-challenges']],
    ['terrorisme', ['emerging-security-challenges']],
    ['energy security', ['emerging-security-challenges']],
    ['nuclear policy', ['defence-policy-and-planning']],
    ['peacekeeping', ['operations']],
    ['air defense', ['defence-investment']],
    ['human resources', ['executive-management']],
    ['legal affairs', ['office-of-legal-affairs']],
  ])('"%s" → %j', async (topic, expected) => {
    expect(await handlers(topic)).toEqual(expected);
  });

  it('reaches the units of narrower topics, after direct ones', async () => {
    const result = whoHandles(await defaultGraph(), 'weapons of mass destruction');
    expect(result.map((h) => h.unit.key).sort()).toEqual([
      'defence-policy-and-planning',
      'emerging-security-challenges',
    ]);
    expect(result.every((h) => h.viaNarrower)).toBe(true);
  });

  it.each(['climate change', 'missile defence', 'cyber', 'defence', '', 'pizza'])(
    '"%s" gives nobody, never a guess',
    async (topic) => {
      expect(await handlers(topic)).toEqual([]);
    },
  );
});
