//! A paragraph field whose text lives in a signal (a reason, a comment): it shows the
//! signal and sets it as the user types. One function builds them all.

use leptos::prelude::*;

/// What `aria-describedby` says, worked out as the page changes.
pub type DescribedBy = Box<dyn Fn() -> Option<String> + Send + Sync>;

/// `<textarea class="lia-textarea" id=id rows=rows aria-describedby=…>` bound to `value`;
/// without `described_by`, no `aria-describedby` at all.
#[inline(never)]
pub fn bound_textarea(
    id: String,
    rows: &'static str,
    described_by: Option<DescribedBy>,
    value: RwSignal<String>,
) -> AnyView {
    match described_by {
        Some(described_by) => view! {
            <textarea class="lia-textarea" id=id rows=rows aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))></textarea>
        }
        .into_any(),
        None => view! {
            <textarea class="lia-textarea" id=id rows=rows
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))></textarea>
        }
        .into_any(),
    }
}
