//! "There is a problem": the list of errors at the top of a page or panel (GOV.UK error
//! summary). Each item links to the field it is about, when there is one. The caller
//! moves focus to it when it appears.

use leptos::prelude::*;

use super::in_page_link::in_page_link;
use crate::ui::state::AppState;

/// One error: what is wrong, and the id of the control to go to, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorItem {
    pub message: String,
    pub target: Option<String>,
}

/// The section page's error summary.
pub const ERROR_SUMMARY_ID: &str = "lia-error-summary";

/// The summary with id `id` (focus goes here; its title's id is `<id>-title`), shown
/// while `items` has any, titled "There is a problem" at heading level 2 (on a page).
pub fn error_summary(id: &'static str, items: impl Into<Signal<Vec<ErrorItem>>>) -> AnyView {
    error_summary_with(id, items.into(), "There is a problem", 2)
}

/// The same with its own title and heading level (3 inside a section of a page). A
/// function, not a component: each place that shows one costs a call.
#[inline(never)]
pub fn error_summary_with(
    id: &'static str,
    items: Signal<Vec<ErrorItem>>,
    title: &'static str,
    level: u8,
) -> AnyView {
    let state = expect_context::<AppState>();
    let title_id = format!("{id}-title");
    (move || {
        let list = items.get();
        (!list.is_empty()).then(|| {
            let heading = if level == 2 {
                view! { <h2 class="lia-error-summary__title" id=title_id.clone()>{title}</h2> }.into_any()
            } else {
                view! { <h3 class="lia-error-summary__title" id=title_id.clone()>{title}</h3> }.into_any()
            };
            view! {
                <div class="lia-error-summary" id=id tabindex="-1" role="alert" aria-labelledby=title_id.clone()>
                    {heading}
                    <ul class="lia-error-summary__list">
                        {list.into_iter().map(|item| match item.target {
                            Some(target) => view! {
                                <li>
                                    {in_page_link(None, format!("#{target}"), item.message.into_any(), move || state.focus(target.clone()))}
                                </li>
                            }.into_any(),
                            None => view! { <li>{item.message}</li> }.into_any(),
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    })
    .into_any()
}
