//! A labelled drop-down list: `<div class="lia-field">`, its label and its
//! `<select class="lia-select">`. One function builds them all.

use leptos::prelude::*;

/// The field with id `id`, labelled `label`, offering `options`; `pick` is given the
/// chosen option's value.
pub fn select_field(
    id: &'static str,
    label: &'static str,
    options: AnyView,
    pick: impl Fn(String) + 'static,
) -> AnyView {
    built(id, label, options, Box::new(pick))
}

// Not generic: the one copy of the view every drop-down shares.
#[inline(never)]
fn built(
    id: &'static str,
    label: &'static str,
    options: AnyView,
    pick: Box<dyn Fn(String)>,
) -> AnyView {
    view! {
        <div class="lia-field">
            <label class="lia-label" for=id>{label}</label>
            <select class="lia-select" id=id on:change=move |ev| pick(event_target_value(&ev))>
                {options}
            </select>
        </div>
    }
    .into_any()
}
