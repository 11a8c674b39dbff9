//! The organisation's findings in the one-pass evaluation: the facts of an assessment
//! its checks and policy look at, and its findings as findings beside the rules' (the
//! same list, counts, statuses and sign-off), for an assessment answered under the
//! settings loaded here. One made under other settings gets none: their checks are not
//! here to run.

use super::answering::{standing, Standing};
use super::checks::{findings, Facts, Target};
use super::record::answers_of;
use super::Settings;
use crate::assessment::date::Date;
use crate::assessment::model::Assessment;
use crate::assessment::questions::QuestionId;
use crate::assessment::rules::{Cited, Finding, Weight};
use crate::assessment::{outcome_with, Brief, Evaluation, Outcome};

/// What the organisation's findings are worked out from: its answers to the settings'
/// questions, when it was completed (before that, today), its review date and its
/// highest risk after safeguards.
pub fn facts_of(a: &Assessment, today: Option<Date>) -> Facts {
    let date = |q| match a.answers.get(q) {
        Some(crate::assessment::Answer::Text(t)) => Date::parse(t),
        _ => None,
    };
    Facts {
        answers: a
            .organisation
            .as_deref()
            .map(answers_of)
            .unwrap_or_default(),
        from: date(QuestionId::SignOffCompletedDate).or(today),
        review: date(QuestionId::SignOffReviewDate),
        risk: a.impacts.iter().filter_map(|i| i.residual_risk()).max(),
    }
}

/// The settings' findings on `a`, as findings: none unless it is answered under them.
pub fn findings_on(a: &Assessment, settings: &Settings, today: Option<Date>) -> Vec<Finding> {
    if standing(a, Some(settings)) != Standing::Answerable {
        return Vec::new();
    }
    findings(settings, &facts_of(a, today))
        .into_iter()
        .map(|f| {
            let (questions, organisation_question) = match f.target {
                Some(Target::Tool(q)) => (vec![q], None),
                Some(Target::Organisation(id)) => (Vec::new(), Some(id)),
                None => (Vec::new(), None),
            };
            Finding {
                id: f.id.into(),
                severity: f.severity,
                // About the record: the organisation's checks do not weigh in the balance.
                weight: Weight::Record,
                section: f.section,
                questions,
                organisation_question,
                message: f.message.into(),
                detail: None,
                source: Cited::Settings {
                    name: settings.name.clone(),
                    revision: settings.revision.clone(),
                },
            }
        })
        .collect()
}

/// `Evaluation::of`, with the findings of the settings loaded here (if any).
pub fn evaluation(a: &Assessment, settings: Option<&Settings>, today: Option<Date>) -> Evaluation {
    Evaluation::with(a, today, findings_under(a, settings, today))
}

/// `outcome`, with the findings of the settings loaded here (if any).
pub fn outcome(a: &Assessment, settings: Option<&Settings>, today: Option<Date>) -> Outcome {
    outcome_with(a, today, findings_under(a, settings, today))
}

/// `Brief::of`, with the findings of the settings loaded here (if any).
pub fn brief(a: &Assessment, settings: Option<&Settings>, today: Option<Date>) -> Brief {
    Brief::with(a, today, findings_under(a, settings, today))
}

/// The findings of the settings loaded here (if any) on `a`: none without settings, or
/// for an assessment made under others.
pub fn findings_under(
    a: &Assessment,
    settings: Option<&Settings>,
    today: Option<Date>,
) -> Vec<Finding> {
    settings.map_or_else(Vec::new, |s| findings_on(a, s, today))
}
