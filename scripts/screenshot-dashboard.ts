/**
 * Builds the dashboard for a data folder (default: the test fixture history) and takes a
 * screenshot in headless Chromium, so a person can look at it.
 * `npx node scripts/screenshot-dashboard.ts [--data DIR] [--out docs/dashboard.png] [--query '?q=json'] [--width 1200]`
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../test/launch-chromium.ts';
import { buildSite } from '../src/dashboard/build-site.ts';
import { DEFAULT_DETECT_OPTIONS } from '../src/history/index.ts';
import { writeFixtureHistory } from '../test/dashboard/fixture-history.ts';
import { serveFolder } from '../test/dashboard/serve-folder.ts';

const { values } = parseArgs({
  options: { data: { type: 'string' }, out: { type: 'string' }, query: { type: 'string' }, width: { type: 'string' }, height: { type: 'string' } },
});
const scratch = await mkdtemp(path.join(os.tmpdir(), 'benchgate-screenshot-'));
try {
  const data = values.data ?? path.join(scratch, 'data');
  if (!values.data) await writeFixtureHistory(data);
  const site = path.join(scratch, 'site');
  await buildSite({
    dataFolder: data,
    outDir: site,
    commitUrl: 'https://github.com/octo/repo/commit/{commit}',
    detection: DEFAULT_DETECT_OPTIONS,
    generatedAt: '2026-12-02T08:00:00.000Z',
  });
  const server = await serveFolder(site);
  const browser = await launchChromium();
  try {
    const width = Number(values.width ?? 1200);
    const page = await browser.newPage({ viewport: { width, height: Number(values.height ?? 1400) }, deviceScaleFactor: 1 });
    page.on('console', (message) => console.error(`console ${message.type()}: ${message.text()}`));
    await page.goto(`${server.url}${values.query ?? ''}`);
    await page.waitForSelector('.chart[data-drawn="true"]');
    await page.waitForTimeout(300);
    const out = path.resolve(values.out ?? 'docs/dashboard.png');
    await page.screenshot({ path: out, fullPage: false });
    console.log(`wrote ${out}`);
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
