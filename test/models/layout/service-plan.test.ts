import { describe, expect, test } from 'vitest';
import { accountMoves, computeLayout, planDdsplitRequest, type MoveAccount } from '../../../src/models/layout/index.ts';
import { DISTRI_ERR_MID, planServiceRequest, planSuiteRequest, serviceQuery } from '../../../src/models/layout/service-plan.ts';
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

  // Held out: counted after these predictions were committed; the plan was written against the two builds above.
  test.each([
    ['mid-error-8', { error: DISTRI_ERR_MID, fragments: 8 }],
    ['inline-error-8', { error: 'inline-error' as const, fragments: 8 }],
    ['boxed-error-2', { error: 'boxed-error' as const, fragments: 2 }],
  ])('held out, %s: the plan predicts the counted bytes within 10%%', (name, request) => {
    const predicted = bytes(accountMoves(planServiceRequest(request)));
    expect(Math.abs(predicted / real(`ddsplit/${name}`) - 1)).toBeLessThanOrEqual(0.1);
  });

  test('DistriErrMid and its query have the sizes the real build prints', () => {
    expect(computeLayout(DISTRI_ERR_MID)).toMatchObject({ supported: true, size: 12_008 });
    expect(computeLayout(serviceQuery(DISTRI_ERR_MID))).toMatchObject({ supported: true, size: 18_392 });
  });

  test('a fragment count that does not divide the record is refused, naming it', () => {
    expect(() => planServiceRequest({ fragments: 3 })).toThrow(/fragments/);
  });

  test("the suite's plan is the service's request, plus one boxed future per layer under async-trait", () => {
    expect(bytes(accountMoves(planSuiteRequest('inline-error', 'direct')))).toBe(848_304);
    const boxed = accountMoves(planSuiteRequest('boxed-error', 'async-trait'));
    expect(boxed.supported && boxed.allocations).toBe(3);
  });

  test("the old ddsplit plan is not: it leaves out the queue's Option<E>, the payload copies and a query move", () => {
    for (const error of ['inline-error', 'boxed-error'] as const) {
      const predicted = bytes(accountMoves(planDdsplitRequest({ error })));
      expect(predicted / real(`ddsplit/${error}`)).toBeLessThan(0.5);
    }
  });
});
