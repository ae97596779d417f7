/**
 * The phrasings people use, in English and French, with the exact units each must find: every
 * responsibility the source states, official and informal names, acronyms, US/UK spelling, missing
 * accents, typos, plural/singular and word order; and the questions that must find nothing.
 * Every row asserts the whole set of units, so a wrong extra unit fails as surely as a missing one.
 */
import { describe, expect, it } from 'vitest';
import { responsibilityFor } from '../../src/graph/search/responsibility';
import type { NodeKind } from '../../src/graph/search/entries';
import { search } from '../../src/graph/search/search';
import { resolveUnitName } from '../../src/graph/search/unit-resolution';
import { whoHandles } from '../../src/graph/who-handles';
import { defaultGraph } from '../kit';

const IS = 'international-staff';
const PASP = 'political-affairs-and-security-policy';
const DPP = 'defence-policy-and-planning';
const OPS = 'operations';
const DI = 'defence-investment';
const PDD = 'public-diplomacy';
const EM = 'executive-management';
const ESC = 'emerging-security-challenges';
const NOS = 'nato-office-of-security';
const NOR = 'nato-office-of-resources';
const OLA = 'office-of-legal-affairs';
const PPU = 'policy-planning-unit';
const OFC = 'office-of-the-financial-controller';
const IBAN = 'international-board-of-auditors';

