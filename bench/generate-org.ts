/**
 * Writes a synthetic organisation of any size as a seed directory (the format of seed/README.md,
 * loadable by `loadSeed`), for benchmarks. Deterministic: the same size and seed give the same
 * files. Names, topics and descriptions are built from a bilingual vocabulary, so search and
 * whoHandles meet realistic words (shared words, US/UK spellings, French accents), not numbers.
 *
 *   npx tsx bench/generate-org.ts [--units 100000] [--out DIR] [--seed 1]
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';

/** [English, French] */
type Pair = readonly [string, string];

export const DOMAINS: readonly Pair[] = [
  ['Cyber Defence', 'Cyberdéfense'],
  ['Air Defence', 'Défense aérienne'],
  ['Logistics', 'Logistique'],
  ['Intelligence', 'Renseignement'],
  ['Communications', 'Télécommunications'],
  ['Finance', 'Finances'],
  ['Human Resources', 'Ressources humaines'],
  ['Legal Affairs', 'Affaires juridiques'],
  ['Energy Security', 'Sécurité énergétique'],
  ['Crisis Management', 'Gestion des crises'],
  ['Maritime Security', 'Sûreté maritime'],
  ['Armaments', 'Armements'],
  ['Nuclear Policy', 'Politique nucléaire'],
  ['Public Diplomacy', 'Diplomatie publique'],
  ['Information Management', 'Gestion de l’information'],
  ['Infrastructure', 'Infrastructures'],
  ['Training', 'Formation'],
  ['Medical Support', 'Soutien médical'],
  ['Procurement', 'Achats'],
  ['Audit', 'Vérification des comptes'],
  ['Partnerships', 'Partenariats'],
  ['Standardization', 'Normalisation'],
  ['Space Policy', 'Politique spatiale'],
  ['Counter-Terrorism', 'Lutte contre le terrorisme'],
  ['Arms Control', 'Maîtrise des armements'],
  ['Civil Emergency Planning', 'Plans civils d’urgence'],
  ['Science and Technology', 'Science et technologie'],
  ['Capability Development', 'Développement des capacités'],
  ['Operations Planning', 'Planification des opérations'],
  ['Security Investment', 'Investissement de sécurité'],
  ['Environmental Protection', 'Protection de l’environnement'],
  ['Conference Services', 'Services de conférences'],
  ['Media Relations', 'Relations avec les médias'],
  ['Regional Affairs', 'Affaires régionales'],
  ['Economic Affairs', 'Affaires économiques'],
  ['Exercises', 'Exercices'],
  ['Peacekeeping', 'Maintien de la paix'],
  ['Translation', 'Traduction'],
  ['Archives', 'Archives'],
  ['Building Management', 'Gestion des bâtiments'],
];

export const ASPECTS: readonly Pair[] = [
  ['coordination', 'coordination'],
  ['planning', 'planification'],
  ['support', 'soutien'],
  ['standards', 'normes'],
  ['oversight', 'contrôle'],
  ['research', 'recherche'],
  ['liaison', 'liaison'],
  ['evaluation', 'évaluation'],
];

export const QUALIFIERS: readonly Pair[] = [
  ['Strategic', 'stratégique'],
  ['Regional', 'régional'],
  ['Operational', 'opérationnel'],
  ['Technical', 'technique'],
  ['Northern', 'nord'],
  ['Southern', 'sud'],
  ['Eastern', 'est'],
  ['Western', 'ouest'],
  ['Central', 'central'],
  ['Joint', 'interarmées'],
  ['Multinational', 'multinational'],
  ['Deployable', 'déployable'],
  ['Integrated', 'intégré'],
  ['Advanced', 'avancé'],
  ['Civilian', 'civil'],
  ['Allied', 'allié'],
];

/** Unit words by depth below the root: [English, French, unit kind]. */
const LEVELS = [
  ['Directorate', 'Direction', 'division'],
  ['Division', 'Division', 'division'],
  ['Branch', 'Branche', 'office'],
  ['Section', 'Section', 'office'],
] as const;

/** Children per unit at each depth: 1 root, 20, 500, 10,000, then sections up to the size asked. */
const FANOUT = [20, 25, 20];

