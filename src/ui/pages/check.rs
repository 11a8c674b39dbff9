//! Check your answers: every answer by section with "Change" links that come back here,
//! the impacts and risk matrix, the DPIA result, the findings, and approval.

use leptos::prelude::*;

use crate::assessment::display::Shown;
use crate::assessment::stale::check_again_sentence;
use crate::assessment::{QuestionId, Section};
use crate::route::Route;
use crate::ui::components::accept::AcceptWarnings;
use crate::ui::components::approval::{ApprovePanel, ReadOnlyBanner};
use crate::ui::components::button::button;
use crate::ui::components::downloads::Downloads;
use crate::ui::components::findings::FindingsList;
use crate::ui::components::handover::{HandoverBanner, SectionComment, SendForApproval};
use crate::ui::components::nav_link::{nav_link, NavLink};
use crate::ui::components::privacy_wording::PrivacyWording;
use crate::ui::components::record_tools::{ImportWarning, ReviewLog};
use crate::ui::components::risk_matrix::RiskMatrix;
use crate::ui::components::tag::ReadingTag;
use crate::ui::page_title::page_title;
use crate::ui::pages::changes::ChangesLink;
use crate::ui::state::{field_id, AppState};

/// One row of a section's summary: what the answer says, or that it is missing.
#[derive(Clone, PartialEq)]
struct Row {
    q: QuestionId,
    shown: Shown,
}

fn rows(state: AppState, section: Section) -> Vec<Row> {
    state.evaluation.with(|e| {
        e.as_ref().map_or_else(Vec::new, |e| {
            e.rows(section)
                .iter()
                .map(|(q, shown)| Row {
                    q: *q,
                    shown: shown.clone(),
                })
                .collect()
        })
    })
}

#[component]
fn AnswerValue(q: QuestionId, shown: Shown) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (suggestion, changed) = state.evaluation.with_untracked(|e| {
        e.as_ref().map_or((None, Vec::new()), |e| {
            (
                e.visibility.suggestion(q),
                e.visibility.check_again(q).to_vec(),
            )
        })
    });
    let check_again = (!changed.is_empty()).then(|| {
        view! {
            <p class="lia-check-again"><strong class="lia-tag lia-tag--yellow">"Check again"</strong> " " {check_again_sentence(&changed)}</p>
        }
    });
    let value = match shown {
        Shown::Empty if q.question().required => view! { <span class="lia-missing">"Not answered"</span> }.into_any(),
        Shown::Empty => view! { <span class="lia-missing">"Not provided"</span> }.into_any(),
        Shown::Text(t) => view! { <span class="lia-prewrap">{t}</span> }.into_any(),
        // A suggestion is never shown as the answer.
        Shown::Suggested(_) => view! {
            <span class="lia-missing">"Not answered"</span>
            <span class="lia-hint">{suggestion.map(|s| format!(" {}", s.sentence()))}</span>
        }
        .into_any(),
        Shown::List(items) => view! {
            <ul class="lia-list">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
        }
        .into_any(),
    };
    view! { {check_again} {value} }
}

/// A record approved under an earlier version of the rules that now gets new findings
/// says so when it is opened (the task list and "Check your answers").
#[component]
pub fn RulesNote() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state
            .evaluation
            .with(|e| e.as_ref().and_then(|e| e.since_checked.as_ref()).map(|s| s.sentence()))
            .map(|note| view! { <p class="lia-inset" id="lia-rules-note">{note} " They are listed under Findings on “Check your answers”."</p> })
    }
}

#[component]
fn SectionSummary(section: Section) -> impl IntoView {
    let state = expect_context::<AppState>();
    let list = Memo::new(move |_| rows(state, section));
    let not_applicable = Memo::new(move |_| {
        state
            .evaluation
            .with(|e| e.as_ref().and_then(|e| e.not_applicable(section)))
    });
    view! {
        <h2 class="lia-heading-m">{format!("{}. {}", section.number(), section.title())}</h2>
        <SectionComment section />
        {move || match not_applicable.get() {
            Some(reason) => view! { <p class="lia-hint">{reason}</p> }.into_any(),
            None => view! {
                <dl class="lia-summary-list">
                    {move || list.get().into_iter().map(|row| {
                        let q = row.q;
                        let short = q.question().short;
                        view! {
                            <div class="lia-summary-list__row">
                                <dt class="lia-summary-list__key">{short}</dt>
                                <dd class="lia-summary-list__value"><AnswerValue q shown=row.shown /></dd>
                                <dd class="lia-summary-list__actions">
                                    {move || (!state.read_only()).then(|| view! {
                                        <NavLink
                                            route=Route::Section { section: q.section(), from_check: true }
                                            focus=field_id(q)
                                        >
                                            "Change"
                                            <span class="lia-visually-hidden">{format!(" {}", short.to_ascii_lowercase())}</span>
                                        </NavLink>
                                    })}
                                </dd>
                            </div>
                        }
                    }).collect_view()}
                    {move || organisation_rows(state, section)}
                </dl>
                {(section == Section::Impact).then(|| view! { <ImpactsSummary /> })}
            }
            .into_any(),
        }}
    }
}

