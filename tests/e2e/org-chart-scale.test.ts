/**
 * The org chart page on generated organisations of 10,000 and 100,000 units, in Debian's chromium
 * driven by playwright-core: the real server on a free port serves a seed directory written to a
 * temp dir. The first view shows the top levels only, readable without zooming; the rest is
 * loaded as the reader expands units, asks for more, searches or follows a link. Screenshots go
 * to docs/ (org-chart-10k.png, org-chart-100k.png) and test-artifacts/.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateOrgInTemp } from '../../src/cli/seed-generate';
import type { OrgGraph } from '../../src/graph/org-graph';
import type { Unit } from '../../src/graph/types';
import { childCount, descendantCount } from '../../src/graph/unit-tree';
import { startServer, type TestServer } from '../http-kit';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
/** The most boxes a first view may draw. */
const MAX_BOXES = 300;
/** The smallest text on screen, in CSS pixels, that counts as readable without zooming. */
const MIN_FONT_PX = 10;
/** Sub-units loaded per page (web/src/main.ts BUDGET.page). */
const PAGE = 24;

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium`);
  await mkdir(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const consoleErrors: string[] = [];
beforeEach(() => {
  consoleErrors.length = 0;
});
afterEach(() => {
  expect(consoleErrors, 'console errors of this test’s pages').toEqual([]);
});

const nodeOf = (page: Page, key: string) => page.locator(`.node[data-key="${key}"]`);
const drawnKeys = (page: Page) =>
  page.locator('.node[data-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
const panelHeading = (page: Page) => page.locator('#panel-heading');

/**
 * What the reader sees of the drawn boxes: the smallest text in screen pixels, the texts that
 * stick out of their box (or pill), and the pairs of boxes that overlap.
 */
function readability(page: Page) {
  return page.evaluate(() => {
    const rectOf = (el: Element) => el.getBoundingClientRect();
    let smallest = Infinity;
    const clipped: string[] = [];
    for (const text of document.querySelectorAll<SVGTextElement>('.org-chart .node text')) {
      if (!text.textContent?.trim()) continue;
      const scale = text.getScreenCTM()?.a ?? 1;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
      const frame = text.parentElement?.querySelector(':scope > rect');
      if (!frame || text.closest('.node.group')) continue;
      const t = rectOf(text);
      const f = rectOf(frame);
      if (
        t.left < f.left - 0.5 ||
        t.right > f.right + 0.5 ||
        t.top < f.top - 2 ||
        t.bottom > f.bottom + 2
      )
        clipped.push(text.textContent);
    }
    const boxes = [...document.querySelectorAll('.org-chart .node:not(.group) > rect')].map((r) =>
      rectOf(r),
    );
    const pills = [...document.querySelectorAll('.org-chart .node .counts > rect')].map((r) =>
      rectOf(r),
    );
    const frames = [...boxes, ...pills];
    let overlaps = 0;
    for (let i = 0; i < frames.length; i++) {
      for (let j = i + 1; j < frames.length; j++) {
        const a = frames[i]!;
        const b = frames[j]!;
        if (
          a.left < b.right - 1 &&
          b.left < a.right - 1 &&
          a.top < b.bottom - 1 &&
          b.top < a.bottom - 1
        )
          overlaps++;
      }
    }
    return { smallest, clipped, overlaps };
  });
}

const counts = (unit: Unit) =>
  `${childCount(unit).toLocaleString('en')} · ${descendantCount(unit).toLocaleString('en')}`;

for (const size of [10_000, 100_000]) {
  const label = size === 10_000 ? '10k' : '100k';

  describe(`the org chart page on a generated organisation of ${size.toLocaleString('en')} units`, () => {
    let server: TestServer;
    let dir: string;
    let graph: OrgGraph;
    let base: string;

    beforeAll(async () => {
      dir = (await generateOrgInTemp({ units: size })).dir;
      server = await startServer({ seedDir: dir });
      graph = server.store.current;
      base = new URL(server.url).origin;
    }, 300_000);

    afterAll(async () => {
      await server?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    async function open(path = '/'): Promise<Page> {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(`${path}: ${m.text()}`);
      });
      page.on('pageerror', (e) => consoleErrors.push(`${path}: ${e.message}`));
      await page.goto(`${base}${path}`);
      await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
      return page;
    }

    const root = () => graph.units().find((u) => !u.parent) as Unit;
    const childrenOf = (unit: Unit) => graph.childrenOf(unit.key);
    /** A unit at the bottom of the first unit's branches, and one at the bottom of the last's. */
    const deepest = (pick: (units: readonly Unit[]) => Unit | undefined) => {
      let at = root();
      for (let next = pick(childrenOf(at)); next; next = pick(childrenOf(at))) at = next;
      return at;
    };

    it('first shows the top levels only, with their counts, every label readable', async () => {
      const page = await open();
      const drawnAfterMs = await page.evaluate(
        () => performance.getEntriesByName('chart-drawn')[0]?.startTime ?? NaN,
      );
      console.log(
        `first view of ${size} units drawn ${Math.round(drawnAfterMs)} ms after navigation`,
      );
      expect(await page.locator('.org-chart .node').count()).toBeLessThanOrEqual(MAX_BOXES);
      const top = root();
      const keys = await drawnKeys(page);
      expect(keys).toContain(top.key);
      // Every sub-unit of the root is there (it has fewer than a page), and nothing deeper.
      expect(keys.sort()).toEqual([top.key, ...childrenOf(top).map((u) => u.key)].sort());
      for (const unit of [top, ...childrenOf(top)]) {
        expect(await nodeOf(page, unit.key).locator('.counts text').textContent(), unit.key).toBe(
          `${unit === top ? '−' : '+'} ${counts(unit)}`,
        );
      }
      expect(await page.locator('#title').textContent()).toBe(graph.dataset.title.en);
      expect(await page.locator('#search-input').getAttribute('placeholder')).toMatch(
        /^Search or ask: .+…$/,
      );
      const seen = await readability(page);
      expect(seen.smallest).toBeGreaterThanOrEqual(MIN_FONT_PX);
      expect(seen.clipped).toEqual([]);
      expect(seen.overlaps).toBe(0);
      await page.screenshot({ path: `${DOCS}org-chart-${label}.png` });
      await page.close();
    });

    it('expands a wide unit a page at a time, shows more, and collapses to free it', async () => {
      const page = await open();
      const wide = [...childrenOf(root())].sort((a, b) => childCount(b) - childCount(a))[0]!;
      expect(childCount(wide)).toBeGreaterThan(PAGE);
      const before = (await drawnKeys(page)).length;
      await nodeOf(page, wide.key).locator('.counts').click();
      const firstPage = childrenOf(wide)
        .slice(0, PAGE)
        .map((u) => u.key);
      await expect.poll(async () => (await drawnKeys(page)).length).toBe(before + PAGE);
      expect(await drawnKeys(page)).toEqual(expect.arrayContaining(firstPage));
      expect(await nodeOf(page, wide.key).getAttribute('aria-expanded')).toBe('true');
      const more = page.locator(`.node[data-more="${wide.key}"]`);
      expect(await more.textContent()).toBe(`Show ${childCount(wide) - PAGE} more`);
      await more.click();
      const shown = Math.min(childCount(wide), 2 * PAGE);
      await expect.poll(async () => (await drawnKeys(page)).length).toBe(before + shown);
      expect(await drawnKeys(page)).toEqual(
        expect.arrayContaining(
          childrenOf(wide)
            .slice(0, shown)
            .map((u) => u.key),
        ),
      );
      const seen = await readability(page);
      expect(seen.clipped).toEqual([]);
      expect(seen.overlaps).toBe(0);
      await page.screenshot({ path: `${ARTIFACTS}chart-${label}-expanded.png` });
      await nodeOf(page, wide.key).locator('.counts').click();
      await expect.poll(async () => (await drawnKeys(page)).length).toBe(before);
      expect(await page.locator(`.node[data-more="${wide.key}"]`).count()).toBe(0);
      expect(await nodeOf(page, wide.key).getAttribute('aria-expanded')).toBe('false');
      await page.close();
    });

    it('keeps only the selected unit’s branch', async () => {
      const page = await open();
      const [one, two] = childrenOf(root());
      await nodeOf(page, one!.key).locator('.counts').click();
      await nodeOf(page, two!.key).locator('.counts').click();
      const pick = childrenOf(one!)[0]!;
      await nodeOf(page, pick.key).click();
      await expect.poll(() => panelHeading(page).textContent()).toBe(pick.name.en);
      await page.locator('#branch-button').click();
      const keys = await drawnKeys(page);
      expect(keys.sort()).toEqual([root().key, one!.key, pick.key].sort());
      // The rest is a "show more" away at each level of the branch.
      expect(await page.locator(`.node[data-more="${root().key}"]`).textContent()).toBe(
        `Show ${childCount(root()) - 1} more`,
      );
      expect(await page.locator(`.node[data-more="${one!.key}"]`).textContent()).toBe(
        `Show ${childCount(one!) - 1} more`,
      );
      await page.screenshot({ path: `${ARTIFACTS}chart-${label}-branch.png` });
      await page.locator(`.node[data-more="${root().key}"]`).click();
      await expect
        .poll(async () => (await drawnKeys(page)).length)
        .toBe(3 + Math.min(PAGE, childCount(root())) - 1);
      await page.close();
    });

    it('search reveals a unit however deep, loading the branches above it', async () => {
      const page = await open();
      const deep = deepest((units) => units[0]);
      expect(graph.depthOf(deep.key)).toBeGreaterThanOrEqual(3);
      await page.locator('#search-input').fill(deep.name.en);
      const option = page.locator(`#search-results [role="option"][data-key="${deep.key}"]`);
      await option.click();
      await expect.poll(() => panelHeading(page).textContent()).toBe(deep.name.en);
      expect(await nodeOf(page, deep.key).getAttribute('class')).toMatch(/selected/);
      expect(await nodeOf(page, deep.key).isVisible()).toBe(true);
      const keys = await drawnKeys(page);
      for (let up = deep.parent?.unitKey; up; up = graph.unit(up)?.parent?.unitKey)
        expect(keys, up).toContain(up);
      expect(page.url()).toContain(`unit=${deep.key}`);
      const seen = await readability(page);
      expect(seen.clipped).toEqual([]);
      expect(seen.overlaps).toBe(0);
      await page.screenshot({ path: `${ARTIFACTS}chart-${label}-search.png` });
      await page.close();
    });

    it('opens a deep link to a deep unit in its place', async () => {
      const deep = deepest((units) => units[units.length - 1]);
      const page = await open(`/?unit=${deep.key}`);
      await expect.poll(() => panelHeading(page).textContent()).toBe(deep.name.en);
      expect(await nodeOf(page, deep.key).getAttribute('class')).toMatch(/selected/);
      expect(await nodeOf(page, deep.key).isVisible()).toBe(true);
      const lit = await page
        .locator('.node.in-line')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
      // Its reporting line, up to the top below the organisation.
      expect(lit.length).toBe(graph.depthOf(deep.key) - 1);
      expect(await page.locator('.org-chart .node').count()).toBeLessThanOrEqual(MAX_BOXES);
      const seen = await readability(page);
      expect(seen.smallest).toBeGreaterThanOrEqual(MIN_FONT_PX);
      await page.close();
    });
  });
}
