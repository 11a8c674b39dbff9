//! On "Check your answers": each warning, and accepting it with a written reason (or
//! withdrawing that). The approver sees every accepted warning with its reason and the
//! reports list them. What an acceptance is, and when it opens again, is the core's
//! (`assessment::accepted`).

use leptos::prelude::*;

use super::button::{button, button_with};
use super::error_message::error_message;
use super::textarea::bound_textarea;

use crate::assessment::accepted::{standing, Standing};
use crate::assessment::{Date, Finding, Severity};
use crate::ui::state::AppState;

/// A warning as this list shows it.
#[derive(Clone, PartialEq)]
struct Row {
    finding: Finding,
    /// Accepted (and still for the answers as they are): when, and why.
    accepted: Option<(String, String)>,
    /// Accepted once, and its answers changed since.
    reopened: Option<String>,
}

fn long(date: &str) -> String {
    Date::parse(date).map_or_else(|| date.to_string(), Date::long)
}

#[component]
pub fn AcceptWarnings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = Memo::new(move |_| {
        let findings = state.evaluation.with(|e| {
            e.as_ref()
                .map(|e| e.outcome.findings.clone())
                .unwrap_or_default()
        });
        state.open.with(|a| {
            let Some(a) = a.as_ref() else {
                return Vec::new();
            };
            findings
                .into_iter()
                .filter(|f| f.severity == Severity::Warning)
                .map(|finding| {
                    let (accepted, reopened) = match standing(a, &finding) {
                        Standing::Open => (None, None),
                        Standing::Accepted(e) => (Some((long(&e.date), e.reason.clone())), None),
                        Standing::Reopened(e) => (None, Some(long(&e.date))),
                    };
                    Row {
                        finding,
                        accepted,
                        reopened,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    move || {
        let list = rows.get();
        (!list.is_empty()).then(|| {
            view! {
                <section id="lia-accept-warnings" aria-labelledby="lia-accept-warnings-title">
                    <h2 class="lia-heading-l" id="lia-accept-warnings-title">"Warnings you can accept"</h2>
                    <p>
                        "A warning is something an approver would challenge. If it is right for this "
                        "processing, you can accept it with your reason: it then no longer counts as open, "
                        "the approver sees your reason, and the reports list it. It opens again if the "
                        "answers it is about change. A blocker cannot be accepted: it must be fixed."
                    </p>
                    <ul class="lia-list lia-accept-list">
                        {list.into_iter().enumerate().map(|(i, row)| view! { <WarningRow row index=i /> }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

#[component]
fn WarningRow(row: Row, index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let reason = RwSignal::new(String::new());
    let open_form = RwSignal::new(row.reopened.is_some());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let id = format!("lia-accept-{index}");
    let rule = row.finding.id.clone();
    let detail = row.finding.detail.clone();
    let accept = {
        let (rule, detail) = (rule.clone(), detail.clone());
        move || match state.accept_warning(&rule, detail.as_deref(), &reason.get_untracked()) {
            Ok(()) => {
                error.set(None);
                open_form.set(false);
            }
            Err(problem) => error.set(Some(problem.to_string())),
        }
    };
    let withdraw = {
        let (rule, detail) = (rule.clone(), detail.clone());
        move || state.withdraw_acceptance(&rule, detail.as_deref())
    };
    let read_only = state.read_only();
    view! {
        <li class="lia-accept" data-finding=rule.to_string()>
            <p><strong>{row.finding.message.to_string()}</strong></p>
            {row.finding.detail.clone().map(|d| view! { <p class="lia-hint">{d}</p> })}
            {match (&row.accepted, &row.reopened) {
                (Some((date, why)), _) => view! {
                    <p class="lia-prewrap"><strong class="lia-tag lia-tag--green">"Accepted"</strong>{format!(" on {date}, because: {why}")}</p>
                    {(!read_only).then(|| view! {
                        {button_with("lia-link-button", None, None, view! {
                            "Withdraw the acceptance"<span class="lia-visually-hidden">{format!(" of: {}", row.finding.message)}</span>
                        }.into_any(), withdraw.clone())}
                    })}
                }
                .into_any(),
                (None, Some(date)) => view! {
                    <p><strong class="lia-tag lia-tag--yellow">"Open again"</strong>{format!(" You accepted it on {date}, but the answers it is about have changed since: accept it again, or fix it.")}</p>
                }
                .into_any(),
                _ => ().into_any(),
            }}
            {(!read_only && row.accepted.is_none()).then(|| {
                let id = id.clone();
                let error_id = format!("{id}-error");
                view! {
                    {
                        let id = id.clone();
                        move || (!open_form.get()).then(|| {
                        let id = id.clone();
                        view! {
                        {button_with("lia-link-button", None, None, view! {
                            "Accept this warning"<span class="lia-visually-hidden">{format!(": {}", row.finding.message)}</span>
                        }.into_any(), move || {
                            open_form.set(true);
                            state.focus(id.clone());
                        })}
                    }})}
                    {
                        let accept = accept.clone();
                        let id = id.clone();
                        let error_id = error_id.clone();
                        move || open_form.get().then(|| view! {
                            <div class=move || if error.with(Option::is_some) { "lia-field lia-field--error" } else { "lia-field" }>
                                <label class="lia-label" for=id.clone()>"Why do you accept this warning?"</label>
                                {move || error.get().map(|e| error_message(Some(format!("{}-error", index_id(index))), e))}
                                {bound_textarea(id.clone(), "3", Some(Box::new({
                                    let error_id = error_id.clone();
                                    move || error.with(Option::is_some).then(|| error_id.clone())
                                })), reason)}
                            </div>
                            {button("lia-button lia-button--secondary", "Accept it with this reason", accept.clone())}
                        })
                    }
                }
            })}
        </li>
    }
}

fn index_id(index: usize) -> String {
    format!("lia-accept-{index}")
}
