//! `#[async_trait]` against an enum of implementations. Every `#[async_trait]` call returns a
//! `Pin<Box<dyn Future>>`: one heap allocation of the future's size and an indirect call. The
//! enum's `async fn` is a plain future on the caller's stack, dispatched with a `match`.
use async_trait::async_trait;
use std::hint::black_box;

/// A fragment store, as a trait object would use it.
#[async_trait]
pub trait FragmentStore: Send + Sync {
    /// Stores one fragment and returns its checksum.
    async fn put(&self, fragment: &[u8]) -> u64;
}

/// Keeps fragments in memory (hashes them).
pub struct MemStore {
    pub seed: u64,
}

/// Sums the fragment's bytes (a different body, so the enum has two real arms).
pub struct SumStore {
    pub bias: u64,
}

#[inline(always)]
fn mem_put(seed: u64, fragment: &[u8]) -> u64 {
    let mut hash = seed;
    for &b in fragment {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[inline(always)]
fn sum_put(bias: u64, fragment: &[u8]) -> u64 {
    fragment.iter().fold(bias, |acc, &b| acc.wrapping_add(u64::from(b)))
}

/// Padding a real handler's future carries across its await (locals, a request header): about
/// 100 bytes, the size the issue quotes for a real boxed future.
async fn yield_point(x: u64) -> u64 {
    black_box(x)
}

#[async_trait]
impl FragmentStore for MemStore {
    async fn put(&self, fragment: &[u8]) -> u64 {
        let header = black_box([0u8; 64]);
        let h = yield_point(mem_put(self.seed, fragment)).await;
        h ^ u64::from(header[0])
    }
}

#[async_trait]
impl FragmentStore for SumStore {
    async fn put(&self, fragment: &[u8]) -> u64 {
        let header = black_box([0u8; 64]);
        let h = yield_point(sum_put(self.bias, fragment)).await;
        h ^ u64::from(header[0])
    }
}

/// The same two stores as an enum: static dispatch, no allocation.
pub enum AnyStore {
    Mem(MemStore),
    Sum(SumStore),
}

impl AnyStore {
    /// Stores one fragment and returns its checksum.
    pub async fn put(&self, fragment: &[u8]) -> u64 {
        let header = black_box([0u8; 64]);
        let h = match self {
            AnyStore::Mem(s) => yield_point(mem_put(s.seed, fragment)).await,
            AnyStore::Sum(s) => yield_point(sum_put(s.bias, fragment)).await,
        };
        h ^ u64::from(header[0])
    }
}

/// Size of the boxed future one `#[async_trait]` call allocates (for the memcpy/size report).
pub fn boxed_future_size(store: &dyn FragmentStore, fragment: &[u8]) -> usize {
    std::mem::size_of_val(&*store.put(fragment))
}
