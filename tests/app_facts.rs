//! scripts/app-facts.json, what the browser tests, the benchmark and the build scripts
//! know about the app, is generated from the code (src/facts.rs); this fails when it is
//! out of date. Regenerate with: UPDATE_DOCS=1 cargo test --test docs

use lia::assessment::schema::SCHEMA_VERSION;
use lia::csp;
use lia::facts::{app_facts, app_facts_json, PATH};
use lia::storage::keys::{ID_PLACEHOLDER, NAMESPACE_PLACEHOLDER, N_PLACEHOLDER};
use lia::storage::{format_bytes, Namespace};
use serde_json::Value;

#[test]
fn the_facts_file_is_up_to_date() {
    let path = format!("{}/{PATH}", env!("CARGO_MANIFEST_DIR"));
    let generated = app_facts_json();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "{PATH} is out of date: run UPDATE_DOCS=1 cargo test --test docs"
    );
}

/// Fills a key template as scripts/app-facts.mjs does.
fn fill(template: &str, ns: &str, id: &str, n: u32) -> String {
    template
        .replace(NAMESPACE_PLACEHOLDER, ns)
        .replace(ID_PLACEHOLDER, id)
        .replace(N_PLACEHOLDER, &n.to_string())
}

#[test]
fn the_key_templates_give_the_keys_the_store_uses() {
    let facts = app_facts();
    let keys = &facts["storage"]["keys"];
    let ns = Namespace::new("privacy-team").unwrap();
    let key = |name: &str| fill(keys[name].as_str().unwrap(), "privacy-team", "x-1", 3);
    assert_eq!(key("index"), ns.index_key());
    assert_eq!(key("record"), ns.record_key("x-1"));
    assert_eq!(key("quarantine"), ns.quarantine_key("x-1", 3));
    assert_eq!(key("namespace"), "privacy-team:");
    assert!(keys["record"].as_str().unwrap().ends_with(ID_PLACEHOLDER));
    assert_eq!(
        facts["storage"]["default_namespace"],
        Namespace::default().as_str()
    );
    assert_eq!(facts["schema_version"], SCHEMA_VERSION);
}

#[test]
fn the_size_table_reproduces_format_bytes() {
    let facts = app_facts();
    let format = &facts["size_format"];
    let units = format["units"].as_array().unwrap();
    // Follows the table and the rounding rule as written, the way the JavaScript does.
    let from_table = |size: u64| {
        let unit = units
            .iter()
            .rev()
            .find(|u| size >= u["from"].as_u64().unwrap())
            .unwrap_or(&units[0]);
        let (bytes, decimals) = (
            unit["bytes"].as_u64().unwrap(),
            unit["decimals"].as_u64().unwrap() as u32,
        );
        let scale = 10u64.pow(decimals);
        let shown = (size * scale + bytes / 2) / bytes;
        let number = if decimals == 0 {
            shown.to_string()
        } else {
            format!(
                "{}.{:0w$}",
                shown / scale,
                shown % scale,
                w = decimals as usize
            )
        };
        format!("{number} {}", unit["name"].as_str().unwrap())
    };
    let mut sizes: Vec<u64> = (0..3000)
        .chain((0..400).map(|i| i * 7919 + 1_040_000))
        .collect();
    sizes.extend(
        format["examples"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e[0].as_u64().unwrap()),
    );
    for size in sizes {
        assert_eq!(from_table(size), format_bytes(size), "{size}");
    }
    for example in format["examples"].as_array().unwrap() {
        assert_eq!(
            example[1].as_str().unwrap(),
            format_bytes(example[0].as_u64().unwrap())
        );
    }
}

#[test]
fn the_policies_are_the_ones_defined_in_csp() {
    let facts = app_facts();
    let as_text = |policy: &Value| -> Vec<String> {
        policy
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let parts: Vec<&str> = d
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap())
                    .collect();
                parts.join(" ")
            })
            .collect()
    };
    for (name, policy) in [
        ("served", csp::SERVED),
        ("single_file", csp::SINGLE_FILE),
        ("report", csp::REPORT),
    ] {
        let expected: Vec<String> = policy
            .iter()
            .map(|(d, sources)| {
                std::iter::once(*d)
                    .chain(sources.iter().copied())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        assert_eq!(as_text(&facts["csp"][name]), expected, "{name}");
    }
    let placeholders = facts["csp"]["placeholders"].as_object().unwrap();
    assert_eq!(placeholders.len(), csp::PLACEHOLDERS.len());
}
