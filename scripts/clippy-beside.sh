#!/usr/bin/env bash
# The compiler of the release build of `./dev test` (run by cargo's RUSTC,
# scripts/rustc-release.sh, as $LIA_RUSTC_BESIDE), which runs the real one, $LIA_RUSTC:
# rustc compiles every crate exactly as asked, and beside it, for this
# crate only, clippy lints the same code (metadata only, into a folder of its own)
# against the dependencies the release build has just compiled, instead of `cargo clippy
# --target wasm32-unknown-unknown` checking every one of them again (118 s of CPU, most
# of it Leptos). clippy runs on the other core while rustc builds. Its messages reach
# cargo as the compiler's own do (JSON on stderr), so cargo shows them and counts them
# ("generated N warnings"); `./dev` fails the run on any. RUSTC, not cargo's workspace
# wrapper: a wrapper changes the crate's metadata hash and so the order of the wasm's
# functions (148 bytes more gzip), while this leaves the wasm byte for byte the same.
set -uo pipefail
rustc=${LIA_RUSTC:?set LIA_RUSTC to the real rustc}

# Only this crate's library and binary are linted. A query (`rustc -vV`, `--print`), a
# dependency, the build script: passed straight on.
ours=0 root=0 previous=
for arg in "$@"; do
  case $previous/$arg in
  --crate-name/lia) ours=1 ;;
  */src/lib.rs | */src/main.rs) root=1 ;;
  */--print* | */-vV) ours=0 && break ;;
  esac
  previous=$arg
done
if [ "$ours$root" != 11 ]; then exec "$rustc" "$@"; fi

# The same arguments, but metadata only, into a scratch folder, with diagnostics and
# nothing else in JSON (no artifact notices: cargo must see only rustc's), and without
# the link-time optimisation flags that metadata alone does not take.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/lia-clippy.XXXXXX")
args=()
skip=0
for arg in "$@"; do
  if [ "$skip" -eq 1 ]; then
    skip=0
    continue
  fi
  case $arg in
  --out-dir) skip=1 ;;
  --emit=* | --json=*) ;;
  -C)
    args+=("$arg")
    ;;
  lto | lto=* | linker-plugin-lto | embed-bitcode=*)
    # The value of the `-C` just before: take both out.
    unset 'args[${#args[@]}-1]'
    ;;
  *) args+=("$arg") ;;
  esac
done
args+=(--emit=metadata --out-dir "$scratch" --json=diagnostic-rendered-ansi)

# clippy's messages are held until rustc is done, then passed on whole: two programs
# writing long JSON lines to one pipe at once could cut into each other's lines.
clippy_driver=$(dirname "$rustc")/clippy-driver
"$clippy_driver" "$rustc" "${args[@]}" 2>"$scratch/messages" &
clippy=$!
"$rustc" "$@"
status=$?
# clippy's own exit status is not the build's: a denied lint fails `./dev test` through
# its message, not by stopping the build the browser tests need.
wait "$clippy"
cat "$scratch/messages" >&2
rm -rf "$scratch"
exit "$status"
