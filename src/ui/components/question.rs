//! Chooses the control for a question from its answer kind in the bank.

use leptos::prelude::*;

use super::choice_fields::{CheckboxField, RadioField};
use super::date_field::DateField;
use super::impacts::ImpactsEditor;
use super::text_fields::TextField;
use crate::assessment::{AnswerKind, QuestionId};

#[component]
pub fn QuestionField(q: QuestionId, error: Signal<Option<String>>) -> impl IntoView {
    match q.question().kind {
        AnswerKind::ShortText | AnswerKind::LongText => view! { <TextField q error /> }.into_any(),
        AnswerKind::YesNo | AnswerKind::Single(_) => view! { <RadioField q error /> }.into_any(),
        AnswerKind::Multiple(_) => view! { <CheckboxField q error /> }.into_any(),
        AnswerKind::Date => view! { <DateField q error /> }.into_any(),
        AnswerKind::Impacts => view! { <ImpactsEditor q error /> }.into_any(),
    }
}
