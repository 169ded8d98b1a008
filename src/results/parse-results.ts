import { stripByteOrderMark } from './decode-text.ts';
import { FormatError } from './format-error.ts';
import { checkBenchmarkCount, validateResults } from './validate-results.ts';
import { RESULTS_SCHEMA, ResultsSchema, type Results } from './schema.ts';

/**
 * Validates the text of a `benchgate/results@1` file.
 * @param text the file's contents
 * @param file the file's name, for messages
 * @returns the results
 * Applies the schema and then the same value checks adapter output gets (`validateResults`).
 * @throws FormatError naming the file and the first field that is wrong
 */
export function parseResults(text: string, file: string): Results {
  let data: unknown;
  try {
    data = JSON.parse(stripByteOrderMark(text));
  } catch (error: unknown) {
    throw new FormatError(file, `not valid JSON: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new FormatError(file, 'expected a JSON object', '$');
  }
  const schema = (data as { schema?: unknown }).schema;
  if (schema !== RESULTS_SCHEMA) {
    const newer = typeof schema === 'string' && /^benchgate\/results@(\d+)$/.exec(schema);
    if (newer && Number(newer[1]) > 1) {
      throw new FormatError(file, `schema '${schema}' is newer than this benchgate reads ('${RESULTS_SCHEMA}'); upgrade benchgate`, 'schema', 'newer-schema');
    }
    throw new FormatError(file, `expected schema '${RESULTS_SCHEMA}', got ${JSON.stringify(schema) ?? 'nothing'}`, 'schema');
  }
  const listed = (data as { benchmarks?: unknown }).benchmarks;
  if (Array.isArray(listed)) checkBenchmarkCount(listed.length, file);
  const parsed = ResultsSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FormatError(file, issue.message, formatPath(issue.path));
  }
  validateResults(parsed.data, file);
  return parsed.data;
}

/** Renders a zod issue path as `benchmarks[3].metrics[0].runs`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  }
  return out || '$';
}
