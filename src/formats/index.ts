import type { Stats } from 'node:fs';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeText, stripByteOrderMark } from '../results/decode-text.ts';
import type { Results } from '../results/schema.ts';
import { detectBenchgate, parseBenchgate } from './benchgate.ts';
import { detectBenchmarkjs, parseBenchmarkjs } from './benchmarkjs.ts';
import { detectBenchmarkdotnet, parseBenchmarkdotnet } from './benchmarkdotnet.ts';
import { detectCallgrind, parseCallgrind } from './callgrind.ts';
import { detectCargo, parseCargo } from './cargo.ts';
import { detectCatch2, parseCatch2 } from './catch2.ts';
import { detectCriterion, parseCriterion } from './criterion.ts';
import { detectCustomBiggerIsBetter, parseCustomBiggerIsBetter } from './custom-bigger-is-better.ts';
import { detectCustomSmallerIsBetter, parseCustomSmallerIsBetter } from './custom-smaller-is-better.ts';
import { detectDivan, parseDivan } from './divan.ts';
import { FormatError } from './format-error.ts';
import { UNKNOWN_TIME, type FolderFile, type FormatInput, type FormatMeta } from './format-input.ts';
import { detectGo, parseGo } from './go.ts';
import { detectGooglecpp, parseGooglecpp } from './googlecpp.ts';
import { detectHyperfine, parseHyperfine } from './hyperfine.ts';
import { detectIaiCallgrind, parseIaiCallgrind } from './iai-callgrind.ts';
import { detectJmh, parseJmh } from './jmh.ts';
import { detectPytest, parsePytest } from './pytest.ts';
import { mergeRuns } from './merge-runs.ts';
import { detectMitata, parseMitata } from './mitata.ts';
import { FOLDER_TOOLS, FORMAT_TOOLS, TEXT_FOLDER_TOOLS, type ToolName } from './tools.ts';
import { detectVitest, parseVitest } from './vitest.ts';
import { detectVitest5, parseVitest5 } from './vitest5.ts';

export { FORMAT_TOOLS, isToolName, type ToolName } from './tools.ts';
export type { FolderFile, FormatInput, FormatMeta } from './format-input.ts';
export { FormatError } from './format-error.ts';

/** A format's content check and parser. */
export interface FormatAdapter {
  detect: (input: FormatInput) => boolean;
  parse: (input: FormatInput) => Results;
}

/** Every adapter by tool name. */
export const FORMAT_ADAPTERS: Record<ToolName, FormatAdapter> = {
  benchgate: { detect: detectBenchgate, parse: parseBenchgate },
  criterion: { detect: detectCriterion, parse: parseCriterion },
  cargo: { detect: detectCargo, parse: parseCargo },
  googlecpp: { detect: detectGooglecpp, parse: parseGooglecpp },
  go: { detect: detectGo, parse: parseGo },
  pytest: { detect: detectPytest, parse: parsePytest },
  hyperfine: { detect: detectHyperfine, parse: parseHyperfine },
  benchmarkdotnet: { detect: detectBenchmarkdotnet, parse: parseBenchmarkdotnet },
  jmh: { detect: detectJmh, parse: parseJmh },
  catch2: { detect: detectCatch2, parse: parseCatch2 },
  // Vitest 4's `--outputJson` file, or Vitest 5's JSON reporter output (which has `testResults`)
  vitest: {
    detect: (input) => detectVitest(input) || detectVitest5(input),
    parse: (input) => (input.kind === 'file' && /"testResults"\s*:/.test(input.text) ? parseVitest5(input) : parseVitest(input)),
  },
  mitata: { detect: detectMitata, parse: parseMitata },
  benchmarkjs: { detect: detectBenchmarkjs, parse: parseBenchmarkjs },
  divan: { detect: detectDivan, parse: parseDivan },
  'iai-callgrind': { detect: detectIaiCallgrind, parse: parseIaiCallgrind },
  callgrind: { detect: detectCallgrind, parse: parseCallgrind },
  customSmallerIsBetter: { detect: detectCustomSmallerIsBetter, parse: parseCustomSmallerIsBetter },
  customBiggerIsBetter: { detect: detectCustomBiggerIsBetter, parse: parseCustomBiggerIsBetter },
};

