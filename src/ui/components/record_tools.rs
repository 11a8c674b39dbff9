//! Pieces shown on an open assessment's overview pages: the warning on an import that
//! failed its digest check, and the review log.

use leptos::prelude::*;

use crate::ui::state::AppState;

/// Shown on an assessment just imported from a file that failed its digest check, or
/// that says it is approved when it could not be.
#[component]
pub fn ImportWarning() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let all = state.storage.import_warnings.get();
        // An approval that holds is said as a notice, not a warning.
        let (warnings, notices): (Vec<_>, Vec<_>) = all.into_iter().partition(|w| w.is_warning());
        view! {
            {(!notices.is_empty()).then(|| view! {
                <div class="lia-notice" role="status" id="lia-import-approval">
                    {notices.into_iter().map(|w| view! { <p><strong>{w.to_string()}</strong></p> }).collect_view()}
                </div>
            })}
            {(!warnings.is_empty()).then(|| view! {
                <div class="lia-warning-banner" role="alert" id="lia-import-warning">
                    {warnings.into_iter().map(|w| view! { <p><strong>{w.to_string()}</strong></p> }).collect_view()}
                    <p>"This is also kept in the assessment's review log."</p>
                </div>
            })}
        }
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
