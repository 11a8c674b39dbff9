//! One keyed list for every list the app draws with keys. Each `<For>` with closures of
//! its own put another copy of the keyed diffing into the wasm (about 6 KB each, six of
//! them); through `keyed` they all share one. A row is redrawn only when its key is new,
//! and a row whose key stays keeps its elements (and the focus and text in them).

use std::sync::Arc;

use leptos::prelude::*;

/// What draws one row.
pub type Draw = Arc<dyn Fn() -> AnyView + Send + Sync>;

/// One row: its key, and what draws it (called once, when the key first appears).
pub fn row(key: String, draw: impl Fn() -> AnyView + Send + Sync + 'static) -> (String, Draw) {
    (key, Arc::new(draw))
}

/// The rows `rows` gives, each drawn once while its key stays.
pub fn keyed(rows: Signal<Vec<(String, Draw)>>) -> impl IntoView {
    view! { <For each=move || rows.get() key=|(key, _)| key.clone() children=|(_, draw)| draw() /> }
}
