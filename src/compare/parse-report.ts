import { OLD_REPORT_SCHEMAS, REPORT_SCHEMA, ReportSchema, type Report } from './schema.ts';

/**
 * Parses the text of a report JSON file (the `report-file` of `mode: comment`), with an error that
 * names the file and, for a report written by an older benchgate, says so and what to do.
 * @param text the file's contents
 * @param file the file's path, for the error
 * @returns the report
 * @throws Error naming the file: not JSON, an older or newer schema tag, or the first invalid field
 * @example
 * parseReport('{"schema":"benchgate/report@1"}', 'r.json')
 * // throws: report file r.json is a benchgate/report@1 file, written by an older benchgate; ...
 */
export function parseReport(text: string, file: string): Report {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error: unknown) {
    throw new Error(`report file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const tag = typeof json === 'object' && json !== null && 'schema' in json ? (json as { schema: unknown }).schema : undefined;
  if (typeof tag === 'string' && OLD_REPORT_SCHEMAS.includes(tag)) {
    throw new Error(
      `report file ${file} is a ${tag} file, written by an older benchgate; this benchgate reads ${REPORT_SCHEMA}. ` +
        'Use the same benchgate version in the workflow that measures and the one that comments (mode: comment).',
    );
  }
  if (tag !== REPORT_SCHEMA) {
    const shown = typeof tag === 'string' ? `schema '${tag}'` : "no 'schema' field";
    throw new Error(`report file ${file} has ${shown}; this benchgate reads ${REPORT_SCHEMA} (a newer benchgate may have written it)`);
  }
  const parsed = ReportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length === 0 ? 'the top level' : `field '${issue.path.join('.')}'`;
    throw new Error(`report file ${file} is not a valid ${REPORT_SCHEMA} file: ${where}: ${issue.message}`);
  }
  return parsed.data;
}
