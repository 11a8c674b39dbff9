//! The impacts list: add, edit and remove impacts, each rated before and after its
//! safeguards, with the risk matrix beneath. Removing can be undone.

use leptos::prelude::*;

use std::sync::Arc;

use super::field::{choice_item, field_error, hint, question_text, FieldIds};
use super::follow::follow_value;
use super::keyed::{keyed, row};
use super::risk_matrix::RiskMatrix;
use crate::assessment::questions::impact_fields as text;
use crate::assessment::{HarmSeverity, Impact, Likelihood, QuestionId};
use crate::ui::components::button::button_with;
use crate::ui::state::AppState;

/// The "Undo" button shown after an impact is removed, which then takes focus.
const UNDO_ID: &str = "lia-impact-undo";

fn impacts(state: AppState) -> Vec<Impact> {
    state
        .open
        .with(|a| a.as_ref().map(|a| a.impacts.clone()).unwrap_or_default())
}

/// Applies a change to one impact of the open assessment (`typed`: by typing, see
/// `AppState::type_into`).
fn edit_impact(state: AppState, id: u32, typed: bool, change: impl FnOnce(&mut Impact)) {
    let change = |a: &mut crate::assessment::Assessment| {
        if let Some(impact) = a.impact_mut(id) {
            change(impact);
        }
    };
    if typed {
        state.type_into(Some(QuestionId::ImpactList), change);
    } else {
        state.edit(change);
    }
}

#[component]
pub fn ImpactsEditor(q: QuestionId, error: Signal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ids = FieldIds::of(q);
    let all = Memo::new(move |_| impacts(state));
    let order = Memo::new(move |_| all.with(|list| list.iter().map(|i| i.id).collect::<Vec<_>>()));
    let removed: RwSignal<Option<(usize, Impact)>> = RwSignal::new(None);
    let add = move || {
        let mut new_id = None;
        state.edit(|a| new_id = Some(a.add_impact()));
        if let Some(id) = new_id {
            state.focus(format!("impact-{id}-description"));
        }
    };
    let undo = move || {
        if let Some((index, impact)) = removed.get_untracked() {
            let id = impact.id;
            let mut back = id;
            state.edit(|a| back = a.restore_impact(index, impact));
            removed.set(None);
            state.focus(format!("impact-{back}-description"));
        }
    };
    view! {
        <div
            class=move || if error.with(Option::is_some) { "lia-field lia-field--error" } else { "lia-field" }
            id=ids.control.clone()
            tabindex="-1"
        >
            <h2 class="lia-heading-m">
                {question_text(q)}
            </h2>
            {hint(q)}
            {field_error(q, error)}
            <div class="lia-impacts">
                {keyed(Signal::derive(move || {
                    order.get().into_iter().map(|id| {
                        row(id.to_string(), move || view! { <ImpactCard id all removed /> }.into_any())
                    }).collect()
                }))}
            </div>
            <p class="lia-status" role="status">
                {move || {
                    removed
                        .get()
                        .map(|(index, _)| {
                            view! {
                                {format!("Impact {} removed. ", index + 1)}
                                {button_with("lia-link-button", Some(UNDO_ID.to_string()), None, view! {
                                    "Undo"
                                    <span class="lia-visually-hidden">{format!(" removing impact {}", index + 1)}</span>
                                }.into_any(), undo)}
                            }
                        })
                }}
            </p>
            {button_with("lia-button lia-button--secondary", None, None, (move || if all.with(Vec::is_empty) { "Add an impact" } else { "Add another impact" }).into_any(), add)}
            <h3 class="lia-heading-s">"Risk matrix"</h3>
            <RiskMatrix impacts=Signal::derive(move || all.get()) id="lia-impacts-matrix" />
        </div>
    }
}

