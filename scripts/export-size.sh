#!/usr/bin/env bash
# What one part adds to the release wasm: `word` (the Word document), `odt` (the
# OpenDocument text), `signatures` (verifying approvers' signatures: Ed25519, SHA-512
# and the signed bytes) or `settings` (the organisation's settings, issue 29: reading and
# checking a file, its questions on the pages and in "Check your answers", its findings,
# the settings page and its editor; a record's block of them stays, as any record made
# elsewhere may carry one). Builds the release once more with that part taken out (the one
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
WHICH=${1:?usage: export-size.sh word|odt|signatures|settings}
ADDS=adds
# More cuts for one part, as lines of FILE, the text to find and its replacement, each
# separated by a tab (see `settings`).
MORE=
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
  settings)
    # No settings file is ever read (so none is ever loaded), and what shows or uses them
    # is cut where it is called: their questions on a section's page and in "Check your
    # answers", their findings, the required questions' check, and the two pages.
    FILE=src/organisation/read.rs
    CALL="pub fn read(text: &str) -> Result<Settings, Vec<Problem>> {"
    NEW="$CALL if !text.is_empty() || text.is_empty() { return Err(Vec::new()); }"
    NAME="the organisation's settings"
    ADDS="add"
    T=$'\t'
    MORE="src/organisation/evaluate.rs${T}settings.map_or_else(Vec::new, |s| findings_on(a, s, today))${T}{ let _ = (a, settings, today, findings_on); Vec::new() }
src/ui/pages/section.rs${T}<OrganisationQuestions section errors=org_errors />${T}{ let _ = org_errors; }
src/ui/pages/check.rs${T}{move || organisation_rows(state, section)}${T}
src/ui/state.rs${T}let Some(settings) = self.org_settings.get_untracked() else {${T}let Some(settings) = None::<std::sync::Arc<crate::organisation::Settings>> else {
src/ui/app.rs${T}Route::Settings => view! { <SettingsPage /> }.into_any(),${T}Route::Settings => ().into_any(),
src/ui/app.rs${T}Route::SettingsEdit => view! { <SettingsEditPage /> }.into_any(),${T}Route::SettingsEdit => ().into_any(),"
    ;;
  *)
    echo "export-size: word, odt, signatures or settings, not $WHICH" >&2
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

python3 - "$SRC" "$FILE" "$CALL" "$NEW" "$MORE" <<'PY'
import sys
src, cuts = sys.argv[1], [tuple(sys.argv[2:5])]
cuts += [tuple(line.split("\t")) for line in sys.argv[5].splitlines() if line.strip()]
for path, old, new in cuts:
    path = f"{src}/{path}"
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
printf '%-48s %10s %10s\n' "what $NAME $ADDS" "$((with_raw - without_raw))" "$((with_gz - without_gz))"
printf '{"with":{"raw":%s,"gzip":%s},"without":{"raw":%s,"gzip":%s}}\n' \
  "$with_raw" "$with_gz" "$without_raw" "$without_gz" >"$WORK/sizes.json"
