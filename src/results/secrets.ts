import { secretForms } from './redact.ts';

const registered = new Set<string>();

/**
 * Remembers a secret (the action's token and the forms it takes, see `secretForms`) for the
 * process, so every writer of user-visible text can redact it: `writeResults`, the git store and
 * `publishReport` check what they write against these. Strings shorter than 8 characters are ignored.
 * @param token the token, or null/empty for none
 * @returns the forms registered (to hand to `core.setSecret` as well)
 */
export function registerSecret(token: string | null | undefined): string[] {
  const forms = secretForms(token);
  for (const form of forms) registered.add(form);
  return forms;
}

/** The secrets registered so far. */
export function registeredSecrets(): string[] {
  return [...registered];
}
