//! The summary of an assessment: section statuses, counts, DPIA result, readiness for
//! sign-off and the overall reading.

use serde::Serialize;

use super::choices::decision;
use super::context::Ctx;
use super::date::Date;
use super::model::Assessment;
use super::questions::{QuestionId, Section};
use super::rules::{check_in, Finding, Severity, Weight};
use super::screening::Screening;
use super::validation::{validate, FieldError};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "status", content = "reason")]
pub enum SectionStatus {
    /// The section does not apply, with the reason.
    NotApplicable(&'static str),
    NotStarted,
    InProgress,
    Completed,
    /// A blocker points into the section.
    HasProblems,
    /// Some of its answers rest on an answer that changed after they were given.
    CheckAgain,
}

impl SectionStatus {
    pub fn label(self) -> &'static str {
        match self {
            SectionStatus::NotApplicable(_) => "Not needed",
            SectionStatus::NotStarted => "Not started",
            SectionStatus::InProgress => "In progress",
            SectionStatus::Completed => "Completed",
            SectionStatus::HasProblems => "There is a problem",
            SectionStatus::CheckAgain => "Check again",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SectionOutcome {
    pub section: Section,
    pub status: SectionStatus,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub blockers: usize,
    pub warnings: usize,
    pub advice: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "dpia")]
pub enum DpiaOutcome {
    /// Screening is complete and found nothing likely to be high risk.
    NotNeeded,
    /// Screening or a high residual risk requires one; `done` if it is recorded.
    Required { done: bool },
    /// Screening is not finished, or some of its answers are still only suggestions.
    NotYetKnown,
}

impl DpiaOutcome {
    /// The result in a sentence.
    pub fn describe(self) -> &'static str {
        match self {
            DpiaOutcome::NotNeeded => {
                "Not needed: the screening found nothing likely to result in a high risk."
            }
            DpiaOutcome::Required { done: true } => "Required, and recorded as done.",
            DpiaOutcome::Required { done: false } => {
                "Required, and not done yet: do it before the processing starts."
            }
            DpiaOutcome::NotYetKnown => "Not known yet: the screening is not finished, or some of its answers are still only suggestions to confirm.",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reading {
    /// Not enough of the three tests answered to say.
    TooEarly,
    Appropriate,
    Borderline,
    Unlikely,
    /// A public authority processing in the performance of its tasks: neither legitimate
    /// interests nor a recognised legitimate interest is available.
    PublicTask,
}

impl Reading {
    pub fn label(self) -> &'static str {
        match self {
            Reading::TooEarly => "Not enough answers yet to say",
            Reading::Appropriate => "Legitimate interests looks appropriate",
            Reading::Borderline => "Borderline: legitimate interests may not be the right basis",
            Reading::Unlikely => {
                "Legitimate interests is unlikely: consider another lawful basis, such as consent"
            }
            Reading::PublicTask => {
                "Legitimate interests is not available for a public authority's tasks: use public task (Article 6(1)(e))"
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub findings: Vec<Finding>,
    pub sections: Vec<SectionOutcome>,
    pub counts: Counts,
    pub ready_for_sign_off: bool,
    /// Why it cannot be signed off yet (empty when ready).
    pub sign_off_refusals: Vec<String>,
    pub dpia: DpiaOutcome,
    pub reading: Reading,
}

impl Outcome {
    pub fn status(&self, section: Section) -> SectionStatus {
        self.sections
            .iter()
            .find(|s| s.section == section)
            .map_or(SectionStatus::NotStarted, |s| s.status)
    }

    /// Sections done or not needed, and how many count.
    pub fn completed_sections(&self) -> (usize, usize) {
        let applicable = self
            .sections
            .iter()
            .filter(|s| !matches!(s.status, SectionStatus::NotApplicable(_)));
        let total = applicable.clone().count();
        let done = applicable
            .filter(|s| s.status == SectionStatus::Completed)
            .count();
        (done, total)
    }
}

/// Runs the rules and summarises the assessment.
pub fn outcome(assessment: &Assessment, today: Option<Date>) -> Outcome {
    outcome_with(assessment, today, Vec::new())
}

/// As `outcome`, with findings from elsewhere (the organisation's settings) counted
/// beside the rules' as if raised by them.
pub fn outcome_with(assessment: &Assessment, today: Option<Date>, extra: Vec<Finding>) -> Outcome {
    let ctx = Ctx::new(assessment, today);
    let errors: Vec<Vec<FieldError>> = Section::ALL.map(|s| validate(&ctx, s)).into();
    outcome_in(&ctx, &errors, extra)
}

/// The outcome from a context already built, with each section's validation errors
/// (in `Section::ALL` order), so an evaluation builds both once, and findings from
/// elsewhere, each placed among the rules' by severity and section.
pub(super) fn outcome_in(ctx: &Ctx, errors: &[Vec<FieldError>], extra: Vec<Finding>) -> Outcome {
    let mut findings = check_in(ctx);
    if !extra.is_empty() {
        findings.extend(extra);
        crate::sort::sort_by(&mut findings, |a, b| {
            (a.severity, a.section).cmp(&(b.severity, b.section))
        });
    }

    let sections: Vec<SectionOutcome> = Section::ALL
        .into_iter()
        .zip(errors)
        .map(|(section, errors)| SectionOutcome {
            section,
            status: section_status(ctx, section, &findings, errors),
        })
        .collect();

    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let counts = Counts {
        blockers: count(Severity::Blocker),
        // A warning accepted with a reason (for the answers as they are) is not open.
        warnings: count(Severity::Warning)
            - findings
                .iter()
                .filter(|f| super::accepted::is_accepted(ctx.assessment, f))
                .count(),
        advice: count(Severity::Advice),
    };

    let mut sign_off_refusals: Vec<String> = sections
        .iter()
        .filter(|s| {
            matches!(
                s.status,
                SectionStatus::NotStarted | SectionStatus::InProgress
            )
        })
        .map(|s| format!("Complete the section \"{}\".", s.section.title()))
        .collect();
    sign_off_refusals.extend(
        findings
            .iter()
            .filter(|f| f.severity == Severity::Blocker)
            .map(|f| f.message.to_string()),
    );

    let screening = Screening::of(ctx);
    let dpia = if screening.dpia_required() {
        DpiaOutcome::Required {
            done: ctx.is_yes(QuestionId::DpiaDone),
        }
    } else if screening.complete && screening.unconfirmed.is_empty() {
        DpiaOutcome::NotNeeded
    } else {
        DpiaOutcome::NotYetKnown
    };

    Outcome {
        reading: reading(ctx, &findings),
        ready_for_sign_off: sign_off_refusals.is_empty(),
        sign_off_refusals,
        findings,
        sections,
        counts,
        dpia,
    }
}

fn section_status(
    ctx: &Ctx,
    section: Section,
    findings: &[Finding],
    errors: &[FieldError],
) -> SectionStatus {
    if let Some(reason) = ctx.not_applicable(section) {
        return SectionStatus::NotApplicable(reason);
    }
    // Answers to check again are shown as such, not as "a problem".
    let blocked = findings.iter().any(|f| {
        f.severity == Severity::Blocker
            && f.id != crate::assessment::rules::CHECK_AGAIN
            && (f.questions.iter().any(|q| q.section() == section)
                || (f.questions.is_empty() && f.section == section))
    });
    if blocked {
        SectionStatus::HasProblems
    } else if section.questions().any(|q| !ctx.marked(q.id).is_empty()) {
        SectionStatus::CheckAgain
    } else if !ctx.started(section) {
        SectionStatus::NotStarted
    } else if !errors.is_empty() {
        SectionStatus::InProgress
    } else {
        SectionStatus::Completed
    }
}

fn reading(ctx: &Ctx, findings: &[Finding]) -> Reading {
    let weighs = |w: Weight| findings.iter().any(|f| f.weight == w);
    // UK GDPR Article 6(1), words after point (f): a public authority performing its
    // tasks cannot use legitimate interests; public task is the basis to look at, not
    // consent.
    if ctx.is_yes(QuestionId::TriagePublicTask) {
        return Reading::PublicTask;
    }
    if ctx.choice(QuestionId::DecisionRely) == Some(decision::NO) || weighs(Weight::Against) {
        Reading::Unlikely
    } else if !ctx.started(Section::Purpose) || !ctx.started(Section::Necessity) {
        Reading::TooEarly
    } else if weighs(Weight::Borderline) {
        Reading::Borderline
    } else {
        Reading::Appropriate
    }
}
