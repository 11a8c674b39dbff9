//! Downloads of the open assessment, and of any text: one button component that makes
//! the file when clicked and says so if the browser could not save it.

use leptos::prelude::*;

use super::error_message::download_failure;
use crate::assessment::Assessment;
use crate::handover::Trust;
use crate::ui::downloads::{
    download, download_docx, download_html, download_json, download_odt, download_reminder,
};
use crate::ui::state::AppState;

/// What a download button saves.
#[derive(Clone)]
pub enum Download {
    /// The open assessment as JSON, to open in this tool again.
    Json,
    /// The open assessment's printable HTML report (for a review, with what changed
    /// since the saved version it reviews).
    Html,
    /// A calendar reminder of the open assessment's review date.
    Reminder,
    /// The open assessment's report as a Word document, to edit and file.
    Word,
    /// The same as OpenDocument text, the open standard for editable documents.
    Odt,
    /// Another version of an assessment (one the user did not keep), as JSON.
    Copy(Box<Assessment>),
    /// Any text: the file name, its type and a function making the text.
    Text {
        name: String,
        mime: &'static str,
        text: fn(AppState, &str) -> Option<String>,
        key: String,
    },
}

/// The usual download button: a secondary button with a visible label.
pub fn download_button(what: Download, label: &'static str) -> AnyView {
    download_button_with(what, label, None, "lia-button lia-button--secondary")
}

/// A button that makes the file `what` when clicked, with an `aria-label` if given, and
/// says so if the browser could not save it. A function, not a component: each place
/// that shows one costs a call.
#[inline(never)]
pub fn download_button_with(
    what: Download,
    label: &'static str,
    aria_label: Option<String>,
    class: &'static str,
) -> AnyView {
    let state = expect_context::<AppState>();
    let failed: RwSignal<Option<String>> = RwSignal::new(None);
    let click = move |_| {
        // Each file's name says "approved" only if its approval verifies: each is given
        // the trusted list.
        let open = |f: fn(&Assessment, &Trust) -> Result<(), String>| {
            state
                .trust
                .with_untracked(|t| state.open.with_untracked(|a| a.as_ref().map(|a| f(a, t))))
        };
        let result = match &what {
            Download::Json => open(download_json),
            // A review's reports list its changes: both are given the version it reviews.
            Download::Html | Download::Word | Download::Odt => {
                let previous = state.previous_version();
                let report = match what {
                    Download::Html => download_html,
                    Download::Word => download_docx,
                    _ => download_odt,
                };
                state.trust.with_untracked(|trust| {
                    state
                        .open
                        .with_untracked(|a| a.as_ref().map(|a| report(a, previous.as_ref(), trust)))
                })
            }
            Download::Reminder => open(download_reminder),
            Download::Copy(version) => {
                Some(state.trust.with_untracked(|t| download_json(version, t)))
            }
            Download::Text {
                name,
                mime,
                text,
                key,
            } => text(state, key).map(|text| download(name, mime, &text)),
        };
        failed.set(result.and_then(Result::err));
    };
    view! {
        <button type="button" class=class aria-label=aria_label on:click=click>{label}</button>
        {download_failure(failed)}
    }
    .into_any()
}

/// The downloads section of an open assessment's overview pages.
#[component]
pub fn Downloads() -> impl IntoView {
    let state = expect_context::<AppState>();
    let has_review_date = Memo::new(move |_| {
        state.open.with(|a| {
            a.as_ref()
                .is_some_and(|a| crate::register::ics::Reminder::of(a).is_some())
        })
    });
    view! {
        <h2 class="lia-heading-m">"Download this assessment"</h2>
        <p>
            "The report is a single web page to print, save as PDF or file. The Word and "
            "OpenDocument files hold the same record, laid out like the ICO's template, for you "
            "to edit and file (OpenDocument is the open standard public bodies share editable "
            "documents in). The JSON file can be opened in this tool again, on any computer. All "
            "are made here, in this browser."
        </p>
        <div class="lia-button-group">
            {download_button(Download::Html, "Download the report (HTML)")}
            {download_button(Download::Word, "Download as a Word document")}
            {download_button(Download::Odt, "Download as OpenDocument (ODT)")}
            {download_button(Download::Json, "Download to open later (JSON)")}
        </div>
        {move || has_review_date.get().then(|| view! {
            <p>"Add the review date to your calendar, with a reminder two weeks before:"</p>
            {download_button(Download::Reminder, "Download a review reminder (calendar)")}
        })}
    }
}
