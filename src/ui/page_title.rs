//! The document title, when the tool owns the page: each page names itself as its
//! heading does, after the tool's name, and says "Error:" first while it shows errors.

use leptos::prelude::*;

use super::browser;
use super::effect::effect;
use super::state::AppState;

pub const TOOL_NAME: &str = "Legitimate interests assessment";

/// Keeps the document title as `title()` (with the tool's name after it), following
/// the signals it reads.
pub fn page_title(title: impl Fn() -> Option<String> + 'static) {
    follow_title(Box::new(title));
}

/// `page_title` once for every page: boxed, the title's closure does not make an
/// effect of its own for each page that calls it.
fn follow_title(title: Box<dyn Fn() -> Option<String>>) {
    let state = expect_context::<AppState>();
    if !state.config.with_value(|c| c.standalone) {
        return;
    }
    effect(move |_| {
        browser::set_title(&match title() {
            Some(page) => format!("{page} – {TOOL_NAME}"),
            None => TOOL_NAME.to_string(),
        });
    });
}
