//! The shape of the code, checked: the functional core stays free of browser types (it
//! must build and test natively), and the browser shell reaches storage only through
//! the session core, so every decision about saving is tested natively.

use std::path::{Path, PathBuf};

const MANIFEST: &str = include_str!("../Cargo.toml");
const BROWSER_CRATES: [&str; 6] = [
    "leptos",
    "web-sys",
    "wasm-bindgen",
    "js-sys",
    "gloo-storage",
    "console_error_panic_hook",
];

/// Every part of the functional core: folders and single files.
const CORE: [&str; 10] = [
    "src/assessment",
    "src/compare",
    "src/register",
    "src/storage",
    "src/export",
    "src/session",
    "src/handover",
    "src/embed.rs",
    "src/route.rs",
    "src/lib.rs",
];

/// The dependency names listed under a `[...]` table header.
fn dependencies_of(table: &str) -> Vec<&'static str> {
    let mut in_table = false;
    let mut names = Vec::new();
    for line in MANIFEST.lines().map(str::trim) {
        if line.starts_with('[') {
            in_table = line == table;
        } else if in_table && !line.is_empty() && !line.starts_with('#') {
            names.push(line.split(['=', ' ']).next().unwrap());
        }
    }
    names
}

/// Every `.rs` file under `path` (or `path` itself), with its text.
fn rust_files(path: &str) -> Vec<(PathBuf, String)> {
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(path)];
    let mut files = Vec::new();
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            files.push((path, text));
        }
    }
    assert!(!files.is_empty(), "nothing found at {path}");
    files
}

/// The text without comments, so that a doc comment may name what the code must not use.
fn code_of(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn browser_crates_are_only_dependencies_of_the_wasm_shell() {
    let everywhere = dependencies_of("[dependencies]");
    assert!(!everywhere.is_empty());
    for name in &everywhere {
        assert!(
            !BROWSER_CRATES.contains(name),
            "{name} is a dependency of the core"
        );
    }
    let wasm_only = dependencies_of("[target.'cfg(target_arch = \"wasm32\")'.dependencies]");
    assert!(wasm_only.contains(&"leptos"), "{wasm_only:?}");
}

#[test]
fn no_part_of_the_core_mentions_browser_apis() {
    let mut files = 0;
    for part in CORE {
        for (path, text) in rust_files(part) {
            files += 1;
            let code = code_of(&text);
            for api in [
                "leptos",
                "web_sys",
                "wasm_bindgen",
                "js_sys",
                "gloo",
                "window()",
                "document()",
            ] {
                // lib.rs declares the shell's module for wasm32 only: that is its job.
                let allowed = path.ends_with("lib.rs") && api == "wasm_bindgen";
                assert!(
                    allowed || !code.contains(api),
                    "{} mentions {api}",
                    path.display()
                );
            }
        }
    }
    assert!(files > 40, "only {files} files found");
}

/// The identifiers of some code, each with the character before and after it.
fn identifiers(code: &str) -> Vec<(char, &str, char)> {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in code.char_indices().chain([(code.len(), ' ')]) {
        match (start, is_ident(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let before = code[..s].chars().next_back().unwrap_or(' ');
                out.push((before, &code[s..i], c));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// What in the shell's code would bypass the session core or the one evaluation.
fn bypasses(code: &str) -> Vec<String> {
    identifiers(code)
        .into_iter()
        .filter(|(before, name, after)| match *name {
            // The store, its owner in the old shell, and the record's lifecycle.
            "Store" | "Keeper" | "store" | "lifecycle" => true,
            // A context or outcome of the shell's own, instead of the evaluation's.
            "Ctx" => true,
            "outcome" => *after == '(' && *before != '.',
            _ => false,
        })
        .map(|(_, name, _)| name.to_string())
        .collect()
}

#[test]
fn the_shell_reaches_storage_only_through_the_session_core() {
    let files = rust_files("src/ui");
    assert!(files.len() > 20, "only {} shell files found", files.len());
    for (path, text) in files {
        let found = bypasses(&code_of(&text));
        assert!(
            found.is_empty(),
            "{} uses {found:?}: the shell goes through crate::session, and reads the one \
             evaluation, instead",
            path.display()
        );
    }
}

#[test]
fn the_check_for_the_shell_would_see_a_bypass() {
    // The test above is only worth its name if it fires on the code it forbids.
    for (sample, expected) in [
        ("use crate::storage::{KeyValue, Store};", "Store"),
        ("let x = p.store.save(&a);", "store"),
        ("let ctx = Ctx::new(a, today);", "Ctx"),
        ("let o = outcome(a, today);", "outcome"),
        ("lifecycle::approve(a, today)", "lifecycle"),
    ] {
        assert_eq!(bypasses(sample), vec![expected.to_string()], "{sample}");
    }
    for fine in [
        "use crate::storage::{StoreError, Summary};",
        "e.outcome.findings",
        "// the store is named in a comment",
    ] {
        assert!(bypasses(&code_of(fine)).is_empty(), "{fine}");
    }
}