#[component]
fn ImpactCard(
    id: u32,
    all: Memo<Vec<Impact>>,
    removed: RwSignal<Option<(usize, Impact)>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let impact = Memo::new(move |_| {
        all.with(|list| {
            list.iter()
                .find(|i| i.id == id)
                .cloned()
                .unwrap_or_default()
        })
    });
    let number = move || all.with(|list| list.iter().position(|i| i.id == id).map_or(0, |p| p + 1));
    let initial = impact.get_untracked();
    let base = format!("impact-{id}");
    let description = NodeRef::<leptos::html::Textarea>::new();
    follow_value(description, move || impact.with(|i| i.description.clone()));
    let safeguards = NodeRef::<leptos::html::Textarea>::new();
    follow_value(safeguards, move || impact.with(|i| i.safeguards.clone()));
    let remove = move || {
        let mut taken = None;
        state.edit(|a| taken = a.take_impact(id));
        if taken.is_some() {
            removed.set(taken);
            // The button pressed has gone: keep the keyboard at the undo that replaces it.
            state.focus(UNDO_ID);
        }
    };
    let risk = move |residual: bool| {
        let i = impact.get();
        let risk = if residual {
            i.residual_risk()
        } else {
            i.risk()
        };
        risk.map_or("Not rated yet".to_string(), |r| {
            format!("{} risk", r.label())
        })
    };
    view! {
        <section class="lia-impact" aria-labelledby=format!("{base}-title")>
            <h3 class="lia-heading-s" id=format!("{base}-title")>{move || format!("Impact {}", number())}</h3>
            <div class="lia-field">
                <label class="lia-label" for=format!("{base}-description")>{text::DESCRIPTION}</label>
                <div class="lia-hint" id=format!("{base}-description-hint")>{text::DESCRIPTION_HINT}</div>
                <textarea
                    node_ref=description
                    class="lia-textarea"
                    id=format!("{base}-description")
                    rows="2"
                    aria-describedby=format!("{base}-description-hint")
                    prop:value=initial.description.clone()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        edit_impact(state, id, true, |i| i.description = v);
                    }
                ></textarea>
            </div>
            <Ratings base=base.clone() id impact residual=false />
            <p class="lia-impact__risk">"Before safeguards: " <strong>{move || risk(false)}</strong></p>
            <div class="lia-field">
                <label class="lia-label" for=format!("{base}-safeguards")>
                    {text::SAFEGUARDS}<span class="lia-optional">" (optional)"</span>
                </label>
                <textarea
                    node_ref=safeguards
                    class="lia-textarea"
                    id=format!("{base}-safeguards")
                    rows="2"
                    prop:value=initial.safeguards.clone()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        edit_impact(state, id, true, |i| i.safeguards = v);
                    }
                ></textarea>
            </div>
            <p class="lia-hint">{text::RESIDUAL_HINT}</p>
            <Ratings base=base.clone() id impact residual=true />
            <p class="lia-impact__risk">"After safeguards: " <strong>{move || risk(true)}</strong></p>
            {button_with("lia-button lia-button--warning", None, None, (move || format!("Remove impact {}", number())).into_any(), remove)}
        </section>
    }
}

/// The likelihood and severity of one impact: as it stands, or with its safeguards
/// (`residual`).
#[component]
fn Ratings(base: String, id: u32, impact: Memo<Impact>, residual: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (prefix, likelihood_legend, severity_legend) = if residual {
        (
            "residual-",
            text::RESIDUAL_LIKELIHOOD,
            text::RESIDUAL_SEVERITY,
        )
    } else {
        ("", text::LIKELIHOOD, text::SEVERITY)
    };
    view! {
        {rating_group(&base, format!("{prefix}likelihood"), likelihood_legend, impact,
            Likelihood::ALL.iter().map(|l| (l.label(), *l as u8)).collect(),
            Arc::new(move |i: &Impact| rating(i, residual).0.map(|l| l as u8)),
            Arc::new(move |v| edit_impact(state, id, false, |i| *rating_mut(i, residual).0 = Likelihood::ALL.get(v as usize).copied())))}
        {rating_group(&base, format!("{prefix}severity"), severity_legend, impact,
            HarmSeverity::ALL.iter().map(|s| (s.label(), *s as u8)).collect(),
            Arc::new(move |i: &Impact| rating(i, residual).1.map(|s| s as u8)),
            Arc::new(move |v| edit_impact(state, id, false, |i| *rating_mut(i, residual).1 = HarmSeverity::ALL.get(v as usize).copied())))}
    }
}

/// An impact's likelihood and severity, as it stands or with its safeguards.
fn rating(i: &Impact, residual: bool) -> (Option<Likelihood>, Option<HarmSeverity>) {
    if residual {
        (i.residual_likelihood, i.residual_severity)
    } else {
        (i.likelihood, i.severity)
    }
}

fn rating_mut(
    i: &mut Impact,
    residual: bool,
) -> (&mut Option<Likelihood>, &mut Option<HarmSeverity>) {
    if residual {
        (&mut i.residual_likelihood, &mut i.residual_severity)
    } else {
        (&mut i.likelihood, &mut i.severity)
    }
}

/// Which option of a rating an impact has.
type Selected = Arc<dyn Fn(&Impact) -> Option<u8> + Send + Sync>;

/// A small inline radio group for one rating of one impact.
#[inline(never)]
fn rating_group(
    base: &str,
    name: String,
    legend: &'static str,
    impact: Memo<Impact>,
    options: Vec<(&'static str, u8)>,
    selected: Selected,
    set: Arc<dyn Fn(u8) + Send + Sync>,
) -> AnyView {
    let group = format!("{base}-{name}");
    view! {
        <fieldset class="lia-fieldset lia-field">
            <legend class="lia-legend lia-legend--small">{legend}</legend>
            <div class="lia-radios lia-radios--inline">
                {options
                    .into_iter()
                    .map(|(label, value)| {
                        let (selected, set) = (selected.clone(), set.clone());
                        choice_item(
                            "radio",
                            format!("{group}-{}", label.to_ascii_lowercase()),
                            group.clone(),
                            label.to_string(),
                            label.to_string(),
                            "",
                            Box::new(move || impact.with(|i| selected(i) == Some(value))),
                            Box::new(move |_| set(value)),
                        )
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
    .into_any()
}
