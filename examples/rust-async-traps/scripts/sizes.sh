#!/usr/bin/env bash
# Prints size_of and align_of of every type the benchmarks use, as JSON lines.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release --quiet --bin sizes
