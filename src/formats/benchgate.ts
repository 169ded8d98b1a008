import { parseResults } from '../results/parse-results.ts';
import type { Results } from '../results/schema.ts';
import { fileText } from './build-results.ts';
import type { FormatInput } from './format-input.ts';

/** Whether text is benchgate's own results file. */
export function detectBenchgate(input: FormatInput): boolean {
  return input.kind === 'file' && /"schema"\s*:\s*"benchgate\/results@/.test(input.text);
}

/**
 * Reads benchgate's own `benchgate/results@1` file. Caller meta (commit, ref) fills only what the
 * file leaves null; the file's own values win.
 * @throws FormatError naming the file and the first field that is wrong
 */
export function parseBenchgate(input: FormatInput): Results {
  const results = parseResults(fileText(input, 'benchgate'), input.path);
  return {
    ...results,
    commit: results.commit ?? input.meta?.commit ?? null,
    ref: results.ref ?? input.meta?.ref ?? null,
  };
}
