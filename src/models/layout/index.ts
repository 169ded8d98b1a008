/** The data-layout model (Alan's story): see docs/models/layout.md. */
export { computeLayout, nicheAvailable, type Layout, type Niche } from './compute-layout.ts';
export { formatType, rust, type EnumRepr, type IntName, type RustField, type RustType, type RustVariant, type StructRepr } from './rust-type.ts';
export { VTABLE_CALLS_PER_ASYNC_TRAIT_CALL, accountMoves, type MoveAccount, type MoveOperation, type MoveStep } from './account-moves.ts';
export {
  DEFAULT_DDSPLIT_OPTIONS,
  DISPATCHES,
  ERROR_LAYOUTS,
  planDdsplitRequest,
  type DdsplitOptions,
  type Dispatch,
  type ErrorLayout,
} from './ddsplit-plan.ts';
export * from './ddsplit-types.ts';
export { DEFAULT_REPLAY_OPTIONS, SERVICE_REPLAY_OPTIONS, createReplay, type Replay, type ReplayOptions } from './replay.ts';
export { CHUNK_HEADER_BYTES, DEFAULT_ALLOCATOR_OPTIONS, chunkSizeFor, createAllocator, type AllocatorOptions, type SmallAllocator } from './allocator.ts';
export {
  DEFAULT_DISPATCH_REPLAY_OPTIONS,
  STORE_DISPATCHES,
  createDispatchReplay,
  memPut,
  sumPut,
  type DispatchReplay,
  type DispatchReplayOptions,
  type StoreDispatch,
} from './dispatch-replay.ts';
export { DISTRI_ERR_MID, planServiceRequest, planSuiteRequest, serviceQuery, type ServiceRequest } from './service-plan.ts';
export { predictRequestNs } from './predict-time.ts';
