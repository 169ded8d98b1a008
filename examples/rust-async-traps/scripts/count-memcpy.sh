#!/usr/bin/env bash
# Builds the LD_PRELOAD memcpy counter and the release binaries, then prints, as JSON lines,
# the bytes copied through libc memcpy/memmove per request (layout) and per call (dispatch).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
target=${CARGO_TARGET_DIR:-$here/target}
cc -O2 -shared -fPIC -o "$target/libmemcpy_counter.so" memcpy-counter/memcpy_counter.c -ldl
cargo build --release --quiet --bin memcpy_bytes
LD_PRELOAD="$target/libmemcpy_counter.so" "$target/release/memcpy_bytes"
