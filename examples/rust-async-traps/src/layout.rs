//! Alan's DDSplit request, with the error type as a parameter: [`DistriErr`] keeps its ~50 KB
//! variants inline, [`DistriErrBoxed`] boxes them. The types are those of
//! test/models/layout/rust/src/main.rs (which the layout calculator is checked against); the
//! request path is what a real service does, not the model's plan: a record is split into
//! fragment queries that carry the fragment's last error (`Option<E>`), each query is pushed onto
//! and popped off a queue, each fragment's store returns its own `Result`, the payload is copied
//! into a staging buffer, and the request's `Result` returns through three call layers.
use std::hint::black_box;

/// Alan's success value: 8 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SuccessCode {
    Stored,
    Assembled(u32),
    Ok,
}

/// A missing fragment, with the ~50 KB the server sent back: 50,016 bytes.
pub struct FragmentMissing {
    pub id: u64,
    pub server: u32,
    pub data: [u8; 50_000],
}

/// The error as Alan first wrote it: two variants carry their ~50 KB inline (51,200 bytes).
pub enum DistriErr {
    FragmentMissing(FragmentMissing),
    Corrupt { fragment: u32, bytes: [u8; 51_200] },
    Timeout(u64),
    Io(String),
}

/// The fix: the big variants boxed (24 bytes).
pub enum DistriErrBoxed {
    FragmentMissing(Box<FragmentMissing>),
    Corrupt(Box<[u8; 51_200]>),
    Timeout(u64),
    Io(String),
}

/// What the request needs of its error type: a way to report a corrupt fragment (never taken
/// in the benchmark, as in Alan's service, where errors were never built).
pub trait RequestError: Sized {
    /// The error for a fragment whose checksum does not match.
    fn corrupt(fragment: u32) -> Self;
}

impl RequestError for DistriErr {
    #[inline(never)]
    fn corrupt(fragment: u32) -> Self {
        DistriErr::Corrupt { fragment, bytes: [0xEE; 51_200] }
    }
}

impl RequestError for DistriErrBoxed {
    #[inline(never)]
    fn corrupt(_fragment: u32) -> Self {
        DistriErrBoxed::Corrupt(Box::new([0xEE; 51_200]))
    }
}

/// A third error type, for a held-out test of the layout model (docs/models/rust-counterpart.md):
/// the missing fragment boxed, a smaller corrupt block (12,000 bytes) still inline: 12,008 bytes.
/// The model's plan was written against `DistriErr` and `DistriErrBoxed` with 4 fragments; its
/// prediction for this type with 8 fragments is checked against the counter, not fitted to it.
pub enum DistriErrMid {
    FragmentMissing(Box<FragmentMissing>),
    Corrupt { fragment: u32, bytes: [u8; 12_000] },
    Timeout(u64),
    Io(String),
}

impl RequestError for DistriErrMid {
    #[inline(never)]
    fn corrupt(fragment: u32) -> Self {
        DistriErrMid::Corrupt { fragment, bytes: [0xEE; 12_000] }
    }
}

/// Bytes of payload per fragment query, as in the model's `DistriQuery`.
pub const PAYLOAD_BYTES: usize = 6_336;
/// Fragments a record is split into, unless the service says otherwise.
pub const FRAGMENTS: usize = 4;
/// Bytes of one record.
pub const RECORD_BYTES: usize = 4_096;

/// One fragment query; `last_error` is the fragment's previous failure, kept for retries.
pub struct DistriQuery<E> {
    pub id: u64,
    pub server: u16,
    pub fragment: u16,
    pub offset: u32,
    pub key: [u8; 32],
    pub payload: [u8; PAYLOAD_BYTES],
    pub last_error: Option<E>,
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The service's state between requests: the fragment queue and the staging buffer. `N` is the
/// number of fragments a record is split into.
pub struct Service<E, const N: usize = FRAGMENTS> {
    queue: Vec<DistriQuery<E>>,
    staging: Vec<u8>,
    stored: u64,
}

impl<E: RequestError, const N: usize> Default for Service<E, N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E: RequestError, const N: usize> Service<E, N> {
    /// A service with its queue and staging buffer reserved.
    pub fn new() -> Self {
        Service { queue: Vec::with_capacity(N), staging: Vec::with_capacity(N * PAYLOAD_BYTES), stored: 0 }
    }

    /// Layer 1: handles one request to store `record`.
    #[inline(never)]
    pub fn request(&mut self, id: u64, record: &[u8; RECORD_BYTES]) -> Result<SuccessCode, E> {
        let result = self.handle(id, record);
        black_box(&result);
        result
    }

    /// Layer 2: splits the record and stores its fragments.
    #[inline(never)]
    fn handle(&mut self, id: u64, record: &[u8; RECORD_BYTES]) -> Result<SuccessCode, E> {
        self.split(id, record);
        self.staging.clear();
        let result = self.store_all();
        black_box(&result);
        result
    }

    /// Splits a record into fragment queries and queues them.
    #[inline(never)]
    fn split(&mut self, id: u64, record: &[u8; RECORD_BYTES]) {
        let chunk = RECORD_BYTES / N;
        for fragment in 0..N {
            let part = &record[fragment * chunk..(fragment + 1) * chunk];
            let mut key = [0u8; 32];
            let hash = fnv1a(part);
            for (i, k) in key.iter_mut().enumerate() {
                *k = (hash >> ((i % 8) * 8)) as u8;
            }
            let mut payload = [0u8; PAYLOAD_BYTES];
            payload[..chunk].copy_from_slice(part);
            let query = DistriQuery {
                id,
                server: (hash % 7) as u16,
                fragment: fragment as u16,
                offset: (fragment * chunk) as u32,
                key,
                payload,
                last_error: None,
            };
            self.queue.push(black_box(query));
        }
    }

    /// Layer 3: pops every queued fragment and stores it, stopping at the first error.
    #[inline(never)]
    fn store_all(&mut self) -> Result<SuccessCode, E> {
        let mut last = SuccessCode::Ok;
        while let Some(query) = self.queue.pop() {
            last = self.store_fragment(black_box(query))?;
        }
        Ok(last)
    }

    /// Stores one fragment: copies its payload into the staging buffer and checks its key.
    #[inline(never)]
    fn store_fragment(&mut self, query: DistriQuery<E>) -> Result<SuccessCode, E> {
        if let Some(error) = query.last_error {
            return Err(error);
        }
        let chunk = RECORD_BYTES / N;
        self.staging.extend_from_slice(&query.payload);
        let hash = fnv1a(&query.payload[..chunk]);
        if (hash as u8) != query.key[0] {
            return Err(E::corrupt(u32::from(query.fragment)));
        }
        self.stored += 1;
        Ok(if query.fragment as usize == N - 1 { SuccessCode::Stored } else { SuccessCode::Assembled(query.offset) })
    }

    /// Fragments stored so far.
    pub fn stored(&self) -> u64 {
        self.stored
    }
}

/// A deterministic record for request `i`.
pub fn record(i: u64) -> [u8; RECORD_BYTES] {
    let mut out = [0u8; RECORD_BYTES];
    let mut x = i.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for b in out.iter_mut() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        *b = x as u8;
    }
    out
}
