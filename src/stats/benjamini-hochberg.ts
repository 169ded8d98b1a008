/**
 * Benjamini–Hochberg adjustment of p values, controlling the false discovery rate: sorted
 * ascending, p_(i) becomes min over j ≥ i of min(1, n / j · p_(j)).
 * Source: Benjamini & Hochberg, JRSS B 57 (1995). Agrees with R's `p.adjust(p, "BH")`.
 * @param pValues raw p values
 * @returns adjusted p values, in the input's order
 * @example
 * benjaminiHochberg([0.01, 0.04, 0.03]); // => [0.03, 0.04, 0.04]
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const n = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => b.p - a.p);
  const adjusted = new Array<number>(n);
  let running = 1;
  order.forEach(({ p, index }, k) => {
    const rank = n - k;
    running = Math.min(running, Math.min(1, (n / rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}
