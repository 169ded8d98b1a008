import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeLayout } from '../../../src/models/layout/compute-layout.ts';
import { rust, type RustType } from '../../../src/models/layout/rust-type.ts';

const scalars = [rust.u8, rust.u16, rust.u32, rust.u64, rust.u128, rust.bool, rust.char, rust.nonZero('u32'), rust.unit, rust.string];

const types: fc.Arbitrary<RustType> = fc.letrec<{ type: RustType }>((tie) => ({
  type: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...scalars),
    fc.tuple(tie('type'), fc.integer({ min: 0, max: 5 })).map(([t, n]) => rust.array(t, n)),
    fc.array(tie('type'), { maxLength: 4 }).map((ts) => rust.tuple(...ts)),
    fc
      .tuple(fc.array(tie('type'), { maxLength: 4 }), fc.constantFrom('Rust', 'C') as fc.Arbitrary<'Rust' | 'C'>)
      .map(([ts, repr]) => rust.struct('S', Object.fromEntries(ts.map((t, i) => [`f${i}`, t])), repr)),
    fc
      .array(fc.array(tie('type'), { maxLength: 3 }), { minLength: 1, maxLength: 4 })
      .map((vs) => rust.enum('E', Object.fromEntries(vs.map((fields, i) => [`V${i}`, fields])))),
    tie('type').map(rust.option),
    fc.tuple(tie('type'), tie('type')).map(([ok, err]) => rust.result(ok, err)),
    tie('type').map(rust.box),
  ),
}))['type'];

function sized(type: RustType): { size: number; align: number } {
  const layout = computeLayout(type);
  if (!layout.supported) throw new Error(layout.reason);
  return layout;
}

describe('layout invariants on random types', () => {
  test('alignment is a power of two and size a multiple of it', () => {
    fc.assert(
      fc.property(types, (type) => {
        const { size, align } = sized(type);
        expect(Number.isInteger(Math.log2(align))).toBe(true);
        expect(size % align).toBe(0);
      }),
      { numRuns: 500, seed: 20_261_122 },
    );
  });

  test('Option<T> is never smaller than T, and at most one alignment step larger', () => {
    fc.assert(
      fc.property(types, (type) => {
        const inner = sized(type);
        const outer = sized(rust.option(type));
        expect(outer.size).toBeGreaterThanOrEqual(inner.size);
        expect(outer.size).toBeLessThanOrEqual(inner.size + Math.max(inner.align, 1));
      }),
      { numRuns: 500, seed: 20_261_122 },
    );
  });

  test('repr(Rust) never makes a struct larger than repr(C), and both hold every field', () => {
    fc.assert(
      fc.property(fc.array(types, { maxLength: 6 }), (fields) => {
        const named = Object.fromEntries(fields.map((t, i) => [`f${i}`, t]));
        const reordered = sized(rust.struct('R', named));
        const inOrder = sized(rust.struct('C', named, 'C'));
        expect(reordered.size).toBeLessThanOrEqual(inOrder.size);
        expect(reordered.size).toBeGreaterThanOrEqual(fields.reduce((sum, t) => sum + sized(t).size, 0));
      }),
      { numRuns: 500, seed: 20_261_122 },
    );
  });
});