const CITE = [{ source: 'generated', quote: 'generated' }];

/** Small, fast, seeded PRNG (mulberry32): the same seed gives the same organisation. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const usSpelling = (text: string) => text.replace(/Defence/g, 'Defense');

interface TopicRecord {
  key: string;
  label: { en: string; fr: string };
  variants: { en: string[]; fr: string[] };
  broader: string[];
}

/** Domain topics, aspect topics within them, and qualified aspects within those. */
function topics(): {
  records: TopicRecord[];
  domain: string[];
  aspect: string[][];
  qualified: string[][][];
} {
  const records: TopicRecord[] = [];
  const add = (en: string, fr: string, broader: string[]): string => {
    const key = slug(en);
    const us = usSpelling(en);
    records.push({
      key,
      label: { en: en.toLowerCase(), fr: fr.toLowerCase() },
      variants: { en: us !== en ? [us.toLowerCase()] : [], fr: [] },
      broader,
    });
    return key;
  };
  const domain: string[] = [];
  const aspect: string[][] = [];
  const qualified: string[][][] = [];
  DOMAINS.forEach(([en, fr], d) => {
    domain[d] = add(en, fr, []);
    aspect[d] = [];
    qualified[d] = [];
    ASPECTS.forEach(([aen, afr], a) => {
      const aspectKey = add(`${en} ${aen}`, `${afr} ${fr}`, [domain[d]!]);
      aspect[d]![a] = aspectKey;
      qualified[d]![a] = QUALIFIERS.map(([qen, qfr]) =>
        add(`${qen} ${en} ${aen}`, `${afr} ${fr} ${qfr}`, [aspectKey]),
      );
    });
  });
  return { records, domain, aspect, qualified };
}

export interface GenerateOptions {
  readonly units: number;
  readonly seed?: number;
}

export interface GeneratedOrg {
  readonly dir: string;
  readonly units: number;
  readonly topics: number;
  /** Some unit names and topic labels of the generated data, to query in benchmarks. */
  readonly sampleUnitNames: readonly string[];
  readonly sampleTopics: readonly string[];
}

