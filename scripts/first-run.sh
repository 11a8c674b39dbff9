#!/usr/bin/env bash
# Times a first `./dev test` as on a new machine (docs/performance.md, "A first run on a
# new machine"). It CHANGES THIS MACHINE: it removes the tests' Debian packages and
# everything only they needed (`apt-get remove --autoremove`, then `apt-get clean`), which
# `./dev test` then installs again. Then, in a fresh clone of this repository, with an
# empty CARGO_HOME and npm cache and no tool of ours on PATH (the Rust toolchain and its
# wasm target stay; the standard library's source, rust-src, is removed for ./dev to
# install again), it runs `./dev test` under `/usr/bin/time -v`.
#
#   sudo scripts/first-run.sh [work dir, default /tmp/first-run]
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-/tmp/first-run}
PKGS="chromium chromium-driver chromium-headless-shell firefox-esr webkit2gtk-driver xvfb libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils pandoc python3-odf zopfli"
RUSTUP_BIN=${CARGO_HOME:-$HOME/.cargo}/bin
rm -rf "$WORK"
mkdir -p "$WORK/toolbin"
DEBIAN_FRONTEND=noninteractive apt-get remove --autoremove -y $PKGS >"$WORK/remove.log" 2>&1
apt-get clean
rustup component remove rust-src >>"$WORK/remove.log" 2>&1 || true
# rustup's proxies only: not trunk, wasm-bindgen or twiggy installed beside them.
for tool in cargo cargo-clippy cargo-fmt clippy-driver rustc rustdoc rustfmt rustup; do
  ln -s "$RUSTUP_BIN/$tool" "$WORK/toolbin/$tool"
done
git clone -q "$REPO" "$WORK/repo"
cd "$WORK/repo"
status=0
env -i HOME="$HOME" TERM=dumb PATH="$WORK/toolbin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  CARGO_HOME="$WORK/cargo" npm_config_cache="$WORK/npm" RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}" \
  /usr/bin/time -v ./dev test >"$WORK/run.log" 2>&1 || status=$?
grep -E '^==>|passed|Elapsed' "$WORK/run.log" | tail -12
echo "log: $WORK/run.log"
exit "$status"
