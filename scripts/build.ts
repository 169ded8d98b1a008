/**
 * Bundles the action, the CLI and the runner's child entry into dist/ as ESM, each with a linked
 * source map; the dashboard page's prebuilt script and stylesheet (dashboard-page.js and
 * dashboard-page.css, which `benchgate dashboard` reads beside the bundle, since the release has
 * no esbuild); and THIRD_PARTY_LICENSES.txt: the licence of every npm package either holds (found
 * from esbuild's metafiles).
 * `node scripts/build.ts [outdir]`: `npm test` builds into a temporary folder and compares it with
 * dist/, so the output must not depend on where it is built: it is laid out as if for dist/.
 */
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleDashboardPage, PAGE_CSS_FILE, PAGE_SCRIPT_FILE } from '../src/dashboard/page-bundle.ts';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const canonical = path.join(root, 'dist');

await rm(outdir, { recursive: true, force: true });
// esbuild lays the bundle out as if it went to dist/ (chunk hashes and source map paths depend on
// that place), and the files are then written wherever they were asked for.
const result = await build({
  absWorkingDir: root,
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts', child: 'src/runner/child.ts' },
  outdir: canonical,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
  sourcesContent: false,
  // The packages' licence files, whole, are in THIRD_PARTY_LICENSES.txt.
  legalComments: 'none',
  metafile: true,
  write: false,
  logLevel: 'warning',
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

for (const file of result.outputFiles) {
  const target = path.join(outdir, path.relative(canonical, file.path));
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, file.contents);
}
await mkdir(outdir, { recursive: true });
const page = await bundleDashboardPage();
await writeFile(path.join(outdir, PAGE_SCRIPT_FILE), page.script);
await writeFile(path.join(outdir, PAGE_CSS_FILE), page.css);
const pageInputs = (page.inputs ?? []).map((input) => path.relative(root, input));
await writeFile(path.join(outdir, 'THIRD_PARTY_LICENSES.txt'), describeLicences([...Object.keys(result.metafile.inputs), ...pageInputs]));

interface BundledPackage {
  name: string;
  version: string;
  license: string;
  texts: string[];
}

/** The package folder (the one holding its package.json with a name) of a bundled input under node_modules. */
function packageRoot(input: string): string | null {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return null;
  const depth = parts[at + 1]?.startsWith('@') ? 3 : 2;
  return path.join(root, ...parts.slice(0, at + depth));
}

/** The licence notices of every npm package whose code is in the bundle, sorted by name. */
function describeLicences(inputs: readonly string[]): string {
  const packages = new Map<string, BundledPackage>();
  for (const input of inputs) {
    const folder = packageRoot(input);
    if (folder === null || packages.has(folder)) continue;
    const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name: string; version: string; license?: unknown };
    const files = readdirSync(folder)
      .filter((name) => /^(licen[cs]e|copying|notice)/i.test(name))
      .sort();
    packages.set(folder, {
      name: manifest.name,
      version: manifest.version,
      license: typeof manifest.license === 'string' ? manifest.license : 'see the package',
      texts: files.map((name) => readFileSync(path.join(folder, name), 'utf8').trim()),
    });
  }
  const sorted = [...packages.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1));
  const sections = sorted.map((pkg) =>
    [
      `${pkg.name} ${pkg.version} (${pkg.license})`,
      '-'.repeat(72),
      pkg.texts.length > 0 ? pkg.texts.join('\n\n') : `The package ships no licence file; its package.json says: ${pkg.license}.`,
    ].join('\n'),
  );
  return `The files in dist/ bundle code from these npm packages, under their licences:\n\n${sections.join('\n\n\n')}\n`;
}
