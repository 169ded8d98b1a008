import type { MoveOperation } from './account-moves.ts';
import { DEFAULT_DDSPLIT_OPTIONS, type Dispatch, type ErrorLayout } from './ddsplit-plan.ts';
import { DISTRI_ERR, DISTRI_ERR_BOXED, FRAGMENT_MISSING, SUCCESS_CODE } from './ddsplit-types.ts';
import { rust, type RustType } from './rust-type.ts';

/** Bytes of payload in one fragment query (`PAYLOAD_BYTES` in examples/rust-async-traps/src/layout.rs). */
export const SERVICE_PAYLOAD_BYTES = 6_336;
/** Bytes of the record one request splits (`RECORD_BYTES`). */
export const SERVICE_RECORD_BYTES = 4_096;

/**
 * `DistriErrMid`, the held-out error type of the Rust counterpart: the missing fragment boxed,
 * a 12,000-byte corrupt block still inline (12,008 bytes). The service plan was written against
 * `DistriErr` and `DistriErrBoxed`; this type tests its prediction on a build it was not read off.
 */
export const DISTRI_ERR_MID: RustType = rust.enum('DistriErrMid', {
  FragmentMissing: [rust.box(FRAGMENT_MISSING)],
  Corrupt: [rust.u32, rust.array(rust.u8, 12_000)],
  Timeout: [rust.u64],
  Io: [rust.string],
});

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
    payload: rust.array(rust.u8, SERVICE_PAYLOAD_BYTES),
    last_error: rust.option(error),
  });
}

/** The shape of one request of the Rust counterpart's service. */
export interface ServiceRequest {
  /** The error type `E`: `inline-error` (`DistriErr`), `boxed-error` (`DistriErrBoxed`), or any type. */
  error: ErrorLayout | RustType;
  /** Fragments a record is split into (`Service<E, N>`). @default 4 */
  fragments: number;
  /** Bytes of the record. @default 4_096 */
  recordBytes: number;
}

function errorType(error: ErrorLayout | RustType): RustType {
  if (error === 'inline-error') return DISTRI_ERR;
  if (error === 'boxed-error') return DISTRI_ERR_BOXED;
  return error;
}

/**
 * The request of the Rust counterpart's `ddsplit` benchmark, operation by operation, as its
 * optimized build copies it. Per fragment: the record's part into the payload, the payload into
 * the query and again into the staging buffer, and the query moved three times (built, pushed,
 * popped and passed on); per request, the `Result` returned through 3 layers of which the
 * optimizer writes one in place (2 copies).
 *
 * The move counts (3 per query, 2 of 3 returns) were read off the LD_PRELOAD counter for
 * `DistriErr` and `DistriErrBoxed` with 4 fragments (rustc 1.95 `-O`). For any other error type,
 * fragment count or record size the plan is a prediction: the held-out builds of
 * docs/models/rust-counterpart.md test it.
 * @param request the error type and the request's shape
 * @returns the operations of one request
 * @example
 * accountMoves(planServiceRequest({ error: 'inline-error' })).bytesCopied // => 848_304
 */
export function planServiceRequest(request: ErrorLayout | Partial<ServiceRequest> = {}): MoveOperation[] {
  const { error, fragments, recordBytes } = {
    error: 'boxed-error' as ErrorLayout | RustType,
    fragments: 4,
    recordBytes: SERVICE_RECORD_BYTES,
    ...(typeof request === 'string' ? { error: request } : request),
  };
  if (!Number.isSafeInteger(fragments) || fragments < 1 || recordBytes % fragments !== 0) {
    throw new RangeError(`planServiceRequest: fragments must be a positive integer dividing recordBytes (${recordBytes}), got ${fragments}`);
  }
  const type = errorType(error);
  const query = serviceQuery(type);
  return [
    { op: 'move', type: rust.array(rust.u8, recordBytes / fragments), count: fragments }, // record part → payload
    { op: 'move', type: rust.array(rust.u8, SERVICE_PAYLOAD_BYTES), count: 2 * fragments }, // payload → query, → staging
    { op: 'move', type: query, count: fragments }, // the query built on the stack
    { op: 'vec-push', element: query, count: fragments },
    { op: 'vec-pop', element: query, count: fragments },
    { op: 'return', type: rust.result(SUCCESS_CODE, type), layers: 2 },
  ];
}

/**
 * The plan the suite's `ddsplit-replay` runs: the Rust counterpart's request
 * (`planServiceRequest`), and under `#[async_trait]` one boxed future per call layer
 * (`DEFAULT_DDSPLIT_OPTIONS`' layers and future size).
 * @param error where `DistriErr` keeps its big variants
 * @param dispatch how the layers call each other
 * @returns the operations of one request
 */
export function planSuiteRequest(error: ErrorLayout, dispatch: Dispatch): MoveOperation[] {
  const { callLayers, futureBytes } = DEFAULT_DDSPLIT_OPTIONS;
  const boxing: MoveOperation[] = dispatch === 'async-trait' ? [{ op: 'async-trait-call', futureBytes, count: callLayers }] : [];
  return [...boxing, ...planServiceRequest(error)];
}
