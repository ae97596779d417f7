/**
 * The chart page's first view on a large organisation: the real server (in this process, on a
 * free port) serves a seed directory, and Debian's chromium (playwright-core) opens the page in a
 * fresh context each round (nothing cached, as a first visit). A round's time runs from navigation
 * to the first boxes on screen (the page's `chart-drawn` mark, taken on the frame after the first
 * draw); the first round, on a server that has answered nothing yet, is reported apart.
 *
 *   tsx bench/scale/chart.ts [--dir DIR] [--units 100000] [--rounds 7]
 * bench/scale/run.ts calls `chartFirstView` on the organisation it generated.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { generateOrgInTemp } from '../../src/cli/seed-generate';
import { defaultConfig } from '../../src/server/config';
import { createLogger } from '../../src/server/observability';
import { serve } from '../../src/server/serve';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BUILD = fileURLToPath(new URL('../../scripts/build.mjs', import.meta.url));

export interface ChartFigures {
  units: number;
  /** Navigation to first boxes, the first round (cold server). */
  coldMs: number;
  /** Median of the other rounds, and their range. */
  medianMs: number;
  rangeMs: [number, number];
  /** Boxes the first view draws. */
  boxes: number;
  rounds: number;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;

/** Measures the first view of the chart on the organisation in `dir`, and prints one line. */
export async function chartFirstView(dir: string, rounds = 7): Promise<ChartFigures> {
  // The page the server gives at `/` is dist/web: build it if the sources changed.
  await promisify(execFile)(process.execPath, [BUILD, '--if-stale']);
  const server = await serve(
    defaultConfig({ port: 0, host: '127.0.0.1', logLevel: 'silent', seedDir: dir }),
    createLogger('silent'),
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const origin = new URL(server.url).origin;
    const times: number[] = [];
    let boxes = 0;
    for (let round = 0; round <= rounds; round++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => performance.getEntriesByName('chart-drawn').length > 0);
      times.push(
        await page.evaluate(() => performance.getEntriesByName('chart-drawn')[0]?.startTime ?? NaN),
      );
      boxes = await page.locator('.org-chart .node').count();
      await context.close();
    }
    const [cold, ...warm] = times;
    const figures: ChartFigures = {
      units: server.store.current.counts().units,
      coldMs: cold ?? NaN,
      medianMs: median(warm),
      rangeMs: [Math.min(...warm), Math.max(...warm)],
      boxes,
      rounds,
    };
    console.log(
      `  chart first view, ${figures.units} units: ${figures.medianMs.toFixed(0)} ms median of ${rounds} (${figures.rangeMs.map((x) => x.toFixed(0)).join('–')}), first on a fresh server ${figures.coldMs.toFixed(0)} ms; ${boxes} boxes   [< 1000 ms: ${figures.medianMs < 1000 ? 'pass' : 'FAIL'}]`,
    );
    return figures;
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      units: { type: 'string', default: '100000' },
      rounds: { type: 'string', default: '7' },
    },
  });
  const dir = values.dir ?? (await generateOrgInTemp({ units: Number(values.units) })).dir;
  try {
    console.log(`\nchart page (Debian chromium, 1280×800, a fresh context each round):`);
    await chartFirstView(dir, Number(values.rounds));
  } finally {
    if (!values.dir) await rm(dir, { recursive: true, force: true });
  }
}
