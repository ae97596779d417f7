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
import { isQuestion } from '../../web/src/question';
import { data, defaultGraph, testYoga } from '../kit';

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
    // The dataset's own title, in French.
    expect(await page.locator('#title').textContent()).toBe(
      (await defaultGraph()).dataset.title.fr,
    );
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

  it('gives the unit panel a GraphiQL link whose document runs as it opens', async () => {
    const page = await open('/?unit=nato-office-of-security&lang=fr&date=2009-06-01');
    await expect.poll(() => panelHeading(page).textContent()).toBe("Bureau de sécurité de l'OTAN");
    const { query } = graphiqlOf(await page.locator('#panel a.graphiql').getAttribute('href'));
    expect(query?.split('\n')[0]).toBe(
      'query UnitAt($key: String! = "nato-office-of-security", $lang: Lang = FR, $date: Date! = "2009-06-01") {',
    );
    // Without any variables, as GraphiQL runs it.
    const result = await data<{ at: { unit: { key: string; nameFr: string } } }>(query ?? '');
    expect(result.at.unit).toMatchObject({
      key: 'nato-office-of-security',
      nameFr: "Bureau de sécurité de l'OTAN",
    });
    await page.close();
  });
});

const answerUnits = (page: Page) =>
  page
    .locator('#answer-units button')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
const markedUnits = async (page: Page) =>
  (
    await page
      .locator('.node.answer')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')))
  ).sort();

async function askInBox(page: Page, question: string): Promise<void> {
  await page.locator('#search-input').fill(question);
  await expect.poll(() => page.locator('#search-results li.ask').textContent()).toMatch(question);
  await page.locator('#search-input').press('Enter');
  await page.waitForSelector('#answer-text');
}

/** The link's document, and the variables GraphiQL is given. */
function graphiqlOf(href: string | null) {
  const params = new URL(href ?? '', base).searchParams;
  return { query: params.get('query'), variables: JSON.parse(params.get('variables') ?? 'null') };
}