/// The organisation's questions of `section` and their answers (`answering::summary`),
/// after the ICO's: "Change" only where they are answered under the settings loaded here.
fn organisation_rows(state: AppState, section: Section) -> AnyView {
    let rows = state.org_settings.with(|settings| {
        state.open.with(|a| {
            a.as_ref().map_or_else(Vec::new, |a| {
                crate::organisation::answering::summary(a, settings.as_deref(), section)
            })
        })
    });
    let read_only = state.read_only();
    rows.into_iter()
        .map(|row| {
            let value = match row.shown {
                Some(t) => view! { <span class="lia-prewrap">{t}</span> }.into_any(),
                None => view! { <span class="lia-missing">"Not answered"</span> }.into_any(),
            };
            let hidden = format!(" {}", row.label);
            let change = (row.changeable && !read_only).then(|| {
                let focus = crate::ui::components::organisation_questions::org_field_id(&row.id);
                view! {
                    <NavLink route=Route::Section { section, from_check: true } focus=focus>
                        "Change"
                        <span class="lia-visually-hidden">{hidden}</span>
                    </NavLink>
                }
            });
            view! {
                <div class="lia-summary-list__row">
                    <dt class="lia-summary-list__key">{row.label}</dt>
                    <dd class="lia-summary-list__value">{value}</dd>
                    <dd class="lia-summary-list__actions">{change}</dd>
                </div>
            }
        })
        .collect_view()
        .into_any()
}

#[component]
fn ImpactsSummary() -> impl IntoView {
    let state = expect_context::<AppState>();
    let impacts = Memo::new(move |_| {
        state
            .open
            .with(|a| a.as_ref().map(|a| a.impacts.clone()).unwrap_or_default())
    });
    let rated = |r: Option<crate::assessment::Risk>| r.map_or("Not rated", |r| r.label());
    view! {
        <h3 class="lia-heading-s">"Impacts"</h3>
        {move || if impacts.with(Vec::is_empty) {
            view! { <p class="lia-missing">"No impacts recorded."</p> }.into_any()
        } else {
            view! {
                <table class="lia-table">
                    <caption class="lia-visually-hidden">"Impacts, before and after safeguards"</caption>
                    <thead><tr>
                        <th scope="col">"Impact"</th>
                        <th scope="col">"Before safeguards"</th>
                        <th scope="col">"Safeguards"</th>
                        <th scope="col">"After safeguards"</th>
                    </tr></thead>
                    <tbody>
                        {impacts.get().into_iter().enumerate().map(|(i, impact)| view! {
                            <tr>
                                <td><span class="lia-prewrap">{format!("{}. {}", i + 1, impact.description)}</span></td>
                                <td>{rated(impact.risk())}</td>
                                <td><span class="lia-prewrap">{impact.safeguards.clone()}</span></td>
                                <td>{rated(impact.residual_risk())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }
            .into_any()
        }}
        <RiskMatrix impacts=Signal::derive(move || impacts.get()) id="lia-check-matrix" />
        {move || (!state.read_only()).then(|| view! {
            <p>
                <NavLink route=Route::Section { section: Section::Impact, from_check: true } focus=field_id(QuestionId::ImpactList)>
                    "Change the impacts"
                </NavLink>
            </p>
        })}
    }
}

#[component]
pub fn CheckPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let outcome = Memo::new(move |_| {
        state
            .evaluation
            .with(|e| e.as_ref().map(|e| e.outcome.clone()))
    });
    page_title(|| Some("Check your answers".into()));
    view! {
        {nav_link(Route::Tasks, Some("lia-back-link"), "Back to the task list")}
        <h1 class="lia-heading-xl" id="lia-page-heading" tabindex="-1">"Check your answers"</h1>
        <ReadOnlyBanner />
        <ImportWarning />
        <RulesNote />
        <ChangesLink />
        <HandoverBanner />
        <div class="lia-check-summary">
            <p>"Overall reading: " {move || outcome.with(|o| o.as_ref().map(|o| view! { <ReadingTag reading=o.reading /> }))}</p>
            <p>"DPIA: " {move || outcome.with(|o| o.as_ref().map(|o| o.dpia.describe()))}</p>
        </div>
        {Section::ALL.into_iter().map(|section| view! { <SectionSummary section /> }).collect_view()}
        <ReviewLog />
        <h2 class="lia-heading-l">"Findings"</h2>
        <FindingsList level=3 />
        <AcceptWarnings />
        <ApprovePanel />
        <div class="lia-no-print"><SendForApproval /></div>
        <PrivacyWording />
        <div class="lia-no-print"><Downloads /></div>
        <p class="lia-no-print">
            {button("lia-button lia-button--secondary", "Print this page", || {
                let _ = leptos::prelude::window().print();
            })}
        </p>
    }
}
