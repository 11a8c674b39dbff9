#!/usr/bin/env bash
# What each part of the interface costs in the release wasm, and what is left without it:
# builds the release once as it is, then once per variant with one part replaced by a
# single paragraph, and prints raw and gzip sizes. This is the evidence behind "what
# stands in the way" of the size budget in docs/performance.md. Run through
# ./dev size-floor (about 10 minutes the first time, which compiles the dependencies).
#
# Each variant is built in a scratch copy of the tracked files (target/size-floor/src),
# never in the working tree, with its own cargo target directory (kept between runs, so
# only the first run compiles the dependencies; sharing ./target would let a variant's
# wasm stand in for the real one in a later build). A replacement that no longer matches
# the source stops the script, so the table never describes code that has changed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/target/size-floor
SRC=$WORK/src
export CARGO_TARGET_DIR=$WORK/target

rm -rf "$SRC" "$WORK/dist"
mkdir -p "$SRC"
git ls-files -z | while IFS= read -r -d '' f; do
  mkdir -p "$SRC/$(dirname "$f")"
  cp "$f" "$SRC/$f"
done

build() { # $1: label
  local out=$WORK/dist
  rm -rf "$out"
  (cd "$SRC" && trunk build --release --dist "$out" >"$WORK/build.log" 2>&1) || {
    echo "$1: build failed (see $WORK/build.log)" >&2
    exit 1
  }
  local raw gz
  raw=$(stat -c %s "$out/lia_bg.wasm")
  gz=$(gzip -9c "$out/lia_bg.wasm" | wc -c)
  printf '%-64s %10s %10s %10s\n' "$1" "$raw" "$gz" "$(gzip -9c "$out/lia.js" | wc -c)"
}

replace() { # file, then pairs of old/new strings (each must occur)
  python3 - "$@" <<'PY'
import sys
path, pairs = sys.argv[1], sys.argv[2:]
text = open(path).read()
for old, new in zip(pairs[0::2], pairs[1::2]):
    if old not in text:
        sys.exit(f"size-floor: {path} no longer contains {old!r}; update scripts/size-floor.sh")
    text = text.replace(old, new)
open(path, "w").write(text)
PY
}

reset() { # put the scratch sources back as tracked
  (cd "$ROOT" && git ls-files -z src index.html) | while IFS= read -r -d '' f; do cp "$ROOT/$f" "$SRC/$f"; done
}

APP=$SRC/src/ui/app.rs
STUB='view! { <p>"x"</p> }'
SECTION_OLD='            } if has_open => view! { <SectionPage section from_check /> }.into_any(),'
SECTION_NEW='            } if has_open => { let _ = (section, from_check); view! { <p>"x"</p> }.into_any() }'

printf '%-64s %10s %10s %10s\n' "variant" "wasm raw" "wasm gzip" "js gzip"
reset
build "the release, nothing taken out"

reset; replace "$APP" 'view! { <StartPage /> }' "$STUB"
build "without the start page (import, saved list, examples)"

reset; replace "$APP" "$SECTION_OLD" "$SECTION_NEW"
build "without the question pages (questions, impacts, decision)"

reset; replace "$SRC/src/ui/pages/start.rs" '        <ImportFile />' ''
build "without the import"

reset; replace "$APP" 'view! { <CheckPage /> }' "$STUB"
build "without the check-answers page"

reset; replace "$SRC/src/ui/downloads.rs" 'export::to_html(a, &browser::now_iso(), Some(today))' '{ let _ = a; String::new() }'
build "without the HTML report"

reset; replace "$APP" 'view! { <TaskListPage /> }' "$STUB"
build "without the task list"

reset; replace "$APP" 'view! { <StartPage /> }' "$STUB" 'view! { <CheckPage /> }' "$STUB" \
  'view! { <TaskListPage /> }' "$STUB" "$SECTION_OLD" "$SECTION_NEW"
build "without all four pages (frame, findings, engine, storage left)"

replace "$APP" '<Layout>{keyed_page}</Layout>' '{keyed_page}'
build "without all four pages and the frame (the engine goes too)"

# For scale: the smallest Leptos page (one signal, one input, one button), same profile,
# same Leptos and wasm-bindgen versions (our Cargo.lock) and the same type erasure.
HELLO=$WORK/hello
rm -rf "$HELLO/src" && mkdir -p "$HELLO/src" "$HELLO/.cargo" "$HELLO/out"
cp "$ROOT/Cargo.lock" "$ROOT/.cargo/config.toml" "$HELLO/" && mv "$HELLO/config.toml" "$HELLO/.cargo/"
cat >"$HELLO/Cargo.toml" <<'TOML'
[package]
name = "hello"
version = "0.1.0"
edition = "2021"
publish = false
[workspace]
[dependencies]
leptos = { version = "0.8", features = ["csr"] }
wasm-bindgen = "=0.2.130"
[profile.release]
opt-level = "z"
lto = true
codegen-units = 1
panic = "abort"
TOML
cat >"$HELLO/src/main.rs" <<'RUST'
use leptos::prelude::*;
fn main() {
    leptos::mount::mount_to_body(|| {
        let (count, set_count) = signal(0u32);
        view! {
            <main>
                <h1>"Hello"</h1>
                <label for="n">"Name"</label>
                <input id="n" type="text" on:input=move |_| set_count.update(|c| *c += 1) />
                <p>{move || count.get()}</p>
                <button on:click=move |_| set_count.set(0)>"Reset"</button>
            </main>
        }
    })
}
RUST
(
  cd "$HELLO"
  CARGO_TARGET_DIR=$WORK/target cargo build --quiet --offline --release --target wasm32-unknown-unknown
  wasm-bindgen --target web --no-typescript --out-dir out "$WORK/target/wasm32-unknown-unknown/release/hello.wasm"
  wasm-opt -Oz --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-multivalue --enable-mutable-globals out/hello_bg.wasm -o out/opt.wasm
) >"$WORK/hello.log" 2>&1 || { echo "hello: build failed (see $WORK/hello.log)" >&2; exit 1; }
printf '%-64s %10s %10s %10s\n' "for scale: a one-signal Leptos page" "$(stat -c %s "$HELLO/out/opt.wasm")" \
  "$(gzip -9c "$HELLO/out/opt.wasm" | wc -c)" "$(gzip -9c "$HELLO/out/hello.js" | wc -c)"
