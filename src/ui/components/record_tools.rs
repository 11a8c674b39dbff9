//! Pieces shown on an open assessment's overview pages: the downloads (JSON to open
//! again, HTML to print and file), the warning on an import that failed its digest
//! check, and the review log.

use leptos::prelude::*;

use crate::ui::downloads::{download_html, download_json};
use crate::ui::state::AppState;

#[component]
pub fn Downloads() -> impl IntoView {
    let state = expect_context::<AppState>();
    let failed: RwSignal<Option<String>> = RwSignal::new(None);
    let run = move |f: fn(&crate::assessment::Assessment) -> Result<(), String>| {
        if let Some(a) = state.open.get_untracked() {
            failed.set(f(&a).err());
        }
    };
    view! {
        <h2 class="lia-heading-m">"Download this assessment"</h2>
        <p>
            "The report is a single web page to print, save as PDF or file. The JSON file can be "
            "opened in this tool again, on any computer. Both are made here, in this browser."
        </p>
        <div class="lia-button-group">
            <button type="button" class="lia-button lia-button--secondary" on:click=move |_| run(download_html)>
                "Download the report (HTML)"
            </button>
            <button type="button" class="lia-button lia-button--secondary" on:click=move |_| run(download_json)>
                "Download to open later (JSON)"
            </button>
        </div>
        {move || failed.get().map(|why| view! { <p class="lia-error-message" role="alert">{format!("The download failed: {why}")}</p> })}
    }
}

/// Shown on an assessment just imported from a file that failed its digest check.
#[component]
pub fn ImportWarning() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let open_id = state.open_id.get()?;
        let (id, warning) = state.storage.import_warning.get()?;
        (id == open_id).then(|| {
            view! {
                <div class="lia-warning-banner" role="alert" id="lia-import-warning">
                    <p><strong>{warning}</strong></p>
                    <p>"This warning is also kept in the assessment's review log."</p>
                </div>
            }
        })
    }
}

#[component]
pub fn ReviewLog() -> impl IntoView {
    let state = expect_context::<AppState>();
    let log = Memo::new(move |_| {
        state
            .open
            .with(|a| a.as_ref().map(|a| a.review_log.clone()).unwrap_or_default())
    });
    move || {
        (!log.with(Vec::is_empty)).then(|| {
            view! {
                <h2 class="lia-heading-m">"Review log"</h2>
                <ul class="lia-plain-list lia-review-log">
                    {log.get().into_iter().map(|entry| {
                        let date = crate::assessment::Date::parse(&entry.date).map_or(entry.date.clone(), |d| d.long());
                        view! { <li><strong>{date}</strong>": "<span class="lia-prewrap">{entry.note}</span></li> }
                    }).collect_view()}
                </ul>
            }
        })
    }
}
