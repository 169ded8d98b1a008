/**
 * Bundles the action, the CLI and the runner's child entry into dist/ as ESM.
 * `node scripts/build.ts [outdir]`: CI builds into a temporary folder and compares it with dist/.
 */
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

const outdir = process.argv[2] ?? 'dist';
await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts', child: 'src/runner/child.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
