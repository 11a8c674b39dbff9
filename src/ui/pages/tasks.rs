//! The task list: every section with its status, the count completed, the overall
//! reading, and the way to check and approve (GOV.UK task list pattern).

use leptos::prelude::*;

use crate::assessment::outcome::SectionStatus;
use crate::assessment::{Answer, QuestionId, Section};
use crate::route::Route;
use crate::ui::components::approval::ReadOnlyBanner;
use crate::ui::components::downloads::Downloads;
use crate::ui::components::handover::HandoverBanner;
use crate::ui::components::nav_link::{nav_link, NavLink};
use crate::ui::components::record_tools::ImportWarning;
use crate::ui::components::tag::{ReadingTag, StatusTag};
use crate::ui::page_title::page_title;
use crate::ui::pages::changes::ChangesLink;
use crate::ui::state::AppState;

#[component]
pub fn TaskListPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let title = move || {
        state.open.with(|a| {
            a.as_ref()
                .map(|a| a.title().to_string())
                .unwrap_or_default()
        })
    };
    let organisation = move || {
        state.open.with(|a| {
            match a
                .as_ref()
                .and_then(|a| a.answers.get(QuestionId::AboutOrganisation))
            {
                Some(Answer::Text(t)) => t.clone(),
                _ => String::new(),
            }
        })
    };
    let outcome = Memo::new(move |_| {
        state
            .evaluation
            .with(|e| e.as_ref().map(|e| e.outcome.clone()))
    });
    // The page title names this page as its heading does (and drops any "Error:" left
    // by the page before).
    page_title(move || Some(title()));
    view! {
        {nav_link(Route::Start, Some("lia-back-link"), "All assessments")}
        <span class="lia-caption">{organisation}</span>
        <h1 class="lia-heading-xl" id="lia-page-heading" tabindex="-1">{title}</h1>
        <ReadOnlyBanner />
        <ImportWarning />
        <crate::ui::pages::check::RulesNote />
        <ChangesLink />
        <HandoverBanner />
        <h2 class="lia-heading-m">"Overall reading"</h2>
        <p>{move || outcome.with(|o| o.as_ref().map(|o| view! { <ReadingTag reading=o.reading /> }))}</p>
        <p class="lia-body-text">
            {move || outcome.with(|o| o.as_ref().map(|o| {
                let (done, total) = o.completed_sections();
                format!("You have completed {done} of {total} sections.")
            }))}
        </p>
        <ol class="lia-task-list">
            {Section::ALL
                .into_iter()
                .map(|section| {
                    let status = Memo::new(move |_| outcome.with(|o| o.as_ref().map_or(SectionStatus::NotStarted, |o| o.status(section))));
                    let status_id = format!("lia-task-{}-status", section.key());
                    let route = Route::Section { section, from_check: false };
                    view! {
                        <li class="lia-task-list__item">
                            <div class="lia-task-list__name">
                                <NavLink route class="lia-task-list__link" described_by=status_id.clone()>
                                    {format!("{}. {}", section.number(), section.title())}
                                </NavLink>
                                {move || match status.get() {
                                    SectionStatus::NotApplicable(reason) => Some(view! { <div class="lia-hint lia-task-list__hint">{reason}</div> }),
                                    _ => None,
                                }}
                            </div>
                            <div class="lia-task-list__status">
                                {
                                    let status_id = status_id.clone();
                                    move || view! { <StatusTag status=status.get() id=status_id.clone() /> }
                                }
                            </div>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <h2 class="lia-heading-m">"Check and approve"</h2>
        <p>
            {nav_link(Route::Check, None, "Check your answers")}
            " and approve the assessment when nothing blocks it."
        </p>
        <Downloads />
    }
}
