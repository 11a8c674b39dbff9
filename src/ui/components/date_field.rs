//! A date as three boxes (day, month, year), the GOV.UK pattern: no date picker, and
//! whatever is typed is kept, even when it is not yet a real date.

use leptos::prelude::*;

use super::field::{field_class, field_error, fieldset_field, hint, question_text, FieldIds};
use super::follow::follow_value;
use crate::assessment::{Answer, QuestionId};
use crate::ui::state::AppState;

/// Splits a stored "year-month-day" into its three typed parts.
fn parts(stored: &str) -> (String, String, String) {
    let mut it = stored.splitn(3, '-').map(str::to_string);
    let year = it.next().unwrap_or_default();
    let month = it.next().unwrap_or_default();
    let day = it.next().unwrap_or_default();
    (day, month, year)
}

#[component]
pub fn DateField(q: QuestionId, error: Signal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let question = q.question();
    let ids = FieldIds::of(q);
    let stored = Memo::new(move |_| {
        state
            .open
            .with(|a| match a.as_ref().and_then(|a| a.answers.get(q)) {
                Some(Answer::Text(t)) => t.clone(),
                _ => String::new(),
            })
    });
    let (day, month, year) = parts(&stored.get_untracked());
    let (day, month, year) = (
        RwSignal::new(day),
        RwSignal::new(month),
        RwSignal::new(year),
    );
    // The answer the three boxes spell: "year-month-day", or nothing.
    let spelled = move || {
        crate::assessment::Date::spell(
            &day.get_untracked(),
            &month.get_untracked(),
            &year.get_untracked(),
        )
    };
    // An answer changed elsewhere (another tab's edit merged in) shows in the boxes.
    crate::ui::effect::effect(move |_| {
        let value = stored.get();
        if value != spelled() {
            let (d, m, y) = parts(&value);
            day.set(d);
            month.set(m);
            year.set(y);
        }
    });
    let write = move || {
        let value = spelled();
        state.edit(|a| {
            a.set_text(q, value);
        });
    };
    let described_by = {
        let ids = ids.clone();
        move || ids.described_by(question, false, error.with(Option::is_some))
    };
    let box_ =
        move |label: &'static str, id: String, signal: RwSignal<String>, width: &'static str| {
            let node = NodeRef::<leptos::html::Input>::new();
            follow_value(node, move || signal.get());
            view! {
                <div class="lia-date-input__item">
                    <label class="lia-label lia-date-input__label" for=id.clone()>{label}</label>
                    <input
                        node_ref=node
                        class=format!("lia-input lia-input--width-{width}")
                        id=id
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        prop:value=signal.get_untracked()
                        on:input=move |ev| {
                            signal.set(event_target_value(&ev));
                            write();
                        }
                    />
                </div>
            }
        };
    let boxes = view! {
        <div class="lia-date-input">
            {box_("Day", ids.control.clone(), day, "2")}
            {box_("Month", format!("{}-month", ids.control), month, "2")}
            {box_("Year", format!("{}-year", ids.control), year, "4")}
        </div>
    }
    .into_any();
    fieldset_field(
        Box::new(move || field_class(q, error.with(Option::is_some))),
        &ids.control,
        Some("group"),
        Box::new(described_by),
        question_text(q),
        hint(q),
        ().into_any(),
        field_error(q, error),
        boxes,
    )
}
