import type { MoveOperation } from './account-moves.ts';
import type { ErrorLayout } from './ddsplit-plan.ts';
import { BOXED_RESULT, DISTRI_ERR, DISTRI_ERR_BOXED, INLINE_RESULT } from './ddsplit-types.ts';
import { rust, type RustType } from './rust-type.ts';

/**
 * The fragment query of the real request (examples/rust-async-traps/src/layout.rs): the model's
 * `DistriQuery` plus `last_error: Option<E>`, the fragment's previous failure kept for retries.
 * @param error the error type `E`
 * @returns `DistriQuery<E>` (57,592 B with `DistriErr`, 6,408 B with `DistriErrBoxed`)
 */
export function serviceQuery(error: RustType): RustType {
  return rust.struct('DistriQuery', {
    id: rust.u64,
    server: rust.u16,
    fragment: rust.u16,
    offset: rust.u32,
    key: rust.array(rust.u8, 32),
    payload: rust.array(rust.u8, 6_336),
    last_error: rust.option(error),
  });
}

/**
 * The request of the Rust counterpart's `ddsplit` benchmark, operation by operation, as its
 * optimized build copies it. Each copy is one that the LD_PRELOAD counter saw
 * (docs/models/rust-counterpart.md), tied to the line of code that makes it:
 * per fragment, the 1,024-byte record part into the payload, the payload into the query and
 * again into the staging buffer, and the query moved three times (built, pushed, popped and
 * passed on); per request, the `Result` returned through 3 layers of which the optimizer writes
 * one in place (2 copies).
 *
 * The copy counts (3 query moves, 2 of 3 returns) are what rustc 1.95 `-O` did with that code;
 * they are read from the counter, not derived from a rule, so this plan describes that build
 * rather than predicting another one.
 * @param error where `DistriErr` keeps its big variants
 * @param fragments fragments per record @default 4
 * @returns the operations of one request
 */
export function planServiceRequest(error: ErrorLayout, fragments = 4): MoveOperation[] {
  const query = serviceQuery(error === 'inline-error' ? DISTRI_ERR : DISTRI_ERR_BOXED);
  return [
    { op: 'move', type: rust.array(rust.u8, 1_024), count: fragments }, // record part → payload
    { op: 'move', type: rust.array(rust.u8, 6_336), count: 2 * fragments }, // payload → query, → staging
    { op: 'move', type: query, count: fragments }, // the query built on the stack
    { op: 'vec-push', element: query, count: fragments },
    { op: 'vec-pop', element: query, count: fragments },
    { op: 'return', type: error === 'inline-error' ? INLINE_RESULT : BOXED_RESULT, layers: 2 },
  ];
}
