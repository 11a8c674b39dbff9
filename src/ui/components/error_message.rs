//! The red message under a field or a button that says what went wrong. One function
//! builds each kind, so each place that shows one costs a call.

use leptos::prelude::*;

/// `<p class="lia-error-message" id=id>` with "Error: " for screen readers, then `message`.
#[inline(never)]
pub fn error_message(id: Option<String>, message: String) -> AnyView {
    view! {
        <p class="lia-error-message" id=id>
            <span class="lia-visually-hidden">"Error: "</span>
            {message}
        </p>
    }
    .into_any()
}

/// What a failed download says while `failed` holds why, announced at once.
#[inline(never)]
pub fn download_failure(failed: RwSignal<Option<String>>) -> AnyView {
    (move || {
        failed.get().map(|why| {
            view! { <p class="lia-error-message" role="alert">{format!("The download failed: {why}")}</p> }
        })
    })
    .into_any()
}
