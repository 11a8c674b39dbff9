//! The rule catalogue's version, which an approved record keeps (`Assessment::rules_version`),
//! so a record approved under an earlier version that now gets new findings says so; and
//! docs/rules.md, rendered from the rules themselves so the documentation cannot drift
//! from the code (a test compares the two).

use std::fmt::Write;

use super::model::{Assessment, Status};
use super::questions::Section;
use super::rules::{catalogue, Finding, Severity, Weight};

/// The version of the rule catalogue. Raise it whenever a rule is added, or changed so
/// that it finds something it did not, and list those rules in `NEW_IN`.
pub const CATALOGUE_VERSION: u32 = 2;

/// What each version of the catalogue follows: the dates of the sources.
pub const VERSIONS: &[(u32, &str)] = &[
    (
        1,
        "the ICO's legitimate interests guidance as last updated on 23 March 2026, and UK GDPR and PECR as amended by the Data (Use and Access) Act 2025 (in force 5 February 2026)",
    ),
    (
        2,
        "the ICO's legitimate interests guidance as last updated on 23 March 2026, its storage and access technologies guidance of 29 April 2026, and UK GDPR and PECR as amended by the Data (Use and Access) Act 2025 (in force 5 February 2026)",
    ),
];

/// The rules each version added, or widened so that they find more.
pub const NEW_IN: &[(u32, &[&str])] = &[(
    2,
    &[
        "decision.factors-thin",
        "decision.justification-thin",
        "decision.yes-against-reading",
        "expectations.obvious-unsupported",
        "expectations.thin",
        "impact.thin",
        "nature.thin",
        "nature.vulnerable-circumstances",
        "necessity.thin",
        "pecr.charity.not-own-purposes",
        "pecr.charity.sender",
        "pecr.charity.trading",
        "pecr.charity.unconfirmed",
        "pecr.sender-identity.missing",
        "pecr.soft-opt-in.not-a-sale",
        "pecr.soft-opt-in.not-products",
        "pecr.tracking-consent",
        "purpose.codes-unnamed",
        "purpose.thin",
        "record.approver-role-not-a-role",
        "record.check-again",
        "record.processor-contract",
        "record.processor-contract-unsure",
        "record.processors-transfers-unanswered",
        "record.retention-missing",
        "reuse.factors-missing",
        "transfers.no-safeguard",
        "transfers.unsure",
    ],
)];

/// Which rules checked the record, in a sentence for the reports: "Checked with version
/// 2 of the tool's rules, which follow …", and for a record approved under an earlier
/// version, which one.
pub fn rules_line(a: &Assessment) -> String {
    let now = format!(
        "version {CATALOGUE_VERSION} of the tool's rules, which follow {}",
        follows(CATALOGUE_VERSION)
    );
    // An approved record from before records kept the version was checked by version 1
    // (as `since_checked` counts it).
    let approved_under = match a.status {
        Status::Approved => Some(a.rules_version.unwrap_or(1)),
        _ => a.rules_version,
    };
    match approved_under {
        Some(v) if v != CATALOGUE_VERSION => {
            format!("Approved under version {v} of the tool's rules; checked now with {now}.")
        }
        _ => format!("Checked with {now}."),
    }
}

/// What a version of the catalogue follows.
pub fn follows(version: u32) -> &'static str {
    VERSIONS
        .iter()
        .find(|(v, _)| *v == version)
        .map_or("an unknown version of the sources", |(_, f)| f)
}

/// An approved record checked under an earlier version of the rules that now gets
/// findings it did not: which version, and the new findings' ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SinceChecked {
    pub version: u32,
    pub new: Vec<&'static str>,
}

impl SinceChecked {
    /// One sentence, for the record's pages, the register and the reports: "Checked
    /// with an earlier version of the rules (version 1): 2 new findings."
    pub fn sentence(&self) -> String {
        let n = self.new.len();
        format!(
            "Checked with an earlier version of the rules (version {}, this is version {CATALOGUE_VERSION}): {n} new finding{}.",
            self.version,
            if n == 1 { "" } else { "s" }
        )
    }
}

