//! A question page: one section, its questions (conditional ones revealed in place),
//! validation on "Save and continue" with an error summary, and a back link.

use leptos::prelude::*;

use crate::assessment::stale::check_again_sentence;
use crate::assessment::validation::FieldError;
use crate::assessment::{QuestionId, Section};
use crate::route::Route;
use crate::ui::components::approval::ReadOnlyBanner;
use crate::ui::components::button::button_with;
use crate::ui::components::error_summary::{error_summary, ErrorItem, ERROR_SUMMARY_ID};
use crate::ui::components::form::form;
use crate::ui::components::handover::SectionComment;
use crate::ui::components::keyed::{keyed, row};
use crate::ui::components::nav_link::nav_link;
use crate::ui::components::organisation_questions::{org_field_id, OrganisationQuestions};
use crate::ui::components::question::QuestionField;
use crate::ui::page_title::page_title;
use crate::ui::state::{field_id, AppState};

/// Where to go after `section`: back to the check page if that is where the user came
/// from, otherwise `next` (the next section that applies), and after the last, the check
/// page.
fn route_after(next: Option<Section>, from_check: bool) -> Route {
    match next {
        Some(section) if !from_check => Route::Section {
            section,
            from_check: false,
        },
        _ => Route::Check,
    }
}

/// Where "Continue" goes on a page that is read-only or not needed.
fn next_route(state: AppState, section: Section, from_check: bool) -> Route {
    let next = state
        .evaluation
        .with_untracked(|e| e.as_ref().and_then(|e| e.next_section(section)));
    route_after(next, from_check)
}

#[component]
pub fn SectionPage(section: Section, from_check: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(Vec::new());
    // The organisation's required questions left unanswered (id, message).
    let org_errors: RwSignal<Vec<(String, String)>> = RwSignal::new(Vec::new());
    let visible = Memo::new(move |_| {
        state.evaluation.with(|e| {
            e.as_ref().map_or_else(Vec::new, |e| {
                section
                    .questions()
                    .filter(|q| e.visibility.is_visible(q.id))
                    .map(|q| q.id)
                    .collect::<Vec<_>>()
            })
        })
    });
    let not_applicable = Memo::new(move |_| {
        state
            .evaluation
            .with(|e| e.as_ref().and_then(|e| e.not_applicable(section)))
    });
    let read_only = move || state.read_only();
    // Run from the button's click, not the form's submit: Enter in a field clicks the
    // button too, and this way "Save and continue" also works in a frame whose sandbox
    // does not allow forms (which blocks the submit event altogether).
    let save_and_continue = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if read_only() {
            state.navigate(next_route(state, section, from_check));
            return;
        }
        // Saves what is on the page (the autosave an edit schedules); no answer changes:
        // a suggestion left in place stays a suggestion (the core decides what happens).
        state.edit(|_| {});
        let result = state
            .evaluation
            .with_untracked(|e| e.as_ref().map(|e| e.save_and_continue(section)));
        let unanswered = state.organisation_unanswered(section);
        match result {
            Some(Ok(next)) if unanswered.is_empty() => {
                errors.set(Vec::new());
                org_errors.set(Vec::new());
                state.navigate(route_after(next, from_check));
            }
            Some(found) => {
                errors.set(found.err().unwrap_or_default());
                org_errors.set(unanswered);
                state.focus(ERROR_SUMMARY_ID);
            }
            None => {}
        }
    };
    page_title(move || {
        let prefix = if errors.with(Vec::is_empty) && org_errors.with(Vec::is_empty) {
            ""
        } else {
            "Error: "
        };
        Some(format!("{prefix}{}", section.title()))
    });
    let summary = Signal::derive(move || {
        errors.with(|list| {
            list.iter()
                .map(|e| ErrorItem {
                    message: e.message.clone(),
                    target: Some(field_id(e.question)),
                })
                .chain(org_errors.with(|list| {
                    list.iter()
                        .map(|(id, message)| ErrorItem {
                            message: message.clone(),
                            target: Some(org_field_id(id)),
                        })
                        .collect::<Vec<_>>()
                }))
                .collect::<Vec<_>>()
        })
    });
    let back = if from_check {
        Route::Check
    } else {
        Route::Tasks
    };
    let back_label = if from_check {
        "Back to check your answers"
    } else {
        "Back to the task list"
    };
    view! {
        {nav_link(back, Some("lia-back-link"), back_label)}
        {error_summary(ERROR_SUMMARY_ID, summary)}
        <span class="lia-caption">{format!("Section {} of {}", section.number(), Section::ALL.len())}</span>
        <h1 class="lia-heading-xl" id="lia-page-heading" tabindex="-1">{section.title()}</h1>
        <p class="lia-lead">{section.intro()}</p>
        <ReadOnlyBanner />
        <SectionComment section />
        <CheckAgainSummary section />
        {move || match not_applicable.get() {
            Some(reason) => view! {
                <div class="lia-inset">
                    <p>{reason}</p>
                </div>
                {nav_link(next_route(state, section, from_check), Some("lia-button"), "Continue")}
            }
            .into_any(),
            None => view! {
                {form(None, view! {
                    <fieldset class="lia-form-body" disabled=read_only>
                        <legend class="lia-visually-hidden">{section.title()}</legend>
                        {keyed(Signal::derive(move || {
                            visible.get().into_iter().map(|q| row(q.key().to_string(), move || view! {
                                <CheckAgain q />
                                <QuestionField q error=Signal::derive(move || {
                                    errors.with(|e| e.iter().find(|e| e.question == q).map(|e| e.message.clone()))
                                }) />
                            }.into_any())).collect()
                        }))}
                        <OrganisationQuestions section errors=org_errors />
                    </fieldset>
                    <div class="lia-button-group">
                        <button type="submit" class="lia-button" on:click=save_and_continue>
                            {move || if read_only() { "Continue" } else { "Save and continue" }}
                        </button>
                        {nav_link(Route::Tasks, Some("lia-link"), "Return to the task list")}
                    </div>
                }.into_any())}
            }
            .into_any(),
        }}
    }
}

