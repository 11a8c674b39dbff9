//! "Open a saved file": a JSON export or an HTML report, chosen or dropped. A bad file
//! gets a specific message and changes nothing; a file whose digest does not match is
//! opened with a clear warning; an id already saved here asks replace or keep both.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::assessment::{Assessment, ReviewEntry, Status};
use crate::export::{self, DigestCheck, ImportError, Imported};
use crate::route::Route;
use crate::ui::browser;
use crate::ui::state::AppState;

const INPUT_ID: &str = "lia-import-file";

/// An imported assessment waiting for the user to say what to do with a clash.
#[derive(Clone)]
struct Pending {
    assessment: Assessment,
    /// The digest warning to show on it once it is opened.
    warning: Option<String>,
    existing_title: String,
    existing_approved: bool,
}

/// Records the import in the assessment's own log, so the record shows where it came
/// from, and whether it was changed after it was exported.
fn log_import(
    a: &mut Assessment,
    imported: &Imported,
    file: &str,
    today: crate::assessment::Date,
) -> Option<String> {
    let exported = imported
        .exported_at
        .as_deref()
        .map_or(String::new(), |t| format!(", exported {t}"));
    let warning = match imported.digest {
        DigestCheck::Matches => None,
        DigestCheck::Mismatch => Some(format!(
            "Warning: “{file}” was changed after it was exported. Its check value (digest) does not match its content, so it may not be the record that was signed off. Check every answer before you rely on it."
        )),
        DigestCheck::Missing => Some(format!(
            "Warning: “{file}” has no check value (digest), so it cannot be shown to be the record that was exported. Check every answer before you rely on it."
        )),
    };
    let mut note = format!("Imported from {file}{exported}.");
    if let Some(w) = &warning {
        note.push(' ');
        note.push_str(w);
    }
    if let Some(from) = imported.migrated_from {
        note.push_str(&format!(" Updated from format version {from}."));
    }
    a.review_log.push(ReviewEntry {
        date: today.to_string(),
        note,
    });
    warning
}

#[component]
pub fn ImportFile() -> impl IntoView {
    let state = expect_context::<AppState>();
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let pending: RwSignal<Option<Pending>> = RwSignal::new(None);
    let busy = RwSignal::new(false);

    // Opens the import as a saved assessment: in place of the saved one with its id when
    // `replace`, otherwise under a new id. The digest warning goes with it, under the id
    // it ends up with (and only then, so a cancelled import leaves no warning behind).
    let finish = move |mut a: Assessment, warning: Option<String>, replace: bool| {
        pending.set(None);
        if !replace {
            a.id = browser::new_id();
        }
        state
            .storage
            .import_warning
            .set(warning.map(|w| (a.id.clone(), w)));
        if replace {
            state.replace_with(a, Route::Tasks);
        } else {
            state.start(a, Route::Tasks);
        }
    };

    let accept = move |file_name: String, result: Result<Imported, ImportError>| {
        busy.set(false);
        let imported = match result {
            Ok(imported) => imported,
            Err(e) => {
                error.set(Some(format!(
                    "“{file_name}” could not be opened: {}",
                    e.message()
                )));
                state.focus("lia-import-error-summary");
                return;
            }
        };
        error.set(None);
        let mut assessment = imported.assessment.clone();
        let warning = log_import(&mut assessment, &imported, &file_name, state.today);
        let existing = state
            .storage
            .summaries
            .with_untracked(|list| list.iter().find(|s| s.id == assessment.id).cloned());
        match existing {
            None => {
                // No clash: keep its id, so a later export of the same record matches.
                state
                    .storage
                    .import_warning
                    .set(warning.map(|w| (assessment.id.clone(), w)));
                state.start(assessment, Route::Tasks);
            }
            Some(summary) => {
                pending.set(Some(Pending {
                    assessment,
                    warning,
                    existing_title: summary.display_title().to_string(),
                    existing_approved: summary.status == Status::Approved,
                }));
                state.focus("lia-import-clash");
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

    view! {
        {move || error.get().map(|message| view! {
            <div class="lia-error-summary" id="lia-import-error-summary" tabindex="-1" role="alert" aria-labelledby="lia-import-error-title">
                <h3 class="lia-error-summary__title" id="lia-import-error-title">"There is a problem"</h3>
                <ul class="lia-error-summary__list">
                    <li><a href=format!("#{INPUT_ID}") on:click=move |ev| {
                        ev.prevent_default();
                        state.focus(INPUT_ID);
                    }>{message}</a></li>
                </ul>
            </div>
        })}
        {move || pending.get().map(|p| {
            let keep_both = (p.assessment.clone(), p.warning.clone());
            let replace = (p.assessment.clone(), p.warning.clone());
            view! {
                <div class="lia-warning-banner" id="lia-import-clash" tabindex="-1" role="alertdialog" aria-labelledby="lia-import-clash-title">
                    <h3 class="lia-heading-s" id="lia-import-clash-title">"This assessment is already saved in this browser"</h3>
                    <p>{format!("The file is a copy of “{}”, which is already saved here. ", p.existing_title)}
                        {if p.existing_approved {
                            "The saved one is approved, so it cannot be replaced: you can keep both."
                        } else {
                            "Replace the saved one with the file, or keep both?"
                        }}
                    </p>
                    <div class="lia-button-group">
                        {(!p.existing_approved).then(|| view! {
                            <button type="button" class="lia-button" on:click=move |_| finish(replace.0.clone(), replace.1.clone(), true)>"Replace the saved one"</button>
                        })}
                        <button type="button" class="lia-button lia-button--secondary" on:click=move |_| finish(keep_both.0.clone(), keep_both.1.clone(), false)>"Keep both"</button>
                        <button type="button" class="lia-link-button" on:click=move |_| pending.set(None)>"Cancel"</button>
                    </div>
                </div>
            }
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
            {move || error.get().map(|message| view! {
                <p class="lia-error-message" id="lia-import-error"><span class="lia-visually-hidden">"Error: "</span>{message}</p>
            })}
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
