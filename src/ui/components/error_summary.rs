//! "There is a problem": the list of errors at the top of a page, which takes focus
//! when it appears and links to each field (GOV.UK error summary).

use leptos::prelude::*;

use crate::assessment::validation::FieldError;
use crate::ui::state::field_id;

pub const ERROR_SUMMARY_ID: &str = "lia-error-summary";

#[component]
pub fn ErrorSummary(errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let state = expect_context::<crate::ui::state::AppState>();
    move || {
        let list = errors.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="lia-error-summary" id=ERROR_SUMMARY_ID tabindex="-1" role="alert" aria-labelledby="lia-error-summary-title">
                    <h2 class="lia-error-summary__title" id="lia-error-summary-title">"There is a problem"</h2>
                    <ul class="lia-error-summary__list">
                        {list
                            .into_iter()
                            .map(|e| {
                                let target = field_id(e.question);
                                let href = format!("#{target}");
                                view! {
                                    <li>
                                        <a
                                            href=href
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                state.focus(target.clone());
                                            }
                                        >
                                            {e.message}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
