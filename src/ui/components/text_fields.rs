//! One-line and paragraph text answers. The value is written into the field once;
//! afterwards the field is the user's, so typing is never interrupted or reset.

use leptos::prelude::*;

use super::field::{field_class, ErrorMessage, FieldIds, Hint, QuestionText};
use crate::assessment::{Answer, AnswerKind, QuestionId};
use crate::ui::state::AppState;

#[component]
pub fn TextField(q: QuestionId, error: Signal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let question = q.question();
    let ids = FieldIds::of(q);
    let initial = state
        .open
        .with_untracked(|a| match a.as_ref().and_then(|a| a.answers.get(q)) {
            Some(Answer::Text(t)) => t.clone(),
            _ => String::new(),
        });
    let on_input = move |ev| {
        let value = event_target_value(&ev);
        state.edit(|a| {
            a.set_text(q, value);
        });
    };
    let described_by = {
        let ids = ids.clone();
        move || ids.described_by(question, false, error.with(Option::is_some))
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let control = if matches!(question.kind, AnswerKind::LongText) {
        view! {
            <textarea
                class="lia-textarea"
                id=ids.control.clone()
                name=question.key
                rows="5"
                spellcheck="true"
                aria-describedby=described_by
                aria-invalid=invalid
                prop:value=initial
                on:input=on_input
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                class="lia-input"
                type="text"
                id=ids.control.clone()
                name=question.key
                aria-describedby=described_by
                aria-invalid=invalid
                prop:value=initial
                on:input=on_input
            />
        }
        .into_any()
    };
    view! {
        <div class=move || field_class(q, error.with(Option::is_some)) id=format!("{}-field", ids.control)>
            <label class="lia-label" for=ids.control.clone()>
                <QuestionText q />
            </label>
            <Hint q />
            <ErrorMessage q error />
            {control}
        </div>
    }
}
