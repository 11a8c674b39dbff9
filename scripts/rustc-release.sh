#!/usr/bin/env bash
# The compiler of every release build of the wasm (cargo's RUSTC, set by `release` in
# ./dev), which runs the real one ($LIA_RUSTC, or $LIA_RUSTC_BESIDE when clippy lints
# beside it). The release build compiles the standard library itself, for size, with
# flags only a nightly compiler takes (docs/performance.md, "The standard library
# compiled for size"): the machine's one compiler is stable, and RUSTC_BOOTSTRAP=1 lets
# it take them.
#
# Only for cargo's own compiles (ours, the dependencies', the standard library's). A
# dependency's build script that asks the compiler whether it can use a nightly feature
# (thiserror, anyhow, proc-macro2 do) gets the answer a stable compiler gives
# (RUSTC_BOOTSTRAP=-1), so no dependency switches to a nightly API that a later
# compiler could break: cargo sets CARGO_CFG_* only when it runs a build script.
set -uo pipefail
if [ -n "${CARGO_CFG_TARGET_ARCH:-}" ]; then
  export RUSTC_BOOTSTRAP=-1
else
  export RUSTC_BOOTSTRAP=1
fi
exec "${LIA_RUSTC_BESIDE:-${LIA_RUSTC:?set LIA_RUSTC to the real rustc}}" "$@"
