//! Validation of a section on "Save and continue": what is missing or malformed.
//! A question showing only a suggestion is unanswered: the user must choose (the
//! interface offers the suggestion with a control to use it), and saving never turns a
//! suggestion into an answer.

use super::context::Ctx;
use super::date::Date;
use super::model::Answer;
use super::questions::{AnswerKind, QuestionId, Section};

/// One problem with one question, worded for the error summary and the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub question: QuestionId,
    pub message: String,
}

/// Every problem in the section's shown questions, in page order.
pub fn validate(ctx: &Ctx, section: Section) -> Vec<FieldError> {
    if !ctx.applies(section) {
        return Vec::new();
    }
    section
        .questions()
        .filter(|q| ctx.is_visible(q.id))
        .filter_map(|q| {
            problem(ctx, q.id).map(|message| FieldError {
                question: q.id,
                message,
            })
        })
        .collect()
}

fn problem(ctx: &Ctx, q: QuestionId) -> Option<String> {
    let question = q.question();
    let answer = ctx.answer(q);
    match (question.kind, answer) {
        (AnswerKind::Impacts, _) => impacts_problem(ctx),
        (_, None) | (_, Some(Answer::Text(_))) if blank(answer) => {
            question.required.then(|| question.missing.to_string())
        }
        (AnswerKind::Date, Some(Answer::Text(t))) if Date::parse(t).is_none() => Some(format!(
            "{} must be a real date, written as year-month-day, for example 2025-03-27",
            question.short
        )),
        (AnswerKind::Multiple(options), Some(Answer::Choices(keys))) => {
            let exclusive = options
                .iter()
                .find(|o| o.exclusive && keys.iter().any(|k| k == o.key));
            match exclusive {
                Some(o) if keys.len() > 1 => {
                    Some(format!("Select \"{}\" on its own, or untick it", o.label))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

fn blank(answer: Option<&Answer>) -> bool {
    match answer {
        None => true,
        Some(Answer::Text(t)) => t.trim().is_empty(),
        Some(_) => false,
    }
}

fn impacts_problem(ctx: &Ctx) -> Option<String> {
    let impacts = &ctx.assessment.impacts;
    if impacts.is_empty() {
        return Some("Add at least one impact, even if it is minimal".into());
    }
    let position = impacts.iter().position(|i| {
        i.description.trim().is_empty() || i.likelihood.is_none() || i.severity.is_none()
    })?;
    Some(format!(
        "Describe impact {} and choose its likelihood and severity",
        position + 1
    ))
}