/** Writes the organisation into `dir` (created if needed). */
export async function generateOrg(dir: string, options: GenerateOptions): Promise<GeneratedOrg> {
  const rand = random(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const vocabulary = topics();
  const labels = new Map(vocabulary.records.map((t) => [t.key, t.label]));
  const units: Record<string, unknown>[] = [];
  const posts: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const seenNames = new Map<string, number>();
  const sampleUnitNames: string[] = [];

  units.push({
    key: 'generated-organization',
    kind: 'organization',
    name: { en: 'Generated Organisation', fr: 'Organisation générée' },
    acronym: { en: 'GO', fr: 'OG' },
    description: {
      en: 'A synthetic organisation for benchmarks.',
      fr: 'Une organisation synthétique.',
    },
    sources: CITE,
  });

  // Breadth-first, so every level is filled before the next and the size is met exactly.
  let frontier = [{ key: 'generated-organization', depth: -1, domain: -1, aspect: -1 }];
  while (units.length < options.units && frontier.length > 0) {
    const next: typeof frontier = [];
    for (const parent of frontier) {
      const depth = parent.depth + 1;
      const level = LEVELS[Math.min(depth, LEVELS.length - 1)]!;
      const fanout = FANOUT[depth] ?? Math.ceil((options.units - units.length) / frontier.length);
      for (let i = 0; i < fanout && units.length < options.units; i++) {
        const d = depth === 0 ? i % DOMAINS.length : parent.domain;
        const a = depth <= 1 ? (depth === 1 ? i % ASPECTS.length : -1) : parent.aspect;
        const [den, dfr] = DOMAINS[d]!;
        const q = pick(QUALIFIERS);
        const aspectWords = a >= 0 ? ASPECTS[a]! : (['', ''] as const);
        const baseEn = [q[0], den, aspectWords[0] && titleCase(aspectWords[0]), level[0]]
          .filter(Boolean)
          .join(' ');
        const count = (seenNames.get(baseEn) ?? 0) + 1;
        seenNames.set(baseEn, count);
        const suffix = count > 1 ? ` ${count}` : '';
        const en = `${baseEn}${suffix}`;
        const fr = `${level[1]} ${[aspectWords[1], dfr, q[1]].filter(Boolean).join(' ')}${suffix}`;
        const key = slug(`${en}-${units.length}`);
        const topic =
          depth === 0
            ? vocabulary.domain[d]!
            : depth === 1
              ? vocabulary.aspect[d]![a]!
              : vocabulary.qualified[d]![a]![QUALIFIERS.indexOf(q)]!;
        const label = labels.get(topic);
        const unit: Record<string, unknown> = {
          key,
          kind: level[2],
          name: { en, fr },
          description: {
            en: `The ${en} is responsible for ${label?.en ?? topic}.`,
            fr: `La ${fr} est chargée de ${label?.fr ?? topic}.`,
          },
          parent: parent.key,
          responsibilities: [{ topic, sources: CITE }],
          sources: CITE,
        };
        if (usSpelling(en) !== en) {
          unit['aliases'] = [{ text: usSpelling(en), lang: 'en', kind: 'informal' }];
        }
        if (depth <= 2) {
          const post = `head-${key}`;
          unit['head'] = post;
          posts.push({
            key: post,
            title: {
              en: depth === 0 ? 'Director' : 'Head',
              fr: depth === 0 ? 'directeur' : 'chef',
            },
            unit: key,
            role: 'head',
            sources: CITE,
          });
        }
        units.push(unit);
        if (units.length % 997 === 0) sampleUnitNames.push(en);
        if (units.length % 211 === 0) {
          events.push({
            key: `created-${key}`,
            kind: 'creation',
            date: String(1990 + Math.floor(rand() * 30)),
            title: { en: `Creation of the ${en}`, fr: `Création de la ${fr}` },
            affects: [key],
            sources: CITE,
          });
        }
        next.push({ key, depth, domain: d, aspect: a });
      }
    }
    frontier = next;
  }

  // Only the topics some unit handles, with the wider topics above them: a small organisation
  // does not carry the whole vocabulary.
  const used = new Set(
    units.flatMap((u) =>
      ((u['responsibilities'] as { topic: string }[] | undefined) ?? []).map((r) => r.topic),
    ),
  );
  const byKey = new Map(vocabulary.records.map((t) => [t.key, t]));
  for (const key of [...used]) {
    for (let t = byKey.get(key); t; t = byKey.get(t.broader[0] ?? '')) used.add(t.key);
  }
  const topicsInUse = vocabulary.records.filter((t) => used.has(t.key));

  await mkdir(dir, { recursive: true });
  const write = (file: string, value: unknown) =>
    writeFile(join(dir, file), stringify(value, { lineWidth: 0, aliasDuplicateObjects: false }));
  await Promise.all([
    write('dataset.yaml', {
      key: 'generated-organisation',
      title: { en: 'Generated organisation', fr: 'Organisation générée' },
      asOf: '2020-01-01',
      primarySource: 'generated',
    }),
    write('sources.yaml', [
      { key: 'generated', title: { en: 'Generated for benchmarks' }, lang: 'en' },
    ]),
    write('units.yaml', units),
    write('posts.yaml', posts),
    write('topics.yaml', topicsInUse),
    write('events.yaml', events),
  ]);
  const sampleTopics = topicsInUse.filter((_, i) => i % 97 === 0).map((t) => t.label.en);
  return {
    dir,
    units: units.length,
    topics: topicsInUse.length,
    sampleUnitNames,
    sampleTopics,
  };
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A fresh temporary directory holding a generated organisation. */
export async function generateOrgInTemp(options: GenerateOptions): Promise<GeneratedOrg> {
  return generateOrg(await mkdtemp(join(tmpdir(), 'orggraph-generated-')), options);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      units: { type: 'string', default: '100000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
    },
  });
  const units = Number(values.units);
  if (!Number.isInteger(units) || units < 1) {
    console.error(`--units must be a positive integer; got "${values.units}"`);
    process.exit(2);
  }
  const options = { units, seed: Number(values.seed) };
  const org = values.out
    ? await generateOrg(values.out, options)
    : await generateOrgInTemp(options);
  console.log(`${org.dir}: ${org.units} units, ${org.topics} topics`);
}
