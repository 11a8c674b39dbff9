//! The organisation's own questions on a section's page, after the ICO's: asked and
//! answered under the settings loaded here, or, for an assessment made under other
//! settings, its answers shown read-only with a note saying why. What can be answered
//! and what a required question left empty says are the core's
//! (`organisation::answering`); this only draws them and forwards the answers.

use std::sync::Arc;

use leptos::prelude::*;

use crate::assessment::model::YesNo;
use crate::assessment::questions::Section;
use crate::organisation::answering::{self, Standing};
use crate::organisation::{Answer, Kind, Settings};
use crate::ui::state::AppState;

use super::field::{choice_item, fieldset_field, labelled_field, text_control, Reactive};
use super::summary_row::{summary_row, VALUE};

/// The id of the control for the organisation's question `id` (the error summary links to it).
pub fn org_field_id(id: &str) -> String {
    format!("lia-org-{id}")
}

/// One question as drawn: its id, label, hint, and options (none for text).
struct Asked {
    id: String,
    label: String,
    hint: Option<String>,
    required: bool,
    /// Radios' options (none: a text box), and whether they are Yes / No / Not sure.
    options: Option<Vec<(String, String)>>,
    yes_no: bool,
}

fn asked(settings: &Settings, section: Section) -> Vec<Asked> {
    let yes_no = || {
        YesNo::ALL
            .iter()
            .map(|y| (y.key().to_string(), y.label().to_string()))
            .collect()
    };
    let mut out: Vec<Asked> = settings
        .questions
        .iter()
        .filter(|q| q.section == section)
        .map(|q| Asked {
            id: q.id.clone(),
            label: q.label.clone(),
            hint: q.hint.clone(),
            required: q.required,
            options: match &q.kind {
                Kind::Text => None,
                Kind::YesNo => Some(yes_no()),
                Kind::Choice(options) => Some(options.clone()),
            },
            yes_no: matches!(q.kind, Kind::YesNo),
        })
        .collect();
    if section == Section::Dpia {
        out.extend(settings.policy.screening.iter().map(|q| Asked {
            id: q.id.clone(),
            label: q.label.clone(),
            hint: q.hint.clone(),
            required: false,
            options: Some(yes_no()),
            yes_no: true,
        }));
    }
    out
}

#[component]
pub fn OrganisationQuestions(
    section: Section,
    /// The required questions "Save and continue" found unanswered: id, message.
    errors: RwSignal<Vec<(String, String)>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Read again when the settings loaded here change (the user chose a file).
    let settings = state.org_settings;
    let record = Memo::new(move |_| {
        state
            .open
            .with(|a| a.as_ref().and_then(|a| a.organisation.clone()))
    });
    let standing = Memo::new(move |_| {
        settings.with(|settings| {
            state.open.with(|a| {
                a.as_ref().map_or(Standing::Nothing, |a| {
                    answering::standing(a, settings.as_deref())
                })
            })
        })
    });
    move || {
        match (standing.get(), &settings.get()) {
        (Standing::Answerable, Some(settings)) => {
            let questions = asked(settings, section);
            (!questions.is_empty()).then(|| {
                let settings = settings.clone();
                view! {
                    <div class="lia-organisation-questions">
                        <h2 class="lia-heading-m">{format!("{}'s questions", organisation_of(&settings))}</h2>
                        {questions
                            .into_iter()
                            .map(|q| question(q, settings.clone(), record, errors))
                            .collect_view()}
                    </div>
                }
                .into_any()
            })
        }
        (Standing::Other, _) => record.with(|r| {
            let r = r.as_deref()?;
            let given: Vec<_> = r.answers.iter().filter(|a| a.section == section).collect();
            (!given.is_empty()).then(|| {
                view! {
                    <div class="lia-organisation-questions lia-inset" id=format!("lia-org-answers-{}", section.key())>
                        <p>{format!(
                            "These answers were given under “{}” (revision {}): not the settings loaded here, so they cannot be changed here. They are kept as they are.",
                            r.name, r.revision
                        )}</p>
                        <dl class="lia-summary-list">
                            {given
                                .into_iter()
                                .map(|a| {
                                    summary_row(a.label.clone(), VALUE, a.value.shown().to_string().into_any())
                                })
                                .collect_view()}
                        </dl>
                    </div>
                }
                .into_any()
            })
        }),
        _ => None,
    }
    }
}

