/**
 * The import of a large spreadsheet: a synthetic company chart of 100,000 rows (the CSV an HR
 * export gives: id, name, parent, kind, head, responsibilities, aliases, description) through
 * `npm run import`'s whole path in-process: read and parse the CSV, convert it, write the seed
 * directory and check it with the loader, as `seed:check` does. Median of several rounds, with
 * each phase's share.
 *
 *   npx tsx bench/scale/import.ts [--rows 100000] [--runs 3]
 *
 * `npm run bench:scale` runs it after the other measurements.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ASPECTS, DOMAINS, QUALIFIERS } from '../../src/cli/seed-generate';
import { importFile } from '../../src/graph/import/formats';
import { writeSeed } from '../../src/graph/import/write-seed';

/** The ceiling issue 14 sets for 100,000 rows. */
const CEILING_MS = 10_000;

const LEVELS = [
  ['Directorate', 'directorate', 12],
  ['Department', 'department', 10],
  ['Branch', 'branch', 10],
  ['Team', 'team', 0],
] as const;

const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** A deterministic chart of `rows` rows, each level about ten times as wide as the one above. */
export function syntheticChart(rows: number): string {
  const lines = ['id,name,parent,kind,head,responsibilities,aliases,description'];
  lines.push(
    'co,Synthetic Holdings,,company,Chief Executive,,SH,A synthetic company for benchmarks.',
  );
  let above = ['co'];
  let n = 1;
  for (const [depth, [level, kind, span]] of LEVELS.entries()) {
    const next: string[] = [];
    const last = depth === LEVELS.length - 1;
    for (const [p, parent] of above.entries()) {
      const count = last ? Math.ceil((rows - n) / Math.max(1, above.length - p)) : span;
      for (let i = 0; i < count && n < rows; i++, n++) {
        const [domain] = DOMAINS[n % DOMAINS.length]!;
        const [aspect] = ASPECTS[(n >> 3) % ASPECTS.length]!;
        const [qualifier] = QUALIFIERS[(n >> 5) % QUALIFIERS.length]!;
        const id = `u${n}`;
        const name = `${qualifier} ${domain} ${level} ${n}`;
        lines.push(
          [
            id,
            name,
            parent,
            kind,
            depth < 2 ? `Head of ${name}` : '',
            `${domain} ${aspect};${domain}`.toLowerCase(),
            n % 10 === 0 ? `${domain} ${level} No. ${n}` : '',
            `The ${name} looks after ${domain.toLowerCase()} ${aspect}.`,
          ]
            .map(quote)
            .join(','),
        );
        next.push(id);
      }
    }
    above = next;
  }
  return `${lines.join('\n')}\n`;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;

export interface ImportFigures {
  readonly rows: number;
  readonly megabytes: number;
  readonly convertMs: number;
  readonly writeAndCheckMs: number;
  readonly totalMs: number;
  readonly totalRange: readonly [number, number];
}

/** Imports the synthetic chart `runs` times; prints and returns the medians. */
export async function importBench(rows = 100_000, runs = 3): Promise<ImportFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'orggraph-import-bench-'));
  try {
    const csv = join(dir, 'chart.csv');
    const text = syntheticChart(rows);
    await writeFile(csv, text);
    const convert: number[] = [];
    const write: number[] = [];
    const total: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      const imported = await importFile('csv', csv, { asOf: '2024-01-01' });
      const converted = performance.now();
      const graph = await writeSeed(imported, join(dir, `out-${run}`));
      const done = performance.now();
      if (graph.counts().units !== rows) throw new Error(`imported ${graph.counts().units} units`);
      convert.push(converted - start);
      write.push(done - converted);
      total.push(done - start);
      await rm(join(dir, `out-${run}`), { recursive: true, force: true });
    }
    const figures: ImportFigures = {
      rows,
      megabytes: Buffer.byteLength(text) / 2 ** 20,
      convertMs: median(convert),
      writeAndCheckMs: median(write),
      totalMs: median(total),
      totalRange: [Math.min(...total), Math.max(...total)],
    };
    console.log(
      `\nimport of a ${rows}-row CSV (${figures.megabytes.toFixed(1)} MB), median of ${runs}: read + convert ${figures.convertMs.toFixed(0)} ms + write + check ${figures.writeAndCheckMs.toFixed(0)} ms = ${figures.totalMs.toFixed(0)} ms (${figures.totalRange.map((x) => x.toFixed(0)).join('–')})` +
        (rows === 100_000
          ? `   [< ${CEILING_MS} ms: ${figures.totalMs < CEILING_MS ? 'pass' : 'FAIL'}]`
          : ''),
    );
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '3' },
    },
  });
  await importBench(Number(values.rows), Number(values.runs));
}
