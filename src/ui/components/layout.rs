//! The frame around every page: a skip link, the header with the open assessment's
//! name, the page, the findings panel when an assessment is open, and the promise.

use leptos::prelude::*;

use super::findings::FindingsPanel;
use super::in_page_link::in_page_link;
use super::nav_link::nav_link;
use super::storage_notices::{SaveStatusLine, StorageNotices};
use crate::route::Route;
use crate::ui::state::AppState;

pub const PROMISE: &str = "Everything you type stays in this browser. Nothing is sent anywhere.";

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let state = expect_context::<AppState>();
    // The findings panel is the open assessment's: not on the start page or the
    // register, nor beside a file under approval.
    let has_open = move || {
        state.has_open.get()
            && state.route.with(|r| {
                !matches!(
                    r,
                    Route::Start | Route::Register | Route::RegisterChanges { .. } | Route::Approve
                )
            })
    };
    view! {
        <div class="lia-skip-links">
            {in_page_link(Some("lia-skip-link"), "#lia-main".to_string(), "Skip to main content".into_any(), move || state.focus("lia-page-heading"))}
            {move || has_open().then(|| {
                in_page_link(Some("lia-skip-link"), "#lia-findings".to_string(), "Skip to findings".into_any(), move || state.focus("lia-findings-title"))
            })}
        </div>
        <header class="lia-header">
            <div class="lia-header__inner">
                {nav_link(Route::Start, Some("lia-header__product"), "Legitimate interests assessment")}
                {state.config.with_value(|c| c.settings.organisation.clone()).map(|organisation| view! {
                    <span class="lia-header__organisation">{organisation}</span>
                })}
                {move || state.title.get().filter(|_| has_open()).map(|title| view! {
                    <span class="lia-header__assessment">{title}</span>
                })}
                <SaveStatusLine />
            </div>
        </header>
        <div class=move || if has_open() { "lia-body lia-body--with-panel" } else { "lia-body" }>
            <main class="lia-main" id="lia-main">
                <StorageNotices />
                {children()}
            </main>
            {move || has_open().then(|| view! { <FindingsPanel /> })}
        </div>
        <footer class="lia-footer">
            <p>{PROMISE}</p>
        </footer>
    }
}