fn organisation_of(settings: &Settings) -> String {
    settings
        .defaults
        .organisation
        .clone()
        .unwrap_or_else(|| "Your organisation".into())
}

/// One question: a text box, or radios for yes/no and a choice.
fn question(
    q: Asked,
    settings: Arc<Settings>,
    record: Memo<Option<Box<crate::assessment::organisation_answers::OrganisationRecord>>>,
    errors: RwSignal<Vec<(String, String)>>,
) -> AnyView {
    let control = org_field_id(&q.id);
    let (hint_id, error_id) = (format!("{control}-hint"), format!("{control}-error"));
    let error = Memo::new({
        let id = q.id.clone();
        move |_| errors.with(|e| e.iter().find(|(i, _)| *i == id).map(|(_, m)| m.clone()))
    });
    let given = Memo::new({
        let id = q.id.clone();
        move |_| {
            record.with(|r| {
                r.as_deref()
                    .and_then(|r| r.answer(&id))
                    .map(|a| match &a.value {
                        crate::assessment::organisation_answers::OrgValue::Text(t) => t.clone(),
                        crate::assessment::organisation_answers::OrgValue::YesNo(y) => {
                            y.key().to_string()
                        }
                        crate::assessment::organisation_answers::OrgValue::Choice(c) => {
                            c.id.clone()
                        }
                    })
                    .unwrap_or_default()
            })
        }
    });
    let described_by = {
        let (hint_id, error_id, has_hint) = (hint_id.clone(), error_id.clone(), q.hint.is_some());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let label = view! {
        {q.label.clone()}
        {(!q.required).then(|| view! { <span class="lia-optional">" (optional)"</span> })}
    }
    .into_any();
    let hint = q
        .hint
        .clone()
        .map(|h| view! { <div class="lia-hint" id=hint_id.clone()>{h}</div> })
        .into_any();
    let message = (move || {
        error
            .get()
            .map(|m| super::error_message::error_message(Some(error_id.clone()), m))
    })
    .into_any();
    let class: Reactive<String> = Box::new(move || {
        if error.with(Option::is_some) {
            "lia-field lia-field--error"
        } else {
            "lia-field"
        }
        .to_string()
    });
    let state = expect_context::<AppState>();
    let id = q.id.clone();
    match q.options {
        None => {
            let input = text_control(
                control.clone(),
                control.clone(),
                Some("3"),
                Box::new(described_by),
                Box::new(move || error.with(Option::is_some)),
                Box::new(move || given.get()),
                Box::new(move |value| {
                    state.type_into(None, |a| {
                        answering::answer(a, &settings, &id, Some(Answer::Text(value)));
                    });
                }),
            );
            labelled_field(class, control, label, hint, message, input)
        }
        Some(options) => {
            let yes_no = q.yes_no;
            let radios = options
                .into_iter()
                .enumerate()
                .map(|(i, (key, text))| {
                    // The first option carries the question's own id, for the error summary.
                    let input = if i == 0 {
                        control.clone()
                    } else {
                        format!("{control}-{key}")
                    };
                    let (settings, id, checked_key) = (settings.clone(), id.clone(), key.clone());
                    let on_change = move |_| {
                        let answer = match YesNo::from_key(&key).filter(|_| yes_no) {
                            Some(y) => Answer::YesNo(y),
                            None => Answer::Choice(key.clone()),
                        };
                        state.edit(|a| {
                            answering::answer(a, &settings, &id, Some(answer));
                        });
                    };
                    choice_item(
                        "radio",
                        input,
                        control.clone(),
                        checked_key.clone(),
                        text,
                        "",
                        Box::new(move || given.with(|g| *g == checked_key)),
                        Box::new(on_change),
                    )
                })
                .collect_view();
            fieldset_field(
                class,
                &control,
                None,
                Box::new(described_by),
                label,
                hint,
                ().into_any(),
                message,
                view! {
                    <div class=if yes_no { "lia-radios lia-radios--inline" } else { "lia-radios" }>{radios}</div>
                }
                .into_any(),
            )
        }
    }
}
