//! The changes as rows to show, one per change, grouped by section: what changed (the
//! question, an impact, a finding), how, and the text before and after with the changed
//! words marked. The "What changed" page and the report's appendix both draw these, so
//! they list the same things in the same words.

use super::{
    AnswerChange, Changes, ImpactChange, ImpactSide, Kind, OrgChange, Piece, SettingsSide,
};
use crate::assessment::display::Shown;
use crate::assessment::{Risk, Severity};

/// A run of text, marked when it is what changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub marked: bool,
}

fn plain(text: impl Into<String>) -> Span {
    Span {
        text: text.into(),
        marked: false,
    }
}

/// One change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The question as asked, or the impact or finding.
    pub what: String,
    /// "Added", "Changed", "Removed", "Re-rated", "Newly raised", "Resolved".
    pub change: &'static str,
    /// Empty when there was nothing before (or is nothing after).
    pub before: Vec<Span>,
    pub after: Vec<Span>,
}

/// The changes of one part of the assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub heading: String,
    pub lines: Vec<Line>,
}

/// Every change of `changes` as one line, in groups: each section in order, then the
/// findings and the overall reading.
pub fn listing(changes: &Changes) -> Vec<Group> {
    let mut groups = Vec::new();
    for s in &changes.sections {
        let mut lines: Vec<Line> = s.answers.iter().map(answer_line).collect();
        lines.extend(s.organisation.iter().map(org_line));
        lines.extend(s.impacts.iter().map(impact_line));
        groups.push(Group {
            heading: format!("{}. {}", s.section.number(), s.section.title()),
            lines,
        });
    }
    if let Some(p) = &changes.privacy {
        let (before, after) = sides(&p.words);
        groups.push(Group {
            heading: "Privacy information".into(),
            lines: vec![Line {
                what: "Wording for the privacy information, as the author wrote it".into(),
                change: p.kind.label(),
                before,
                after,
            }],
        });
    }
    if let Some(c) = &changes.settings {
        let kind = match (&c.before, &c.after) {
            (None, _) => Kind::Added,
            (_, None) => Kind::Removed,
            _ => Kind::Changed,
        };
        groups.push(Group {
            heading: "The organisation's settings".into(),
            lines: vec![Line {
                what: "Settings the assessment was made under".into(),
                change: kind.label(),
                before: settings_text(c.before.as_ref()),
                after: settings_text(c.after.as_ref()),
            }],
        });
    }
    let mut lines = Vec::new();
    for (list, change) in [
        (&changes.raised, "Newly raised"),
        (&changes.resolved, "Resolved"),
    ] {
        for f in list {
            let mut what = format!("{}: {}", severity(f.severity), f.message);
            if let Some(detail) = &f.detail {
                what.push(' ');
                what.push_str(detail);
            }
            let (before, after) = if change == "Resolved" {
                (vec![plain("Found")], vec![plain("No longer found")])
            } else {
                (vec![plain("Not found")], vec![plain("Found")])
            };
            lines.push(Line {
                what,
                change,
                before,
                after,
            });
        }
    }
    if let Some((was, is)) = changes.reading {
        lines.push(Line {
            what: "Overall reading".into(),
            change: "Changed",
            before: vec![plain(was.label())],
            after: vec![plain(is.label())],
        });
    }
    if !lines.is_empty() {
        groups.push(Group {
            heading: "Findings and overall reading".into(),
            lines,
        });
    }
    groups
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Blocker => "Blocker",
        Severity::Warning => "Warning",
        Severity::Advice => "Advice",
    }
}

fn shown(s: &Shown) -> Vec<Span> {
    match s {
        Shown::Empty => Vec::new(),
        Shown::Text(t) => vec![plain(t.clone())],
        Shown::List(items) => vec![plain(items.join("\n"))],
        Shown::Suggested(answer) => vec![plain(format!("Suggested: {answer} (not confirmed)"))],
    }
}

/// The earlier text with what was taken out marked, and the later with what was put in.
fn sides(pieces: &[Piece]) -> (Vec<Span>, Vec<Span>) {
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for piece in pieces {
        match piece {
            Piece::Same(t) => {
                before.push(plain(t.clone()));
                after.push(plain(t.clone()));
            }
            Piece::Removed(t) => before.push(Span {
                text: t.clone(),
                marked: true,
            }),
            Piece::Added(t) => after.push(Span {
                text: t.clone(),
                marked: true,
            }),
        }
    }
    (before, after)
}

