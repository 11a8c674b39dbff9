//! docs/rules.md is generated from the rules; this fails when it is out of date.
//! Regenerate with: UPDATE_DOCS=1 cargo test --test docs

use lia::assessment::catalogue::rules_markdown;
use lia::assessment::rules::catalogue;

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");

#[test]
fn rule_catalogue_is_up_to_date() {
    let generated = rules_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(PATH, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(PATH).unwrap_or_default();
    assert!(
        on_disk == generated,
        "docs/rules.md is out of date: run UPDATE_DOCS=1 cargo test --test docs"
    );
}

#[test]
fn the_catalogue_lists_every_rule_with_its_severity_message_and_source() {
    let doc = rules_markdown();
    for rule in catalogue() {
        let row = doc
            .lines()
            .find(|l| l.starts_with(&format!("| `{}` |", rule.id)))
            .unwrap_or_else(|| panic!("{} is not in the catalogue", rule.id));
        assert!(row.contains(rule.severity.label()), "{row}");
        assert!(row.contains(rule.message), "{row}");
        assert!(row.contains(rule.source.url), "{row}");
        assert!(row.contains(rule.source.version), "{row}");
    }
}
