//! `#[async_trait]` (a boxed future per call) against an enum of implementations.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use futures::executor::block_on;
use rust_async_traps::dispatch::{AnyStore, FragmentStore, MemStore, SumStore};
use std::hint::black_box;

/// Calls per iteration: one `block_on` drives them all, so its cost is spread thin.
const CALLS: u64 = 256;

fn dispatch(c: &mut Criterion) {
    let fragment = [7u8; 64];
    let traits: Vec<Box<dyn FragmentStore>> = vec![Box::new(MemStore { seed: 1 }), Box::new(SumStore { bias: 3 })];
    let enums = vec![AnyStore::Mem(MemStore { seed: 1 }), AnyStore::Sum(SumStore { bias: 3 })];
    let mut group = c.benchmark_group("dispatch");
    group.throughput(Throughput::Elements(CALLS));
    group.bench_function("async-trait", |b| {
        b.iter(|| {
            block_on(async {
                let mut acc = 0u64;
                for i in 0..CALLS {
                    let store = &traits[black_box(i as usize) & 1];
                    acc ^= store.put(black_box(&fragment)).await;
                }
                acc
            })
        })
    });
    group.bench_function("enum", |b| {
        b.iter(|| {
            block_on(async {
                let mut acc = 0u64;
                for i in 0..CALLS {
                    let store = &enums[black_box(i as usize) & 1];
                    acc ^= store.put(black_box(&fragment)).await;
                }
                acc
            })
        })
    });
    group.finish();

    // The parts a boxed future costs, measured alone, for the dispatch cost model
    // (docs/models/rust-counterpart.md): Box::pin of a future of the real size and its drop, and
    // one call through a vtable.
    let mut parts = c.benchmark_group("dispatch-parts");
    parts.throughput(Throughput::Elements(CALLS));
    parts.bench_function("box-112", |b| {
        b.iter(|| {
            for i in 0..CALLS {
                let boxed = Box::pin(black_box([i; 14])); // 112 bytes, as the async_trait future
                black_box(&boxed);
            }
        })
    });
    let calls: Vec<Box<dyn Fn(u64) -> u64>> = vec![Box::new(|x| x ^ 1), Box::new(|x| x.wrapping_add(3))];
    parts.bench_function("indirect-call", |b| {
        b.iter(|| {
            let mut acc = 0u64;
            for i in 0..CALLS {
                acc = calls[black_box(i as usize) & 1](acc);
            }
            acc
        })
    });
    parts.finish();
}

criterion_group!(benches, dispatch);
criterion_main!(benches);
