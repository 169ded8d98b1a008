import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { computeLayout, nicheAvailable } from '../../../src/models/layout/compute-layout.ts';
import { formatType, rust } from '../../../src/models/layout/rust-type.ts';
import { VECTOR_TYPES } from './layout-types.ts';

interface Vector {
  name: string;
  size: number;
  align: number;
}
const vectors = JSON.parse(readFileSync(new URL('./layout-vectors.json', import.meta.url), 'utf8')) as {
  rustc: string;
  types: Vector[];
};

describe('layouts equal rustc 1.95 on x86-64 (rust/src/main.rs → layout-vectors.json)', () => {
  test('the TypeScript twins name exactly the measured types, in order', () => {
    expect(vectors.types.length).toBeGreaterThanOrEqual(40);
    expect(VECTOR_TYPES.map(formatType)).toEqual(vectors.types.map((v) => v.name));
  });

  test.each(vectors.types.map((v, i) => [v.name, v, i] as const))('%s', (_name, vector, i) => {
    const layout = computeLayout(VECTOR_TYPES[i]!);
    expect(layout).toMatchObject({ supported: true, size: vector.size, align: vector.align });
  });
});

describe('niches', () => {
  test('Option<bool> takes value 2 of the bool, leaving 253 for the next Option', () => {
    const layout = computeLayout(rust.option(rust.bool));
    if (!layout.supported || layout.niche === null) throw new Error('expected a niche');
    expect(layout.niche.validEnd).toBe(2n);
    expect(nicheAvailable(layout.niche)).toBe(253n);
  });

  test('Option<&T> uses the null pointer as None', () => {
    const layout = computeLayout(rust.option(rust.ref(rust.u8)));
    if (!layout.supported || layout.niche === null) throw new Error('expected a niche');
    // the valid range wraps round from 1 to 0: None claimed the value 0
    expect([layout.niche.validStart, layout.niche.validEnd]).toEqual([1n, 0n]);
    expect(nicheAvailable(layout.niche)).toBe(0n);
  });
});

describe('unsupported types get an explicit answer, never a guess', () => {
  test.each([
    ['an opaque type', rust.opaque('HashMap<u32, u32>', 'std collections are not modelled')],
    ['a bare slice', rust.slice(rust.u8)],
    ['a bare str', rust.str],
    ['a packed struct', rust.struct('P', { a: rust.u8, b: rust.u32 }, 'packed')],
    ['an enum without variants', rust.enum('Never', {})],
    ['a negative array length', rust.array(rust.u8, -1)],
    ['an array too large to count', rust.array(rust.u64, 2 ** 60)],
    ['an opaque type nested in a Result', rust.result(rust.u8, rust.vec(rust.opaque('dyn Trait', 'unsized')))],
    ['300 variants in repr(u8)', rust.enum('Big', Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`V${i}`, []])), 'u8')],
  ])('%s', (_what, type) => {
    const layout = computeLayout(type);
    expect(layout.supported).toBe(false);
    if (!layout.supported) expect(layout.reason.length).toBeGreaterThan(10);
  });

  test('the reason names the type', () => {
    expect(computeLayout(rust.option(rust.opaque('HashMap<u32, u32>', 'not modelled')))).toEqual({
      supported: false,
      reason: 'Option<HashMap<u32, u32>>: HashMap<u32, u32>: not modelled',
    });
  });
});
