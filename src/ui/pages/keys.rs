//! Approver keys: this browser's signing key (made once, its key card downloaded to
//! send to authors) and the list of trusted approvers (the organisation's, from the
//! host page, and those added here from a key card after checking its fingerprint).
//! Whether a card is valid is the core's (`handover::read_card`); keeping keys is
//! `ui::approver`'s.

use leptos::prelude::*;

use crate::handover::{read_card, KeyCard, TrustSource};
use crate::route::Route;
use crate::ui::approver::{self, source_label, KeyState};
use crate::ui::components::button::{button, button_with};
use crate::ui::components::error_summary::{error_summary_with, ErrorItem};
use crate::ui::downloads::download;
use crate::ui::page_title::page_title;
use crate::ui::state::AppState;

const KEY_ERRORS: &str = "lia-key-errors";
const CARD_ERRORS: &str = "lia-card-errors";

#[component]
pub fn KeysPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    page_title(|| Some("Approver keys".into()));
    let back = move || {
        if state.storage.approving.with(Option::is_some) {
            view! {
                {button("lia-back-link lia-link-button", "Back to the file for approval", move || state.navigate(Route::Approve))}
            }
            .into_any()
        } else {
            view! {
                {button("lia-back-link lia-link-button", "Back to the start page", move || state.navigate(Route::Start))}
            }
            .into_any()
        }
    };
    view! {
        {back}
        <h1 class="lia-heading-xl" id="lia-page-heading" tabindex="-1">"Approver keys"</h1>
        <p>
            "An approver signs each decision with a key their browser makes for them. Anyone can "
            "then check the signature: an approval shows as approved only when it is signed by a "
            "trusted approver, and the content and decision are as they were signed."
        </p>
        <YourKey />
        <TrustedApprovers />
    }
}

/// This browser's key: make one, or see its card.
#[component]
fn YourKey() -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(
        state
            .config
            .with_value(|c| c.settings.approver_role.clone())
            .unwrap_or_default(),
    );
    let organisation = RwSignal::new(
        state
            .config
            .with_value(|c| c.settings.organisation.clone())
            .unwrap_or_default(),
    );
    let errors: RwSignal<Vec<ErrorItem>> = RwSignal::new(Vec::new());
    let busy = RwSignal::new(false);
    let confirm_delete = RwSignal::new(false);
    let create = move |_| {
        if busy.get_untracked() {
            return;
        }
        if name.get_untracked().trim().is_empty() {
            errors.set(vec![ErrorItem {
                message: "Enter your name".into(),
                target: Some("lia-key-name".into()),
            }]);
            state.focus(KEY_ERRORS);
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = approver::create(
                state,
                name.get_untracked(),
                role.get_untracked(),
                organisation.get_untracked(),
            )
            .await;
            busy.set(false);
            match result {
                Ok(()) => {
                    errors.set(Vec::new());
                    state.focus("lia-key-card");
                }
                Err(message) => {
                    errors.set(vec![ErrorItem {
                        message: format!("Your key could not be made: {message}"),
                        target: None,
                    }]);
                    state.focus(KEY_ERRORS);
                }
            }
        });
    };
    let delete = move || {
        leptos::task::spawn_local(async move {
            if let Err(message) = approver::delete(state).await {
                errors.set(vec![ErrorItem {
                    message: format!("Your key could not be deleted: {message}"),
                    target: None,
                }]);
            }
            confirm_delete.set(false);
        });
    };
    let download_card = move |card: KeyCard| {
        if let Err(why) = download(&card.file_name(), "application/json", &card.to_file()) {
            errors.set(vec![ErrorItem {
                message: format!("The download failed: {why}"),
                target: None,
            }]);
        }
    };
    let field = |id: &'static str, label: &'static str, value: RwSignal<String>| {
        view! {
            <div class="lia-field">
                <label class="lia-label" for=id>{label}</label>
                <input class="lia-input lia-input--width-20" type="text" id=id autocomplete="off"
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev)) />
            </div>
        }
    };
    view! {
        <h2 class="lia-heading-l" id="lia-your-key">"Your approver key"</h2>
        {error_summary_with(KEY_ERRORS, errors.into(), "There is a problem", 3)}
        {move || match state.approver.get() {
            KeyState::Loading => view! { <p role="status">"Reading your approver key…"</p> }.into_any(),
            KeyState::Ready(card) => {
                let card_for_download = card.clone();
                view! {
                    <div class="lia-notice" id="lia-key-card" tabindex="-1" role="region" aria-labelledby="lia-key-card-title">
                        <h3 class="lia-heading-m" id="lia-key-card-title">"Your key card"</h3>
                        <CardDetails card=card.clone() />
                        <p>
                            "Send your key card to the authors whose assessments you approve, or to whoever "
                            "keeps your organisation's list of approvers. Before they trust it, they should "
                            "check its fingerprint with you, by telephone or in person: read them the "
                            "fingerprint above."
                        </p>
                        {button("lia-button", "Download your key card", move || download_card(card_for_download.clone()))}
                    </div>
                    <KeyDeletion confirm=confirm_delete delete />
                }
                .into_any()
            }
            KeyState::Unusable(card, why) => view! {
                <div class="lia-warning-banner" role="region" aria-label="Your approver key" id="lia-key-card">
                    <p><strong>{format!("Your approver key cannot be used: {why}")}</strong></p>
                    <CardDetails card />
                </div>
                <KeyDeletion confirm=confirm_delete delete />
            }
            .into_any(),
            KeyState::Unavailable(why) => view! {
                <div class="lia-warning-banner" role="region" aria-label="Your approver key">
                    <p><strong>{why}</strong></p>
                </div>
            }
            .into_any(),
            KeyState::None => view! {
                <p>
                    "If you approve assessments, make your key once, in this browser. Its private part "
                    "never leaves this browser and cannot be copied out of it; what you send to others "
                    "is its key card. Use the browser you will approve in."
                </p>
                {field("lia-key-name", "Your name", name)}
                {field("lia-key-role", "Your role", role)}
                {field("lia-key-organisation", "Your organisation", organisation)}
                <button type="button" class="lia-button" on:click=create prop:disabled=move || busy.get()>"Create your approver key"</button>
                {move || busy.get().then(|| view! { <p role="status">"Making your key…"</p> })}
            }
            .into_any(),
        }}
    }
}

