/**
 * Every value the `tool` input accepts besides `auto`, named as github-action-benchmark names
 * them, plus `benchgate` for our own results file and the formats github-action-benchmark does not
 * read (`vitest`, `mitata`, `divan`, `iai-callgrind`, `callgrind`). `iai-callgrind` comes before
 * `callgrind` so that `auto` reads an iai-callgrind home (`target/iai`) by its summaries, not its
 * callgrind files.
 */
export const FORMAT_TOOLS = [
  'benchgate',
  'criterion',
  'cargo',
  'googlecpp',
  'go',
  'pytest',
  'hyperfine',
  'benchmarkdotnet',
  'jmh',
  'catch2',
  'vitest',
  'mitata',
  'benchmarkjs',
  'divan',
  'iai-callgrind',
  'callgrind',
  'customSmallerIsBetter',
  'customBiggerIsBetter',
] as const;

/** A format benchgate reads. */
export type ToolName = (typeof FORMAT_TOOLS)[number];

/** Whether a string names a format (case-sensitive, as the input is documented). */
export function isToolName(value: string): value is ToolName {
  return (FORMAT_TOOLS as readonly string[]).includes(value);
}

/** Formats that read a folder as a whole (criterion's tree; iai-callgrind's home, by its `summary.json` files). */
export const FOLDER_TOOLS: readonly ToolName[] = ['criterion', 'iai-callgrind'];

/** Text formats that also accept a folder, reading every file in it as one run. */
export const TEXT_FOLDER_TOOLS: readonly ToolName[] = ['cargo', 'go'];
