//! What the user is told about keeping their work: the quiet save status, and the
//! banners for storage that is full, blocked or changed by another tab. Each problem
//! offers a download, so the work can always leave the page safely.

use leptos::prelude::*;

use super::downloads::{Download, DownloadButton};
use crate::route::Route;
use crate::session::{ConflictKind, SaveStatus};
use crate::storage::StoreError;
use crate::ui::state::AppState;

/// "Saved", "Saving…" or "Not saved", next to the assessment's name.
#[component]
pub fn SaveStatusLine() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        if state.route.with(|r| *r == Route::Start) {
            return None;
        }
        let (text, modifier) = state.storage.status.with(|status| match status {
            SaveStatus::Idle => None,
            SaveStatus::Saving => Some(("Saving…", "saving")),
            SaveStatus::Saved => Some(("Saved", "saved")),
            SaveStatus::NotSaved(_) => Some(("Not saved", "not-saved")),
        })?;
        Some(
            view! { <span class=format!("lia-save-status lia-save-status--{modifier}") id="lia-save-status">{text}</span> },
        )
    }
}

/// The JSON download every storage problem offers.
#[component]
fn DownloadCopy() -> impl IntoView {
    view! { <DownloadButton what=Download::Json label="Download a copy" /> }
}

#[component]
pub fn StorageNotices() -> impl IntoView {
    let state = expect_context::<AppState>();
    let storage = state.storage;
    let has_open = move || state.has_open.get();
    let unavailable = move || {
        storage.unavailable.get().then(|| {
            view! {
                <div class="lia-warning-banner" role="region" aria-label="Storage not available" id="lia-no-storage">
                    <p><strong>{StoreError::Unavailable(String::new()).to_string()}</strong></p>
                    {move || has_open().then(|| view! { <DownloadCopy /> })}
                </div>
            }
        })
    };
    let on_start = move || state.route.with(|r| *r == Route::Start);
    let not_saved = move || match storage.status.get() {
        SaveStatus::NotSaved(why)
            if storage.conflict.with(Option::is_none)
                && !storage.unavailable.get()
                && !storage.approved_elsewhere.get() =>
        {
            Some(view! {
                <div class="lia-warning-banner" role="alert" id="lia-not-saved">
                    <p><strong>{why.to_string()}</strong></p>
                    <p>"Your work is still here in this page, and it will be saved as soon as it can be."</p>
                    <div class="lia-button-group">
                        {move || (on_start() && has_open()).then(|| view! {
                            <button type="button" class="lia-button" on:click=move |_| state.navigate(Route::Tasks)>
                                {move || format!("Return to “{}”", state.title.get().unwrap_or_default())}
                            </button>
                        })}
                        <DownloadCopy />
                    </div>
                </div>
            })
        }
        _ => None,
    };
    let conflict = move || {
        storage.conflict.get().map(|conflict| {
            let (title, use_theirs) = match conflict {
                ConflictKind::Changed => ("This assessment was changed in another tab or window", Some("Use the other version")),
                ConflictKind::Deleted => ("This assessment was deleted in another tab or window", Some("Let it be deleted")),
                ConflictKind::Damaged => ("The saved copy of this assessment is damaged", None),
            };
            view! {
                <div class="lia-warning-banner" role="alertdialog" aria-labelledby="lia-conflict-title" aria-describedby="lia-conflict-text" id="lia-conflict" tabindex="-1">
                    <h2 class="lia-heading-s" id="lia-conflict-title">{title}</h2>
                    <p id="lia-conflict-text">
                        "You have changes here that are not saved. Choose which version to keep: "
                        "yours replaces the other, the other replaces yours, or keep both as separate assessments. "
                        "If you are not sure, download a copy of yours first."
                    </p>
                    <div class="lia-button-group">
                        <button type="button" class="lia-button" on:click=move |_| state.keep_mine()>"Keep my version"</button>
                        {use_theirs.map(|label| view! {
                            <button type="button" class="lia-button lia-button--secondary" on:click=move |_| state.use_theirs()>{label}</button>
                        })}
                        {(conflict != ConflictKind::Deleted).then(|| view! {
                            <button type="button" class="lia-button lia-button--secondary" on:click=move |_| state.keep_both()>"Keep both"</button>
                        })}
                        <DownloadCopy />
                    </div>
                </div>
            }
        })
    };
    let approved_elsewhere = move || {
        storage.approved_elsewhere.get().then(|| view! {
            <div class="lia-warning-banner" role="alertdialog" aria-labelledby="lia-approved-elsewhere-title" aria-describedby="lia-approved-elsewhere-text" id="lia-approved-elsewhere" tabindex="-1">
                <h2 class="lia-heading-s" id="lia-approved-elsewhere-title">"This assessment was approved in another tab or window"</h2>
                <p id="lia-approved-elsewhere-text">
                    "An approved record is never changed, so your changes here cannot be saved to it. "
                    "You can keep them as a review (a new version linked to the approved one), or "
                    "look at the approved version instead."
                </p>
                <div class="lia-button-group">
                    <button type="button" class="lia-button" on:click=move |_| state.save_as_review()>"Keep my changes as a review"</button>
                    <button type="button" class="lia-button lia-button--secondary" on:click=move |_| state.use_approved()>"Use the approved version"</button>
                    <DownloadCopy />
                </div>
            </div>
        })
    };
    Effect::new(move |_| {
        if storage.approved_elsewhere.get() {
            state.focus("lia-approved-elsewhere");
        }
    });
    Effect::new(move |_| {
        if storage.conflict.with(Option::is_some) {
            state.focus("lia-conflict");
        }
    });
    let notice = move || {
        storage.notice.get().map(|notice| {
            view! {
                <div class="lia-notice" role="status" id="lia-notice">
                    <p>{notice.to_string()}</p>
                    <button type="button" class="lia-link-button" on:click=move |_| state.dismiss_notice()>"Dismiss"</button>
                </div>
            }
        })
    };
    view! {
        {unavailable}
        {conflict}
        {approved_elsewhere}
        {not_saved}
        {notice}
    }
}