/// "Delete this key", asked twice.
#[component]
fn KeyDeletion(
    confirm: RwSignal<bool>,
    delete: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        if confirm.get() {
            view! {
                <div class="lia-warning-banner" role="alertdialog" aria-labelledby="lia-delete-key-title" id="lia-delete-key">
                    <h3 class="lia-heading-s" id="lia-delete-key-title">"Delete your approver key?"</h3>
                    <p>"Decisions you signed stay signed. You would make a new key, and send its new card to everyone who trusts the old one."</p>
                    <div class="lia-button-group">
                        {button("lia-button lia-button--warning", "Yes, delete it", delete)}
                        {button("lia-link-button", "Cancel", move || confirm.set(false))}
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! {
                <p>{button("lia-link-button", "Delete this key", move || confirm.set(true))}</p>
            }
            .into_any()
        }
    }
}

/// A card's name, role, organisation and fingerprint.
#[component]
fn CardDetails(card: KeyCard) -> impl IntoView {
    view! {
        <p>{card.signer().who()}". Fingerprint: "<span class="lia-fingerprint">{card.fingerprint}</span></p>
    }
}

/// The trusted approvers, and adding one from a key card.
#[component]
fn TrustedApprovers() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pending: RwSignal<Option<KeyCard>> = RwSignal::new(None);
    let checked = RwSignal::new(false);
    let errors: RwSignal<Vec<ErrorItem>> = RwSignal::new(Vec::new());
    let done: RwSignal<Option<String>> = RwSignal::new(None);
    let fail = move |message: String, target: Option<&str>| {
        errors.set(vec![ErrorItem {
            message,
            target: target.map(String::from),
        }]);
        state.focus(CARD_ERRORS);
    };
    let on_change = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let input: web_sys::HtmlInputElement = ev.target().expect("a target").unchecked_into();
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        done.set(None);
        leptos::task::spawn_local(async move {
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => Vec::new(),
            };
            match read_card(&bytes) {
                Ok(card) => {
                    errors.set(Vec::new());
                    checked.set(false);
                    pending.set(Some(card));
                    state.focus("lia-pending-card");
                }
                Err(problem) => {
                    pending.set(None);
                    fail(
                        format!("“{name}” cannot be trusted: {problem}"),
                        Some("lia-card-file"),
                    );
                }
            }
        });
    };
    let trust = move || {
        let Some(card) = pending.get_untracked() else {
            return;
        };
        if !checked.get_untracked() {
            fail(
                format!(
                    "Confirm that you have checked the fingerprint with {}",
                    card.name
                ),
                Some("lia-card-checked"),
            );
            return;
        }
        leptos::task::spawn_local(async move {
            match approver::trust(state, card.clone()).await {
                Ok(()) => {
                    errors.set(Vec::new());
                    pending.set(None);
                    done.set(Some(format!(
                        "{} is now a trusted approver in this browser.",
                        card.signer().who()
                    )));
                    state.focus("lia-trusted-done");
                }
                Err(message) => fail(format!("It could not be added: {message}"), None),
            }
        });
    };
    view! {
        <h2 class="lia-heading-l" id="lia-trusted-approvers">"Trusted approvers"</h2>
        <p>
            "A decision signed with a key on this list shows as signed by a trusted approver. Your "
            "organisation can list its approvers for everyone (in the page that holds this tool); "
            "you can add others here, in this browser only, from their key card."
        </p>
        {move || state.trust_refused.get().map(|why| view! {
            <div class="lia-warning-text" id="lia-trusted-refused" role="alert">
                <strong>{why}</strong>
            </div>
        })}
        {move || {
            let list = state.trust.with(|t| t.list().to_vec());
            if list.is_empty() {
                view! { <p id="lia-trusted-empty">"No approver is trusted yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="lia-list" id="lia-trusted-list">
                        {list.into_iter().map(|t| {
                            let fingerprint = t.fingerprint;
                            let remove = (t.source == TrustSource::Browser).then(|| view! {
                                " "
                                {button_with("lia-link-button", None, None, view! {
                                    "Remove"<span class="lia-visually-hidden">{format!(" {}", t.card.name)}</span>
                                }.into_any(), move || {
                                    leptos::task::spawn_local(async move {
                                        if let Err(message) = approver::untrust(state, fingerprint).await {
                                            fail(format!("It could not be removed: {message}"), None);
                                        }
                                    });
                                })}
                            });
                            view! {
                                <li>
                                    {format!("{}: {}. Fingerprint: ", source_label(t.source), t.card.signer().who())}
                                    <span class="lia-fingerprint">{t.card.fingerprint.clone()}</span>
                                    {remove}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }
        }}
        <h3 class="lia-heading-m">"Add a trusted approver"</h3>
        {error_summary_with(CARD_ERRORS, errors.into(), "There is a problem", 3)}
        <div class="lia-field">
            <label class="lia-label" for="lia-card-file">"Choose a key card"</label>
            <div class="lia-hint" id="lia-card-file-hint">"The file the approver sent you (its name starts “lia-approver-key”). It is read in this browser and not sent anywhere."</div>
            <input class="lia-file-upload" type="file" id="lia-card-file" accept=".json,application/json" aria-describedby="lia-card-file-hint" on:change=on_change />
        </div>
        {move || done.get().map(|message| view! { <p class="lia-notice" id="lia-trusted-done" tabindex="-1" role="status">{message}</p> })}
        {move || pending.get().map(|card| {
            let name = card.name.clone();
            view! {
                <div class="lia-inset" id="lia-pending-card" tabindex="-1" role="region" aria-labelledby="lia-pending-card-title">
                    <h4 class="lia-heading-s" id="lia-pending-card-title">"Check the fingerprint before you trust it"</h4>
                    <CardDetails card=card.clone() />
                    <p>
                        {format!("Ask {name} to read you the fingerprint shown on their own “Approver keys” page, by telephone or in person, and compare it with the one above, group by group. Anyone can make a key card with any name on it: only the fingerprint shows it is theirs.")}
                    </p>
                    <fieldset class="lia-fieldset">
                        <legend class="lia-legend">"Have you checked the fingerprint?"</legend>
                        <div class="lia-checkboxes">
                            <div class="lia-checkbox">
                                <input class="lia-checkbox__input" type="checkbox" id="lia-card-checked" prop:checked=move || checked.get() on:change=move |ev| checked.set(event_target_checked(&ev)) />
                                <label class="lia-checkbox__label" for="lia-card-checked">{format!("I have checked this fingerprint with {name}")}</label>
                            </div>
                        </div>
                    </fieldset>
                    <div class="lia-button-group">
                        {button("lia-button", "Trust this approver", trust)}
                        {button("lia-link-button", "Cancel", move || pending.set(None))}
                    </div>
                </div>
            }
        })}
    }
}
