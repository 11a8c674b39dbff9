//! A row of a summary list (`<dl class="lia-summary-list">`): a key and its value. One
//! function builds it, so each place that shows one costs a call.

use leptos::prelude::*;

/// `<div class="lia-summary-list__row">`: `key` in its `<dt>`, `value` in a `<dd>` with
/// `class` (none where `None`).
#[inline(never)]
pub fn summary_row(key: String, class: Option<&'static str>, value: AnyView) -> AnyView {
    view! {
        <div class="lia-summary-list__row">
            <dt class="lia-summary-list__key">{key}</dt>
            <dd class=class>{value}</dd>
        </div>
    }
    .into_any()
}

/// The class of a value's `<dd>`.
pub const VALUE: Option<&str> = Some("lia-summary-list__value");
