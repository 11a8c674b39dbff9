//! The parts every question shares: the label or legend with "(optional)", the hint,
//! the error message, and the ids that tie them together for assistive technology.

use leptos::prelude::*;

use super::error_message::error_message;
use crate::assessment::questions::Cond;
use crate::assessment::{Question, QuestionId};
use crate::ui::state::field_id;

/// The ids of a question's control and its describing elements.
#[derive(Clone)]
pub struct FieldIds {
    pub control: String,
    pub hint: String,
    pub error: String,
    pub suggestion: String,
}

impl FieldIds {
    pub fn of(q: QuestionId) -> FieldIds {
        let control = field_id(q);
        FieldIds {
            hint: format!("{control}-hint"),
            error: format!("{control}-error"),
            suggestion: format!("{control}-suggestion"),
            control,
        }
    }

    /// `aria-describedby` for the control: the hint, any suggestion, any error.
    pub fn described_by(
        &self,
        question: &Question,
        suggested: bool,
        error: bool,
    ) -> Option<String> {
        let mut ids = Vec::new();
        if !question.hint.is_empty() {
            ids.push(self.hint.as_str());
        }
        if suggested {
            ids.push(self.suggestion.as_str());
        }
        if error {
            ids.push(self.error.as_str());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The wrapper's classes: error state, and indented when revealed by an answer above.
pub fn field_class(q: QuestionId, error: bool) -> String {
    let mut class = String::from("lia-field");
    if is_conditional(q) {
        class.push_str(" lia-field--conditional");
    }
    if error {
        class.push_str(" lia-field--error");
    }
    class
}

/// Shown only because of an answer on the same page (GOV.UK "conditional reveal").
fn is_conditional(q: QuestionId) -> bool {
    let question = q.question();
    if matches!(question.shown, Cond::Always) {
        return false;
    }
    let mut refers = Vec::new();
    question.shown.refers_to(&mut refers);
    refers.iter().any(|r| r.section() == question.section)
}

// Functions, not components: each field that shows them costs a call.

/// The question's words, with "(optional)" when it may be left empty.
#[inline(never)]
pub fn question_text(q: QuestionId) -> AnyView {
    let question = q.question();
    view! {
        {question.text}
        {(!question.required && !matches!(question.kind, crate::assessment::AnswerKind::Impacts))
            .then(|| view! { <span class="lia-optional">" (optional)"</span> })}
    }
    .into_any()
}

#[inline(never)]
pub fn hint(q: QuestionId) -> AnyView {
    let question = q.question();
    let ids = FieldIds::of(q);
    (!question.hint.is_empty())
        .then(|| view! { <div class="lia-hint" id=ids.hint>{question.hint}</div> })
        .into_any()
}

/// The inline error, in the same words as the error summary.
#[inline(never)]
pub fn field_error(q: QuestionId, error: Signal<Option<String>>) -> AnyView {
    let ids = FieldIds::of(q);
    (move || {
        error
            .get()
            .map(|message| error_message(Some(ids.error.clone()), message))
    })
    .into_any()
}
