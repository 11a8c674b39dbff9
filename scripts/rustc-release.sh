#!/usr/bin/env bash
# The compiler of every release build of the wasm (cargo's RUSTC, set by `release` in
# ./dev), which runs the real one ($LIA_RUSTC, or $LIA_RUSTC_BESIDE when clippy lints
# beside it). The release build compiles the standard library itself, for size, with
# flags only a nightly compiler takes (docs/performance.md, "The standard library
# compiled for size"): the machine's one compiler is stable, and RUSTC_BOOTSTRAP=1 lets
# it take them.
#
# Only for cargo's own compiles (ours, the dependencies', the standard library's). A
# dependency's build script that asks the compiler whether a feature works (thiserror,
# anyhow, proc-macro2 do, passing on the build's flags) gets the answer a stable build
# gets: a stable compiler (RUSTC_BOOTSTRAP=-1), so no dependency switches to a nightly
# API that a later compiler could break, and without the release's nightly flags, which
# a stable compiler refuses, so a stable feature is not taken for missing. Cargo sets
# CARGO_CFG_* only when it runs a build script.
set -uo pipefail
if [ -n "${CARGO_CFG_TARGET_ARCH:-}" ]; then
  export RUSTC_BOOTSTRAP=-1
  args=()
  for arg in "$@"; do
    case $arg in
    -Z* | -Cpanic=immediate-abort) ;;
    *) args+=("$arg") ;;
    esac
  done
  set -- "${args[@]}"
else
  export RUSTC_BOOTSTRAP=1
fi
exec "${LIA_RUSTC_BESIDE:-${LIA_RUSTC:?set LIA_RUSTC to the real rustc}}" "$@"
