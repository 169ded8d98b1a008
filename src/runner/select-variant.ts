/**
 * Picks a model variant from a `BENCHGATE_VARIANT` string such as
 * `executor=in-task,layout=inline-error`. Suites call it with `process.env.BENCHGATE_VARIANT`,
 * so switching variants never changes a benchmark id.
 * @param spec the variable's value, or undefined
 * @param model the model's key, e.g. `layout`
 * @param allowed the variants that model has
 * @param fallback the default (fast) variant
 * @returns the chosen variant
 * @throws Error naming the model and the allowed values when the spec names an unknown one
 */
export function selectVariant<const V extends string>(spec: string | undefined, model: string, allowed: readonly V[], fallback: V): V {
  for (const part of (spec ?? '').split(',')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (key !== model) continue;
    if (!allowed.includes(value as V)) {
      throw new Error(`BENCHGATE_VARIANT: '${model}=${value ?? ''}' is not a variant; use one of ${allowed.join(', ')}`);
    }
    return value as V;
  }
  return fallback;
}
