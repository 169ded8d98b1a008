//! Alan's 50 KB error variant: the same request with `DistriErr` inline and boxed.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rust_async_traps::layout::{record, DistriErr, DistriErrBoxed, RequestError, Service};
use std::hint::black_box;

fn requests<E: RequestError>(c: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>, name: &str) {
    let records: Vec<_> = (0..16).map(record).collect();
    let mut service = Service::<E, 4>::new();
    let mut i = 0usize;
    c.bench_function(name, |b| {
        b.iter(|| {
            i = (i + 1) % records.len();
            let result = service.request(i as u64, &records[i]);
            black_box(result.is_ok())
        })
    });
}

fn layout(c: &mut Criterion) {
    let mut group = c.benchmark_group("ddsplit");
    group.throughput(Throughput::Elements(1));
    requests::<DistriErr>(&mut group, "inline-error");
    requests::<DistriErrBoxed>(&mut group, "boxed-error");
    group.finish();
}

criterion_group!(benches, layout);
criterion_main!(benches);
