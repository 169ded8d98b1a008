/** What a secret is replaced with, as GitHub's log masking shows it. */
export const REDACTED = '***';

/** Shorter strings are never treated as secrets: replacing them would garble ordinary text. */
export const MIN_SECRET_LENGTH = 8;

function usable(secrets: readonly (string | null | undefined)[]): string[] {
  const list = secrets.filter((secret): secret is string => typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH);
  // Longest first, so a secret that contains another is replaced whole.
  return [...new Set(list)].sort((a, b) => b.length - a.length);
}

/**
 * The forms a token takes in text: itself, and base64 of `x-access-token:<token>` (the basic
 * authorization header git sends), so a printed git configuration is caught too.
 * @param token the token, or null
 * @returns the strings to redact
 */
export function secretForms(token: string | null | undefined): string[] {
  if (!token || token.length < MIN_SECRET_LENGTH) return [];
  return [token, Buffer.from(`x-access-token:${token}`).toString('base64')];
}

/**
 * Replaces every occurrence of each secret in a text with `***`.
 * @param text the text
 * @param secrets the secrets (shorter than `MIN_SECRET_LENGTH` are ignored)
 * @returns the text without them
 * @example
 * redactText('token=ghs_abcdefgh1234', ['ghs_abcdefgh1234']) // => 'token=***'
 */
export function redactText(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  for (const secret of usable(secrets)) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

/**
 * Returns a copy of a JSON-like value (results, a report) with every secret replaced in every
 * string, keys included; the value itself is returned when no string holds a secret.
 * @param value the value
 * @param secrets the secrets
 * @returns the value without them
 */
export function redactDeep<T>(value: T, secrets: readonly (string | null | undefined)[]): T {
  const list = usable(secrets);
  if (list.length === 0) return value;
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return list.some((secret) => node.includes(secret)) ? redactText(node, list) : node;
    if (Array.isArray(node)) {
      let changed: unknown[] | null = null;
      for (let i = 0; i < node.length; i++) {
        const next = walk(node[i]);
        if (next !== node[i]) {
          changed ??= node.slice();
          changed[i] = next;
        }
      }
      return changed ?? node;
    }
    if (node !== null && typeof node === 'object') {
      let changed: Record<string, unknown> | null = null;
      for (const [key, item] of Object.entries(node)) {
        const next = walk(item);
        const name = redactText(key, list);
        if (next !== item || name !== key) {
          changed ??= { ...(node as Record<string, unknown>) };
          if (name !== key) delete changed[key];
          changed[name] = next;
        }
      }
      return changed ?? node;
    }
    return node;
  };
  return walk(value) as T;
}
