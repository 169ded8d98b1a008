//! Barbara's client: requests through `buffer_unordered(32)`, each awaiting a network round trip
//! (a 1 ms timer) and then decoding a large JSON payload with serde_json, which takes CPU.
//! The four strategies are those of benchgate's executor model (docs/models/executor.md).
use futures::stream::{self, StreamExt};
use std::sync::Arc;
use std::time::Duration;

/// Where the decoding runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strategy {
    /// Inside the one task that drives `buffer_unordered` (Barbara's code).
    InTask,
    /// One `tokio::spawn`ed task per request.
    Spawn,
    /// In the driver's futures, the decoding handed to `spawn_blocking`.
    SpawnBlocking,
    /// One spawned task per request, decoding inside `block_in_place`.
    BlockInPlace,
}

/// Every strategy, with the name criterion reports it under.
pub const STRATEGIES: [(Strategy, &str); 4] = [
    (Strategy::InTask, "in-task"),
    (Strategy::Spawn, "spawn"),
    (Strategy::SpawnBlocking, "spawn-blocking"),
    (Strategy::BlockInPlace, "block-in-place"),
];

/// Requests in flight, as in the story.
pub const IN_FLIGHT: usize = 32;

/// Builds a JSON array of records about `target` bytes long (as benchgate's makeJsonPayload).
pub fn make_payload(target: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut out = String::from("[");
    let mut id = 0u64;
    while out.len() < target {
        if id > 0 {
            out.push(',');
        }
        let tags: Vec<&str> = ["alpha", "beta", "gamma", "delta"].into_iter().filter(|_| next() < 0.5).collect();
        out.push_str(&format!(
            "{{\"id\":{},\"name\":\"item-{}-{}\",\"price\":{:.2},\"active\":{},\"tags\":{:?},\"scores\":[{:.4},{:.4},{:.4}]}}",
            id,
            id,
            (next() * 1e9) as u64,
            next() * 1e4,
            next() < 0.5,
            tags,
            next(),
            next(),
            next()
        ));
        id += 1;
    }
    out.push(']');
    out.into_bytes()
}

/// Decodes one payload and counts its active records: the CPU-heavy step.
pub fn decode(body: &[u8]) -> usize {
    let value: serde_json::Value = serde_json::from_slice(body).expect("payload is valid JSON");
    value.as_array().expect("payload is an array").iter().filter(|r| r["active"] == serde_json::Value::Bool(true)).count()
}

async fn fetch(latency: Duration) {
    tokio::time::sleep(latency).await;
}

/// Runs `requests` requests over `payloads` with one strategy; returns the active records seen.
pub async fn run(strategy: Strategy, payloads: Arc<Vec<Vec<u8>>>, requests: usize, latency: Duration) -> usize {
    let n = payloads.len();
    match strategy {
        Strategy::InTask => {
            stream::iter(0..requests)
                .map(|i| {
                    let payloads = payloads.clone();
                    async move {
                        fetch(latency).await;
                        decode(&payloads[i % n])
                    }
                })
                .buffer_unordered(IN_FLIGHT)
                .fold(0, |a, b| async move { a + b })
                .await
        }
        Strategy::Spawn => {
            stream::iter(0..requests)
                .map(|i| {
                    let payloads = payloads.clone();
                    tokio::spawn(async move {
                        fetch(latency).await;
                        decode(&payloads[i % n])
                    })
                })
                .buffer_unordered(IN_FLIGHT)
                .fold(0, |a, b| async move { a + b.expect("task panicked") })
                .await
        }
        Strategy::SpawnBlocking => {
            stream::iter(0..requests)
                .map(|i| {
                    let payloads = payloads.clone();
                    async move {
                        fetch(latency).await;
                        tokio::task::spawn_blocking(move || decode(&payloads[i % n])).await.expect("task panicked")
                    }
                })
                .buffer_unordered(IN_FLIGHT)
                .fold(0, |a, b| async move { a + b })
                .await
        }
        Strategy::BlockInPlace => {
            stream::iter(0..requests)
                .map(|i| {
                    let payloads = payloads.clone();
                    tokio::spawn(async move {
                        fetch(latency).await;
                        tokio::task::block_in_place(|| decode(&payloads[i % n]))
                    })
                })
                .buffer_unordered(IN_FLIGHT)
                .fold(0, |a, b| async move { a + b.expect("task panicked") })
                .await
        }
    }
}

/// A multi-thread runtime with one worker per core (tokio's default).
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().enable_time().build().expect("tokio runtime")
}