fn answer_line(a: &AnswerChange) -> Line {
    let (before, after) = match &a.words {
        Some(pieces) => sides(pieces),
        None => (shown(&a.before), shown(&a.after)),
    };
    Line {
        what: a.question.question().text.to_string(),
        change: a.kind.label(),
        before,
        after,
    }
}

fn org_line(c: &OrgChange) -> Line {
    let text = |t: &str| {
        if t.is_empty() {
            Vec::new()
        } else {
            vec![plain(t)]
        }
    };
    let (before, after) = match &c.words {
        Some(pieces) => sides(pieces),
        None => (text(&c.before), text(&c.after)),
    };
    Line {
        what: c.label.clone(),
        change: c.kind.label(),
        before,
        after,
    }
}

/// "Riverside HA assessments, revision 2026.1" and the digest on a line of its own: two
/// editions under one revision label still differ by it.
fn settings_text(side: Option<&SettingsSide>) -> Vec<Span> {
    let Some(s) = side else {
        return Vec::new();
    };
    let mut text = s.name.clone();
    text.push_str(", revision ");
    text.push_str(&s.revision);
    text.push_str("\nSHA-256: ");
    text.push_str(&s.digest);
    vec![plain(text)]
}

fn rating(r: Option<Risk>) -> &'static str {
    r.map_or("not rated", Risk::label)
}

/// "Low (likelihood remote, severity minimal)".
fn rated_text(r: Option<Risk>, likelihood: Option<&str>, severity: Option<&str>) -> String {
    match (r, likelihood, severity) {
        (Some(r), Some(l), Some(s)) => format!(
            "{} (likelihood {}, severity {})",
            r.label(),
            l.to_ascii_lowercase(),
            s.to_ascii_lowercase()
        ),
        _ => rating(r).into(),
    }
}

/// An impact in words: what could happen, its ratings and safeguards.
fn impact_text(i: &ImpactSide) -> Vec<Span> {
    let mut text = format!(
        "{}\nRisk before safeguards: {}\nRisk after safeguards: {}",
        i.description,
        rated_text(i.risk, i.rated[0], i.rated[1]),
        rated_text(i.residual_risk, i.rated[2], i.rated[3])
    );
    if !i.safeguards.is_empty() {
        text.push_str("\nSafeguards: ");
        text.push_str(&i.safeguards);
    }
    vec![plain(text)]
}

fn impact_line(change: &ImpactChange) -> Line {
    match change {
        ImpactChange::Added(i) => Line {
            what: format!("Impact {}", i.number),
            change: Kind::Added.label(),
            before: Vec::new(),
            after: impact_text(i),
        },
        ImpactChange::Removed(i) => Line {
            what: format!("Impact {}", i.number),
            change: Kind::Removed.label(),
            before: impact_text(i),
            after: Vec::new(),
        },
        ImpactChange::Changed {
            before: was,
            after: is,
            description,
            rated,
            safeguards,
        } => {
            let (mut before, mut after) = match description {
                Some(pieces) => sides(pieces),
                None => (
                    vec![plain(was.description.clone())],
                    vec![plain(is.description.clone())],
                ),
            };
            for (side, i) in [(&mut before, was), (&mut after, is)] {
                for (label, r, l, s) in [
                    ("Risk before safeguards", i.risk, 0, 1),
                    ("Risk after safeguards", i.residual_risk, 2, 3),
                ] {
                    let changed = (was.rated[l], was.rated[s]) != (is.rated[l], is.rated[s]);
                    side.push(plain(format!("\n{label}: ")));
                    side.push(Span {
                        text: rated_text(r, i.rated[l], i.rated[s]),
                        marked: changed,
                    });
                }
            }
            if let Some(pieces) = safeguards {
                let (b, a) = sides(pieces);
                before.push(plain("\nSafeguards: "));
                before.extend(b);
                after.push(plain("\nSafeguards: "));
                after.extend(a);
            }
            let change = match (description.is_some() || safeguards.is_some(), rated) {
                (false, true) => "Re-rated",
                _ => Kind::Changed.label(),
            };
            let what = if was.number == is.number {
                format!("Impact {}", is.number)
            } else {
                format!("Impact {} (was {})", is.number, was.number)
            };
            Line {
                what,
                change,
                before,
                after,
            }
        }
    }
}
