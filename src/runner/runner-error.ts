/** A suite that cannot be run at all: missing, failing to import, or not exporting a Bench. */
export class RunnerError extends Error {
  override name = 'RunnerError';
}
