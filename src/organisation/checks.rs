//! The organisation's findings: its checks on its own questions' answers, its review
//! policy, its DPIA screening questions and who it consults above a risk. Plain data in,
//! findings out, each with a stable id under the organisation's namespace (`org.`) and
//! the settings as its source, like the built-in rules' findings. Not yet part of the
//! app's one-pass evaluation; a record's answers come back as facts by `record::answers_of`.

use super::{Settings, When};
use crate::assessment::date::Date;
use crate::assessment::model::{Risk, YesNo};
use crate::assessment::questions::{QuestionId, Section};
use crate::assessment::rules::Severity;
use crate::vec_map::VecMap;

/// An answer to one of the organisation's questions or screening questions.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Text(String),
    YesNo(YesNo),
    /// An option's id.
    Choice(String),
}

/// What the organisation's findings are worked out from.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// By question (or screening question) id.
    pub answers: VecMap<String, Answer>,
    /// When the assessment was completed (or, before that, today).
    pub from: Option<Date>,
    /// The next review's date.
    pub review: Option<Date>,
    /// The highest risk of its impacts after safeguards.
    pub risk: Option<Risk>,
}

/// Where a finding points: one of the tool's questions or one of the organisation's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Tool(QuestionId),
    Organisation(String),
}

/// What the organisation's settings found in one assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// `org.` and the check's id, or `org.policy.…` / `org.screening.…`.
    pub id: String,
    pub severity: Severity,
    pub section: Section,
    pub target: Option<Target>,
    pub message: String,
    /// The settings it comes from: their name and revision.
    pub source: String,
}

/// Every finding of `settings` on `facts`, in the settings' order: checks, then the
/// screening questions, then the policy.
pub fn findings(settings: &Settings, facts: &Facts) -> Vec<Finding> {
    let source = format!("{} ({})", settings.name, settings.revision);
    let organisation = settings
        .defaults
        .organisation
        .as_deref()
        .unwrap_or("Your organisation");
    let mut out = Vec::new();
    for check in &settings.checks {
        let Some(question) = settings.questions.iter().find(|q| q.id == check.question) else {
            continue;
        };
        let answer = facts.answers.get(&check.question);
        let holds = match (&check.when, answer) {
            (When::Unanswered, a) => a.is_none_or(is_empty),
            (When::Answered, a) => a.is_some_and(|a| !is_empty(a)),
            (When::Is(v), Some(Answer::YesNo(y))) => y.key() == v,
            (When::Is(v), Some(Answer::Choice(c))) => c == v,
            (When::Is(_), _) => false,
        };
        if holds {
            out.push(Finding {
                id: format!("org.{}", check.id),
                severity: check.severity,
                section: question.section,
                target: Some(Target::Organisation(question.id.clone())),
                message: check.message.clone(),
                source: source.clone(),
            });
        }
    }
    for q in &settings.policy.screening {
        if facts.answers.get(&q.id) == Some(&Answer::YesNo(YesNo::Yes)) {
            out.push(Finding {
                id: format!("org.screening.{}", q.id),
                severity: Severity::Warning,
                section: Section::Dpia,
                target: Some(Target::Organisation(q.id.clone())),
                message: format!(
                    "{organisation}'s DPIA screening asks for a DPIA when the answer to “{}” is yes. Do a DPIA before the processing starts, and record it in the DPIA section.",
                    q.label
                ),
                source: source.clone(),
            });
        }
    }
    if let (Some(months), Some(from), Some(review)) =
        (settings.policy.max_review_months, facts.from, facts.review)
    {
        let latest = from.add_months(months);
        if review > latest {
            out.push(Finding {
                id: "org.policy.review-interval".into(),
                severity: Severity::Warning,
                section: Section::SignOff,
                target: Some(Target::Tool(QuestionId::SignOffReviewDate)),
                message: format!(
                    "{organisation}'s policy is a review at least every {months} months: the review date is {}, later than {}. Choose an earlier review date.",
                    review.long(),
                    latest.long()
                ),
                source: source.clone(),
            });
        }
    }
    if let (Some(consult), Some(risk)) = (&settings.policy.consult, facts.risk) {
        if risk >= consult.at_least {
            out.push(Finding {
                id: "org.policy.consult".into(),
                severity: Severity::Advice,
                section: Section::Decision,
                target: None,
                message: format!(
                    "The risk to people is {}: {organisation}'s policy is to consult {} before deciding.",
                    risk.label().to_lowercase(),
                    consult.who
                ),
                source,
            });
        }
    }
    out
}

fn is_empty(answer: &Answer) -> bool {
    match answer {
        Answer::Text(t) | Answer::Choice(t) => t.trim().is_empty(),
        Answer::YesNo(_) => false,
    }
}
