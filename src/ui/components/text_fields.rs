//! One-line and paragraph text answers. The field follows the answer (see `follow`), so
//! an edit made elsewhere shows here, and typing is never interrupted or reset.

use leptos::prelude::*;

use super::field::{field_class, field_error, hint, question_text, FieldIds};
use super::follow::follow_value;
use crate::assessment::{Answer, AnswerKind, QuestionId};
use crate::ui::state::AppState;

#[component]
pub fn TextField(q: QuestionId, error: Signal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let question = q.question();
    let ids = FieldIds::of(q);
    let text = Memo::new(move |_| {
        state
            .open
            .with(|a| match a.as_ref().and_then(|a| a.answers.get(q)) {
                Some(Answer::Text(t)) => t.clone(),
                _ => String::new(),
            })
    });
    let initial = text.get_untracked();
    let on_input = move |ev| {
        let value = event_target_value(&ev);
        state.type_into(Some(q), |a| {
            a.set_text(q, value);
        });
    };
    let described_by = {
        let ids = ids.clone();
        move || ids.described_by(question, false, error.with(Option::is_some))
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let control = if matches!(question.kind, AnswerKind::LongText) {
        let node = NodeRef::<leptos::html::Textarea>::new();
        follow_value(node, move || text.get());
        view! {
            <textarea
                node_ref=node
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
        let node = NodeRef::<leptos::html::Input>::new();
        follow_value(node, move || text.get());
        view! {
            <input
                node_ref=node
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
                {question_text(q)}
            </label>
            {hint(q)}
            {field_error(q, error)}
            {control}
        </div>
    }
}
