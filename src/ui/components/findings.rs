//! The engine's findings, grouped by severity, each with what to do, the source it
//! cites and links to the questions it points at. Counts update as the user types.

use leptos::prelude::*;

use super::in_page_link::in_page_link;
use super::keyed::{keyed, row};
use super::tag::SeverityTag;
use crate::assessment::{Finding, Severity};
use crate::ui::state::AppState;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "2 blockers, 1 warning and 3 pieces of advice".
pub fn counts_text(findings: &[Finding]) -> String {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    format!(
        "{}, {} and {}",
        plural(count(Severity::Blocker), "blocker", "blockers"),
        plural(count(Severity::Warning), "warning", "warnings"),
        plural(
            count(Severity::Advice),
            "piece of advice",
            "pieces of advice"
        ),
    )
}

/// The findings of the open assessment, as a list under headings of level `level`.
#[component]
pub fn FindingsList(#[prop(default = 3)] level: u8) -> impl IntoView {
    let state = expect_context::<AppState>();
    let findings = Memo::new(move |_| {
        state.evaluation.with(|e| {
            e.as_ref()
                .map(|e| e.outcome.findings.clone())
                .unwrap_or_default()
        })
    });
    let group = move |severity: Severity| {
        let of_severity = Memo::new(move |_| {
            findings.with(|all| {
                all.iter()
                    .filter(|f| f.severity == severity)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        });
        let heading = match severity {
            Severity::Blocker => "Blockers: must be resolved before sign-off",
            Severity::Warning => "Warnings: a reviewer would challenge these",
            Severity::Advice => "Advice",
        };
        move || {
            (!of_severity.with(Vec::is_empty)).then(|| {
                let title = match level {
                    2 => view! { <h2 class="lia-heading-s">{heading}</h2> }.into_any(),
                    _ => view! { <h3 class="lia-heading-s">{heading}</h3> }.into_any(),
                };
                view! {
                    {title}
                    <ul class="lia-findings__list">
                        {keyed(Signal::derive(move || {
                            of_severity.get().into_iter().map(|finding| {
                                // Without Debug formatting, which would pull every question's name into the app.
                                let questions: Vec<&str> = finding.questions.iter().map(|q| q.key()).collect();
                                let key = format!("{}|{}|{}", finding.id, finding.detail.as_deref().unwrap_or(""), questions.join(","));
                                row(key, move || view! { <FindingItem finding=finding.clone() /> }.into_any())
                            }).collect()
                        }))}
                    </ul>
                }
            })
        }
    };
    view! {
        <p class="lia-findings__counts" role="status">{move || findings.with(|f| counts_text(f))}</p>
        {move || findings.with(Vec::is_empty).then(|| view! {
            <p class="lia-hint">"The checks have found nothing to report. Findings appear here as you answer."</p>
        })}
        {Severity::ALL.into_iter().map(group).collect_view()}
    }
}

#[component]
fn FindingItem(finding: Finding) -> impl IntoView {
    let state = expect_context::<AppState>();
    let links = finding
        .questions
        .iter()
        .map(|q| {
            let q = *q;
            let href = format!("#{}", crate::ui::state::field_id(q));
            view! {
                <li>
                    {in_page_link(None, href, view! {
                        "Go to: "
                        {q.question().short}
                    }.into_any(), move || state.go_to_question(q))}
                </li>
            }
        })
        .collect_view();
    // The organisation's question it points at: its label, and a link to it.
    let asks = finding.organisation_question.clone().and_then(|id| {
        let label = state.organisation_question_label(&id)?;
        let href = format!(
            "#{}",
            crate::ui::components::organisation_questions::org_field_id(&id)
        );
        Some(view! {
            <li>
                <a href=href on:click=move |ev| {
                    ev.prevent_default();
                    state.go_to_organisation_question(&id);
                }>"Go to: "{label}</a>
            </li>
        })
    });
    let source = match finding.source.url() {
        "" => view! {
            {format!("{}, revision {}", finding.source.citation(), finding.source.version())}
        }
        .into_any(),
        url => view! {
            <a href=url rel="noopener noreferrer" target="_blank">
                {finding.source.citation().to_string()}
                <span class="lia-visually-hidden">" (opens in a new tab)"</span>
            </a>
        }
        .into_any(),
    };
    view! {
        <li class=format!("lia-finding lia-finding--{}", finding.severity.label().to_ascii_lowercase()) data-finding=finding.id.to_string()>
            <p class="lia-finding__message">
                <SeverityTag severity=finding.severity />
                " "
                {finding.message.to_string()}
            </p>
            {finding.detail.map(|d| view! { <p class="lia-finding__detail">{d}</p> })}
            <ul class="lia-finding__links">{links}{asks}</ul>
            <p class="lia-finding__source">"Source: "{source}</p>
        </li>
    }
}

/// The panel beside every page of an open assessment.
#[component]
pub fn FindingsPanel() -> impl IntoView {
    view! {
        <aside class="lia-findings" id="lia-findings" aria-labelledby="lia-findings-title">
            <h2 class="lia-heading-m" id="lia-findings-title" tabindex="-1">"Findings"</h2>
            <FindingsList level=3 />
        </aside>
    }
}
