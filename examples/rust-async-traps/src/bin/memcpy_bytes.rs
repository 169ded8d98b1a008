//! Counts the bytes copied through libc's memcpy/memmove per operation, in the real optimized
//! build. Run it under the LD_PRELOAD counter (scripts/count-memcpy.sh); without it, it says so.
use futures::executor::block_on;
use rust_async_traps::dispatch::{AnyStore, FragmentStore, MemStore, SumStore};
use rust_async_traps::layout::{record, DistriErr, DistriErrBoxed, DistriErrMid, RequestError, Service};
use std::hint::black_box;

type Start = unsafe extern "C" fn();
type Stop = unsafe extern "C" fn(*mut u64, *mut u64);

struct Counter {
    start: Start,
    stop: Stop,
}

impl Counter {
    fn find() -> Option<Counter> {
        unsafe {
            let start = libc::dlsym(libc::RTLD_DEFAULT, b"memcpy_counter_start\0".as_ptr().cast());
            let stop = libc::dlsym(libc::RTLD_DEFAULT, b"memcpy_counter_stop\0".as_ptr().cast());
            if start.is_null() || stop.is_null() {
                return None;
            }
            Some(Counter { start: std::mem::transmute::<*mut libc::c_void, Start>(start), stop: std::mem::transmute::<*mut libc::c_void, Stop>(stop) })
        }
    }

    /// Runs `f` `n` times with counting on; returns (calls, bytes) per run of `f`.
    fn per_op(&self, n: u64, mut f: impl FnMut(u64)) -> (f64, f64) {
        let (mut calls, mut bytes) = (0u64, 0u64);
        unsafe { (self.start)() };
        for i in 0..n {
            f(i);
        }
        unsafe { (self.stop)(&mut calls, &mut bytes) };
        (calls as f64 / n as f64, bytes as f64 / n as f64)
    }
}

fn layout<E: RequestError, const N: usize>(counter: &Counter, name: &str) {
    let records: Vec<_> = (0..16).map(record).collect();
    let mut service = Service::<E, N>::new();
    for i in 0..16 {
        black_box(service.request(i, &records[i as usize]).is_ok()); // warm: capacities reached
    }
    let (calls, bytes) = counter.per_op(10_000, |i| {
        black_box(service.request(i, &records[(i % 16) as usize]).is_ok());
    });
    println!("{{\"benchmark\":\"ddsplit/{name}\",\"unit\":\"request\",\"memcpy_calls\":{calls},\"memcpy_bytes\":{bytes}}}");
}

fn dispatch(counter: &Counter) {
    let fragment = [7u8; 64];
    let traits: Vec<Box<dyn FragmentStore>> = vec![Box::new(MemStore { seed: 1 }), Box::new(SumStore { bias: 3 })];
    let enums = vec![AnyStore::Mem(MemStore { seed: 1 }), AnyStore::Sum(SumStore { bias: 3 })];
    let (calls, bytes) = counter.per_op(100_000, |i| {
        black_box(block_on(traits[(i & 1) as usize].put(black_box(&fragment))));
    });
    println!("{{\"benchmark\":\"dispatch/async-trait\",\"unit\":\"call (with its block_on)\",\"memcpy_calls\":{calls},\"memcpy_bytes\":{bytes}}}");
    let (calls, bytes) = counter.per_op(100_000, |i| {
        black_box(block_on(enums[(i & 1) as usize].put(black_box(&fragment))));
    });
    println!("{{\"benchmark\":\"dispatch/enum\",\"unit\":\"call (with its block_on)\",\"memcpy_calls\":{calls},\"memcpy_bytes\":{bytes}}}");
}

fn main() {
    let Some(counter) = Counter::find() else {
        eprintln!("memcpy_bytes: the counter is not loaded; run scripts/count-memcpy.sh (LD_PRELOAD=libmemcpy_counter.so)");
        std::process::exit(2);
    };
    layout::<DistriErr, 4>(&counter, "inline-error");
    layout::<DistriErrBoxed, 4>(&counter, "boxed-error");
    // held out: the plan was written against the two above; these test its prediction
    layout::<DistriErrMid, 8>(&counter, "mid-error-8");
    layout::<DistriErr, 8>(&counter, "inline-error-8");
    layout::<DistriErrBoxed, 2>(&counter, "boxed-error-2");
    dispatch(&counter);
}
