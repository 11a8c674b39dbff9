//! Radios (yes/no and single choice) and checkboxes (multiple choice), each group in a
//! fieldset whose legend is the question. A suggestion from earlier answers is never
//! pre-selected: it is shown beside the options ("Suggested: No, because …") with a
//! button to use it, and the question stays unanswered until the user chooses.

use leptos::prelude::*;

use super::field::{
    choice_item, field_class, field_error, fieldset_field, hint, question_text, FieldIds,
};
use crate::assessment::questions::Choice;
use crate::assessment::{Answer, AnswerKind, QuestionId, YesNo};
use crate::ui::components::button::button_with;
use crate::ui::state::AppState;

/// One option as the radios and checkboxes draw it.
#[derive(Clone)]
pub struct Option_ {
    pub key: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub exclusive: bool,
}

fn options_of(q: QuestionId) -> Vec<Option_> {
    match q.question().kind {
        AnswerKind::YesNo => YesNo::ALL
            .iter()
            .map(|y| Option_ {
                key: y.key(),
                label: y.label(),
                hint: "",
                exclusive: false,
            })
            .collect(),
        kind => kind
            .choices()
            .iter()
            .map(|c: &Choice| Option_ {
                key: c.key,
                label: c.label,
                hint: c.hint,
                exclusive: c.exclusive,
            })
            .collect(),
    }
}

/// The id of one option's input: the first option carries the question's own id, so
/// links from the error summary and the findings land on the group.
fn option_id(ids: &FieldIds, index: usize, key: &str) -> String {
    if index == 0 {
        ids.control.clone()
    } else {
        format!("{}-{key}", ids.control)
    }
}

/// Yes / No / Not sure, and single choices.
#[component]
pub fn RadioField(q: QuestionId, error: Signal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let question = q.question();
    let ids = FieldIds::of(q);
    let yes_no = matches!(question.kind, AnswerKind::YesNo);
    let given = Memo::new(move |_| {
        state
            .open
            .with(|a| match a.as_ref().and_then(|a| a.answers.get(q)) {
                Some(Answer::YesNo(y)) => Some(y.key()),
                Some(Answer::Choice(c)) => question.choice(c).map(|c| c.key),
                _ => None,
            })
    });
    let suggestion = Memo::new(move |_| {
        state
            .evaluation
            .with(|e| e.as_ref().and_then(|e| e.visibility.suggestion(q)))
    });
    // Only the user's own answer is ever shown selected.
    let selected = move || given.get();
    let showing_suggestion = move || given.get().is_none() && suggestion.get().is_some();
    let choose = move |key: &'static str| {
        state.edit(|a| {
            if yes_no {
                if let Some(y) = YesNo::from_key(key) {
                    a.set_yes_no(q, y);
                }
            } else {
                a.set_choice(q, key);
            }
        });
    };
    let described_by = {
        let ids = ids.clone();
        move || ids.described_by(question, showing_suggestion(), error.with(Option::is_some))
    };
    let options = options_of(q);
    let inline = yes_no;
    let suggestion_view = {
        let ids = ids.clone();
        move || {
            let s = suggestion.get().filter(|_| showing_suggestion())?;
            let key = s.answer.key();
            Some(view! {
                <div class="lia-suggestion" id=ids.suggestion.clone()>
                    <p>{s.sentence()} " Not answered until you choose."</p>
                    {button_with("lia-button lia-button--secondary lia-button--small", Some(format!("{}-use", ids.control)), None, format!("Use this answer: {}", s.answer.label()).into_any(), move || choose(key))}
                </div>
            })
        }
    };
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(index, option)| {
            let key = option.key;
            choice_item(
                "radio",
                option_id(&ids, index, key),
                ids.control.clone(),
                key.to_string(),
                option.label.to_string(),
                option.hint,
                Box::new(move || selected() == Some(key)),
                Box::new(move |_| choose(key)),
            )
        })
        .collect_view();
    fieldset_field(
        Box::new(move || field_class(q, error.with(Option::is_some))),
        &ids.control,
        None,
        Box::new(described_by),
        question_text(q),
        hint(q),
        suggestion_view.into_any(),
        field_error(q, error),
        view! {
            <div class=if inline { "lia-radios lia-radios--inline" } else { "lia-radios" }>
                {radios}
            </div>
        }
        .into_any(),
    )
}

/// Multiple choice. Ticking a "none of these" option clears the others, and ticking
/// another clears "none of these" (GOV.UK's exclusive checkbox).
#[component]
pub fn CheckboxField(q: QuestionId, error: Signal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let question = q.question();
    let ids = FieldIds::of(q);
    let chosen = Memo::new(move |_| {
        state
            .open
            .with(|a| match a.as_ref().and_then(|a| a.answers.get(q)) {
                Some(Answer::Choices(c)) => c.clone(),
                _ => Vec::new(),
            })
    });
    let options = options_of(q);
    let exclusive: Vec<&'static str> = options
        .iter()
        .filter(|o| o.exclusive)
        .map(|o| o.key)
        .collect();
    let toggle = move |key: &'static str, on: bool, exclusive: Vec<&'static str>| {
        let mut keys: Vec<&str> = question
            .kind
            .choices()
            .iter()
            .map(|c| c.key)
            .filter(|k| chosen.with_untracked(|c| c.iter().any(|x| x == k)))
            .collect();
        keys.retain(|k| *k != key);
        if on {
            if exclusive.contains(&key) {
                keys.clear();
            } else {
                keys.retain(|k| !exclusive.contains(k));
            }
            keys.push(key);
        }
        // Keep the options' own order, whatever order they were ticked in.
        let ordered: Vec<&str> = question
            .kind
            .choices()
            .iter()
            .map(|c| c.key)
            .filter(|k| keys.contains(k))
            .collect();
        state.edit(|a| {
            a.set_choices(q, &ordered);
        });
    };
    let described_by = {
        let ids = ids.clone();
        move || ids.described_by(question, false, error.with(Option::is_some))
    };
    let boxes = options
        .into_iter()
        .enumerate()
        .map(|(index, option)| {
            let key = option.key;
            let exclusive = exclusive.clone();
            view! {
                {option.exclusive.then(|| view! { <p class="lia-checkboxes__divider">"or"</p> })}
                {choice_item(
                    "checkbox",
                    option_id(&ids, index, key),
                    ids.control.clone(),
                    key.to_string(),
                    option.label.to_string(),
                    option.hint,
                    Box::new(move || chosen.with(|c| c.iter().any(|k| k == key))),
                    Box::new(move |on| toggle(key, on, exclusive.clone())),
                )}
            }
        })
        .collect_view();
    fieldset_field(
        Box::new(move || field_class(q, error.with(Option::is_some))),
        &ids.control,
        None,
        Box::new(described_by),
        question_text(q),
        hint(q),
        ().into_any(),
        field_error(q, error),
        view! { <div class="lia-checkboxes">{boxes}</div> }.into_any(),
    )
}
