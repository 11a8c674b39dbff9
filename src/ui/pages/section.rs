//! A question page: one section, its questions (conditional ones revealed in place),
//! validation on "Save and continue" with an error summary, and a back link.

use leptos::prelude::*;

use crate::assessment::validation::{confirm_suggestions, validate, FieldError};
use crate::assessment::{Ctx, Section};
use crate::route::Route;
use crate::ui::browser;
use crate::ui::components::approval::ReadOnlyBanner;
use crate::ui::components::error_summary::{ErrorSummary, ERROR_SUMMARY_ID};
use crate::ui::components::nav_link::NavLink;
use crate::ui::components::question::QuestionField;
use crate::ui::state::AppState;

/// Where "Save and continue" goes: back to the check page if that is where the user
/// came from, otherwise the next section that applies, and after the last, the check page.
fn next_route(state: AppState, section: Section, from_check: bool) -> Route {
    if from_check {
        return Route::Check;
    }
    let mut next = section.next();
    while let Some(s) = next {
        let applies = state.open.with_untracked(|a| {
            a.as_ref()
                .is_some_and(|a| Ctx::new(a, Some(state.today)).applies(s))
        });
        if applies {
            return Route::Section {
                section: s,
                from_check: false,
            };
        }
        next = s.next();
    }
    Route::Check
}

#[component]
pub fn SectionPage(section: Section, from_check: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(Vec::new());
    let visible = Memo::new(move |_| {
        state.visibility.with(|v| {
            section
                .questions()
                .filter(|q| v.is_visible(q.id))
                .map(|q| q.id)
                .collect::<Vec<_>>()
        })
    });
    let not_applicable = Memo::new(move |_| {
        state.open.with(|a| {
            a.as_ref()
                .and_then(|a| Ctx::new(a, Some(state.today)).not_applicable(section))
        })
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
        state.edit(|a| {
            confirm_suggestions(a, section);
        });
        let found = state.open.with_untracked(|a| {
            a.as_ref()
                .map(|a| validate(&Ctx::new(a, Some(state.today)), section))
                .unwrap_or_default()
        });
        if found.is_empty() {
            errors.set(Vec::new());
            state.navigate(next_route(state, section, from_check));
        } else {
            errors.set(found);
            state.focus(ERROR_SUMMARY_ID);
        }
    };
    Effect::new(move |_| {
        if state.config.with_value(|c| c.standalone) {
            let prefix = if errors.with(Vec::is_empty) {
                ""
            } else {
                "Error: "
            };
            browser::set_title(&format!(
                "{prefix}{} – Legitimate interests assessment",
                section.title()
            ));
        }
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
        <NavLink route=back class="lia-back-link">{back_label}</NavLink>
        <ErrorSummary errors />
        <span class="lia-caption">{format!("Section {} of {}", section.number(), Section::ALL.len())}</span>
        <h1 class="lia-heading-xl" id="lia-page-heading" tabindex="-1">{section.title()}</h1>
        <p class="lia-lead">{section.intro()}</p>
        <ReadOnlyBanner />
        {move || match not_applicable.get() {
            Some(reason) => view! {
                <div class="lia-inset">
                    <p>{reason}</p>
                </div>
                <NavLink route=next_route(state, section, from_check) class="lia-button">"Continue"</NavLink>
            }
            .into_any(),
            None => view! {
                <form novalidate on:submit=|ev| ev.prevent_default()>
                    <fieldset class="lia-form-body" disabled=read_only>
                        <legend class="lia-visually-hidden">{section.title()}</legend>
                        <For each=move || visible.get() key=|q| *q let:q>
                            <QuestionField q error=Signal::derive(move || {
                                errors.with(|e| e.iter().find(|e| e.question == q).map(|e| e.message.clone()))
                            }) />
                        </For>
                    </fieldset>
                    <div class="lia-button-group">
                        <button type="submit" class="lia-button" on:click=save_and_continue>
                            {move || if read_only() { "Continue" } else { "Save and continue" }}
                        </button>
                        <NavLink route=Route::Tasks class="lia-link">"Return to the task list"</NavLink>
                    </div>
                </form>
            }
            .into_any(),
        }}
    }
}
