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
}

criterion_group!(benches, dispatch);
criterion_main!(benches);
