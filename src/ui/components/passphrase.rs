//! The passphrase that encrypts saved assessments (decided in `crate::session`): the
//! form that unlocks them, and the panel that sets, changes or removes it. Also the
//! plain warning shown when the tool is opened as a file, where every other local page
//! shares this browser's storage.

use std::time::Duration;

use leptos::prelude::*;

use super::button::button;
use super::error_message::error_message;
use super::form::form;

use super::error_summary::{error_summary_with, ErrorItem};
use crate::session::Protection;
use crate::ui::state::AppState;

/// Runs `work` after the browser has drawn "busy" (deriving the key takes a moment).
fn after_paint(busy: RwSignal<bool>, work: impl FnOnce() + 'static) {
    busy.set(true);
    set_timeout(
        move || {
            work();
            busy.set(false);
        },
        Duration::from_millis(30),
    );
}

/// One error for the summary, pointing at the field it is about.
fn errors(error: RwSignal<Option<String>>, field: &'static str) -> Signal<Vec<ErrorItem>> {
    Signal::derive(move || {
        error
            .get()
            .map(|message| ErrorItem {
                message,
                target: Some(field.into()),
            })
            .into_iter()
            .collect()
    })
}

/// A password field with its label, hint and error, GOV.UK style.
#[component]
fn PassphraseField(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    value: RwSignal<String>,
    error: RwSignal<Option<String>>,
    #[prop(default = "current-password")] autocomplete: &'static str,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if error.with(Option::is_some) {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <div class=move || if error.with(Option::is_some) { "lia-field lia-field--error" } else { "lia-field" }>
            <label class="lia-label" for=id>{label}</label>
            <div class="lia-hint" id=hint_id>{hint}</div>
            {move || error.get().map(|e| error_message(Some(error_id.clone()), e))}
            <input
                class="lia-input lia-input--width-20"
                type="password"
                id=id
                spellcheck="false"
                autocomplete=autocomplete
                aria-describedby=described
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// Shown instead of the saved assessments while the passphrase has not been given.
#[component]
pub fn UnlockForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let value = RwSignal::new(String::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let unlock = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        after_paint(busy, move || match state.unlock(&value.get_untracked()) {
            Ok(()) => {
                value.set(String::new());
                error.set(None);
                state.focus("lia-page-heading");
            }
            Err(e) => {
                error.set(Some(e.to_string()));
                state.focus("lia-unlock-error-summary");
            }
        });
    };
    view! {
        {error_summary_with("lia-unlock-error-summary", errors(error, "lia-unlock-passphrase"), "There is a problem", 3)}
        <div class="lia-inset" id="lia-locked">
            <p>
                "Your saved assessments in this browser are encrypted with a passphrase. Enter it to "
                "see and open them. Nothing can be started or opened until you do."
            </p>
            {form(None, view! {
                <PassphraseField id="lia-unlock-passphrase" label="Passphrase"
                    hint="The passphrase you set in this browser. A wrong one changes nothing."
                    value error />
                <button type="submit" class="lia-button" on:click=unlock disabled=move || busy.get()>"Unlock"</button>
                {move || busy.get().then(|| view! { <p role="status">"Checking the passphrase…"</p> })}
            }.into_any())}
            <p class="lia-hint">
                "If the passphrase is forgotten, the assessments saved here cannot be opened. Clearing this "
                "browser's data for this tool removes them, so you can start again."
            </p>
        </div>
    }
}

