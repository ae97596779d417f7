/**
 * `npm run seed:generate -- --units N --out DIR [--seed S]`: writes a synthetic organisation of any
 * size as a seed directory (the format of seed/README.md, loadable by `loadSeed` and
 * `seed:check`), for trying the server at scale and for benchmarks. Deterministic: the same size
 * and seed give the same files, byte for byte.
 *
 * The shape is meant to look like a large staff: directorates, divisions, branches, sections and
 * teams, each level about as wide as the one above times its usual span of control, but each unit
 * with its own number of sub-units (a quarter to one and three quarters of the level's mean), so
 * some branches have three sections and others thirty. Names, topics and descriptions are built
 * from a bilingual vocabulary, so search and whoHandles meet realistic words (shared words, US/UK
 * spellings, French accents), not numbers. Some units are dated, with the event that created
 * them; restructurings and reviews touch whole directorates.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { runWhenMain, UsageError } from './command';

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

/**
 * The levels below the root: [English, French, unit kind, mean sub-units per unit of the level
 * above]. The last level takes whatever the size asks beyond the others.
 */
const LEVELS = [
  ['Directorate', 'Direction', 'division', 20],
  ['Division', 'Division', 'division', 25],
  ['Branch', 'Branche', 'office', 20],
  ['Section', 'Section', 'office', 10],
  ['Team', 'Équipe', 'office', 10],
] as const;

/** Each unit's share of its level's sub-units, relative to the mean: from 0.25 to 1.75. */
const SPAN_SPREAD = [0.25, 1.75] as const;

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

/** How many units each level holds for an organisation of `total` units (the root excluded). */
export function levelSizes(total: number): number[] {
  const sizes: number[] = [];
  let left = total - 1;
  let above = 1;
  LEVELS.forEach(([, , , mean], depth) => {
    const last = depth === LEVELS.length - 1;
    const size = last ? left : Math.min(left, above * mean);
    sizes.push(size);
    left -= size;
    above = size;
  });
  return sizes.filter((n) => n > 0);
}

/**
 * Splits `count` sub-units among `parents` units in proportion to random weights, so the spans
 * vary but add up exactly (largest remainders get the rounding).
 */
function spans(count: number, parents: number, rand: () => number): number[] {
  const [low, high] = SPAN_SPREAD;
  const weights = Array.from({ length: parents }, () => low + (high - low) * rand());
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (count * w) / sum);
  const out = exact.map(Math.floor);
  let left = count - out.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    out[i]! += 1;
  }
  return out;
}

interface Placed {
  readonly key: string;
  readonly depth: number;
  readonly domain: number;
  readonly aspect: number;
  /** The year the unit was established, when the data dates it. */
  readonly year: number | undefined;
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

