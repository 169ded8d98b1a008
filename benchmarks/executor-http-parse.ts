/**
 * The CPU-heavy step of the HTTP counterpart, shared by the main thread and the workers:
 * decode, parse and touch every record (so no engine can skip the work).
 * @param body the response body
 * @returns the number of active records, a value that depends on every record
 */
export function summarizeRecords(body: Buffer): number {
  const records = JSON.parse(body.toString('utf8')) as { active: boolean }[];
  let active = 0;
  for (const record of records) if (record.active) active++;
  return active;
}
