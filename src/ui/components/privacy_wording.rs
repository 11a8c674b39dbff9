//! The suggested privacy information on "Check your answers": the core's draft
//! (`assessment::privacy_notice`) in a text box the user can edit before copying, a copy
//! button (the Clipboard API, or the text selected to copy by hand when the browser
//! blocks it), what is missing with links to the questions, and what to check. The
//! edits are this page's only: they are not saved, and the page says so.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::assessment::privacy_notice::{privacy_wording, Route, DRAFT_NOTE};
use crate::ui::state::{field_id, AppState};

const TEXT_ID: &str = "lia-privacy-wording";

#[component]
pub fn PrivacyWording() -> impl IntoView {
    let state = expect_context::<AppState>();
    let wording = Memo::new(move |_| state.open.with(|a| a.as_ref().map(privacy_wording)));
    // The user's own edit of the text, if any; otherwise it follows the answers.
    let edited: RwSignal<Option<String>> = RwSignal::new(None);
    let copied: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let text = move || {
        edited
            .get()
            .unwrap_or_else(|| wording.with(|w| w.as_ref().map(|w| w.text()).unwrap_or_default()))
    };
    let copy = move |_| {
        let value = text();
        // Undefined outside a secure context: calling it then would throw.
        let clipboard = web_sys::window()
            .map(|w| w.navigator().clipboard())
            .filter(|c| !c.is_undefined());
        leptos::task::spawn_local(async move {
            let written = match clipboard {
                Some(c) => wasm_bindgen_futures::JsFuture::from(c.write_text(&value))
                    .await
                    .is_ok(),
                None => false,
            };
            if written {
                copied.set(Some(
                    "Copied. Paste it into your privacy information, and check it there.",
                ));
            } else {
                select_text(state);
                copied.set(Some("This browser did not let the tool copy. The wording is selected: press Ctrl and C (or Command and C on a Mac) to copy it."));
            }
        });
    };
    view! {
        <h2 class="lia-heading-l" id="lia-privacy-heading">"Suggested privacy information"</h2>
        {move || wording.get().map(|w| match w.route {
            Route::NotApplicable(reason) => view! { <p>{reason}</p> }.into_any(),
            _ => {
                let missing = w.missing();
                let checks = w.checks.clone();
                view! {
                    <p>
                        "UK GDPR Articles 13 and 14 require your privacy information to say what you use "
                        "the data for, that your lawful basis is legitimate interests, what those interests "
                        "are, and that people have the right to object. This wording is made from your answers."
                    </p>
                    <div class="lia-warning-text">
                        <strong>{DRAFT_NOTE}" You can change it here before you copy it. Your changes here are not saved."</strong>
                    </div>
                    <div class="lia-field">
                        <label class="lia-label" for=TEXT_ID>"Wording for your privacy information"</label>
                        <div class="lia-hint" id="lia-privacy-wording-hint">
                            "Anything in square brackets is missing from your answers: replace it before you use the wording."
                        </div>
                        <textarea
                            class="lia-textarea lia-textarea--tall"
                            id=TEXT_ID
                            rows="12"
                            spellcheck="true"
                            aria-describedby="lia-privacy-wording-hint"
                            prop:value=text
                            on:input=move |ev| {
                                edited.set(Some(event_target_value(&ev)));
                                copied.set(None);
                            }
                        ></textarea>
                    </div>
                    <div class="lia-button-group">
                        <button type="button" class="lia-button lia-button--secondary" on:click=copy>"Copy the wording"</button>
                        {move || edited.with(Option::is_some).then(|| view! {
                            <button type="button" class="lia-link-button" on:click=move |_| {
                                edited.set(None);
                                copied.set(None);
                            }>"Start again from your answers"</button>
                        })}
                    </div>
                    <p class="lia-status" role="status">{move || copied.get()}</p>
                    {(!missing.is_empty()).then(|| view! {
                        <h3 class="lia-heading-s">"What is missing"</h3>
                        <ul class="lia-list">
                            {missing.into_iter().map(|m| match m.question {
                                Some(q) => view! {
                                    <li>
                                        <a href=format!("#{}", field_id(q)) on:click=move |ev| {
                                            ev.prevent_default();
                                            state.go_to_question(q);
                                        }>{format!("Answer “{}”", q.question().short)}</a>
                                        {format!(": {}.", m.what)}
                                    </li>
                                }.into_any(),
                                None => view! { <li>{format!("{}: the assessment does not ask for this, so add it yourself.", capitalised(m.what))}</li> }.into_any(),
                            }).collect_view()}
                        </ul>
                    })}
                    {(!checks.is_empty()).then(|| view! {
                        <h3 class="lia-heading-s">"Check before you use it"</h3>
                        <ul class="lia-list">{checks.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                    })}
                }
                .into_any()
            }
        })}
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Selects the whole wording in its box and puts focus there, so it can be copied by
/// hand.
fn select_text(state: AppState) {
    let root = state.root.get_value();
    if let Some(area) = root
        .get_element_by_id(TEXT_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        let _ = area.focus();
        area.select();
    }
}
