import type { MoveOperation } from './account-moves.ts';
import { BOXED_RESULT, DISTRI_QUERY, INLINE_RESULT } from './ddsplit-types.ts';

/** Where `DistriErr` keeps its big variants: inline (Alan's first version) or boxed (the fix). */
export type ErrorLayout = 'boxed-error' | 'inline-error';
/** How the service's layers call each other: plain calls, or `#[async_trait]` boxing every future. */
export type Dispatch = 'direct' | 'async-trait';

/** The variants in suite order: the first is the fast default. */
export const ERROR_LAYOUTS: readonly ErrorLayout[] = ['boxed-error', 'inline-error'];
/** The dispatch variants: the first is the fast default. */
export const DISPATCHES: readonly Dispatch[] = ['direct', 'async-trait'];

/** The shape of one DDSplit request. */
export interface DdsplitOptions {
  error: ErrorLayout;
  dispatch: Dispatch;
  /** Fragments a record is split into; each is one `DistriQuery` pushed and popped. @default 4 */
  fragments: number;
  /** Call layers the request's `Result` returns through (service → handler → store). @default 3 */
  callLayers: number;
  /**
   * Size of each layer's future when `#[async_trait]` boxes it. 112 is the real `size_of_val` of the
   * boxed `put` future in examples/rust-async-traps (its scripts/sizes.sh prints it). @default 112
   */
  futureBytes: number;
}

/** The fast variant of Alan's request. */
export const DEFAULT_DDSPLIT_OPTIONS: DdsplitOptions = {
  error: 'boxed-error',
  dispatch: 'direct',
  fragments: 4,
  callLayers: 3,
  futureBytes: 112,
};

/**
 * Alan's request path as move operations: the record is split into fragment queries, each pushed
 * onto and popped off a `Vec<DistriQuery>`; the request's `Result<SuccessCode, DistriErr>` returns
 * through every call layer; with `#[async_trait]` each layer's call boxes its future.
 * @param options the variant and the request's shape
 * @returns the operations of one request
 */
export function planDdsplitRequest(options: Partial<DdsplitOptions> = {}): MoveOperation[] {
  const { error, dispatch, fragments, callLayers, futureBytes } = { ...DEFAULT_DDSPLIT_OPTIONS, ...options };
  const plan: MoveOperation[] = [];
  if (dispatch === 'async-trait') plan.push({ op: 'async-trait-call', futureBytes, count: callLayers });
  plan.push({ op: 'vec-push', element: DISTRI_QUERY, count: fragments });
  plan.push({ op: 'vec-pop', element: DISTRI_QUERY, count: fragments });
  plan.push({ op: 'return', type: error === 'inline-error' ? INLINE_RESULT : BOXED_RESULT, layers: callLayers });
  return plan;
}
