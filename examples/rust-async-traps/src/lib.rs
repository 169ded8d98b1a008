//! The real counterpart of benchgate's models (docs/models/rust-counterpart.md).
//!
//! - [`layout`]: Alan's `Result<SuccessCode, DistriErr>` with ~50 KB error variants inline or boxed,
//!   on a DDSplit-like request path (fragment queue, per-fragment `Result`, staging copy).
//! - [`dispatch`]: `#[async_trait]` (a boxed future per call) against an enum of implementations.
//! - [`executor`]: Barbara's `buffer_unordered(32)` with CPU-heavy JSON decoding inside one task,
//!   against `tokio::spawn`, `spawn_blocking` and `block_in_place`.
pub mod dispatch;
pub mod executor;
pub mod layout;
