//! Appendix A: the findings when the record was made, grouped by severity, each with its
//! message, detail, the questions it concerns and the source it cites.

use crate::assessment::accepted::{accepted_warnings, REOPENED};
use crate::assessment::catalogue::SinceChecked;
use crate::assessment::{Assessment, Outcome, Severity};

use super::words::{ACCEPTED_LEDE, FINDINGS_LEDE, FINDINGS_TITLE, NO_FINDINGS, SOURCES_TITLE};
use super::{looked, plain, span, Block, Found, Look, Part, Tone};

pub fn appendix(
    a: &Assessment,
    result: &Outcome,
    since: Option<&SinceChecked>,
    settings: Option<&crate::organisation::Settings>,
) -> Part {
    let mut part = Part::new("findings", FINDINGS_TITLE);
    part.lede = Some(FINDINGS_LEDE);
    // An approved record that rules added since its approval now find more in.
    if let Some(since) = since {
        part.blocks
            .push(Block::Banner(Tone::Notice, plain(since.sentence())));
    }
    if result.findings.is_empty() {
        part.blocks.push(Block::Para(plain(NO_FINDINGS)));
    }
    // Each page a finding cites is listed once, at the end, and referred to by number:
    // most findings cite one of a few pages, whose addresses would fill the appendix.
    let mut pages: Vec<&str> = Vec::new();
    for severity in Severity::ALL {
        let found: Vec<Found> = result
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .map(|f| Found {
                id: f.id.clone(),
                severity: f.severity,
                message: f.message.clone(),
                detail: f.detail.clone(),
                source: {
                    // The organisation's settings have no page to number.
                    let url = f.source.url();
                    let n = match pages.iter().position(|u| *u == url) {
                        _ if url.is_empty() => 0,
                        Some(i) => i + 1,
                        None => {
                            pages.push(url);
                            pages.len()
                        }
                    };
                    let mut names: Vec<&str> =
                        f.questions.iter().map(|q| q.question().short).collect();
                    // The organisation's question, as the settings or the record word it.
                    if let Some(id) = f.organisation_question.as_deref() {
                        let asked = settings
                            .and_then(|s| crate::organisation::answering::asked(s, id))
                            .map(|(_, label)| label);
                        let given = || {
                            a.organisation
                                .as_deref()?
                                .answer(id)
                                .map(|g| g.label.as_str())
                        };
                        names.extend(asked.or_else(given));
                    }
                    let about = match names.is_empty() {
                        true => String::new(),
                        false => format!("About: {}. ", names.join("; ")),
                    };
                    match n {
                        0 => format!(
                            "{about}Source: {}, revision {}. Rule {}.",
                            f.source.citation(),
                            f.source.version(),
                            f.id
                        ),
                        n => format!(
                            "{about}Source: {} [{n}]. Rule {}.",
                            f.source.citation(),
                            f.id
                        ),
                    }
                },
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
    // The warnings accepted with a reason, as the approver saw them: each reason, and
    // whether it still holds for the answers as they are.
    let accepted = accepted_warnings(a, &result.findings);
    if !accepted.is_empty() {
        let mut part_accepted = Part::new(
            "accepted",
            format!("Warnings accepted with a reason ({})", accepted.len()),
        );
        part_accepted.lede = Some(ACCEPTED_LEDE);
        part_accepted.blocks.push(Block::List(
            accepted
                .iter()
                .map(|w| {
                    let mut line = vec![
                        span(w.message.clone(), Look::Strong),
                        span(
                            format!(
                                " (rule {}). Accepted on {}, because: ",
                                w.rule,
                                w.date_long()
                            ),
                            Look::Plain,
                        ),
                        span(w.reason.clone(), Look::Typed),
                    ];
                    if !w.current {
                        line.push(span(format!(" {REOPENED}"), Look::Missing));
                    }
                    line
                })
                .collect(),
        ));
        part.parts.push(part_accepted);
    }
    if !pages.is_empty() {
        let mut sources = Part::new("sources", SOURCES_TITLE);
        sources.blocks.push(Block::List(
            pages
                .iter()
                .enumerate()
                .map(|(i, url)| looked(format!("[{}] {url}", i + 1), Look::Code))
                .collect(),
        ));
        part.parts.push(sources);
    }
    part
}
