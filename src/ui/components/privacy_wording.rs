//! The privacy information on "Check your answers": the core's wording
//! (`assessment::privacy_notice`) in a text box the user can change before copying, a copy
//! button (the Clipboard API, or the text selected to copy by hand when the browser
//! blocks it), what is missing with links to the questions, and what to check. What the
//! user writes is saved with the assessment (`privacy_notice::edit`) and printed in its
//! reports; "Use the suggested wording" goes back to the one made from the answers.

use leptos::prelude::*;

use super::button::button;
use super::in_page_link::in_page_link;
use wasm_bindgen::JsCast;

use super::follow::follow_value;
use crate::assessment::privacy_notice::{
    edit, settled, use_suggestion, Route, Settled, DRAFT_NOTE, STALE_NOTE,
};
use crate::assessment::text::capitalised;
use crate::ui::state::{field_id, AppState};

const TEXT_ID: &str = "lia-privacy-wording";

#[component]
pub fn PrivacyWording() -> impl IntoView {
    let state = expect_context::<AppState>();
    let settled = Memo::new(move |_| state.open.with(|a| a.as_ref().map(settled)));
    // A `String` like the app's other optional texts: a signal of `&str` would be a type
    // of its own in the wasm.
    let copied: RwSignal<Option<String>> = RwSignal::new(None);
    let text = move || {
        settled.with(|s| match s {
            Some(Settled::Suggested(w)) => w.text(),
            Some(Settled::Edited { text, .. }) => text.clone(),
            None => String::new(),
        })
    };
    let edited = move || settled.with(|s| matches!(s, Some(Settled::Edited { .. })));
    let stale = move || settled.with(|s| matches!(s, Some(Settled::Edited { stale: true, .. })));
    let copy = move || {
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
                    "Copied. Paste it into your privacy information, and check it there.".into(),
                ));
            } else {
                select_text(state);
                copied.set(Some("This browser did not let the tool copy. The wording is selected: press Ctrl and C (or Command and C on a Mac) to copy it.".into()));
            }
        });
    };
    let node = NodeRef::<leptos::html::Textarea>::new();
    follow_value(node, text);
    let initial = text();
    view! {
        <h2 class="lia-heading-l" id="lia-privacy-heading">"Privacy information"</h2>
        {move || settled.get().map(|s| {
            let suggestion = match s {
                Settled::Suggested(w) | Settled::Edited { suggestion: w, .. } => w,
            };
            match suggestion.route {
                Route::NotApplicable(reason) => view! { <p>{reason}</p> }.into_any(),
                _ => {
                    let missing = suggestion.missing();
                    let checks = suggestion.checks.clone();
                    view! {
                        <p>
                            "UK GDPR Articles 13 and 14 require your privacy information to say what you use "
                            "the data for, that your lawful basis is legitimate interests, what those interests "
                            "are, and that people have the right to object. This wording is made from your "
                            "answers, written to the people the data is about."
                        </p>
                        <div class="lia-warning-text">
                            <strong>{DRAFT_NOTE}" What you write here is saved with the assessment and printed in its reports."</strong>
                        </div>
                        {move || stale().then(|| view! {
                            <div class="lia-inset" role="status"><p>{STALE_NOTE}</p></div>
                        })}
                        {(!missing.is_empty()).then(|| view! {
                            <h3 class="lia-heading-s">"What is missing"</h3>
                            <ul class="lia-list">
                                {missing.into_iter().map(|m| match m.question {
                                    Some(q) => view! {
                                        <li>
                                            {in_page_link(None, format!("#{}", field_id(q)), format!("Answer “{}”", q.question().short).into_any(), move || state.go_to_question(q))}
                                            {format!(": {}.", m.what)}
                                        </li>
                                    }.into_any(),
                                    None => view! { <li>{format!("{}: the assessment does not ask for this, so write it yourself.", capitalised(m.what))}</li> }.into_any(),
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
            }
        })}
        <div class="lia-field" hidden=move || settled.with(|s| match s {
            Some(Settled::Suggested(w)) | Some(Settled::Edited { suggestion: w, .. }) => matches!(w.route, Route::NotApplicable(_)),
            None => true,
        })>
            <label class="lia-label" for=TEXT_ID>"Wording for your privacy information"</label>
            <div class="lia-hint" id="lia-privacy-wording-hint">
                "Anything in square brackets is missing from your answers: replace it before you use the wording."
            </div>
            <textarea
                node_ref=node
                class="lia-textarea lia-textarea--tall"
                id=TEXT_ID
                rows="12"
                spellcheck="true"
                aria-describedby="lia-privacy-wording-hint"
                readonly=move || state.read_only()
                prop:value=initial
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    state.type_into(None, |a| edit(a, &value));
                    copied.set(None);
                }
            ></textarea>
        </div>
        <div class="lia-button-group">
            {button("lia-button lia-button--secondary", "Copy the wording", copy)}
            {move || (edited() && !state.read_only()).then(|| view! {
                {button("lia-link-button", "Use the suggested wording again", move || {
                    state.edit(use_suggestion);
                    copied.set(None);
                })}
            })}
        </div>
        <p class="lia-status" role="status">{move || copied.get()}</p>
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
