/**
 * Whether this event's results may become a baseline: only a `push` to a branch named in
 * `saveOn` (or, when `saveOn` is empty, the default branch). Never a pull request, so a
 * regressing pull request's numbers never become the baseline.
 * @param event the workflow event: `eventName` and `ref` as GitHub sets them (`refs/heads/main`)
 * @returns true when `save` should be called
 * @example shouldSave({ eventName: 'push', ref: 'refs/heads/main', defaultBranch: 'main', saveOn: [] }) // => true
 */
export function shouldSave(event: { eventName: string; ref: string | null; defaultBranch: string | null; saveOn: string[] }): boolean {
  if (event.eventName !== 'push' || !event.ref?.startsWith('refs/heads/')) return false;
  const branch = event.ref.slice('refs/heads/'.length);
  const allowed = event.saveOn.length > 0 ? event.saveOn : event.defaultBranch ? [event.defaultBranch] : [];
  return allowed.includes(branch);
}