/** The formats `auto` tries, in order. The custom formats are left out: their files do not say which way is better. */
export const AUTO_TOOLS: readonly ToolName[] = FORMAT_TOOLS.filter((tool) => tool !== 'customSmallerIsBetter' && tool !== 'customBiggerIsBetter');

/**
 * Recognises a format from its content.
 * @param input the file or folder
 * @returns the first tool in `AUTO_TOOLS` whose check accepts it, or `null`
 */
export function detectTool(input: FormatInput): ToolName | null {
  return AUTO_TOOLS.find((tool) => FORMAT_ADAPTERS[tool].detect(input)) ?? null;
}

/** The input with a leading byte order mark removed from each text, so no parser sees one. */
function withoutByteOrderMarks(input: FormatInput): FormatInput {
  if (input.kind === 'file') return input.text.startsWith('\uFEFF') ? { ...input, text: stripByteOrderMark(input.text) } : input;
  if (!input.files.some((file) => file.text.startsWith('\uFEFF'))) return input;
  return { ...input, files: input.files.map((file) => ({ ...file, text: stripByteOrderMark(file.text) })) };
}

/**
 * Parses a file or folder that is already in memory: the pure part of `parseToolOutput`. A folder
 * is read natively by criterion, iai-callgrind, cargo and go; for every other format each file in it is one run
 * of the suite, parsed on its own and merged by `mergeRuns` (one `process` value per file).
 * @param given the file or folder (a leading byte order mark in any text is dropped)
 * @param tool the format, or `auto` to recognise it
 * @throws FormatError naming the file, and for `auto` the formats it tried when none matched
 */
