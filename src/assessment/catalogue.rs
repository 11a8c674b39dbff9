//! Renders the rule catalogue (docs/rules.md) from the rules themselves, so the
//! documentation cannot drift from the code (a test compares the two).

use std::fmt::Write;

use super::questions::Section;
use super::rules::{catalogue, Severity, Weight};

/// The whole of docs/rules.md.
pub fn rules_markdown() -> String {
    let rules: Vec<_> = catalogue().collect();
    let count = |s: Severity| rules.iter().filter(|r| r.severity == s).count();
    let mut out = String::new();
    out.push_str("# Rule catalogue\n\n");
    out.push_str(
        "Generated from `src/assessment/rules/` by `cargo test --test docs`; do not edit by hand.\n\
         Run `UPDATE_DOCS=1 cargo test --test docs` after changing a rule.\n\n",
    );
    let _ = writeln!(
        out,
        "{} rules: {} blockers (the assessment cannot be signed off), {} warnings (a reviewer \
         would challenge it) and {} advice.\n",
        rules.len(),
        count(Severity::Blocker),
        count(Severity::Warning),
        count(Severity::Advice)
    );
    out.push_str(
        "\"Reading\" is what a finding does to the overall reading: *against* makes legitimate \
         interests unlikely, *borderline* makes the call borderline, *record* concerns only the \
         completeness of the record.\n\n\
         \"Version followed\" is the version of the source each rule follows: the date the ICO \
         page shows where it shows one, or when the provision came into force. The ICO's \
         guidance \"How do we apply legitimate interests in practice?\" shows no date of its \
         own; the rules follow its text as kept in `tests/fixtures/ico-lia-in-practice.txt`, \
         and the ICO's legitimate interests guidance as a whole was last updated on 23 March \
         2026, when its recognised legitimate interest and compatibility guidance were \
         published. The changes of the Data (Use and Access) Act 2025 that the rules follow \
         (recognised legitimate interests, purpose limitation, automated decisions and the \
         charity soft opt-in) came into force on 5 February 2026 (SI 2026/82).\n",
    );
    for section in Section::ALL {
        let in_section: Vec<_> = rules.iter().filter(|r| r.section == section).collect();
        if in_section.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "\n## {}\n\n| Id | Severity | Reading | Message | Source | Version followed |\n|---|---|---|---|---|---|\n",
            section.title()
        );
        for rule in in_section {
            let weight = match rule.weight {
                Weight::Record => "record",
                Weight::Borderline => "borderline",
                Weight::Against => "against",
            };
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} | [{}]({}) | {} |",
                rule.id,
                rule.severity.label(),
                weight,
                rule.message.replace('|', "\\|"),
                rule.source.citation.replace('|', "\\|"),
                rule.source.url,
                rule.source.version.replace('|', "\\|")
            );
        }
    }
    out
}