/** [how people ask, the units responsible]: one row or more for every responsibility. */
const WHO_HANDLES: [string, string[]][] = [
  // International Staff
  ['support to member country delegations', [IS]],
  ['soutien aux delegations des pays membres', [IS]],
  ['support to member country delegation', [IS]],
  ['implementation of decisions', [IS]],
  ['mise en oeuvre des decisions', [IS]],
  ['decision-making support', [IS]],
  ['prise de décision', [IS]],
  ['follow-up of committee decisions', [IS]],
  ['suivi des décisions des comités de l’OTAN', [IS]],
  ['support to the North Atlantic Council', [IS]],
  ['préparation et suivi des mesures prises par le Conseil', [IS]],
  // Political Affairs and Security Policy Division
  ['political advice', [PASP]],
  ['avis politique', [PASP]],
  ['policy guidance', [PASP]],
  ['orientations generales', [PASP]],
  ['political aspects of core security tasks', [PASP]],
  ['regional affairs', [PASP]],
  ['affaires regionales', [PASP]],
  ['economic affairs', [PASP]],
  ['affaires économiques', [PASP]],
  ['security affairs', [PASP]],
  ['affaires de sécurité', [PASP]],
  ['relations with international organizations', [PASP]],
  ['relations avec les organisations internationales', [PASP]],
  ['partner countries', [PASP]],
  ['relations avec les pays partenaires', [PASP]],
  ['partnership', [PASP]],
  // Defence Policy and Planning Division
  ['defense policy and planning', [DPP]],
  ['planning and defence policy', [DPP]],
  ['defence planning', [DPP]],
  ['plans de defense', [DPP]],
  ['nuclear policy', [DPP]],
  ['politique nucleaire', [DPP]],
  ['nuclear policies', [DPP]],
  ['defence against WMD', [DPP]],
  ['défense contre les armes de destruction massive', [DPP]],
  ['operational planning', [DPP]],
  ['planification operationnelle', [DPP]],
  ['WMD', [DPP, ESC]],
  ['armes de destruction massive', [DPP, ESC]],
  // Operations Division
  ['operational capabilities', [OPS]],
  ['capacité opérationnelle', [OPS]],
  ['crisis management', [OPS]],
  ['gestion de crise', [OPS]],
  ['crisis managment', [OPS]],
  ['peacekeeping', [OPS]],
  ['peace keeping', [OPS]],
  ['maintien de la paix', [OPS]],
  ['civil emergency planning', [OPS]],
  ['plans civils d’urgence', [OPS]],
  ['exercise', [OPS]],
  ['exercices', [OPS]],
  // Defence Investment Division
  ['capability development', [DI]],
  ['développement des capacités', [DI]],
  ['armaments planning', [DI]],
  ['armament planing', [DI]],
  ['planification des armements', [DI]],
  ['air defence', [DI]],
  ['air defense', [DI]],
  ['defense aerienne', [DI]],
  ['security investments', [DI]],
  ['investissement de sécurité', [DI]],
  // Public Diplomacy Division
  ['public information', [PDD]],
  ['information du public', [PDD]],
  ['public diplomacy', [PDD]],
  ['media relations', [PDD]],
  ['médias', [PDD]],
  ['press', [PDD]],
  ['NATO website', [PDD]],
  ['site internet de l’OTAN', [PDD]],
  ['publications', [PDD]],
  ['publications imprimées et multimédia', [PDD]],
  ['seminars and conferences', [PDD]],
  ['séminaires et conférences', [PDD]],
  ['NATO Science Program', [PDD]],
  ['programme scientifique', [PDD]],
  // Executive Management Division
  ['human resources', [EM]],
  ['ressources humaines', [EM]],
  ['human ressources', [EM]],
  ['financial resources', [EM]],
  ['finances', [EM]],
  ['ressources financieres', [EM]],
  ['functioning of NATO HQ', [EM]],
  ['fonctionnement du siège', [EM]],
  ['efficiency of IS work', [EM]],
  ['support to HQ elements', [EM]],
  ['support services', [EM]],
  ['services de soutien', [EM]],
  ['conference services', [EM]],
  ['services de conférence', [EM]],
  ['information management', [EM]],
  ['gestion de l’information', [EM]],
  ['management of information', [EM]],
  // Emerging Security Challenges Division
  ['cyber defence', [ESC]],
  ['cyber defnce', [ESC]],
  ['cyber defecne', [ESC]],
  ['cyberdefense', [ESC]],
  ['cyberdéfense', [ESC]],
  ['cyber cyber defence', [ESC]],
  ['anti terrorisme', [ESC]],
  ['nontraditional risks', [ESC]],
  ['airdefence', [DI]],
  ['cybersecurity', [ESC]],
  ['cybersécurité', [ESC]],
  ['terrorism', [ESC]],
  ['terrorisme', [ESC]],
  ['counter terrorism', [ESC]],
  ['lutte contre le terrorisme', [ESC]],
  ['terorism', [ESC]],
  ['WMD proliferation', [ESC]],
  ['proliferation des armes de destruction massive', [ESC]],
  ['proliferation of weapons of mass destrucion', [ESC]],
  ['energy security', [ESC]],
  ['sécurité énergétique', [ESC]],
  ['securite energetique', [ESC]],
  ['emerging security challenges', [ESC]],
  ['non traditional risks', [ESC]],
  // NATO Office of Security
  ['NATO security policy', [NOS]],
  ['security policy', [NOS]],
  ['politique de sécurité', [NOS]],
  ['overall security', [NOS]],
  ['sécurité générale', [NOS]],
  ['HQ security', [NOS]],
  ['Headquarters security services', [NOS]],
  // NATO Office of Resources
  ['common funding', [NOR]],
  ['common-funded military resources', [NOR]],
  ['ressources militaires financées en commun', [NOR]],
  // Known only from the units' names
  ['legal affairs', [OLA]],
  ['affaires juridiques', [OLA]],
  ['legal advice', [OLA]],
  ['policy planning', [PPU]],
  ['planification des orientations', [PPU]],
  ['financial control', [OFC]],
  ['contrôle financier', [OFC]],
  ['audit', [IBAN]],
  ['audits', [IBAN]],
  ['vérification des comptes', [IBAN]],
  // A recorded term with words around it that only say "a field" or "NATO"
  ['NATO’s cyber defence', [ESC]],
  ['cyber defence issues', [ESC]],
  ['questions de cyberdéfense', [ESC]],
  ['the Alliance’s energy security', [ESC]],
  ['terrorism matters', [ESC]],
  ['affaires juridiques de l’OTAN', [OLA]],
  ['human resources issues', [EM]],
  ['NATO nuclear policy matters', [DPP]],
  // A wider notion than one recorded term: a related match
  ['nuclear matters', [DPP]],
  ['questions nucléaires', [DPP]],
  ['economic matters', [PASP]],
  ['cyber issues', [ESC]],
  ['mass destruction matters', [DPP, ESC]],
];

/** [a wider notion, the recorded topics it reaches as related matches]. */
const WIDER_NOTIONS: [string, string[]][] = [
  ['nuclear matters', ['nuclear-policy']],
  ['questions nucléaires', ['nuclear-policy']],
  ['economic matters', ['economic-affairs']],
  ['cyber issues', ['cyber-defence']],
];

