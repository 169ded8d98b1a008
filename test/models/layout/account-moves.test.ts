import { describe, expect, test } from 'vitest';
import { accountMoves, type MoveAccount } from '../../../src/models/layout/account-moves.ts';
import { planDdsplitRequest } from '../../../src/models/layout/ddsplit-plan.ts';
import { rust } from '../../../src/models/layout/rust-type.ts';

function supported(account: MoveAccount): Extract<MoveAccount, { supported: true }> {
  if (!account.supported) throw new Error(account.reason);
  return account;
}

describe('accountMoves', () => {
  test('a return through k layers copies the value k times', () => {
    expect(supported(accountMoves([{ op: 'return', type: rust.array(rust.u8, 100), layers: 3 }])).bytesCopied).toBe(300);
  });

  test('pop copies an Option<T>, push a T', () => {
    const element = rust.struct('Q', { id: rust.u64, data: rust.array(rust.u8, 8) }); // 16 B, Option<Q> 24 B
    const account = supported(
      accountMoves([
        { op: 'vec-push', element, count: 2 },
        { op: 'vec-pop', element, count: 2 },
      ]),
    );
    expect(account.steps.map((s) => [s.bytesEach, s.copies])).toEqual([
      [16, 2],
      [24, 2],
    ]);
    expect(account.bytesCopied).toBe(80);
    expect(account.allocations).toBe(0);
  });

  test('Box::new and #[async_trait] calls allocate once each and copy their contents; only #[async_trait] calls go through a vtable', () => {
    const account = supported(
      accountMoves([
        { op: 'box', type: rust.u64, count: 2 },
        { op: 'async-trait-call', futureBytes: 100, count: 3 },
      ]),
    );
    expect(account.allocations).toBe(5);
    expect(account.bytesCopied).toBe(2 * 8 + 3 * 100);
    // each #[async_trait] call goes through the vtable three times (method, poll, drop_in_place); Box::new through none
    expect(account.steps.map((s) => s.indirectCalls)).toEqual([0, 9]);
    expect(account.indirectCalls).toBe(9);
  });

  test('an unsupported type makes the whole account unsupported', () => {
    const account = accountMoves([{ op: 'move', type: rust.opaque('HashMap<u8, u8>', 'not modelled') }]);
    expect(account).toEqual({ supported: false, reason: 'HashMap<u8, u8>: HashMap<u8, u8>: not modelled' });
  });

  test.each([
    [{ op: 'return', type: rust.u8, layers: -1 }],
    [{ op: 'move', type: rust.u8, count: 1.5 }],
    [{ op: 'async-trait-call', futureBytes: Number.NaN }],
  ] as const)('bad counts are a RangeError naming the field: %o', (operation) => {
    expect(() => accountMoves([operation])).toThrow(RangeError);
  });
});

describe("Alan's DDSplit request", () => {
  const inline = supported(accountMoves(planDdsplitRequest({ error: 'inline-error' })));
  const boxed = supported(accountMoves(planDdsplitRequest({ error: 'boxed-error' })));

  test('the inline Result is 51,208 bytes and every layer copies it', () => {
    const ret = inline.steps.find((s) => s.label.startsWith('return'))!;
    expect(ret).toEqual({ label: 'return Result<SuccessCode, DistriErr> through 3 layers', bytesEach: 51_208, copies: 3, allocations: 0, indirectCalls: 0 });
  });

  test('boxing DistriErr cuts the bytes copied per request to about a quarter (≤ 30%)', () => {
    const ratio = boxed.bytesCopied / inline.bytesCopied;
    expect(ratio).toBeLessThanOrEqual(0.3);
    expect(ratio).toBeGreaterThan(0.2);
    expect(inline.bytesCopied).toBe(3 * 51_208 + 4 * 6_384 + 4 * 6_392);
  });

  test('boxing the error allocates nothing on the success path', () => {
    expect(boxed.allocations).toBe(0);
    expect(inline.allocations).toBe(0);
  });

  test.each([1, 3, 5])('#[async_trait] adds one allocation per call (%i layers)', (callLayers) => {
    const direct = supported(accountMoves(planDdsplitRequest({ callLayers, dispatch: 'direct' })));
    const boxedCalls = supported(accountMoves(planDdsplitRequest({ callLayers, dispatch: 'async-trait' })));
    expect(boxedCalls.allocations - direct.allocations).toBe(callLayers);
    expect(boxedCalls.bytesCopied - direct.bytesCopied).toBe(callLayers * 112);
    expect(boxedCalls.indirectCalls - direct.indirectCalls).toBe(callLayers * 3);
  });
});
