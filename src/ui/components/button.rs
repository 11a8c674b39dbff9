//! A button that does one thing when clicked and says so in a fixed label:
//! `<button type="button" class=…>label</button>`. One function builds them all, so each
//! place that shows one costs a call instead of a view of its own in the wasm.

use leptos::prelude::*;

/// `<button type="button" class=class>label</button>`, doing `act` when clicked.
pub fn button(class: &'static str, label: &'static str, act: impl Fn() + 'static) -> AnyView {
    built(class, label, Box::new(act))
}

// Not generic: the one copy of the view every button shares.
#[inline(never)]
fn built(class: &'static str, label: &'static str, act: Box<dyn Fn()>) -> AnyView {
    view! { <button type="button" class=class on:click=move |_| act()>{label}</button> }.into_any()
}