/// "Check again" above an answer that rests on one changed after it was given: what
/// changed, and a button to confirm the answer as it stands (changing it confirms it too).
#[component]
fn CheckAgain(q: QuestionId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let changed = Memo::new(move |_| {
        state.evaluation.with(|e| {
            e.as_ref()
                .map(|e| e.visibility.check_again(q).to_vec())
                .unwrap_or_default()
        })
    });
    let id = format!("{}-check-again", field_id(q));
    move || {
        let changed = changed.get();
        (!changed.is_empty()).then(|| {
            view! {
                <div class="lia-check-again" id=id.clone()>
                    <p><strong class="lia-tag lia-tag--yellow">"Check again"</strong> " " {check_again_sentence(&changed)}</p>
                    {button_with("lia-button lia-button--secondary lia-button--small", Some(format!("{}-confirm", field_id(q))), None, view! {
                        "Confirm this answer"
                        <span class="lia-visually-hidden">{format!(": {}", q.question().short)}</span>
                    }.into_any(), move || state.edit(|a| { a.confirm(q); }))}
                </div>
            }
        })
    }
}

/// At the top of a page with answers to check again: how many, and a button to confirm
/// them all as they stand once they have been read.
#[component]
fn CheckAgainSummary(section: Section) -> impl IntoView {
    let state = expect_context::<AppState>();
    let marked = Memo::new(move |_| {
        state.evaluation.with(|e| {
            e.as_ref().map_or_else(Vec::new, |e| {
                section
                    .questions()
                    .map(|q| q.id)
                    .filter(|q| !e.visibility.check_again(*q).is_empty())
                    .collect::<Vec<_>>()
            })
        })
    });
    move || {
        let n = marked.with(Vec::len);
        (n > 0 && !state.read_only()).then(|| {
            view! {
                <div class="lia-check-again" id="lia-check-again-summary">
                    <p>{if n == 1 {
                        "1 answer on this page rests on an answer that changed after it was given. Check it below.".to_string()
                    } else {
                        format!("{n} answers on this page rest on an answer that changed after they were given. Check each below.")
                    }}</p>
                    {button_with("lia-button lia-button--secondary lia-button--small", Some("lia-confirm-page".to_string()), None, "Confirm them all as they stand".into_any(), move || {
                        let qs = marked.get_untracked();
                        state.edit(|a| qs.iter().for_each(|q| { a.confirm(*q); }));
                    })}
                </div>
            }
        })
    }
}