  // Level by level, each unit's sub-units together, so the file reads top-down like a staff list.
  let above: Placed[] = [
    { key: 'generated-organization', depth: -1, domain: -1, aspect: -1, year: undefined },
  ];
  for (const [depth, size] of levelSizes(options.units).entries()) {
    const level = LEVELS[depth]!;
    const next: Placed[] = [];
    const counts = spans(size, above.length, rand);
    above.forEach((parent, p) => {
      for (let i = 0; i < (counts[p] ?? 0); i++) {
        const d = depth === 0 ? i % DOMAINS.length : parent.domain;
        const a = depth === 1 ? i % ASPECTS.length : parent.aspect;
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
        // About one unit in 200 is dated, never before the unit it is part of.
        let year: number | undefined;
        if (rand() < 0.005) {
          year = Math.max(parent.year ?? 1990, 1990 + Math.floor(rand() * 30));
          unit['established'] = String(year);
          events.push({
            key: `created-${key}`,
            kind: 'creation',
            date: String(year),
            title: { en: `Creation of the ${en}`, fr: `Création de la ${fr}` },
            affects: [key],
            sources: CITE,
          });
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
        if (depth === 0) {
          posts.push({
            key: `deputy-${key}`,
            title: { en: 'Deputy Director', fr: 'directeur adjoint' },
            unit: key,
            role: 'deputy',
            sources: CITE,
          });
        }
        units.push(unit);
        if (units.length % 997 === 0) sampleUnitNames.push(en);
        next.push({ key, depth, domain: d, aspect: a, year });
      }
    });
    // A directorate's reviews and restructurings, each affecting it and its divisions.
    if (depth === 1) {
      const divisionsOf = new Map<string, string[]>();
      for (const [i, unit] of units.entries()) {
        if (i < units.length - next.length) continue;
        const parentKey = unit['parent'] as string;
        divisionsOf.set(parentKey, [...(divisionsOf.get(parentKey) ?? []), unit['key'] as string]);
      }
      for (const directorate of above) {
        if (rand() < 0.5) continue;
        const kind = rand() < 0.5 ? 'review' : 'restructuring';
        const year = 2000 + Math.floor(rand() * 19);
        const name = units.find((u) => u['key'] === directorate.key)?.['name'] as {
          en: string;
          fr: string;
        };
        events.push({
          key: `${kind}-of-${directorate.key}-${year}`,
          kind,
          date: `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}`,
          title:
            kind === 'review'
              ? { en: `Review of the ${name.en}`, fr: `Examen de la ${name.fr}` }
              : { en: `Restructuring of the ${name.en}`, fr: `Restructuration de la ${name.fr}` },
          affects: [directorate.key, ...(divisionsOf.get(directorate.key) ?? [])],
          sources: CITE,
        });
      }
    }
    above = next;
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
  const yaml = (value: unknown) => dump(value, { lineWidth: -1, noRefs: true });
  const write = (file: string, value: unknown) => writeFile(join(dir, file), yaml(value));
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
    writeList(join(dir, 'units.yaml'), units, yaml),
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

/**
 * Writes a list a slice at a time: the YAML of a list is its items' YAML one after the other, and
 * a million units would not fit in one string.
 */
async function writeList(
  path: string,
  list: readonly unknown[],
  yaml: (value: unknown) => string,
): Promise<void> {
  const out = createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', () => resolve()).on('error', reject);
  });
  for (let i = 0; i < list.length; i += 10_000) {
    if (!out.write(yaml(list.slice(i, i + 10_000)))) {
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  out.end();
  await done;
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A fresh temporary directory holding a generated organisation. */
export async function generateOrgInTemp(options: GenerateOptions): Promise<GeneratedOrg> {
  return generateOrg(await mkdtemp(join(tmpdir(), 'orggraph-generated-')), options);
}

/** A whole number from a flag's text, at least `min`. */
function wholeNumber(flag: string, text: string, min: number): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min)
    throw new UsageError(
      `--${flag} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, not "${text}"`,
    );
  return value;
}

await runWhenMain(import.meta.url, {
  name: 'seed:generate',
  summary:
    'Write a synthetic organisation of any size as a seed directory (directorates, divisions, branches, sections, teams; bilingual names, topics, dated units and events). The same size and seed give the same files.',
  options: {
    units: { value: 'N', description: 'how many units', default: '100000' },
    out: { value: 'DIR', description: 'the directory to write (default: a new temporary one)' },
    seed: { value: 'S', description: 'seed of the random choices', default: '1' },
  },
  examples: [
    'npm run seed:generate -- --units 100000 --out /tmp/org',
    'SEED_DIR=/tmp/org npm start',
  ],
  async run(_args, options) {
    const generate = {
      units: wholeNumber('units', options.units, 1),
      seed: wholeNumber('seed', options.seed, Number.MIN_SAFE_INTEGER),
    };
    const org = options.out
      ? await generateOrg(options.out, generate)
      : await generateOrgInTemp(generate);
    console.log(`${org.dir}: ${org.units} units, ${org.topics} topics`);
  },
});
