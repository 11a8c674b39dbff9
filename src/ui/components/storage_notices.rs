//! What the user is told about keeping their work: the quiet save status, and the
//! banners for storage that is full, blocked or changed by another tab. Each problem
//! offers a download, so the work can always leave the page safely.

use leptos::prelude::*;

use super::button::{button, button_with};
use super::downloads::{download_button, Download};
use crate::route::Route;
use crate::session::{ConflictKind, Notice, SaveStatus};
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
fn download_copy() -> AnyView {
    download_button(Download::Json, "Download a copy")
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
                    {move || has_open().then(download_copy)}
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
                            {button_with("lia-button", None, None, (move || format!("Return to “{}”", state.title.get().unwrap_or_default())).into_any(), move || state.navigate(Route::Tasks))}
                        })}
                        {download_copy()}
                    </div>
                </div>
            })
        }
        _ => None,
    };
    // The banners never take the keyboard: the user may be typing. The live region
    // below says what happened instead.
    let conflict = move || {
        storage.conflict.get().map(|conflict| {
            let (title, use_theirs) = match conflict {
                ConflictKind::Changed => ("This assessment was changed in another tab or window", Some("Use the other version")),
                ConflictKind::Deleted => ("This assessment was deleted in another tab or window", Some("Let it be deleted")),
                ConflictKind::Damaged => ("The saved copy of this assessment is damaged", None),
            };
            let clashes = move || storage.clashes.get();
            view! {
                <div class="lia-warning-banner" role="region" aria-labelledby="lia-conflict-title" id="lia-conflict">
                    <h2 class="lia-heading-s" id="lia-conflict-title">{title}</h2>
                    {move || if clashes().is_empty() {
                        view! {
                            <p id="lia-conflict-text">
                                "You have changes here that are not saved. Choose which version to keep, "
                                "or keep both as separate assessments. Whichever you do not keep, you can download."
                            </p>
                        }.into_any()
                    } else {
                        view! {
                            <p id="lia-conflict-text">
                                "Changes made there to other questions are kept. These were changed both here "
                                "and there; choose which answers to keep. The version you do not keep can be downloaded."
                            </p>
                            <ul class="lia-list" id="lia-conflict-clashes">
                                {clashes().into_iter().map(|c| view! { <li>{c.label()}</li> }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    <div class="lia-button-group">
                        {button("lia-button", "Keep my version", move || state.keep_mine())}
                        {use_theirs.map(|label| view! {
                            {button("lia-button lia-button--secondary", label, move || state.use_theirs())}
                        })}
                        {(conflict != ConflictKind::Deleted).then(|| view! {
                            {button("lia-button lia-button--secondary", "Keep both", move || state.keep_both())}
                        })}
                        {download_copy()}
                    </div>
                </div>
            }
        })
    };
    let approved_elsewhere = move || {
        storage.approved_elsewhere.get().then(|| view! {
            <div class="lia-warning-banner" role="region" aria-labelledby="lia-approved-elsewhere-title" id="lia-approved-elsewhere">
                <h2 class="lia-heading-s" id="lia-approved-elsewhere-title">"This assessment was approved in another tab or window"</h2>
                <p id="lia-approved-elsewhere-text">
                    "An approved record is never changed, so your changes here cannot be saved to it. "
                    "You can keep them as a review (a new version linked to the approved one), or "
                    "look at the approved version instead."
                </p>
                <div class="lia-button-group">
                    {button("lia-button", "Keep my changes as a review", move || state.save_as_review())}
                    {button("lia-button lia-button--secondary", "Use the approved version", move || state.use_approved())}
                    {download_copy()}
                </div>
            </div>
        })
    };
    let not_kept = move || {
        storage.not_kept.get().map(|version| {
            view! {
                <div class="lia-notice" role="region" aria-label="The version you did not keep" id="lia-not-kept">
                    <p>"You can download the version you did not keep, to compare or to keep a copy."</p>
                    <div class="lia-button-group">
                        {download_button(Download::Copy(Box::new(version)), "Download the version you did not keep")}
                        {button("lia-link-button", "Dismiss", move || state.dismiss_not_kept())}
                    </div>
                </div>
            }
        })
    };
    // What a screen reader hears when something changes under the user.
    let announcement = move || {
        if storage.conflict.with(Option::is_some) {
            "This assessment was changed in another tab or window. Your changes are kept here: choose which version to keep, above.".to_string()
        } else if storage.approved_elsewhere.get() {
            "This assessment was approved in another tab or window. Your changes are kept here: choose what to do with them, above.".to_string()
        } else {
            storage
                .notice
                .with(|n| n.as_ref().map(ToString::to_string))
                .unwrap_or_default()
        }
    };
    let notice = move || {
        storage.notice.get().map(|notice| {
            // What the journal put back can be undone.
            let undo = matches!(&notice, Notice::Recovered { put_back, .. } if !put_back.is_empty());
            view! {
                <div class="lia-notice" id="lia-notice">
                    <p>{notice.to_string()}</p>
                    <button type="button" class="lia-button lia-button--secondary" hidden=!undo on:click=move |_| state.undo_recovery()>"Undo what was put back"</button>
                    {button("lia-link-button", "Dismiss", move || state.dismiss_notice())}
                </div>
            }
        })
    };
    view! {
        <div class="lia-visually-hidden" role="status" aria-live="polite" id="lia-live">{announcement}</div>
        {unavailable}
        {conflict}
        {approved_elsewhere}
        {not_saved}
        {not_kept}
        {notice}
    }
}