/** Questions nobody in the data answers: topics no unit handles, parts of topics, nonsense, people. */
const NOBODY = [
  'climate change',
  'changement climatique',
  'missile defence',
  'missile defense',
  'défense antimissile',
  'nuclear weapons',
  'cyber attack',
  'cyber',
  'defence',
  'security',
  'policy',
  'defence planning missile',
  'xyzzy plugh',
  'asdfgh',
  'pizza',
  'Anders Fogh Rasmussen',
  'Jens Stoltenberg',
  'ESC',
  // Acronyms neither the source nor the reference list gives: not variants of the vocabulary.
  'CEP',
  'HR',
  'RH',
  'prolifération des ADM',
  '',
  // Words that say "a field" never make a topic out of words the data does not hold
  'climate change matters',
  'missile defence issues',
  'questions de défense antimissile',
  'NATO matters',
  // A notion too wide to name a topic: many recorded terms hold "security", "defence"
  'security matters',
  'defence issues',
];

describe('who handles a topic, in any words', () => {
  it.each(WHO_HANDLES)('"%s" → %j', async (topic, expected) => {
    const graph = await defaultGraph();
    expect(
      whoHandles(graph, topic)
        .map((h) => h.unit.key)
        .sort(),
    ).toEqual([...expected].sort());
    const answer = responsibilityFor(graph, topic);
    expect(answer.matches.map((m) => m.unit.key).sort()).toEqual([...expected].sort());
    expect(answer.matches.every((m) => m.confidence > 0 && m.confidence <= 1)).toBe(true);
  });

  it.each(NOBODY)('"%s" → nobody, with a note', async (topic) => {
    const answer = responsibilityFor(await defaultGraph(), topic);
    expect(answer.matches).toEqual([]);
    expect(answer.topics).toEqual([]);
    expect(answer.note?.en).toMatch(/no topic/i);
    expect(whoHandles(await defaultGraph(), topic)).toEqual([]);
  });

  it.each(WIDER_NOTIONS)('"%s" is a wider notion: %j, as related matches', async (text, keys) => {
    const answer = responsibilityFor(await defaultGraph(), text);
    expect(answer.topics.map((t) => t.topic.key)).toEqual(keys);
    expect(answer.topics.every((t) => t.via === 'related' && t.kind === 'partial')).toBe(true);
    expect(answer.topics.every((t) => t.confidence < 0.6)).toBe(true);
    expect(answer.note?.en).toMatch(/wider notion/);
  });

  it('reads a term with extra words as that term, a little less surely', async () => {
    const answer = responsibilityFor(await defaultGraph(), 'cyber defence issues');
    expect(answer.topics).toMatchObject([
      { topic: { key: 'cyber-defence' }, reading: 'extra-words', kind: 'exact', confidence: 0.9 },
    ]);
    expect(answer.note?.en).toMatch(/words beyond the recorded topic “cyber defence”/);
  });

  it('covers every responsibility the data records', async () => {
    const graph = await defaultGraph();
    const asked = new Set(
      WHO_HANDLES.flatMap(([topic]) => responsibilityFor(graph, topic).topics.map((t) => t.topic)),
    );
    const recorded = graph.units().flatMap((u) => u.responsibilities.map((r) => r.topicKey));
    const missing = recorded.filter(
      (key) => ![...asked].some((t) => t.key === key || t.broaderKeys.includes(key)),
    );
    expect(missing).toEqual([]);
  });
});

/** [what people call a unit, the unit meant]. */
const UNIT_NAMES: [string, string][] = [
  ['NATO Office of Security', NOS],
  ['NATO Security Office', NOS],
  ['Bureau de securite de l OTAN', NOS],
  ['Office of Security, NATO', NOS],
  ['NATO Ofice of Securty', NOS],
  ['NOS', NOS],
  ['NOR', NOR],
  ['NATO Office of Ressources', NOR],
  ['ESC', ESC],
  ['ESCD', ESC],
  ['Emerging Security Challenge Division', ESC],
  ['Division Défis de sécurité émergents', ESC],
  ['division defis de securite emergent', ESC],
  ['Defense Policy and Planning Division', DPP],
  ['Defence Policy & Planning', DPP],
  ['Division Politique et plans de défense', DPP],
  ['DPP', DPP],
  ['Operations Division', OPS],
  ['OPS', OPS],
  ['Division Opérations', OPS],
  ['Operatons Division', OPS],
  ['Public Diplomacy Division', PDD],
  ['Diplomatie publique', PDD],
  ['Public Diplomacy Divison', PDD],
  ['Executive Management', EM],
  ['Gestion executive', EM],
  ['Defense Investment Division', DI],
  ['DI', DI],
  ['PASP', PASP],
  ['Political Affairs and Security Policy Division', PASP],
  ['Office of Legal Affairs', OLA],
  ['Legal Office', OLA],
  ['Bureau des affaires juridiques', OLA],
  ['Office of the Legal Adviser', OLA],
  ['Private Office', 'private-office'],
  ['SG’s office', 'private-office'],
  ['Cabinet', 'private-office'],
  ['Secretary General', 'secretary-general'],
  ['secrétaire général', 'secretary-general'],
  ['Deputy Secretary General', 'deputy-secretary-general'],
  ['International Staff', IS],
  ['Secretariat international', IS],
  ['SI', IS],
  ['North Atlantic Council', 'north-atlantic-council'],
  ['Conseil de l’Atlantique Nord', 'north-atlantic-council'],
  ['International Board of Auditors', IBAN],
  ['Board of Auditers', IBAN],
  ['Office of Financial Control', OFC],
  ['FinCon', OFC],
  ['Fin Con', OFC],
  ['Policy Planning Unit', PPU],
  ['OTAN', 'nato'],
];

