/**
 * A small seeded pseudo-random source, private to the executor model so that a simulation is a
 * pure function of its seed. The generator is sfc32 (Chris Doty-Humphrey's PractRand "small fast
 * counting" generator) seeded through splitmix32, which passes PractRand and needs no BigInt.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal deviate (Box–Muller, one value per call). */
  normal(): number;
}

/**
 * Creates a seeded random source.
 * @param seed any 32-bit integer; the same seed always gives the same sequence
 * @returns the source
 * @example
 * createRandom(1).next() === createRandom(1).next(); // => true
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const splitmix = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    int: (n) => Math.floor(next() * n),
    normal: () => {
      const u = 1 - next(); // (0, 1]: log(0) never happens
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}

/**
 * A lognormal deviate with the given median and log-space standard deviation.
 * @param random the source
 * @param median e^μ
 * @param sigma σ of ln X
 * @returns the deviate
 */
export function sampleLognormal(random: Random, median: number, sigma: number): number {
  return median * Math.exp(sigma * random.normal());
}

/**
 * A Pareto (type I) deviate by inversion: x_m · U^(-1/α).
 * @param random the source
 * @param scale x_m, the smallest value
 * @param shape α; the mean is finite only for α > 1, the variance only for α > 2
 * @returns the deviate
 */
export function samplePareto(random: Random, scale: number, shape: number): number {
  return scale * (1 - random.next()) ** (-1 / shape);
}
