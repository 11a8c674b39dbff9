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
    link(route, class, focus, described_by, children())
}

/// A link with a fixed label (and class, if any): the same link as `NavLink`'s, made by a
/// call rather than a component and its children.
pub fn nav_link(route: Route, class: Option<&'static str>, label: &'static str) -> AnyView {
    link(route, class.map(String::from), None, None, label.into_any())
}

// The one copy of the link every `NavLink` and `nav_link` shares.
#[inline(never)]
fn link(
    route: Route,
    class: Option<String>,
    focus: Option<String>,
    described_by: Option<String>,
    children: AnyView,
) -> AnyView {
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
    view! { <a href=href class=class aria-describedby=described_by on:click=go>{children}</a> }
        .into_any()
}
