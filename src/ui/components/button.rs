//! A button that does one thing when clicked: `<button type="button" class=…>…</button>`,
//! with an id or an `aria-label` where it needs one. One function builds them all, so
//! each place that shows one costs a call instead of a view of its own in the wasm.

use leptos::prelude::*;

/// `<button type="button" class=class>label</button>`, doing `act` when clicked.
pub fn button(class: &'static str, label: &'static str, act: impl Fn() + 'static) -> AnyView {
    built(class, None, None, label.into_any(), Box::new(act))
}

/// The same with an id and an `aria-label` (each left out when `None`), and any content.
pub fn button_with(
    class: &'static str,
    id: Option<String>,
    aria_label: Option<String>,
    content: AnyView,
    act: impl Fn() + 'static,
) -> AnyView {
    built(class, id, aria_label, content, Box::new(act))
}

// Not generic: the one copy of the view every button shares.
#[inline(never)]
fn built(
    class: &'static str,
    id: Option<String>,
    aria_label: Option<String>,
    content: AnyView,
    act: Box<dyn Fn()>,
) -> AnyView {
    view! {
        <button type="button" class=class id=id aria-label=aria_label on:click=move |_| act()>
            {content}
        </button>
    }
    .into_any()
}