/// For an approved record checked under an earlier catalogue (a record approved before
/// records kept the version counts as version 1): its findings from rules added, or
/// widened to find more, since that version (`NEW_IN`). A finding of a widened rule that
/// the record also had then is counted too: the catalogue does not keep what each
/// record was found to have, only which rules are new.
pub fn since_checked(a: &Assessment, findings: &[Finding]) -> Option<SinceChecked> {
    if a.status != Status::Approved {
        return None;
    }
    let version = a.rules_version.unwrap_or(1);
    let mut new: Vec<&'static str> = findings
        .iter()
        // The organisation's findings are not the rules' to date.
        .filter_map(|f| f.rule())
        .filter(|id| {
            NEW_IN
                .iter()
                .any(|(v, ids)| *v > version && ids.contains(id))
        })
        .collect();
    new.dedup();
    (!new.is_empty()).then_some(SinceChecked { version, new })
}

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
        "Catalogue version {CATALOGUE_VERSION}, following {}. An approved record keeps the version that \
         checked it; one approved under an earlier version that now gets new findings says so.\n",
        follows(CATALOGUE_VERSION)
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
    for (version, ids) in NEW_IN {
        let _ = writeln!(
            out,
            "\nRules added, or widened to find more, in version {version}: {}.",
            ids.iter()
                .map(|id| format!("`{id}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    out.push_str(THIN_HEURISTICS);
    out.push_str(WARNINGS_NOT_BLOCKERS);
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

/// How the `*.thin` rules tell an answer that gives no reason (`text::thin`).
const THIN_HEURISTICS: &str = "\n## Answers that give no reason\n\n\
The `*.thin` rules (and `reuse.factors-missing`, `purpose.codes-unnamed`) read an answer \
where the ICO asks for reasoning as giving none when, once case, punctuation and small \
words are set aside, it is only \"yes\", \"no\", \"none\", \"nothing\", \"N/A\", \
\"see above\" or the like; or fewer than three words; or (under twelve words) only the \
question's own words; or a law named as the whole answer (\"Meets PECR\", \"compliant \
with data protection legislation\": fewer than three words beyond the names of laws and \
of compliance). They never judge an answer that gives reasons; they are checked never to \
fire on the sound assessments of `tests/realistic/`.\n";

/// Why some of the checks issue 26 added are warnings, not blockers.
const WARNINGS_NOT_BLOCKERS: &str = "\n## Where the law leaves room: warnings, not blockers\n\n\
- `pecr.soft-opt-in.not-a-sale`: regulation 22(3)(a) asks for details obtained \"in the course of the sale or \
negotiations for the sale of a product or service\". Delivering a service may or may not be a sale (a paid service \
is; a free one, or one given as a statutory duty, may not be), so the finding asks the user to check and record it.\n\
- `pecr.charity.trading`: a message about a trading subsidiary's goods may still further the charity's purposes in \
some cases; regulation 22(3A) requires that to be its sole purpose. Messages sent by the subsidiary itself, or about \
another organisation, are blockers (`pecr.charity.sender`, `pecr.charity.not-own-purposes`): only a charity may rely \
on regulation 22(3A), for its own purposes.\n\
- `pecr.tracking-consent`: PECR regulation 6 requires consent for storing or reading information on a device unless \
an exception in Schedule A1 applies; whether one applies to a given tracking set-up is a matter of fact the tool \
cannot see.\n\
- `nature.vulnerable-circumstances` and `expectations.obvious-unsupported` read the user's own words: whether the \
people are vulnerable, or the use obvious, is a judgement the ICO leaves to the controller, so the tool asks for it \
to be reconsidered and recorded.\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_line_says_which_version_checked_it() {
        let mut a = Assessment::new("x");
        assert!(rules_line(&a)
            .starts_with("Checked with version 2 of the tool's rules, which follow the ICO's"));
        a.rules_version = Some(1);
        assert!(rules_line(&a).starts_with(
            "Approved under version 1 of the tool's rules; checked now with version 2"
        ));
    }
}