export function parseToolInput(given: FormatInput, tool: ToolName | 'auto'): Results {
  const input = withoutByteOrderMarks(given);
  if (input.kind === 'folder') {
    const native = tool === 'auto' ? detectTool(input) : tool;
    if (native === null || !(FOLDER_TOOLS.includes(native) || TEXT_FOLDER_TOOLS.includes(native))) {
      const files = [...input.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const parts = files.map((file) => {
        const name = `${input.path}/${file.path}`;
        const one: FormatInput = { kind: 'file', path: name, text: file.text, ...(input.meta ? { meta: input.meta } : {}) };
        return { file: name, results: parseToolInput(one, native ?? 'auto') };
      });
      return mergeRuns(parts, input.path);
    }
    return FORMAT_ADAPTERS[native].parse(input);
  }
  if (tool !== 'auto') return FORMAT_ADAPTERS[tool].parse(input);
  const detected = detectTool(input);
  if (detected) return FORMAT_ADAPTERS[detected].parse(input);
  const custom = detectCustomSmallerIsBetter(input)
    ? " It looks like github-action-benchmark's custom JSON: set tool to customSmallerIsBetter or customBiggerIsBetter."
    : '';
  throw new FormatError(input.path, `could not recognise the format (tried ${AUTO_TOOLS.join(', ')}); set 'tool' explicitly.${custom}`);
}

/** The default bound on input size: larger files are refused without being read. */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

/** Options for reading tool output from disk. */
export interface ReadToolOutputOptions {
  /** @default MAX_INPUT_BYTES (200 MiB), for one file and for a folder's files together */
  maxBytes: number;
  /** Most files a folder may hold before it is refused. @default 10000 */
  maxFiles: number;
}

/** The defaults for `ReadToolOutputOptions`. */
export const DEFAULT_READ_TOOL_OUTPUT_OPTIONS: ReadToolOutputOptions = { maxBytes: MAX_INPUT_BYTES, maxFiles: 10_000 };

const CRITERION_WANTED = /(^|\/)new\/(benchmark|sample)\.json$/;
const IAI_SUMMARY = /(^|\/)summary\.json$/;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Lists every file under a folder, at any depth, following links (each real folder once, so a
 * link loop ends). Names starting with `.` are left out; nothing else is.
 */
async function listFolder(root: string, options: ReadToolOutputOptions): Promise<{ rel: string; size: number }[]> {
  const found: { rel: string; size: number }[] = [];
  const visited = new Set<string>();
  const pending: string[] = [''];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    const real = await realpath(path.join(root, rel));
    if (visited.has(real)) continue;
    visited.add(real);
    const entries = await readdir(path.join(root, rel), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      const info = entry.isSymbolicLink() ? await stat(path.join(root, child)).catch(() => null) : null;
      if (entry.isDirectory() || info?.isDirectory()) pending.push(child);
      else if (entry.isFile() || info?.isFile()) {
        if (found.length >= options.maxFiles) {
          throw new FormatError(root, `holds more than ${options.maxFiles} files; point at the benchmark output folder itself`, undefined, 'too-large');
        }
        found.push({ rel: child, size: info?.size ?? (await stat(path.join(root, child))).size });
      } else if (entry.isSymbolicLink()) {
        throw new FormatError(path.join(root, child), 'is a broken link');
      }
    }
  }
  return found.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/**
 * Reads a benchmark tool's output from disk and parses it. A file is checked against the size
 * bound before it is read, so a huge file is refused without being loaded. A folder is read for
 * criterion (only the `new/benchmark.json` and `new/sample.json` files), and for `tool:
 * iai-callgrind` only its `summary.json` files when it has any (`auto` reads every file, to
 * recognise the format by content); for every other format each file in it is one run.
 * @param file the output file or folder
 * @param tool the format, or `auto`
 * @param meta commit, ref, time and environment to record; `createdAt` defaults to the tool's own
 *   date, else the file's modification time
 * @param options size bounds
 * @throws FormatError naming the file; `reason: 'too-large'` when over the bound
 */
export async function parseToolOutput(
  file: string,
  tool: ToolName | 'auto',
  meta: FormatMeta = {},
  options: Partial<ReadToolOutputOptions> = {},
): Promise<Results> {
  const settings = { ...DEFAULT_READ_TOOL_OUTPUT_OPTIONS, ...options };
  let info: Stats;
  try {
    info = await lstat(file).then((link) => (link.isSymbolicLink() ? stat(file) : link));
  } catch (error: unknown) {
    throw new FormatError(file, `cannot read: ${(error as Error).message}`);
  }
  let input: FormatInput;
  try {
    if (info.isDirectory()) {
      const listed = await listFolder(file, settings);
      const criterion = tool === 'criterion' || (tool === 'auto' && listed.some((f) => CRITERION_WANTED.test(f.rel)));
      const iai = tool === 'iai-callgrind' && listed.some((f) => IAI_SUMMARY.test(f.rel));
      const wanted = criterion ? listed.filter((f) => CRITERION_WANTED.test(f.rel)) : iai ? listed.filter((f) => IAI_SUMMARY.test(f.rel)) : listed;
      const total = wanted.reduce((sum, f) => sum + f.size, 0);
      if (total > settings.maxBytes) {
        throw new FormatError(file, `its files total ${megabytes(total)}, over the ${megabytes(settings.maxBytes)} limit; not read`, undefined, 'too-large');
      }
      const files: FolderFile[] = [];
      for (const f of wanted) {
        const name = path.join(file, f.rel);
        files.push({ path: f.rel, text: decodeText(await readFile(name), name) });
      }
      input = { kind: 'folder', path: file, files, meta };
    } else if (info.isFile()) {
      if (info.size > settings.maxBytes) {
        throw new FormatError(file, `is ${megabytes(info.size)}, over the ${megabytes(settings.maxBytes)} limit; not read`, undefined, 'too-large');
      }
      input = { kind: 'file', path: file, text: decodeText(await readFile(file), file), meta };
    } else {
      throw new FormatError(file, 'is neither a file nor a folder');
    }
  } catch (error: unknown) {
    if (error instanceof FormatError) throw error;
    throw new FormatError(file, `cannot read: ${(error as Error).message}`);
  }
  const results = parseToolInput(input, tool);
  if (results.createdAt === UNKNOWN_TIME && meta.createdAt === undefined) {
    return { ...results, createdAt: info.mtime.toISOString() };
  }
  return results;
}
