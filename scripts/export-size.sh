#!/usr/bin/env bash
# What one part adds to the release wasm: `word` (the Word document), `odt` (the
# OpenDocument text) or `signatures` (verifying approvers' signatures: Ed25519, SHA-512
# and the signed bytes). Builds the release once more with that part taken out (the one
# call that uses it replaced, so the linker leaves it out; the report model the writers
# share stays), and prints both sizes and the difference, raw and gzip -9. Run by ./dev
# bench after the release build (dist/ must be current): `bash scripts/export-size.sh
# word`, `... odt`, `... signatures`.
#
# Built in a scratch copy of the tracked files (target/export-size/<which>/src), never in the
# working tree, with its own cargo target directory (kept between runs; the first run
# starts from a copy of the release build's dependencies, so only this crate compiles).
# If the replacement no longer matches the source the script stops, so the figure never
# describes code that has changed. A CALL ending in "(" is a call replaced whole, up to
# its closing bracket, however rustfmt has laid it out.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WHICH=${1:?usage: export-size.sh word|odt|signatures}
FILE=src/ui/downloads.rs
NEW="{ let _ = (a, previous, trust); Vec::new() }"
case "$WHICH" in
  word)
    CALL="export::to_docx_with_previous("
    NAME="the Word export"
    ;;
  odt)
    CALL="export::to_odt("
    NAME="the OpenDocument export"
    ;;
  signatures)
    # Every decision read as not signed: nothing verifies a signature any more.
    FILE=src/handover/verify.rs
    CALL="pub fn verify_decision(a: &Assessment, index: usize, trust: &Trust, today: Date) -> Verification {"
    NEW="$CALL if index < usize::MAX { let _ = (a, trust, today); return Verification::NotSigned; }"
    NAME="signature verification"
    ;;
  *)
    echo "export-size: word, odt or signatures, not $WHICH" >&2
    exit 2
    ;;
esac
WORK=$ROOT/target/export-size/$WHICH
SRC=$WORK/src
export CARGO_TARGET_DIR=$WORK/target

if [ ! -f "$ROOT/dist/lia_bg.wasm" ]; then
  echo "export-size: build the release first (trunk build --release)" >&2
  exit 1
fi
if [ ! -d "$CARGO_TARGET_DIR/wasm32-unknown-unknown" ] && [ -d "$ROOT/target/wasm32-unknown-unknown" ]; then
  mkdir -p "$CARGO_TARGET_DIR"
  cp -al "$ROOT/target/wasm32-unknown-unknown" "$CARGO_TARGET_DIR/" 2>/dev/null ||
    cp -a "$ROOT/target/wasm32-unknown-unknown" "$CARGO_TARGET_DIR/"
fi

rm -rf "$SRC" "$WORK/dist"
mkdir -p "$SRC"
git ls-files -z | while IFS= read -r -d '' f; do
  mkdir -p "$SRC/$(dirname "$f")"
  cp "$f" "$SRC/$f"
done

python3 - "$SRC/$FILE" "$CALL" "$NEW" <<'PY'
import sys
path, old, new = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path).read()
if text.count(old) != 1:
    sys.exit(f"export-size: {path} does not contain {old!r} once; update scripts/export-size.sh")
start = text.index(old)
end = start + len(old)
if old.endswith("("):
    depth = 1
    while depth:
        depth += {"(": 1, ")": -1}.get(text[end], 0)
        end += 1
open(path, "w").write(text[:start] + new + text[end:])
PY

(cd "$SRC" && trunk build --release --dist "$WORK/dist" >"$WORK/build.log" 2>&1) || {
  echo "export-size: build failed (see $WORK/build.log)" >&2
  exit 1
}
with_raw=$(stat -c %s "$ROOT/dist/lia_bg.wasm")
with_gz=$(gzip -9c "$ROOT/dist/lia_bg.wasm" | wc -c)
without_raw=$(stat -c %s "$WORK/dist/lia_bg.wasm")
without_gz=$(gzip -9c "$WORK/dist/lia_bg.wasm" | wc -c)
printf '%-48s %10s %10s\n' "wasm" "raw" "gzip -9"
printf '%-48s %10s %10s\n' "release, with $NAME" "$with_raw" "$with_gz"
printf '%-48s %10s %10s\n' "release, $NAME taken out" "$without_raw" "$without_gz"
printf '%-48s %10s %10s\n' "what $NAME adds" "$((with_raw - without_raw))" "$((with_gz - without_gz))"
printf '{"with":{"raw":%s,"gzip":%s},"without":{"raw":%s,"gzip":%s}}\n' \
  "$with_raw" "$with_gz" "$without_raw" "$without_gz" >"$WORK/sizes.json"
