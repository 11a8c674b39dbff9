//! An in-app link: a real link (keyboard, middle-click and screen readers treat it as
//! one) whose click changes the route without reloading.

use leptos::prelude::*;

use crate::route::Route;
use crate::ui::state::AppState;

#[component]
pub fn NavLink(
    route: Route,
    children: Children,
    #[prop(optional, into)] class: Option<String>,
    #[prop(optional)] focus: Option<String>,
    /// Extra description for assistive technology, e.g. a task's status.
    #[prop(optional, into)]
    described_by: Option<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let href = {
        let route = route.clone();
        move || {
            state
                .open
                .with(|a| route.to_hash(a.as_ref().map(|a| a.id.as_str())))
        }
    };
    let go = move |ev: leptos::ev::MouseEvent| {
        // Let the browser open new tabs and windows as usual.
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        state.navigate_and_focus(route.clone(), focus.clone());
    };
    view! { <a href=href class=class aria-describedby=described_by on:click=go>{children()}</a> }
}
