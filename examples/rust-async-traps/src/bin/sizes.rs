//! Prints size_of and align_of of every type the benchmarks use, as JSON lines.
use rust_async_traps::dispatch::{boxed_future_size, AnyStore, FragmentStore, MemStore};
use rust_async_traps::layout::{DistriErr, DistriErrBoxed, DistriErrMid, DistriQuery, FragmentMissing, SuccessCode};
use std::mem::{align_of, size_of};

macro_rules! show {
    ($($t:ty),* $(,)?) => {
        $( println!("{{\"type\":\"{}\",\"size\":{},\"align\":{}}}", stringify!($t).replace(' ', ""), size_of::<$t>(), align_of::<$t>()); )*
    };
}

fn main() {
    show!(
        SuccessCode,
        FragmentMissing,
        DistriErr,
        DistriErrBoxed,
        Option<DistriErr>,
        Option<DistriErrBoxed>,
        Result<SuccessCode, DistriErr>,
        Result<SuccessCode, DistriErrBoxed>,
        DistriQuery<DistriErr>,
        DistriQuery<DistriErrBoxed>,
        Option<DistriQuery<DistriErr>>,
        Option<DistriQuery<DistriErrBoxed>>,
        DistriErrMid,
        Result<SuccessCode, DistriErrMid>,
        DistriQuery<DistriErrMid>,
        AnyStore,
        Box<dyn FragmentStore>,
    );
    let store = MemStore { seed: 1 };
    println!("{{\"type\":\"<MemStore as FragmentStore>::put future (boxed by #[async_trait])\",\"size\":{}}}", boxed_future_size(&store, &[0u8; 64]));
    let any = AnyStore::Mem(MemStore { seed: 1 });
    let fragment = [0u8; 64];
    let future = any.put(&fragment);
    println!("{{\"type\":\"AnyStore::put future (on the caller's stack)\",\"size\":{}}}", std::mem::size_of_val(&future));
}
