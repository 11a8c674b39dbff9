//! The functional core stays free of browser types: it must build and test natively.

const MANIFEST: &str = include_str!("../Cargo.toml");
const BROWSER_CRATES: [&str; 6] = [
    "leptos",
    "web-sys",
    "wasm-bindgen",
    "js-sys",
    "gloo-storage",
    "console_error_panic_hook",
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
fn the_core_does_not_mention_browser_apis() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src/assessment");
    let mut stack = vec![std::path::PathBuf::from(root)];
    let mut files = 0;
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files += 1;
            let text = std::fs::read_to_string(&path).unwrap();
            for api in [
                "leptos",
                "web_sys",
                "wasm_bindgen",
                "js_sys",
                "gloo",
                "window()",
                "document()",
            ] {
                assert!(!text.contains(api), "{} mentions {api}", path.display());
            }
        }
    }
    assert!(files > 10, "only {files} files found");
}
