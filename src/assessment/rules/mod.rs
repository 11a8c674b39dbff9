//! The rule engine. Each rule is data: a stable id, a severity, what it does to the
//! overall reading, a plain-English message, the source it cites, and a check that
//! says whether it applies and which questions it points at. `check` runs them all.

use std::borrow::Cow;

use serde::Serialize;

use super::context::Ctx;
use super::date::Date;
use super::model::Assessment;
use super::questions::{QuestionId, Section};

mod adm;
mod check_again;
mod decision;
mod dpia;
mod expectations;
mod impact;
mod nature;
mod necessity;
mod pecr;
mod purpose;
mod records;
mod reuse;
mod scope;
pub mod sources;
mod thin;

pub use check_again::CHECK_AGAIN;
pub use sources::Source;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The assessment cannot be signed off while this stands.
    Blocker,
    /// A reviewer would challenge it.
    Warning,
    /// Worth knowing; nothing is wrong.
    Advice,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Blocker, Severity::Warning, Severity::Advice];

    pub fn label(self) -> &'static str {
        match self {
            Severity::Blocker => "Blocker",
            Severity::Warning => "Warning",
            Severity::Advice => "Advice",
        }
    }
}

/// What a finding says about whether legitimate interests fits, as opposed to whether
/// the record is complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Weight {
    /// Only about the record; the balance is unaffected.
    Record,
    /// Makes the call borderline.
    Borderline,
    /// Makes legitimate interests unlikely to be the right basis.
    Against,
}

/// Where a rule points, and any detail for this assessment.
pub struct Hit {
    pub questions: Vec<QuestionId>,
    pub detail: Option<String>,
}

impl Hit {
    pub fn at(q: QuestionId) -> Option<Hit> {
        Hit::at_all(&[q])
    }

    pub fn at_all(qs: &[QuestionId]) -> Option<Hit> {
        Some(Hit {
            questions: qs.to_vec(),
            detail: None,
        })
    }

    pub fn detail(q: QuestionId, detail: String) -> Option<Hit> {
        Some(Hit {
            questions: vec![q],
            detail: Some(detail),
        })
    }
}

/// A hit at `q` when `cond` holds: the shape of most rules.
fn when(cond: bool, q: QuestionId) -> Option<Hit> {
    if cond {
        Hit::at(q)
    } else {
        None
    }
}

/// How a yes/no question stands, for messages: "answered no", "not answered", ….
fn answer_state(ctx: &Ctx, q: QuestionId) -> &'static str {
    match ctx.yes_no(q) {
        Some(super::model::YesNo::Yes) => "answered yes",
        Some(super::model::YesNo::No) => "answered no",
        Some(super::model::YesNo::NotSure) => "answered not sure",
        None => "not answered",
    }
}

/// The questions of `qs` whose answer is still only a suggestion, once the user has
/// started `section`: a hit at each, saying what is suggested. A suggestion never becomes
/// an answer unseen; this is where the record shows which answers are not the user's own.
fn unconfirmed_suggestions(ctx: &Ctx, section: Section, qs: &[QuestionId]) -> Option<Hit> {
    if !ctx.started(section) {
        return None;
    }
    let open: Vec<(QuestionId, super::context::Suggestion)> = qs
        .iter()
        .filter_map(|q| ctx.unconfirmed(*q).map(|s| (*q, s)))
        .collect();
    if open.is_empty() {
        return None;
    }
    Some(Hit {
        questions: open.iter().map(|(q, _)| *q).collect(),
        detail: Some(format!(
            "Suggested, not confirmed: {}.",
            open.iter()
                .map(|(q, s)| format!(
                    "{} ({})",
                    q.question().short,
                    s.answer.label().to_ascii_lowercase()
                ))
                .collect::<Vec<_>>()
                .join("; ")
        )),
    })
}

/// One rule of the catalogue.
pub struct Rule {
    /// Stable: used in exports, links and tests. Never reuse an id for another meaning.
    pub id: &'static str,
    pub severity: Severity,
    pub weight: Weight,
    /// The section the rule belongs to (where its findings are grouped).
    pub section: Section,
    /// What is wrong and what to do, in plain English.
    pub message: &'static str,
    pub source: &'static Source,
    pub check: fn(&Ctx) -> Option<Hit>,
}

/// What a rule, or the organisation's settings, found in one assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// A rule's id, or `org.` and the organisation's own (`organisation::checks`).
    pub id: Cow<'static, str>,
    pub severity: Severity,
    pub weight: Weight,
    pub section: Section,
    /// The question(s) to go to in order to fix it.
    pub questions: Vec<QuestionId>,
    /// The organisation's question to go to instead, by its id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation_question: Option<String>,
    pub message: Cow<'static, str>,
    /// Specific to this assessment, e.g. which impact or which channel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub source: Cited,
}

impl Finding {
    /// The id of the rule that raised it; none for the organisation's findings.
    pub fn rule(&self) -> Option<&'static str> {
        match self.id {
            Cow::Borrowed(id) => Some(id),
            Cow::Owned(_) => None,
        }
    }
}

/// Where a finding comes from: the source a rule cites, or the organisation's settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Cited {
    Source(&'static Source),
    Settings { name: String, revision: String },
}

impl Cited {
    /// The document: a source's citation, or the settings' name.
    pub fn citation(&self) -> &str {
        match self {
            Cited::Source(s) => s.citation,
            Cited::Settings { name, .. } => name,
        }
    }

    /// Where to read it: none for the organisation's settings.
    pub fn url(&self) -> &'static str {
        match self {
            Cited::Source(s) => s.url,
            Cited::Settings { .. } => "",
        }
    }

    /// The version followed: a source's date, or the settings' revision.
    pub fn version(&self) -> &str {
        match self {
            Cited::Source(s) => s.version,
            Cited::Settings { revision, .. } => revision,
        }
    }
}

/// Every rule, grouped by area in the order of the assessment.
pub fn catalogue() -> impl Iterator<Item = &'static Rule> {
    [
        scope::RULES,
        records::RULES,
        reuse::RULES,
        adm::RULES,
        purpose::RULES,
        necessity::RULES,
        nature::RULES,
        expectations::RULES,
        impact::RULES,
        pecr::RULES,
        dpia::RULES,
        decision::RULES,
        thin::RULES,
        check_again::RULES,
    ]
    .into_iter()
    .flatten()
}

/// Runs every rule on the assessment. `today` drives the rules about review dates;
/// without it they stay silent. Findings come out blockers first, then by section.
pub fn check(assessment: &Assessment, today: Option<Date>) -> Vec<Finding> {
    check_in(&Ctx::new(assessment, today))
}

/// `check` with a context the caller already built.
pub fn check_in(ctx: &Ctx) -> Vec<Finding> {
    let mut findings: Vec<Finding> = catalogue().filter_map(|rule| finding(rule, ctx)).collect();
    // By severity, then section, then catalogue order (the sort is stable).
    crate::sort::sort_by(&mut findings, |a, b| {
        (a.severity, a.section).cmp(&(b.severity, b.section))
    });
    findings
}

fn finding(rule: &'static Rule, ctx: &Ctx) -> Option<Finding> {
    let hit = (rule.check)(ctx)?;
    Some(Finding {
        id: Cow::Borrowed(rule.id),
        severity: rule.severity,
        weight: rule.weight,
        section: rule.section,
        questions: hit.questions,
        organisation_question: None,
        message: Cow::Borrowed(rule.message),
        detail: hit.detail,
        source: Cited::Source(rule.source),
    })
}
