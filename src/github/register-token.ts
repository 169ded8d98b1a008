import { registerSecret } from '../results/secrets.ts';

/**
 * Masks the action's token in the log (`core.setSecret`, for the token and the base64 form git's
 * basic authorization header gives it) and registers it for redaction, so no results file,
 * stored run, comment, job summary or output carries it. Call once, right after reading the inputs.
 * @param core `@actions/core`, or anything with `setSecret`
 * @param token the `github-token` input; empty means none
 */
export function registerToken(core: { setSecret(secret: string): void }, token: string | null | undefined): void {
  for (const form of registerSecret(token)) core.setSecret(form);
}
