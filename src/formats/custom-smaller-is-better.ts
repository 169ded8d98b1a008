import type { Results } from '../results/schema.ts';
import { detectCustom, parseCustom } from './custom.ts';
import type { FormatInput } from './format-input.ts';

/** Same shape as customBiggerIsBetter; auto-detection never chooses either. */
export const detectCustomSmallerIsBetter = detectCustom;

/**
 * Parses github-action-benchmark's `customSmallerIsBetter` JSON (times, sizes: lower is better).
 * @throws FormatError naming the file and JSON path at fault
 */
export function parseCustomSmallerIsBetter(input: FormatInput): Results {
  return parseCustom(input, 'customSmallerIsBetter', 'smaller');
}
