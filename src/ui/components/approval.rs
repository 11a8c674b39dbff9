//! Approval: the notice on an approved (read-only) assessment with "Start a review",
//! and the panel that approves, or lists why it cannot yet.

use leptos::prelude::*;

use super::error_summary::{ErrorItem, ErrorSummary};
use crate::assessment::display::{show, Shown};
use crate::assessment::QuestionId;
use crate::ui::state::AppState;

fn approved_on(state: AppState) -> String {
    state.open.with(|a| {
        match a.as_ref().map(|a| {
            show(
                QuestionId::SignOffApprovedDate,
                a.answers.get(QuestionId::SignOffApprovedDate),
            )
        }) {
            Some(Shown::Text(date)) => date,
            _ => "an unrecorded date".into(),
        }
    })
}

/// Shown at the top of every page of an approved assessment.
#[component]
pub fn ReadOnlyBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.read_only().then(|| {
            view! {
                <div class="lia-notice" role="region" aria-label="Approved">
                    <p>
                        <strong>{format!("This assessment was approved on {}. ", approved_on(state))}</strong>
                        "It is kept as the record and cannot be changed. To update it, start a review: "
                        "that makes a new version linked to this one."
                    </p>
                    <button type="button" class="lia-button lia-button--secondary" on:click=move |_| state.start_review()>
                        "Start a review"
                    </button>
                </div>
            }
        })
    }
}

/// The approval step at the end of "Check your answers".
#[component]
pub fn ApprovePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let refused: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let approve = move |_| match state.approve() {
        Ok(()) => {
            refused.set(Vec::new());
            state.focus("lia-page-heading");
        }
        Err(reasons) => {
            refused.set(reasons);
            state.focus("lia-approval-refused");
        }
    };
    let refused_items = Signal::derive(move || {
        refused
            .get()
            .into_iter()
            .map(|message| ErrorItem {
                message,
                target: None,
            })
            .collect::<Vec<_>>()
    });
    view! {
        <h2 class="lia-heading-l">"Approve the assessment"</h2>
        {move || {
            if state.read_only() {
                return view! { <p>{format!("Approved on {}.", approved_on(state))}</p> }.into_any();
            }
            view! {
                <p>
                    "Approving marks the assessment as the record of your decision. It then cannot be "
                    "changed; to update it later you start a review. It can only be approved when no "
                    "blocker remains and every section is complete."
                </p>
                <ErrorSummary id="lia-approval-refused" items=refused_items title="The assessment cannot be approved yet" level=3 />
                <button type="button" class="lia-button" on:click=approve>"Approve this assessment"</button>
            }
            .into_any()
        }}
    }
}
