//! "Open a saved file": a JSON export or an HTML report, chosen or dropped. A bad file
//! gets a specific message and changes nothing; what to do with a good one (its log
//! entry, its digest warning, a clash with a saved id) is the session core's.

use leptos::prelude::*;

use super::button::button;
use super::error_message::error_message;
use wasm_bindgen::JsCast;

use super::error_summary::{error_summary_with, ErrorItem};
use crate::export::{self, ImportError, Imported};
use crate::session::{ImportChoice, ImportStep};
use crate::ui::state::AppState;

const INPUT_ID: &str = "lia-import-file";

#[component]
pub fn ImportFile() -> impl IntoView {
    let state = expect_context::<AppState>();
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let busy = RwSignal::new(false);

    let accept = move |file_name: String, result: Result<Imported, ImportError>| {
        busy.set(false);
        match result {
            Ok(imported) => {
                error.set(None);
                if state.import(imported, &file_name) == ImportStep::Clash {
                    state.focus("lia-import-clash");
                }
            }
            Err(e) => {
                error.set(Some(format!(
                    "“{file_name}” could not be opened: {}",
                    e.message()
                )));
                state.focus("lia-import-error-summary");
            }
        }
    };

    let read = move |file: web_sys::File| {
        let name = file.name();
        if file.size() > export::MAX_IMPORT_BYTES as f64 {
            accept(
                name,
                Err(ImportError::TooLarge {
                    bytes: file.size() as usize,
                }),
            );
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => export::import(&js_sys::Uint8Array::new(&buffer).to_vec()),
                Err(_) => Err(ImportError::Empty),
            };
            accept(name, result);
        });
    };

    // A file chosen on the pre-rendered page before the app had started is read now.
    if let Some(file) = state.take_early_file() {
        read(file);
    }

    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            read(file);
        }
        // Choosing the same file again should read it again.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            read(file);
        }
    };
    let on_dragover = |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(transfer) = ev.data_transfer() {
            transfer.set_drop_effect("copy");
        }
    };
    let errors = Signal::derive(move || {
        error
            .get()
            .map(|message| ErrorItem {
                message,
                target: Some(INPUT_ID.into()),
            })
            .into_iter()
            .collect::<Vec<_>>()
    });
    let choose = move |choice: ImportChoice| {
        state.resolve_import(choice);
    };

    view! {
        {error_summary_with("lia-import-error-summary", errors, "There is a problem", 3)}
        {move || state.storage.import_clash.get().map(|clash| view! {
            <div class="lia-warning-banner" id="lia-import-clash" tabindex="-1" role="alertdialog" aria-labelledby="lia-import-clash-title">
                <h3 class="lia-heading-s" id="lia-import-clash-title">"This assessment is already saved in this browser"</h3>
                <p>{format!("The file is a copy of “{}”, which is already saved here. ", clash.existing_title)}
                    {if clash.existing_approved {
                        "The saved one is approved, so it cannot be replaced: you can keep both."
                    } else {
                        "Replace the saved one with the file, or keep both?"
                    }}
                </p>
                <div class="lia-button-group">
                    {(!clash.existing_approved).then(|| view! {
                        {button("lia-button", "Replace the saved one", move || choose(ImportChoice::Replace))}
                    })}
                    {button("lia-button lia-button--secondary", "Keep both", move || choose(ImportChoice::KeepBoth))}
                    {button("lia-link-button", "Cancel", move || choose(ImportChoice::Cancel))}
                </div>
            </div>
        })}
        <div
            class=move || if error.with(Option::is_some) { "lia-field lia-field--error lia-drop-zone" } else { "lia-field lia-drop-zone" }
            on:dragover=on_dragover
            on:drop=on_drop
        >
            <label class="lia-label" for=INPUT_ID>"Choose a file"</label>
            <div class="lia-hint" id="lia-import-hint">
                "A JSON file or an HTML report downloaded from this tool, up to 5 MB. You can also drop it here. It is read in this browser and not sent anywhere."
            </div>
            {move || error.get().map(|message| error_message(Some("lia-import-error".to_string()), message))}
            <input
                class="lia-file-upload"
                type="file"
                id=INPUT_ID
                accept=".json,.html,.htm,application/json,text/html"
                aria-describedby=move || if error.with(Option::is_some) { "lia-import-hint lia-import-error" } else { "lia-import-hint" }
                on:change=on_change
            />
            {move || busy.get().then(|| view! { <p role="status">"Reading the file…"</p> })}
        </div>
    }
}

/// The input element an event came from.
fn event_target(ev: &leptos::ev::Event) -> web_sys::HtmlInputElement {
    ev.target()
        .expect("a change event has a target")
        .unchecked_into()
}
