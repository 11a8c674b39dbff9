//! A link to a place on the same page (a skip link, an error to its field): the browser's
//! jump is replaced by `act`, which moves focus there. One function builds them all.

use leptos::prelude::*;

/// `<a class=class href=href>content</a>`, doing `act` instead of following it.
pub fn in_page_link(
    class: Option<&'static str>,
    href: String,
    content: AnyView,
    act: impl Fn() + 'static,
) -> AnyView {
    built(class, href, content, Box::new(act))
}

// Not generic: the one copy of the view every such link shares.
#[inline(never)]
fn built(
    class: Option<&'static str>,
    href: String,
    content: AnyView,
    act: Box<dyn Fn()>,
) -> AnyView {
    view! {
        <a class=class href=href on:click=move |ev| {
            ev.prevent_default();
            act();
        }>{content}</a>
    }
    .into_any()
}
