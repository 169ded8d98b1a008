import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The page's script (uPlot bundled in) and uPlot's stylesheet. */
export interface PageBundle {
  script: string;
  css: string;
  /** The files bundled into the script, absolute (the release build lists their packages' licences); empty for prebuilt files. */
  inputs?: string[];
}

/** Names of the prebuilt page files that the release build puts beside the bundled CLI. */
export const PAGE_SCRIPT_FILE = 'dashboard-page.js';
export const PAGE_CSS_FILE = 'dashboard-page.css';

/**
 * Builds the page's script with esbuild: src/dashboard/page/main.ts and uPlot in one minified
 * IIFE for browsers. The release build calls this to write `dist/dashboard-page.js` and
 * `dist/dashboard-page.css`; a source checkout calls it on every `benchgate dashboard`.
 * @returns the script and uPlot's CSS
 */
export async function bundleDashboardPage(): Promise<PageBundle> {
  // esbuild is a dev dependency: a variable specifier keeps the release bundle from inlining it
  // (the bundle ships the prebuilt page instead, see loadDashboardPage).
  const specifier = 'esbuild';
  const { build } = (await import(specifier)) as typeof import('esbuild');
  const here = path.dirname(fileURLToPath(import.meta.url));
  const result = await build({
    entryPoints: [path.join(here, 'page', 'main.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
    metafile: true,
  });
  const script = result.outputFiles[0]!.text;
  const require = createRequire(import.meta.url);
  const cssFile = require.resolve('uplot/dist/uPlot.min.css');
  const css = await readFile(cssFile, 'utf8');
  // esbuild names its inputs relative to its working folder, the process's.
  const inputs = [...Object.keys(result.metafile.inputs).map((input) => path.resolve(input)), cssFile];
  return { script, css, inputs };
}

/**
 * The page's script and CSS: the prebuilt files beside the running bundle when there are any
 * (the action's dist/, which has no esbuild), else bundled now from the sources.
 * @param searchDirs where to look for the prebuilt files; defaults to this module's folder and its parent
 */
export async function loadDashboardPage(searchDirs?: readonly string[]): Promise<PageBundle> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of searchDirs ?? [here, path.dirname(here)]) {
    const script = path.join(dir, PAGE_SCRIPT_FILE);
    const css = path.join(dir, PAGE_CSS_FILE);
    if (existsSync(script) && existsSync(css)) return { script: await readFile(script, 'utf8'), css: await readFile(css, 'utf8') };
  }
  try {
    return await bundleDashboardPage();
  } catch (error: unknown) {
    throw new Error(
      `the dashboard page is missing: no ${PAGE_SCRIPT_FILE} and ${PAGE_CSS_FILE} beside this bundle, and it cannot be built here (${(error as Error).message})`,
    );
  }
}
