//! A form that is never submitted: its button's click does the work, so Enter in a field
//! (which clicks the button) acts the same, and a frame whose sandbox blocks forms
//! still works. One function builds them all.

use leptos::prelude::*;

/// `<form class=class novalidate>content</form>`, its submit event stopped.
#[inline(never)]
pub fn form(class: Option<&'static str>, content: AnyView) -> AnyView {
    view! { <form class=class novalidate on:submit=|ev| ev.prevent_default()>{content}</form> }
        .into_any()
}
