import type { Results } from '../results/schema.ts';
import { detectCustom, parseCustom } from './custom.ts';
import type { FormatInput } from './format-input.ts';

/** Same shape as customSmallerIsBetter; auto-detection never chooses either. */
export const detectCustomBiggerIsBetter = detectCustom;

/**
 * Parses github-action-benchmark's `customBiggerIsBetter` JSON (throughput: higher is better).
 * @throws FormatError naming the file and JSON path at fault
 */
export function parseCustomBiggerIsBetter(input: FormatInput): Results {
  return parseCustom(input, 'customBiggerIsBetter', 'bigger');
}
