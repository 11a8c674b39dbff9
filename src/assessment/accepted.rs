//! Warnings the author accepts, each with a written reason: a warning (never a blocker)
//! may be right for this processing, and the record then says why it was accepted. An
//! accepted warning no longer counts as open; it is open again as soon as the answers
//! it is about change (the accepted entry records their digest), so a reason never
//! covers answers it was not written for.
//!
//! The entries are part of the assessment's content, so the digest an approval is
//! bound to, and the approver's signature, cover them.

use serde::{Deserialize, Serialize};

use super::canonical::digest_hex;
use super::date::Date;
use super::model::{Answers, Assessment};
use super::questions::{AnswerKind, QuestionId, QUESTIONS};
use super::rules::{Finding, Severity};

/// A warning accepted with a reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accepted {
    /// The rule's id.
    pub rule: String,
    /// The finding's detail, for a rule that can find several things (which impact).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
    /// Why it is accepted.
    pub reason: String,
    /// The SHA-256 of the answers it is about, as they were when it was accepted.
    pub answers: String,
    /// When it was accepted, `yyyy-mm-dd`.
    pub date: String,
}

/// Where a warning stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing<'a> {
    Open,
    /// Accepted, and the answers it is about are as they were.
    Accepted(&'a Accepted),
    /// Accepted once, but the answers it is about changed since: open again.
    Reopened(&'a Accepted),
}

/// The questions a finding is about: those it names, or its section's when it names
/// none (and is not about one of the organisation's questions).
fn questions(f: &Finding) -> Vec<QuestionId> {
    if f.questions.is_empty() && f.organisation_question.is_none() {
        QUESTIONS
            .iter()
            .filter(|q| q.id.section() == f.section)
            .map(|q| q.id)
            .collect()
    } else {
        f.questions.clone()
    }
}

/// The digest of the answers `f` is about (and of the impacts, when it is about them).
pub fn answers_digest(a: &Assessment, f: &Finding) -> String {
    let mut answers = Answers::default();
    let mut impacts = false;
    for q in questions(f) {
        if matches!(q.question().kind, AnswerKind::Impacts) {
            impacts = true;
        }
        if let Some(answer) = a.answers.get(q) {
            answers.set(q, answer.clone());
        }
    }
    let answers = super::write::answers(&answers);
    let impacts = if impacts {
        super::write::impacts(&a.impacts)
    } else {
        crate::json::Value::Null
    };
    // An organisation's finding is about its question's answer too, so changing that
    // answer opens it again. (The rules' findings keep the digest they always had.)
    let value = match &f.organisation_question {
        None => super::write::object([("answers", answers), ("impacts", impacts)]),
        Some(id) => {
            use super::organisation_answers::OrgValue;
            let given = a.organisation.as_deref().and_then(|r| r.answer(id));
            let value = given.map_or(crate::json::Value::Null, |g| {
                crate::json::Value::String(match &g.value {
                    OrgValue::Text(t) => t.clone(),
                    OrgValue::YesNo(y) => y.key().to_string(),
                    OrgValue::Choice(c) => c.id.clone(),
                })
            });
            super::write::object([
                ("answers", answers),
                ("impacts", impacts),
                ("organisation", value),
            ])
        }
    };
    digest_hex(&value)
}

/// The entry for `f`: the one accepted for the same rule and detail, or, when its
/// detail has changed since (it describes the answers), the rule's only entry.
fn entry<'a>(a: &'a Assessment, f: &Finding) -> Option<&'a Accepted> {
    let detail = f.detail.as_deref().unwrap_or("");
    let mut same_rule = a.accepted.iter().filter(|e| e.rule == f.id);
    a.accepted
        .iter()
        .find(|e| e.rule == f.id && e.detail == detail)
        .or_else(|| match (same_rule.next(), same_rule.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        })
}

/// Where finding `f` of `a` stands. Only a warning can be accepted.
pub fn standing<'a>(a: &'a Assessment, f: &Finding) -> Standing<'a> {
    if f.severity != Severity::Warning {
        return Standing::Open;
    }
    let detail = f.detail.as_deref().unwrap_or("");
    match entry(a, f) {
        None => Standing::Open,
        Some(e) if e.detail == detail && e.answers == answers_digest(a, f) => Standing::Accepted(e),
        Some(e) => Standing::Reopened(e),
    }
}

