import { rust, type RustType } from './rust-type.ts';

/**
 * Alan's DDSplit types, as declared in test/models/layout/rust/src/main.rs (which measures
 * their real sizes): a `Result<SuccessCode, DistriErr>` whose error variants hold ~50 KB arrays.
 */

/** `enum SuccessCode { Stored, Assembled(u32), Ok }` — 8 bytes. */
export const SUCCESS_CODE: RustType = rust.enum('SuccessCode', { Stored: [], Assembled: [rust.u32], Ok: [] });

/** `struct FragmentMissing { id: u64, server: u32, data: [u8; 50_000] }` — 50,016 bytes. */
export const FRAGMENT_MISSING: RustType = rust.struct('FragmentMissing', {
  id: rust.u64,
  server: rust.u32,
  data: rust.array(rust.u8, 50_000),
});

/** The error as Alan first wrote it: two variants carry their ~50 KB inline — 51,208 bytes. */
export const DISTRI_ERR: RustType = rust.enum('DistriErr', {
  FragmentMissing: [FRAGMENT_MISSING],
  Corrupt: [rust.u32, rust.array(rust.u8, 51_200)],
  Timeout: [rust.u64],
  Io: [rust.string],
});

/** The fix: the big variants boxed — 24 bytes (the `String` sets the size). */
export const DISTRI_ERR_BOXED: RustType = rust.enum('DistriErrBoxed', {
  FragmentMissing: [rust.box(FRAGMENT_MISSING)],
  Corrupt: [rust.box(rust.array(rust.u8, 51_200))],
  Timeout: [rust.u64],
  Io: [rust.string],
});

/** One fragment query, pushed to and popped from a `Vec<DistriQuery>` — 6,384 bytes. */
export const DISTRI_QUERY: RustType = rust.struct('DistriQuery', {
  id: rust.u64,
  server: rust.u16,
  fragment: rust.u16,
  offset: rust.u32,
  key: rust.array(rust.u8, 32),
  payload: rust.array(rust.u8, 6_336),
});

/** `Result<SuccessCode, DistriErr>`, Alan's return type. */
export const INLINE_RESULT: RustType = rust.result(SUCCESS_CODE, DISTRI_ERR);

/** `Result<SuccessCode, DistriErrBoxed>`, after boxing the big variants. */
export const BOXED_RESULT: RustType = rust.result(SUCCESS_CODE, DISTRI_ERR_BOXED);
