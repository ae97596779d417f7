/**
 * The org chart page in a real browser: Debian's chromium driven by playwright-core (never a
 * downloaded browser). Screenshots go to test-artifacts/.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultGraph, testYoga } from '../kit';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

let server: Server;
let browser: Browser;
let base: string;
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: install Debian's chromium (.ci/run does) or set CHROMIUM_PATH`,
    );
  }
  // The page itself is built once for every test file, by tests/build-once.ts.
  await mkdir(ARTIFACTS, { recursive: true });
  server = createServer(await testYoga());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 120_000);

// Every test's pages must log no error: checked after each test, for that test's pages only.
beforeEach(() => {
  consoleErrors.length = 0;
});
afterEach(() => {
  expect(consoleErrors, 'console errors of this test’s pages').toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function open(path = '/', viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${path}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${path}: ${e.message}`));
  await page.goto(`${base}${path}`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  return page;
}

const unitNode = (page: Page, key: string) => page.locator(`.node[data-key="${key}"]`);
const panelHeading = (page: Page) => page.locator('#panel-heading');

describe('the org chart page', () => {
  it('draws every unit of the dataset, and saves desktop and phone screenshots', async () => {
    const graph = await defaultGraph();
    const page = await open();
    const drawn = await page
      .locator('.node[data-key]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
    expect(drawn.sort()).toEqual(
      graph
        .units()
        .map((u) => u.key)
        .sort(),
    );
    for (const unit of graph.units()) {
      expect(await unitNode(page, unit.key).getAttribute('aria-label')).toMatch(
        new RegExp(`^${unit.name.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      );
      expect(await unitNode(page, unit.key).isVisible(), unit.key).toBe(true);
    }
    await page.screenshot({ path: `${ARTIFACTS}chart-desktop.png` });
    const phone = await open('/?unit=nato-office-of-security', { width: 390, height: 844 });
    expect(await panelHeading(phone).textContent()).toBe('NATO Office of Security');
    expect(await phone.locator('.node[data-key]').count()).toBe(graph.units().length);
    await phone.screenshot({ path: `${ARTIFACTS}chart-phone.png` });
    await page.close();
    await phone.close();
  });

  it('shows the reporting line of the NATO Office of Security when it is clicked', async () => {
    const page = await open();
    await unitNode(page, 'nato-office-of-security').click();
    await expect.poll(() => panelHeading(page).textContent()).toBe('NATO Office of Security');
    expect(await page.locator('.reporting-line li button').allTextContents()).toEqual([
      'NATO Office of Security',
      'International Staff',
      'Secretary General',
    ]);
    expect(await page.locator('.reporting-line li .basis').allTextContents()).toEqual([
      ' (derived: part of it)',
      ' (stated by a source)',
    ]);
    expect(await page.locator('#panel blockquote').first().textContent()).toMatch(
      /Bureau de sécurité/,
    );
    const lit = await page
      .locator('.node.in-line')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
    expect(lit.sort()).toEqual(['international-staff', 'secretary-general']);
    expect(await unitNode(page, 'nato-office-of-security').getAttribute('class')).toMatch(
      /selected/,
    );
    expect(await page.locator('.link.in-line').count()).toBeGreaterThanOrEqual(2);
    expect(page.url()).toContain('unit=nato-office-of-security');
    await page.screenshot({ path: `${ARTIFACTS}chart-nos-selected.png` });
    await page.close();
  });

  it('finds the Emerging Security Challenges Division from "cyberdéfense"', async () => {
    const page = await open();
    await page.locator('#search-input').fill('cyberdéfense');
    const first = page.locator('#search-results [role="option"]').first();
    await expect.poll(() => first.getAttribute('data-key')).toBe('emerging-security-challenges');
    await page.locator('#search-input').press('Enter');
    await expect
      .poll(() => panelHeading(page).textContent())
      .toBe('Emerging Security Challenges Division');
    expect(page.url()).toContain('unit=emerging-security-challenges');
    await page.close();
  });

  it('finds units through the search API despite typos and by acronym', async () => {
    const page = await open();
    for (const [text, key] of [
      ['NATO Security Office', 'nato-office-of-security'],
      ['cyber defnce', 'emerging-security-challenges'],
      ['PDD', 'public-diplomacy'],
    ] as const) {
      await page.locator('#search-input').fill(text);
      const first = page.locator('#search-results [role="option"]').first();
      await expect.poll(() => first.getAttribute('data-key')).toBe(key);
    }
    await page.locator('#search-input').fill('climate change');
    await expect.poll(() => page.locator('#search-results li.empty').count()).toBe(1);
    await page.close();
  });

  it('relabels everything in French', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'FR', exact: true }).click();
    await expect
      .poll(() => unitNode(page, 'emerging-security-challenges').textContent())
      .toContain('Division Défis de sécurité');
    expect(
      await unitNode(page, 'emerging-security-challenges').getAttribute('aria-label'),
    ).toContain('Division Défis de sécurité émergents');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('#title').textContent()).toBe('Secrétariat international de l’OTAN');
    expect(page.url()).toContain('lang=fr');
    await page.close();
  });

  it('restores the view from a deep link', async () => {
    const page = await open('/?unit=office-of-legal-affairs&lang=fr');
    await expect
      .poll(() => panelHeading(page).textContent())
      .toBe('Bureau des affaires juridiques');
    expect(
      await page.getByRole('button', { name: 'FR', exact: true }).getAttribute('aria-pressed'),
    ).toBe('true');
    const lit = await page
      .locator('.node.in-line')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
    expect(lit.sort()).toEqual(['private-office', 'secretary-general']);
    await page.close();
  });

  it('shows the structure on a past date, with what the sources do not describe', async () => {
    const page = await open('/?date=2009-06-01');
    expect(await unitNode(page, 'emerging-security-challenges').count()).toBe(0);
    expect(await unitNode(page, 'nato-office-of-resources').count()).toBe(1);
    expect(await page.locator('.node.kind-DIVISION').count()).toBe(6);
    expect(await page.locator('#coverage').isVisible()).toBe(true);
    expect(await page.locator('#coverage-notes p').count()).toBeGreaterThan(0);
    await page.locator('#coverage-summary').click();
    expect(await page.locator('#coverage-notes').textContent()).toMatch(/2010-08/);
    expect(await page.locator('#date-input').inputValue()).toBe('2009-06-01');
    await page.locator('#date-input').fill('2006-01-01');
    await page.locator('#date-input').dispatchEvent('change');
    await expect.poll(() => unitNode(page, 'nato-office-of-resources').count()).toBe(0);
    expect(page.url()).toContain('date=2006-01-01');
    await page.screenshot({ path: `${ARTIFACTS}chart-2006.png` });
    await page.close();
  });

  it('reaches every unit with the keyboard, and Enter selects', async () => {
    const graph = await defaultGraph();
    const page = await open();
    const reached = new Set<string>();
    await page.locator('#graphiql-link').focus();
    for (let i = 0; i < graph.units().length + 5; i++) {
      await page.keyboard.press('Tab');
      const key = await page.evaluate(() => document.activeElement?.getAttribute('data-key'));
      if (key) reached.add(key);
    }
    expect([...reached].sort()).toEqual(
      graph
        .units()
        .map((u) => u.key)
        .sort(),
    );
    await unitNode(page, 'operations').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panelHeading(page).textContent()).toBe('Operations Division');
    await page.close();
  });

  it('downloads the chart as an SVG naming every unit', async () => {
    const graph = await defaultGraph();
    const page = await open();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#download-button').click(),
    ]);
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    expect(text).toMatch(/^<\?xml/);
    for (const unit of graph.units()) {
      const first = unit.name.en.split(' ').slice(0, 2).join(' ');
      expect(text, unit.key).toContain(first);
    }
    await page.close();
  });
});