describe('questions in the chart page’s search box', () => {
  it('tells a question from a search by its form, and never takes a name of the data for one', async () => {
    const graph = await defaultGraph();
    for (const q of [
      "qui s'occupe de la cyberdéfense ?",
      'qui s’occupe de la cyberdefense',
      'À qui rend compte le NOS',
      'Combien de divisions',
      'What is the reporting line of the NATO Security Office?',
      'who heads the ESC',
      'In which year was the NOR created',
      'cyber defence?',
    ])
      expect(isQuestion(q), q).toBe(true);
    const names = [
      ...graph.units().flatMap((u) => [u.name.en, u.name.fr, ...Object.values(u.acronym ?? {})]),
      ...graph.units().flatMap((u) => u.aliases.map((a) => a.text)),
      ...graph.topics().flatMap((t) => [t.label.en, t.label.fr]),
      ...graph.posts().flatMap((p) => [p.title.en, p.title.fr]),
      'cyber defnce',
      'emerging secu',
      'climate change',
    ];
    expect(names.filter((n) => isQuestion(String(n)))).toEqual([]);
  });

  it('answers a question in French: the sentence, the unit marked, GraphiQL with its document', async () => {
    const page = await open();
    await askInBox(page, "qui s'occupe de la cyberdéfense ?");
    expect(await page.locator('#answer-text').textContent()).toBe(
      'Division Défis de sécurité émergents traite « cyberdéfense ».',
    );
    expect(await answerUnits(page)).toEqual(['emerging-security-challenges']);
    expect(await page.locator('#answer-units button').allTextContents()).toEqual([
      'Division Défis de sécurité émergents',
    ]);
    expect(await markedUnits(page)).toEqual(['emerging-security-challenges']);
    expect(graphiqlOf(await page.locator('#answer-graphiql').getAttribute('href'))).toEqual({
      query:
        'query WhoHandles($topic: String! = "cyber-defence") { whoHandles(topic: $topic) { key name } }',
      variables: { topic: 'cyber-defence' },
    });
    // A unit of the answer opens its panel.
    await page.locator('#answer-units button').first().click();
    await expect
      .poll(() => panelHeading(page).textContent())
      .toBe('Emerging Security Challenges Division');
    await page.close();
  });

  it('answers a question in English with the reporting line marked, and GraphiQL runs its document', async () => {
    const page = await open();
    await askInBox(page, 'What is the reporting line of the NATO Security Office?');
    expect(await page.locator('#answer-text').textContent()).toBe(
      'The reporting line of NATO Office of Security: NATO Office of Security → International Staff → Secretary General.',
    );
    expect(await answerUnits(page)).toEqual([
      'nato-office-of-security',
      'international-staff',
      'secretary-general',
    ]);
    expect(await markedUnits(page)).toEqual([
      'international-staff',
      'nato-office-of-security',
      'secretary-general',
    ]);
    expect(await page.locator('.link.answer').count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: `${ARTIFACTS}chart-ask-reporting-line.png` });
    const href = await page.locator('#answer-graphiql').getAttribute('href');
    expect(graphiqlOf(href)).toEqual({
      query:
        'query ReportingLine($unit: String! = "nato-office-of-security") { reportingLine(unit: $unit) { key name } }',
      variables: { unit: 'nato-office-of-security' },
    });
    await page.goto(`${base}${href}`);
    await page.locator('.graphiql-execute-button').click();
    await expect
      .poll(() => page.locator('.graphiql-response').textContent(), { timeout: 10_000 })
      .toMatch(/nato-office-of-security[\s\S]*international-staff[\s\S]*secretary-general/);
    await page.close();
  });

  it('offers questions it can answer when it cannot read one', async () => {
    const page = await open();
    await askInBox(page, 'Pourquoi le ciel est-il bleu ?');
    expect(await page.locator('#answer-text').textContent()).toBe(
      'Cette question n’a pas pu être lue : elle ne correspond à aucun des types de question que ask comprend.',
    );
    expect(await markedUnits(page)).toEqual([]);
    expect(await page.locator('#answer-graphiql').count()).toBe(0);
    await page.locator('#answer-suggestions button').first().click();
    await expect
      .poll(() => page.locator('#answer-text').textContent())
      .toBe('Division Défis de sécurité émergents traite « cyberdéfense ».');
    expect(await markedUnits(page)).toEqual(['emerging-security-challenges']);
    await page.locator('#answer .close').click();
    expect(await page.locator('#answer').isHidden()).toBe(true);
    expect(await markedUnits(page)).toEqual([]);
    await page.close();
  });

  it('asks the structure of the chart’s date', async () => {
    const page = await open('/?date=2009-06-01');
    await askInBox(page, 'Which division handles cyber defence?');
    expect(await page.locator('#answer-text').textContent()).toBe(
      'The sources do not state who handles “cyber defence”: the topic is recorded, but no unit is linked to it.',
    );
    expect(await markedUnits(page)).toEqual([]);
    expect(
      graphiqlOf(await page.locator('#answer-graphiql').getAttribute('href')).variables,
    ).toEqual({
      topic: 'cyber-defence',
      asOf: '2009-06-01',
    });
    await page.close();
  });

  it('keeps the type-ahead for names and topics: no question, no answer', async () => {
    const page = await open();
    for (const [text, key] of [
      ['Emerging Security', 'emerging-security-challenges'],
      ['cyberdéfense', 'emerging-security-challenges'],
      ['CAN', 'north-atlantic-council'],
    ] as const) {
      await page.locator('#search-input').fill(text);
      const first = page.locator('#search-results [role="option"]').first();
      await expect.poll(() => first.getAttribute('data-key')).toBe(key);
      expect(await page.locator('#search-results li.ask').count(), text).toBe(0);
    }
    await page.locator('#search-input').press('Enter');
    await expect.poll(() => panelHeading(page).textContent()).toBe('North Atlantic Council');
    expect(await page.locator('#answer').isHidden()).toBe(true);
    await page.close();
  });
});
