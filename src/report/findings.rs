//! Appendix A: the findings when the record was made, grouped by severity, each with its
//! message, detail, the questions it concerns and the source it cites.

use crate::assessment::{Outcome, Severity};

use super::words::{FINDINGS_LEDE, FINDINGS_TITLE, NO_FINDINGS};
use super::{plain, Block, Found, Part};

pub fn appendix(result: &Outcome) -> Part {
    let mut part = Part::new("findings", FINDINGS_TITLE);
    part.lede = Some(FINDINGS_LEDE);
    if result.findings.is_empty() {
        part.blocks.push(Block::Para(plain(NO_FINDINGS)));
    }
    for severity in Severity::ALL {
        let found: Vec<Found> = result
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .map(|f| Found {
                id: f.id,
                severity: f.severity,
                message: f.message,
                detail: f.detail.clone(),
                about: (!f.questions.is_empty()).then(|| {
                    let names: Vec<&str> = f.questions.iter().map(|q| q.question().short).collect();
                    format!("About: {}", names.join("; "))
                }),
                source: format!(
                    "Source: {} ({}). Rule {}.",
                    f.source.citation, f.source.url, f.id
                ),
            })
            .collect();
        if found.is_empty() {
            continue;
        }
        let (anchor, group) = match severity {
            Severity::Blocker => ("blockers", "Blockers"),
            Severity::Warning => ("warnings", "Warnings"),
            Severity::Advice => ("advice", "Advice"),
        };
        let mut group = Part::new(anchor, format!("{group} ({})", found.len()));
        group.blocks.push(Block::Findings(found));
        part.parts.push(group);
    }
    part
}
