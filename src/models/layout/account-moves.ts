import { computeLayout } from './compute-layout.ts';
import { formatType, rust, type RustType } from './rust-type.ts';

/**
 * One step of a request path, in terms of what it moves. Every by-value move of a Rust value is
 * a memcpy of its full `size_of` (the story's premise: rustc copied the whole 50 KB `Result`
 * on each move even though errors were never built). `count` repeats the step (default 1).
 */
export type MoveOperation =
  /** Returning a value through `layers` call frames: one copy per frame. */
  | { op: 'return'; type: RustType; layers: number; count?: number }
  /** A plain by-value move (passing an argument, binding a local). */
  | { op: 'move'; type: RustType; count?: number }
  /** `Vec::push` into reserved capacity: the element is copied into the buffer. */
  | { op: 'vec-push'; element: RustType; count?: number }
  /** `Vec::pop`: the element is copied out as an `Option<T>`. */
  | { op: 'vec-pop'; element: RustType; count?: number }
  /**
   * A `#[async_trait]` method call: `Box::pin` allocates and moves the future (of `futureBytes`) to
   * the heap, and the call goes through the vtable three times (the method, the future's `poll`,
   * its `drop_in_place`), as the crate's compiled bench does (examples/rust-async-traps/benches/dispatch.rs).
   */
  | { op: 'async-trait-call'; futureBytes: number; count?: number }
  /** `Box::new(value)`: one allocation, and the value is copied into it. */
  | { op: 'box'; type: RustType; count?: number };

/** What one operation costs, each time and in total. */
export interface MoveStep {
  /** Rust-ish description, e.g. `return Result<SuccessCode, DistriErr> through 3 layers`. */
  label: string;
  /** Bytes of one memcpy. */
  bytesEach: number;
  /** memcpys in total (count × copies per occurrence). */
  copies: number;
  /** Heap allocations in total. */
  allocations: number;
  /** Calls through a vtable in total (3 per `#[async_trait]` call). */
  indirectCalls: number;
}

/** Calls through a vtable per `#[async_trait]` call: the method, the boxed future's `poll` and its `drop_in_place`. */
export const VTABLE_CALLS_PER_ASYNC_TRAIT_CALL = 3;

/** The bytes memcpy'd and heap allocations of a request path, or why they cannot be counted. */
export type MoveAccount =
  | { supported: true; bytesCopied: number; allocations: number; indirectCalls: number; steps: MoveStep[] }
  | { supported: false; reason: string };

function sizeOf(type: RustType): number {
  const layout = computeLayout(type);
  if (!layout.supported) throw new UnsupportedMove(layout.reason);
  return layout.size;
}

class UnsupportedMove extends Error {}

function checkCount(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer, got ${value}`);
  return value;
}

function describeStep(operation: MoveOperation): MoveStep {
  const count = checkCount(operation.count ?? 1, `'${operation.op}' count`);
  switch (operation.op) {
    case 'return': {
      const layers = checkCount(operation.layers, "'return' layers");
      const label = `return ${formatType(operation.type)} through ${layers} layers`;
      return { label, bytesEach: sizeOf(operation.type), copies: count * layers, allocations: 0, indirectCalls: 0 };
    }
    case 'move':
      return { label: `move ${formatType(operation.type)}`, bytesEach: sizeOf(operation.type), copies: count, allocations: 0, indirectCalls: 0 };
    case 'vec-push':
      return { label: `Vec<${formatType(operation.element)}>::push`, bytesEach: sizeOf(operation.element), copies: count, allocations: 0, indirectCalls: 0 };
    case 'vec-pop':
      return {
        label: `Vec<${formatType(operation.element)}>::pop`,
        bytesEach: sizeOf(rust.option(operation.element)),
        copies: count,
        allocations: 0,
        indirectCalls: 0,
      };
    case 'async-trait-call': {
      const bytes = checkCount(operation.futureBytes, "'async-trait-call' futureBytes");
      return {
        label: `#[async_trait] call, Box::pin of a ${bytes}-byte future`,
        bytesEach: bytes,
        copies: count,
        allocations: count,
        indirectCalls: count * VTABLE_CALLS_PER_ASYNC_TRAIT_CALL,
      };
    }
    case 'box':
      return { label: `Box::new(${formatType(operation.type)})`, bytesEach: sizeOf(operation.type), copies: count, allocations: count, indirectCalls: 0 };
  }
}

/**
 * Counts the bytes memcpy'd, the heap allocations and the vtable calls of one request path.
 * @param plan the request's operations, in order
 * @returns the totals and one step per operation; `{ supported: false }` if a type cannot be laid out
 * @throws RangeError when a count, layer number or future size is not a non-negative integer
 * @example
 * accountMoves([{ op: 'return', type: rust.u64, layers: 3 }]) // => { supported: true, bytesCopied: 24, allocations: 0, indirectCalls: 0, … }
 */
export function accountMoves(plan: readonly MoveOperation[]): MoveAccount {
  try {
    const steps = plan.map(describeStep);
    return {
      supported: true,
      bytesCopied: steps.reduce((sum, s) => sum + s.bytesEach * s.copies, 0),
      allocations: steps.reduce((sum, s) => sum + s.allocations, 0),
      indirectCalls: steps.reduce((sum, s) => sum + s.indirectCalls, 0),
      steps,
    };
  } catch (error: unknown) {
    if (error instanceof UnsupportedMove) return { supported: false, reason: error.message };
    throw error;
  }
}