/// Set, change or remove the passphrase, with what it does and does not protect.
#[component]
pub fn PassphrasePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let first = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let again_error: RwSignal<Option<String>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let confirming_removal = RwSignal::new(false);
    let protection = move || state.storage.protection.get();
    let set = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if first.get_untracked() != again.get_untracked() {
            error.set(None);
            again_error.set(Some(
                "The two passphrases are not the same: type it again".into(),
            ));
            state.focus("lia-passphrase-error-summary");
            return;
        }
        again_error.set(None);
        after_paint(busy, move || {
            match state.set_passphrase(&first.get_untracked()) {
                Ok(()) => {
                    first.set(String::new());
                    again.set(String::new());
                    error.set(None);
                    state.focus("lia-notice");
                }
                Err(e) => {
                    error.set(Some(e.to_string()));
                    state.focus("lia-passphrase-error-summary");
                }
            }
        });
    };
    let remove = move || {
        after_paint(busy, move || {
            let result = state.remove_passphrase();
            confirming_removal.set(false);
            if let Err(e) = result {
                error.set(Some(e.to_string()));
            }
        });
    };
    let summary = Signal::derive(move || {
        let mut items = errors(error, "lia-passphrase-new").get();
        items.extend(errors(again_error, "lia-passphrase-again").get());
        items
    });
    view! {
        <details class="lia-details" id="lia-passphrase">
            <summary class="lia-details__summary">
                {move || if protection() == Protection::On { "Change or remove the passphrase" } else { "Protect saved assessments with a passphrase" }}
            </summary>
            <div class="lia-details__text">
                <p>
                    "A passphrase encrypts what this tool keeps in this browser (AES-256, with a key made "
                    "from your passphrase). Other pages and files opened in this browser then cannot read "
                    "your assessments, and anything they put in its storage is set aside, not listed. "
                    "You will need the passphrase each time you open the tool here. It is never stored "
                    "and cannot be recovered: keep downloaded copies of your assessments."
                </p>
                {error_summary_with("lia-passphrase-error-summary", summary, "There is a problem", 3)}
                {form(None, view! {
                    <PassphraseField id="lia-passphrase-new"
                        label=if state.storage.protection.get_untracked() == Protection::On { "New passphrase" } else { "Passphrase" }
                        hint="At least 8 characters. A few unrelated words are strong and easy to remember."
                        value=first error autocomplete="new-password" />
                    <PassphraseField id="lia-passphrase-again" label="Type it again"
                        hint="To be sure it is what you meant." value=again error=again_error autocomplete="new-password" />
                    <button type="submit" class="lia-button lia-button--secondary" on:click=set disabled=move || busy.get()>
                        {move || if protection() == Protection::On { "Change the passphrase" } else { "Set the passphrase" }}
                    </button>
                    {move || busy.get().then(|| view! { <p role="status">"Encrypting…"</p> })}
                }.into_any())}
                {move || (protection() == Protection::On).then(|| view! {
                    <h3 class="lia-heading-s">"Remove the passphrase"</h3>
                    <p>"Your saved assessments are kept, without encryption."</p>
                    {move || if confirming_removal.get() {
                        view! {
                            {button("lia-button lia-button--warning", "Yes, remove the passphrase", remove)}
                            {button("lia-link-button", "Cancel", move || confirming_removal.set(false))}
                        }.into_any()
                    } else {
                        view! {
                            {button("lia-button lia-button--secondary", "Remove the passphrase", move || confirming_removal.set(true))}
                        }.into_any()
                    }}
                })}
            </div>
        </details>
    }
}

/// Shown when the tool was opened as a file: what that means for privacy, plainly.
#[component]
pub fn FileOriginNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    let opened_from_file = crate::ui::browser::opened_from_file();
    move || {
        opened_from_file.then(|| {
            let protected = state.storage.protection.get() != Protection::Off;
            view! {
                <div class="lia-warning-banner" role="region" aria-labelledby="lia-file-origin-title" id="lia-file-origin">
                    <h2 class="lia-heading-s" id="lia-file-origin-title">"You opened this tool as a file on this computer"</h2>
                    <p>
                        "In this browser, every page opened from a file shares one storage. Another HTML file you "
                        "open here could read the assessments this tool saves, or add false ones to the list."
                    </p>
                    {if protected {
                        view! { <p><strong>"Your saved assessments are encrypted with your passphrase: other files cannot read them, and anything they add is set aside, not listed."</strong></p> }.into_any()
                    } else {
                        view! { <p><strong>"Set a passphrase below to encrypt them, or open the tool from a web server, and keep downloaded copies."</strong></p> }.into_any()
                    }}
                </div>
            }
        })
    }
}