/// Whether `f` is a warning accepted for the answers as they are: it does not count as
/// open (the hook in `outcome`).
pub fn is_accepted(a: &Assessment, f: &Finding) -> bool {
    matches!(standing(a, f), Standing::Accepted(_))
}

/// Why a warning cannot be accepted. Nothing is changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AcceptProblem {
    /// A blocker must be fixed; advice needs no acceptance.
    NotAWarning,
    NoReason,
    /// The assessment is approved: start a review to change it.
    ReadOnly,
}

impl std::fmt::Display for AcceptProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            AcceptProblem::NotAWarning => {
                "Only a warning can be accepted: a blocker must be fixed before approval."
            }
            AcceptProblem::NoReason => "Enter why you accept this warning",
            AcceptProblem::ReadOnly => {
                "This assessment is approved: start a review to change what it accepts."
            }
        })
    }
}

/// Accepts warning `f` with `reason` today (replacing an earlier acceptance of it).
pub fn accept(
    a: &mut Assessment,
    f: &Finding,
    reason: &str,
    today: Date,
) -> Result<(), AcceptProblem> {
    if a.is_read_only() {
        return Err(AcceptProblem::ReadOnly);
    }
    if f.severity != Severity::Warning {
        return Err(AcceptProblem::NotAWarning);
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AcceptProblem::NoReason);
    }
    let entry = Accepted {
        rule: f.id.to_string(),
        detail: f.detail.clone().unwrap_or_default(),
        reason: reason.to_string(),
        answers: answers_digest(a, f),
        date: today.to_string(),
    };
    // An earlier acceptance of it (if its answers changed since, its detail may have).
    if let Some(earlier) = self::entry(a, f).cloned() {
        a.accepted.retain(|e| *e != earlier);
    }
    a.accepted.push(entry);
    Ok(())
}

/// Withdraws the acceptance of `f` (it counts as open again). False if there was none.
pub fn withdraw(a: &mut Assessment, f: &Finding) -> bool {
    if a.is_read_only() {
        return false;
    }
    let Some(earlier) = entry(a, f).cloned() else {
        return false;
    };
    a.accepted.retain(|e| *e != earlier);
    true
}

/// One warning as the reports list it: what it says, and why it was accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcceptedWarning {
    pub rule: std::borrow::Cow<'static, str>,
    pub message: std::borrow::Cow<'static, str>,
    pub detail: Option<String>,
    pub reason: String,
    /// `yyyy-mm-dd`, as recorded.
    pub date: String,
    /// False when the answers it is about changed since: it counts as open again.
    pub current: bool,
}

/// Said of an accepted warning whose answers changed since.
pub const REOPENED: &str =
    "The answers it is about have changed since, so it counts as open again.";

impl AcceptedWarning {
    /// The date it was accepted in the long UK form, or as recorded if not a date.
    pub fn date_long(&self) -> String {
        Date::parse(&self.date).map_or_else(|| self.date.clone(), Date::long)
    }

    /// The line a report prints under the warning: "Accepted on 3 May 2026: reason".
    pub fn describe(&self) -> String {
        let on = self.date_long();
        if self.current {
            format!("Accepted on {on}, because: {}", self.reason)
        } else {
            format!("Accepted on {on}, because: {} {REOPENED}", self.reason)
        }
    }
}

/// The warnings among `findings` that were accepted (open again or not), in the order
/// of the findings: what the approver and both reports list.
pub fn accepted_warnings(a: &Assessment, findings: &[Finding]) -> Vec<AcceptedWarning> {
    findings
        .iter()
        .filter_map(|f| {
            let (e, current) = match standing(a, f) {
                Standing::Open => return None,
                Standing::Accepted(e) => (e, true),
                Standing::Reopened(e) => (e, false),
            };
            Some(AcceptedWarning {
                rule: f.id.clone(),
                message: f.message.clone(),
                detail: f.detail.clone(),
                reason: e.reason.clone(),
                date: e.date.clone(),
                current,
            })
        })
        .collect()
}
