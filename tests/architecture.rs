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

/// Every part of the functional core, folders and single files, as found on disk:
/// everything in `src/` but the browser shell (`ui/`) and the entry point (`main.rs`).
/// Read from the directory, so a new file is checked without being listed here.
fn core() -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut parts: Vec<String> = std::fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "ui" && name != "main.rs")
        .map(|name| format!("src/{name}"))
        .collect();
    parts.sort();
    parts
}

/// The core's modules, by the name `crate::` gives them (lib.rs is the root, not one).
fn core_modules() -> Vec<String> {
    core()
        .into_iter()
        .filter(|p| p != "src/lib.rs")
        .map(|p| p["src/".len()..].trim_end_matches(".rs").to_string())
        .collect()
}

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
    for part in core() {
        let part = part.as_str();
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

#[test]
fn every_core_file_is_checked() {
    let core = core();
    for part in [
        "src/assessment",
        "src/base64.rs",
        "src/compare",
        "src/csp.rs",
        "src/export",
        "src/facts.rs",
        "src/handover",
        "src/lib.rs",
        "src/register",
        "src/session",
        "src/storage",
    ] {
        assert!(core.contains(&part.to_string()), "{part} is not checked");
    }
    assert!(!core.iter().any(|p| p.starts_with("src/ui")), "{core:?}");
}

/// The other core modules a piece of code names: `crate::x::…` and `crate::{x::…, y}`.
fn modules_named(code: &str, modules: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    let mut add = |name: &str| {
        if modules.iter().any(|m| m == name) && !found.iter().any(|f| f == name) {
            found.push(name.to_string());
        }
    };
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // A group: each top-level item names a module (nested groups are inside one).
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    _ => {}
                }
                if depth == 0 && c == ',' {
                    add(item.trim().split("::").next().unwrap_or(""));
                    item.clear();
                } else {
                    item.push(c);
                }
            }
            add(item.trim().split("::").next().unwrap_or(""));
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            add(&name);
        }
    }
    found
}

/// Which core module imports which, read from the code (comments left out).
fn import_graph() -> Vec<(String, Vec<String>)> {
    let modules = core_modules();
    modules
        .iter()
        .map(|m| {
            let path = if Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("src")
                .join(m)
                .is_dir()
            {
                format!("src/{m}")
            } else {
                format!("src/{m}.rs")
            };
            let mut uses: Vec<String> = Vec::new();
            for (_, text) in rust_files(&path) {
                for named in modules_named(&code_of(&text), &modules) {
                    if &named != m && !uses.contains(&named) {
                        uses.push(named);
                    }
                }
            }
            uses.sort();
            (m.clone(), uses)
        })
        .collect()
}

/// A circle of imports in `graph`, if there is one, as the modules around it.
fn circle(graph: &[(String, Vec<String>)]) -> Option<Vec<String>> {
    fn visit(
        graph: &[(String, Vec<String>)],
        node: &str,
        path: &mut Vec<String>,
        done: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == node) {
            let mut found = path[i..].to_vec();
            found.push(node.to_string());
            return Some(found);
        }
        if done.iter().any(|d| d == node) {
            return None;
        }
        path.push(node.to_string());
        let uses = graph
            .iter()
            .find(|(m, _)| m == node)
            .map(|(_, u)| u.clone());
        for next in uses.unwrap_or_default() {
            if let Some(found) = visit(graph, &next, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.push(node.to_string());
        None
    }
    let mut done = Vec::new();
    graph
        .iter()
        .find_map(|(m, _)| visit(graph, m, &mut Vec::new(), &mut done))
}

#[test]
fn the_assessment_is_the_ground_floor() {
    // The model records its digests and its hand-over rounds itself: it imports nothing
    // of what is built on it.
    let graph = import_graph();
    let (_, uses) = graph.iter().find(|(m, _)| m == "assessment").unwrap();
    for above in [
        "handover", "export", "compare", "register", "session", "storage",
    ] {
        assert!(
            !uses.iter().any(|u| u == above),
            "assessment imports {above}: {uses:?}"
        );
    }
}

#[test]
fn no_arrow_runs_back_up_between_the_core_s_modules() {
    let graph = import_graph();
    assert!(graph.len() >= 12, "{graph:?}");
    assert!(
        graph.iter().filter(|(_, uses)| !uses.is_empty()).count() >= 8,
        "too few imports read: {graph:?}"
    );
    if let Some(found) = circle(&graph) {
        panic!(
            "the core's modules import each other in a circle: {}",
            found.join(" -> ")
        );
    }
}

#[test]
fn the_checks_of_the_layers_would_see_a_circle() {
    let modules: Vec<String> = ["assessment", "export", "compare", "handover"]
        .map(String::from)
        .to_vec();
    assert_eq!(
        modules_named(
            "use crate::{export::to_json, compare::{compare, Changes}};\nuse crate::handover::Stage;",
            &modules
        ),
        ["export", "compare", "handover"]
    );
    assert!(modules_named(&code_of("// see crate::export"), &modules).is_empty());
    let graph = vec![
        ("assessment".to_string(), vec!["handover".to_string()]),
        ("export".to_string(), vec!["assessment".to_string()]),
        ("handover".to_string(), vec!["export".to_string()]),
    ];
    assert_eq!(
        circle(&graph).unwrap(),
        ["assessment", "handover", "export", "assessment"]
    );
    let fine = vec![
        (
            "export".to_string(),
            vec!["assessment".to_string(), "handover".to_string()],
        ),
        ("handover".to_string(), vec!["assessment".to_string()]),
        ("assessment".to_string(), vec![]),
    ];
    assert!(circle(&fine).is_none());
}
