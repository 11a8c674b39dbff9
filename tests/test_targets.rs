//! Every test file is compiled into a test binary. Cargo.toml turns off cargo's own
//! discovery (`autotests = false`) and declares a few `[[test]]` targets, whose roots in
//! tests/suites/ include the files of tests/ as modules; a file in none of them would be
//! silently skipped, so this fails, naming it.

use std::collections::BTreeSet;
use std::path::Path;

const MANIFEST: &str = include_str!("../Cargo.toml");

/// The `path` of each `[[test]]` target of the manifest.
fn target_paths(manifest: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut in_test = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_test = line == "[[test]]";
        } else if in_test {
            if let Some(value) = line.strip_prefix("path") {
                let value = value.trim_start().trim_start_matches('=').trim();
                paths.push(value.trim_matches('"').to_string());
            }
        }
    }
    paths
}

/// What a root includes through `#[path = "…"]` before a `mod`, relative to tests/.
fn included(root: &str) -> Vec<String> {
    root.lines()
        .map(str::trim)
        .filter_map(|l| l.strip_prefix("#[path = \"")?.strip_suffix("\"]"))
        .map(|p| p.trim_start_matches("../").to_string())
        .collect()
}

/// The files of tests/ that cargo would once have made test targets of.
fn test_files(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".rs"))
        .collect()
}

/// The files of tests/ in no target, given the manifest and a way to read a root.
fn missing(manifest: &str, files: &BTreeSet<String>, read: impl Fn(&str) -> String) -> Vec<String> {
    let mut covered = BTreeSet::new();
    for path in target_paths(manifest) {
        let path = path.trim_start_matches("tests/").to_string();
        if path.starts_with("suites/") {
            covered.extend(included(&read(&path)));
        } else {
            covered.insert(path);
        }
    }
    files.difference(&covered).cloned().collect()
}

#[test]
fn every_test_file_is_in_a_test_target() {
    assert!(
        MANIFEST.contains("autotests = false"),
        "Cargo.toml declares its test targets itself"
    );
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let files = test_files(&tests);
    assert!(files.contains("rules.rs"), "tests/ is read: {files:?}");
    let missing = missing(MANIFEST, &files, |p| {
        std::fs::read_to_string(tests.join(p)).unwrap()
    });
    assert!(
        missing.is_empty(),
        "{missing:?} in tests/ but in no test target: add `#[path = \"../NAME.rs\"] mod NAME;` \
         to one of tests/suites/*.rs (or a [[test]] of its own to Cargo.toml)"
    );
    // And every root of tests/suites/ is a target.
    let targets = target_paths(MANIFEST);
    for root in std::fs::read_dir(tests.join("suites")).unwrap() {
        let name = root.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            targets.contains(&format!("tests/suites/{name}")),
            "tests/suites/{name} is no [[test]] target of Cargo.toml"
        );
    }
}

#[test]
fn a_file_left_out_is_named() {
    let manifest = "[package]\nautotests = false\n\n[[test]]\nname = \"a\"\npath = \"tests/suites/a.rs\"\n\n[[test]]\nname = \"slow\"\npath = \"tests/slow.rs\"\n\n[dependencies]\npath = \"not a test\"\n";
    let files: BTreeSet<String> = ["one.rs", "two.rs", "slow.rs", "new.rs"]
        .map(String::from)
        .into();
    let root = "#[path = \"../one.rs\"]\nmod one;\n#[path = \"../two.rs\"]\nmod two;\n";
    assert_eq!(missing(manifest, &files, |_| root.to_string()), ["new.rs"]);
}
