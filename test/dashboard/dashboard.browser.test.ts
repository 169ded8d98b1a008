/**
 * The dashboard in a real browser: builds the site for the fixture history, serves it on
 * 127.0.0.1 and opens it in headless Chromium (Debian's /usr/bin/chromium via playwright-core).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../launch-chromium.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, type SiteSummary } from '../../src/dashboard/build-site.ts';
import { DEFAULT_DETECT_OPTIONS, type DashboardManifest } from '../../src/history/index.ts';
import { makeRuns } from '../history/make-history.ts';
import { HOSTILE_BENCHMARK, HOSTILE_METRIC, writeFixtureHistory } from './fixture-history.ts';
import { serveFolder } from './serve-folder.ts';

const CHROMIUM = CHROMIUM_PATH;
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`dashboard browser test skipped: ${CHROMIUM} is missing (apt-get install chromium)`);

describe.skipIf(!hasChromium)('dashboard in headless Chromium', () => {
  let scratch: string;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let browser: Browser;
  let summary: SiteSummary;
  let manifest: DashboardManifest;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'benchgate-dashboard-test-'));
    await writeFixtureHistory(path.join(scratch, 'data'));
    summary = await buildSite({
      dataFolder: path.join(scratch, 'data'),
      outDir: path.join(scratch, 'site'),
      commitUrl: 'https://github.com/octo/repo/commit/{commit}',
      detection: DEFAULT_DETECT_OPTIONS,
      generatedAt: '2026-12-02T08:00:00.000Z',
    });
    manifest = JSON.parse(await readFile(path.join(scratch, 'site', 'manifest.json'), 'utf8')) as DashboardManifest;
    server = await serveFolder(path.join(scratch, 'site'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  /** Opens the page with a query string; collects console errors and uncaught exceptions. */
  async function open(query: string, height = 900): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1100, height } });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
    await page.goto(`${server.url}${query}`);
    await page.waitForSelector('#status:not(:text("Loading…"))');
    return { page, errors };
  }

  async function scrollAll(page: Page): Promise<void> {
    const cards = await page.locator('article.card').count();
    for (let index = 0; index < cards; index++) await page.locator('article.card').nth(index).scrollIntoViewIfNeeded();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('article.card')).every((card) => (card as HTMLElement).dataset.loaded === 'true'));
  }

  /** Pixels of a color family in a chart's canvas: 'red' for regressions, 'green' for improvements. */
  function countPixels(page: Page, benchmark: string, color: 'red' | 'green'): Promise<number> {
    return page.evaluate(
      ([name, family]) => {
        const card = Array.from(document.querySelectorAll('article.card')).find((candidate) => candidate.querySelector('h2')?.textContent === name)!;
        const canvas = card.querySelector('canvas')!;
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let count = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
          if (a < 200) continue;
          if (family === 'red' ? r > 180 && g < 80 && b < 80 : g > 100 && r < 60 && b < 90) count++;
        }
        return count;
      },
      [benchmark, color] as const,
    );
  }

  test('the site is small files: a manifest and one lazily loaded file per benchmark', () => {
    expect(summary.benchmarks).toBe(5);
    expect(summary.files.map((file) => file.path).sort()).toEqual(['index.html', 'manifest.json', ...manifest.benchmarks.map((entry) => entry.file)].sort());
    expect(summary.largest.bytes).toBeLessThan(100_000);
  });

  test('every chart draws with no console error, loading data only as cards come into view', async () => {
    const { page, errors } = await open('', 600);
    await page.waitForSelector('.chart[data-drawn="true"]');
    const early = server.requests.filter((request) => request.startsWith('/data/')).length;
    expect(early).toBeLessThan(manifest.benchmarks.length);
    await scrollAll(page);
    const charts = await page
      .locator('.chart')
      .evaluateAll((nodes) => nodes.map((node) => [(node as HTMLElement).dataset.drawn, node.querySelectorAll('canvas').length]));
    expect(charts).toHaveLength(6);
    expect(charts.every(([drawn, canvases]) => drawn === 'true' && canvases === 1)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('change points are marked on the chart and listed with their commit links; environment changes too', async () => {
    const { page, errors } = await open('?branch=main&q=json');
    await scrollAll(page);
    const parse = page.locator('article.card', { has: page.locator('h2', { hasText: /^json\/parse$/ }) });
    const item = parse.locator('li.change-point.regressed');
    await expect(item.count()).resolves.toBe(1);
    const runs = makeRuns({ jobs: 60, seed: 1, benchmarks: [] });
    await expect(item.locator('a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))).resolves.toEqual([
      `https://github.com/octo/repo/commit/${runs[29]!.commit}`,
      `https://github.com/octo/repo/commit/${runs[30]!.commit}`,
    ]);
    await expect(item.textContent()).resolves.toMatch(/^regressed \+\d+\.\d% \(95% CI \+\d+\.\d% … \+\d+\.\d%\) between [0-9a-f]{7} and [0-9a-f]{7}, p 0\.01$/);
    expect(await countPixels(page, 'json/parse', 'red')).toBeGreaterThan(100);
    expect(await countPixels(page, 'json/stringify', 'green')).toBeGreaterThan(100);
    await expect(page.locator('article.card .chart').first().getAttribute('data-environment-changes')).resolves.toBe('1');
    await expect(parse.locator('p.environment').textContent()).resolves.toContain('Runner environment changed at');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a chart without a change point has no change-point marker', async () => {
    const { page } = await open('?bench=regex/match');
    await scrollAll(page);
    expect(await countPixels(page, 'regex/match', 'red')).toBe(0);
    await expect(page.locator('li.change-point').count()).resolves.toBe(0);
    await page.close();
  });

  test('filters live in the URL: opening a filtered URL shows only matches, and typing updates the URL', async () => {
    const { page, errors } = await open('?q=stringify');
    await expect(page.locator('article.card h2').allTextContents()).resolves.toEqual(['json/stringify']);
    await expect(page.locator('input[name=q]').inputValue()).resolves.toBe('stringify');
    // leave each view only once its lazy loads are done: a navigation aborts the ones in flight,
    // which 'requestfailed' would report as the page's own failures
    await page.waitForLoadState('networkidle');
    await page.goto(`${server.url}?bench=json%2Fparse&branch=feature%2Fx`);
    await page.waitForSelector('article.card');
    await expect(page.locator('article.card .meta').allTextContents()).resolves.toEqual(['set default · branch feature/x · 12 jobs · 0 change point(s)']);
    await page.waitForLoadState('networkidle');
    await page.goto(server.url);
    await page.waitForSelector('article.card');
    await page.locator('input[name=q]').fill('regex');
    await expect(page.evaluate(() => location.search)).resolves.toBe('?q=regex');
    await expect(page.locator('article.card h2').allTextContents()).resolves.toEqual(['regex/match']);
    await page.locator('input[name=changed]').check();
    await expect(page.evaluate(() => location.search)).resolves.toBe('?q=regex&changed=1');
    await expect(page.locator('main p.empty').textContent()).resolves.toBe('No benchmark matches these filters.');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('log scale is a URL filter too, and redraws the charts', async () => {
    const { page, errors } = await open('?bench=json%2Fparse&branch=main');
    await scrollAll(page);
    await page.locator('input[name=log]').check();
    await expect(page.evaluate(() => location.search)).resolves.toContain('log=1');
    await page.waitForSelector('.chart[data-drawn="true"]');
    expect(await countPixels(page, 'json/parse', 'red')).toBeGreaterThan(100);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('drag zooms into a time range and double-click resets it', async () => {
    const { page, errors } = await open('?bench=json%2Fparse&branch=main');
    await scrollAll(page);
    const chart = page.locator('.chart').first();
    const range = async () => (await chart.getAttribute('data-x-range'))!.split('..').map(Number) as [number, number];
    const [fullMin, fullMax] = await range();
    const box = (await chart.locator('.u-over').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const [zoomMin, zoomMax] = await range();
    expect(zoomMin).toBeGreaterThan(fullMin);
    expect(zoomMax).toBeLessThan(fullMax);
    expect(zoomMax - zoomMin).toBeLessThan((fullMax - fullMin) * 0.5);
    await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
    await expect(range()).resolves.toEqual([fullMin, fullMax]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('hostile benchmark and metric names show as text and run nothing', async () => {
    const { page, errors } = await open(`?q=${encodeURIComponent('onerror')}`);
    await scrollAll(page);
    await expect(page.locator('article.card h2').allTextContents()).resolves.toEqual([HOSTILE_BENCHMARK]);
    await expect(page.locator('article.card h3').allTextContents()).resolves.toEqual([
      `${HOSTILE_METRIC} · ms, smaller is better · 60 jobs`,
      'time · ms, smaller is better · 60 jobs',
    ]);
    await expect(page.locator('main img').count()).resolves.toBe(0);
    await expect(page.locator('main script').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).resolves.toBeUndefined();
    await expect(page.locator('.u-legend').first().textContent()).resolves.toContain(HOSTILE_METRIC);
    expect(errors).toEqual([]);
    await page.close();
  });
});
