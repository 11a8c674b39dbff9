//! Approval as the author sees it: the notice on an approved (read-only) assessment
//! with whether its approval holds (the core verifies it: `handover::approval`) and
//! "Start a review"; and on "Check your answers", where the approval stands, and, only
//! where the organisation allows it, approving one's own assessment in the approver's
//! step. An author never approves with one click.

use leptos::prelude::*;

use super::button::button;
use super::error_summary::{error_summary_with, ErrorItem};
use crate::handover::{self, Approval};
use crate::ui::state::AppState;

/// The approval the open assessment claims, verified against the trusted approvers.
pub fn approval(state: AppState) -> Memo<Option<Approval>> {
    Memo::new(move |_| {
        let trust = state.trust.get();
        state.open.with(|a| {
            a.as_ref()
                .and_then(|a| handover::approval(a, &trust, state.today))
        })
    })
}

/// What an approval's verification says, as a tag and its sentences.
#[component]
pub fn ApprovalStatus(approval: Approval, id: &'static str) -> impl IntoView {
    let holds = approval.holds();
    let label = approval.verification.label();
    view! {
        <div class=if holds { "lia-notice" } else { "lia-warning-banner" } id=id role="region" aria-label="Approval">
            <p>
                <strong class=if holds { "lia-tag lia-tag--wide lia-tag--green" } else { "lia-tag lia-tag--wide lia-tag--red" }>{label}</strong>
            </p>
            <p>{if holds { String::new() } else { "Warning: ".to_string() }}{approval.describe()}</p>
        </div>
    }
}

/// Shown at the top of every page of an approved assessment.
#[component]
pub fn ReadOnlyBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let approval = approval(state);
    move || {
        state.read_only().then(|| {
            let claimed = approval.get();
            let headline = match &claimed {
                Some(a) if a.holds() => {
                    let when = a.decision.as_ref().map(|d| d.date_long()).unwrap_or_default();
                    format!("This assessment was approved on {when}. ")
                }
                _ => "This assessment is marked approved, but its approval cannot be relied on. ".to_string(),
            };
            view! {
                <div class="lia-notice" role="region" aria-label="Approved" id="lia-read-only">
                    <p>
                        <strong>{headline}</strong>
                        "It is kept as the record and cannot be changed. To update it, start a review: "
                        "that makes a new version linked to this one."
                    </p>
                    {button("lia-button lia-button--secondary", "Start a review", move || state.start_review())}
                </div>
                {claimed.map(|a| view! { <ApprovalStatus approval=a id="lia-approval-status" /> })}
            }
        })
    }
}

/// The approval step at the end of "Check your answers": where it stands, and the
/// author's own approval only where the organisation's settings allow it.
#[component]
pub fn ApprovePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let allowed = state.config.with_value(|c| c.settings.self_approval);
    let refused: RwSignal<Vec<ErrorItem>> = RwSignal::new(Vec::new());
    let approve_own = move || match state.approve_own() {
        Ok(()) => refused.set(Vec::new()),
        Err(message) => {
            refused.set(vec![ErrorItem {
                message,
                target: None,
            }]);
            state.focus("lia-approval-refused");
        }
    };
    view! {
        <h2 class="lia-heading-l">"Approval"</h2>
        {move || {
            if state.read_only() {
                return view! { <p>"The approval is described at the top of this page."</p> }.into_any();
            }
            view! {
                <p>
                    "An approver approves it, not its author: send it for approval below. They open "
                    "the file in this tool, sign their decision with their approver key, and send you "
                    "a file back. It can only be approved when no blocker remains and every section is "
                    "complete."
                </p>
                {allowed.then(|| view! {
                    <p>
                        "Your organisation allows authors to approve their own assessments. If you do, "
                        "it is recorded, and shown everywhere, as approved by its author, and signed with "
                        "your own approver key."
                    </p>
                    {error_summary_with("lia-approval-refused", refused.into(), "It cannot be approved yet", 3)}
                    {button("lia-button lia-button--secondary", "Approve it yourself", approve_own)}
                })}
            }
            .into_any()
        }}
    }
}
