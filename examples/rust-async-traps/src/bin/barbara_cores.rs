//! Runs Barbara's 64 requests once per strategy per round, strategies alternating, and prints
//! wall time and cores used (process CPU time / wall time, every thread included) as JSON lines.
//!   cargo run --release --bin barbara_cores -- [rounds=3]
use rust_async_traps::executor::{make_payload, run, runtime, STRATEGIES};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn cpu_seconds() -> f64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let t = |tv: libc::timeval| tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6;
    t(usage.ru_utime) + t(usage.ru_stime)
}

fn main() {
    let rounds: usize = std::env::args().nth(1).map(|s| s.parse().expect("rounds must be a number")).unwrap_or(3);
    let payloads = Arc::new((0..8).map(|i| make_payload(1 << 20, i + 1)).collect::<Vec<_>>());
    let rt = runtime();
    rt.block_on(run(STRATEGIES[0].0, payloads.clone(), 8, Duration::from_millis(1))); // warm-up
    for round in 1..=rounds {
        let order: Vec<_> = if round % 2 == 1 { STRATEGIES.to_vec() } else { STRATEGIES.iter().rev().copied().collect() };
        for (strategy, name) in order {
            let cpu = cpu_seconds();
            let start = Instant::now();
            let active = rt.block_on(run(strategy, payloads.clone(), 64, Duration::from_millis(1)));
            let wall = start.elapsed().as_secs_f64();
            let cores = (cpu_seconds() - cpu) / wall;
            println!("{{\"round\":{round},\"strategy\":\"{name}\",\"wall_s\":{wall:.3},\"cores\":{cores:.2},\"active\":{active}}}");
        }
    }
}
