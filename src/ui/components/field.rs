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

/// A closure worked out again as the page changes, boxed so one copy of each shared
/// view below serves every field.
pub type Reactive<T> = Box<dyn Fn() -> T + Send + Sync>;

/// `<div class=class() id="{control}-field">` with a `<label class="lia-label">` for
/// `control`, then the hint, the error and the control itself: a text answer.
#[inline(never)]
pub fn labelled_field(
    class: Reactive<String>,
    control: String,
    label: AnyView,
    hint: AnyView,
    error: AnyView,
    input: AnyView,
) -> AnyView {
    let field_id = format!("{control}-field");
    view! {
        <div class=class id=field_id>
            <label class="lia-label" for=control>
                {label}
            </label>
            {hint}
            {error}
            {input}
        </div>
    }
    .into_any()
}

/// `<div class=class() id="{control}-field">` holding a `<fieldset class="lia-fieldset">`
/// (with `role` where given) whose legend is `legend`, then the hint, anything shown
/// before the error (`before_error`), the error and the group itself: radios,
/// checkboxes, a date.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
pub fn fieldset_field(
    class: Reactive<String>,
    control: &str,
    role: Option<&'static str>,
    described_by: Reactive<Option<String>>,
    legend: AnyView,
    hint: AnyView,
    before_error: AnyView,
    error: AnyView,
    group: AnyView,
) -> AnyView {
    view! {
        <div class=class id=format!("{control}-field")>
            <fieldset class="lia-fieldset" role=role aria-describedby=described_by>
                <legend class="lia-legend">
                    {legend}
                </legend>
                {hint}
                {before_error}
                {error}
                {group}
            </fieldset>
        </div>
    }
    .into_any()
}

/// A text control that follows the answer (`follow`) and hands on what is typed
/// (`typed`): a `<textarea class="lia-textarea" rows=rows spellcheck="true">` where
/// `rows` is given, otherwise an `<input class="lia-input" type="text">`.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
pub fn text_control(
    id: String,
    name: String,
    rows: Option<&'static str>,
    described_by: Reactive<Option<String>>,
    invalid: Reactive<bool>,
    follow: Reactive<String>,
    typed: Box<dyn Fn(String) + Send + Sync>,
) -> AnyView {
    // Read once without tracking: this may be built inside a reactive closure.
    let initial = untrack(&follow);
    let invalid = move || invalid().then_some("true");
    let on_input = move |ev| typed(event_target_value(&ev));
    match rows {
        Some(rows) => {
            let node = NodeRef::<leptos::html::Textarea>::new();
            super::follow::follow_value(node, follow);
            view! {
                <textarea
                    node_ref=node
                    class="lia-textarea"
                    id=id
                    name=name
                    rows=rows
                    spellcheck="true"
                    aria-describedby=described_by
                    aria-invalid=invalid
                    prop:value=initial
                    on:input=on_input
                ></textarea>
            }
            .into_any()
        }
        None => {
            let node = NodeRef::<leptos::html::Input>::new();
            super::follow::follow_value(node, follow);
            view! {
                <input
                    node_ref=node
                    class="lia-input"
                    type="text"
                    id=id
                    name=name
                    aria-describedby=described_by
                    aria-invalid=invalid
                    prop:value=initial
                    on:input=on_input
                />
            }
            .into_any()
        }
    }
}

/// One radio or checkbox with its label and any hint (GOV.UK markup). `kind` is
/// "radio" or "checkbox"; `on_change` gets whether it is now checked.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
pub fn choice_item(
    kind: &'static str,
    id: String,
    name: String,
    value: String,
    label: String,
    hint: &'static str,
    checked: Reactive<bool>,
    on_change: Box<dyn Fn(bool) + Send + Sync>,
) -> AnyView {
    let hint_id = format!("{id}-hint");
    let has_hint = !hint.is_empty();
    view! {
        <div class=format!("lia-{kind}")>
            <input
                class=format!("lia-{kind}__input")
                type=kind
                id=id.clone()
                name=name
                value=value
                aria-describedby=has_hint.then(|| hint_id.clone())
                prop:checked=checked
                on:change=move |ev| on_change(event_target_checked(&ev))
            />
            <label class=format!("lia-{kind}__label") for=id>{label}</label>
            {has_hint.then(|| view! { <div class=format!("lia-hint lia-{kind}__hint") id=hint_id>{hint}</div> })}
        </div>
    }
    .into_any()
}
