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

#[component]
pub fn ErrorSummary(
    /// The summary's id (focus goes here); its title's id is `<id>-title`.
    id: &'static str,
    #[prop(into)] items: Signal<Vec<ErrorItem>>,
    #[prop(default = "There is a problem")] title: &'static str,
    /// The heading level of the title: 2 on a page, 3 inside a section of one.
    #[prop(default = 2)]
    level: u8,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let title_id = format!("{id}-title");
    move || {
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
    }
}
