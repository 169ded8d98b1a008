/**
 * Holm's step-down adjustment of p values for a family of tests, controlling the family-wise
 * error rate: sorted ascending, p_(i) becomes max over j ≤ i of min(1, (n − j + 1) · p_(j)).
 * Source: S. Holm, Scand. J. Statist. 6 (1979). Agrees with R's `p.adjust(p, "holm")`.
 * @param pValues raw p values
 * @returns adjusted p values, in the input's order
 * @example
 * holm([0.01, 0.04, 0.03]); // => [0.03, 0.06, 0.06]
 */
export function holm(pValues: readonly number[]): number[] {
  const n = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(n);
  let running = 0;
  order.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (n - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}
