import { describe, expect, test } from 'vitest';
import { accountMoves, computeLayout, planDdsplitRequest, type MoveAccount } from '../../../src/models/layout/index.ts';
import { planServiceRequest, serviceQuery } from '../../../src/models/layout/service-plan.ts';
import { DISTRI_ERR, DISTRI_ERR_BOXED } from '../../../src/models/layout/ddsplit-types.ts';
import counted from './memcpy-counted.json' with { type: 'json' };

function bytes(account: MoveAccount): number {
  if (!account.supported) throw new Error(account.reason);
  return account.bytesCopied;
}

function real(benchmark: string): number {
  const row = counted.measured.find((r) => r.benchmark === benchmark);
  if (!row) throw new Error(`memcpy-counted.json has no row for ${benchmark}`);
  return row.memcpy_bytes;
}

describe('the real request, against the bytes counted in the real build', () => {
  test('the query type has the size the real build prints (examples/rust-async-traps sizes)', () => {
    expect(computeLayout(serviceQuery(DISTRI_ERR))).toMatchObject({ supported: true, size: 57_592 });
    expect(computeLayout(serviceQuery(DISTRI_ERR_BOXED))).toMatchObject({ supported: true, size: 6_408 });
  });

  test.each(['inline-error', 'boxed-error'] as const)('%s: the service plan is within 10%% of the counted bytes', (error) => {
    const predicted = bytes(accountMoves(planServiceRequest(error)));
    const measured = real(`ddsplit/${error}`);
    expect(Math.abs(predicted / measured - 1)).toBeLessThanOrEqual(0.1);
  });

  test("the suite's plan is not: it leaves out the queue's Option<E>, the payload copies and a query move", () => {
    for (const error of ['inline-error', 'boxed-error'] as const) {
      const predicted = bytes(accountMoves(planDdsplitRequest({ error })));
      expect(predicted / real(`ddsplit/${error}`)).toBeLessThan(0.5);
    }
  });
});