describe('which unit a name means', () => {
  it.each(UNIT_NAMES)('"%s" is %s', async (name, key) => {
    const resolution = resolveUnitName(await defaultGraph(), name);
    expect(resolution.unit?.key).toBe(key);
    expect(resolution.ambiguous).toBe(false);
  });

  it.each([
    ['Office', [NOS, NOR, OLA, OFC, 'private-office', 'private-office-director-and-staff']],
    ['Division', [PASP, DPP, OPS, DI, PDD, EM, ESC]],
    ['Defence', [DPP, DI]],
    ['Security', [NOS, ESC, PASP]],
  ])('"%s" is ambiguous between exactly %j, and picks none', async (name, keys) => {
    const resolution = resolveUnitName(await defaultGraph(), name);
    expect(resolution.ambiguous).toBe(true);
    expect(resolution.unit).toBeUndefined();
    expect(resolution.alternatives.map((a) => a.unit.key).sort()).toEqual([...keys].sort());
  });

  it.each(['Ministry of Magic', 'NSO', 'Anders Fogh Rasmussen', 'Missile Defence Division', ''])(
    '"%s" is no unit',
    async (name) => {
      const resolution = resolveUnitName(await defaultGraph(), name);
      expect(resolution.unit).toBeUndefined();
      expect(resolution).toMatchObject({ ambiguous: false, alternatives: [] });
    },
  );
});

/** [what people type, the kinds asked for, the best hit]. */
const SEARCH_FIRST: [string, NodeKind[], string][] = [
  ['NATO Security Office', ['unit'], NOS],
  ['bureau securite otan', ['unit'], NOS],
  ['Ofice of Securty', ['unit'], NOS],
  ['ESC', [], ESC],
  ['escd', [], ESC],
  ['emerging secu', ['unit'], ESC],
  ['défis de sécurité', ['unit'], ESC],
  ['Defense Investment', ['unit'], DI],
  ['cabinet du secretaire general', ['unit'], 'private-office'],
  ['Legal Adviser', ['unit'], OLA],
  ['auditors', ['unit'], IBAN],
  ['cyber defnce', ['unit'], ESC],
  ['terrorisme', ['unit'], ESC],
  ['human ressources', ['unit'], EM],
  ['WMD', ['topic'], 'weapons-of-mass-destruction'],
  ['Prague summit', ['event'], 'prague-summit'],
  ['sommet de Lisbonne', ['event'], 'lisbon-summit'],
  ['Deputy Secretary General', ['post'], 'deputy-secretary-general'],
  ['directeur du cabinet', ['post'], 'director-private-office'],
  ['OTAN', [], 'nato'],
];

describe('search ranks what was meant first', () => {
  it.each(SEARCH_FIRST)('"%s" (%j) → %s', async (text, kinds, key) => {
    const hits = search(await defaultGraph(), { text, kinds });
    expect(hits[0]?.key).toBe(key);
    expect(hits.every((h) => kinds.length === 0 || kinds.includes(h.kind))).toBe(true);
  });
});

describe('search finds nothing rather than a guess', () => {
  it.each([
    'climate change',
    'changement climatique',
    'missile defence',
    'défense antimissile',
    'Anders Fogh Rasmussen',
    'Jens Stoltenberg',
    'xyzzy plugh',
    '   ',
  ])('"%s"', async (text) => {
    expect(search(await defaultGraph(), { text })).toEqual([]);
  });
});
