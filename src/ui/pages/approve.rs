//! The approver's page: a file sent for approval, read-only, with its findings and the
//! warnings the author accepted; from the second round, the approver's earlier comments
//! with the author's replies and what changed since they returned it; a comment box
//! under each section; and the decision (approve, or return with comments). Who decides
//! is the key in this browser (its card's name, role and organisation), the date is
//! today's: neither is typed. The decision is made in the core (`handover::decide`),
//! signed with the key (`ui::approver`) and checked again; the file to give back is
//! downloaded from here. Nothing is saved in the approver's browser.

use leptos::prelude::*;

use crate::ui::components::button::{button, button_with};
use crate::ui::components::error_message::{download_failure, error_message};
use crate::ui::components::summary_row::{summary_row, VALUE};
use crate::ui::components::textarea::bound_textarea;

use crate::assessment::display::Shown;
use crate::assessment::Verdict;
use crate::assessment::{Assessment, Section};
use crate::compare::listing;
use crate::export::DigestCheck;
use crate::handover::{self, DecisionForm, FormField, Stage};
use crate::route::Route;
use crate::session::{Approving, SinceReturned};
use crate::ui::approver::{self, KeyState};
use crate::ui::components::error_summary::{error_summary_with, ErrorItem};
use crate::ui::components::risk_matrix::RiskMatrix;
use crate::ui::components::tag::SeverityTag;
use crate::ui::downloads::download_handover;
use crate::ui::page_title::page_title;
use crate::ui::pages::changes::{ChangesBody, ChangesList};
use crate::ui::state::AppState;

const ERRORS_ID: &str = "lia-decision-errors";
const RECORDED_ID: &str = "lia-decision-recorded";

/// The control an error of the form links to.
fn target(field: FormField) -> Option<String> {
    match field {
        FormField::Verdict => Some("lia-verdict-approved".into()),
        FormField::Comments => Some("lia-decision-note".into()),
        FormField::Key => Some("lia-make-key".into()),
        FormField::Record => None,
    }
}

fn comment_id(section: Section) -> String {
    format!("lia-comment-{}", section.key())
}

#[component]
pub fn ApprovePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The file under review, as the session holds it (it changes once: when decided).
    let approving: Signal<Option<Approving>> = state.storage.approving.into();
    let title = Memo::new(move |_| {
        approving.with(|a| {
            a.as_ref()
                .map(|a| a.assessment.title().to_string())
                .unwrap_or_default()
        })
    });
    page_title(move || Some(format!("For approval: {}", title.get())));

    let verdict: RwSignal<Option<Verdict>> = RwSignal::new(None);
    let note = RwSignal::new(String::new());
    let signing = RwSignal::new(false);
    let own = approving.with_untracked(|a| a.as_ref().is_some_and(|a| a.own));
    let comments: Vec<(Section, RwSignal<String>)> = Section::ALL
        .into_iter()
        .map(|s| (s, RwSignal::new(String::new())))
        .collect();
    let comments = StoredValue::new(comments);
    let errors: RwSignal<Vec<ErrorItem>> = RwSignal::new(Vec::new());
    let download_failed: RwSignal<Option<String>> = RwSignal::new(None);

    let record = move |_| {
        if signing.get_untracked() {
            return;
        }
        let form = DecisionForm {
            verdict: verdict.get_untracked(),
            note: note.get_untracked(),
            comments: comments.with_value(|c| {
                c.iter()
                    .map(|(s, text)| (*s, text.get_untracked()))
                    .collect()
            }),
        };
        let done = move |result: Result<(), String>| {
            signing.set(false);
            match result {
                Ok(()) if own => state.navigate(Route::Check),
                Ok(()) => {
                    errors.set(Vec::new());
                    state.focus(RECORDED_ID);
                }
                Err(why) => {
                    errors.set(vec![ErrorItem {
                        message: format!("Your decision could not be signed: {why}. Nothing was recorded: try again."),
                        target: None,
                    }]);
                    state.focus(ERRORS_ID);
                }
            }
        };
        match approver::decide(state, &form, done) {
            Ok(()) => signing.set(true),
            Err(problems) => {
                errors.set(
                    problems
                        .iter()
                        .map(|p| ErrorItem {
                            message: p.message(),
                            target: target(p.field()),
                        })
                        .collect(),
                );
                state.focus(ERRORS_ID);
            }
        }
    };
    let error_for = move |field: FormField| {
        move || {
            errors.with(|list| {
                list.iter()
                    .find(|e| e.target.is_some() && e.target == target(field))
                    .map(|e| e.message.clone())
            })
        }
    };
    let decided =
        Memo::new(move |_| approving.with(|a| a.as_ref().and_then(|a| a.decided.clone())));
    let download = move || {
        if let Some(a) = decided.get_untracked() {
            download_failed.set(
                state
                    .trust
                    .with_untracked(|t| download_handover(&a, t))
                    .err(),
            );
        }
    };

    let intro = move || {
        approving.with(|a| {
            a.as_ref().map(|a| {
                let sent = match &a.stage {
                    Stage::Waiting { sent, .. } => crate::assessment::Date::parse(sent)
                        .map_or_else(|| sent.clone(), |d| d.long()),
                    _ => String::new(),
                };
                if a.own {
                    format!("You are approving your own assessment, sent on {sent}, as your organisation allows. Read it and its findings once more, then approve it: it is recorded, and shown everywhere, as approved by its author.")
                } else {
                    format!(
                        "“{}” was sent to you for approval on {sent}. Read it and its findings, then approve it or return it to the author with comments.",
                        a.file
                    )
                }
            })
        })
    };
    let warnings = move || {
        approving.with(|a| {
            let a = a.as_ref()?;
            let mut list = Vec::new();
            if matches!(a.stage, Stage::Waiting { changed: true, .. }) {
                list.push("Warning: this file was changed after it was sent for approval. Its content does not match the digest recorded when it was sent, so you cannot approve it: return it, or ask the author to send it again.");
            }
            match a.digest {
                DigestCheck::Matches => {}
                DigestCheck::Mismatch => list.push("Warning: the file's check value (digest) does not match its content: it was changed after it was made."),
                DigestCheck::Missing => list.push("Warning: the file has no check value (digest), so it cannot be shown to be what the author sent."),
            }
            (!list.is_empty()).then(|| view! {
                <div class="lia-warning-banner" role="region" aria-label="Warning about this file" id="lia-approval-file-warning">
                    {list.into_iter().map(|w| view! { <p><strong>{w}</strong></p> }).collect_view()}
                </div>
            })
        })
    };

    let sections = move || {
        approving.with(|a| {
            a.as_ref().map(|a| {
                Section::ALL
                    .into_iter()
                    .map(|section| {
                        let text = comments.with_value(|c| {
                            c.iter().find(|(s, _)| *s == section).map(|(_, t)| *t)
                        });
                        view! { <SectionReview approving=a.clone() section comment=text.expect("every section") /> }
                    })
                    .collect_view()
            })
        })
    };

    view! {
        {button("lia-back-link lia-link-button", "Close this file", move || state.close_approval())}
        <span class="lia-caption">"For approval"</span>
        <h1 class="lia-heading-xl" id="lia-page-heading" tabindex="-1">{move || title.get()}</h1>
        <p>{intro}</p>
        {(!own).then(|| view! {
            <p class="lia-inset">
                "Nothing you do here is saved in this browser. Your decision is signed with your "
                "approver key and made into a file for you to download and give back to the author."
            </p>
        })}
        {warnings}
        <SignerPanel />
        <EarlierRounds approving />
        <SinceReturnedPanel approving />
        <ChangesSinceApproved approving />
        <AcceptedWarnings approving />
        <Findings approving />
        {sections}
        <h2 class="lia-heading-l" id="lia-decision-heading">"Your decision"</h2>
        {error_summary_with(ERRORS_ID, errors.into(), "There is a problem", 3)}
        {move || decided.get().map(|a| {
            let approved = a.is_read_only();
            view! {
                <div class="lia-notice" id=RECORDED_ID tabindex="-1" role="region" aria-labelledby="lia-decision-recorded-title">
                    <h3 class="lia-heading-m" id="lia-decision-recorded-title">
                        {if approved { "You have approved it" } else { "You have returned it with comments" }}
                    </h3>
                    <p>
                        "Your decision is signed with your approver key. Download the file and give it back to the author. When they open it in this tool, "
                        {if approved {
                            "their record becomes the approved one, with your name, role and the date, once your key card is on their organisation's list of trusted approvers."
                        } else {
                            "they see your comments beside the questions, and can reply to each."
                        }}
                    </p>
                    {button("lia-button", if approved { "Download the approved file" } else { "Download the returned file" }, download)}
                    {download_failure(download_failed)}
                </div>
            }
        })}
        {move || decided.with(Option::is_none).then(|| view! {
            <div class=move || if error_for(FormField::Verdict)().is_some() { "lia-field lia-field--error" } else { "lia-field" }>
                <fieldset class="lia-fieldset" aria-describedby="lia-verdict-hint">
                    <legend class="lia-legend">"What is your decision?"</legend>
                    <div class="lia-hint" id="lia-verdict-hint">
                        "Approve it only if nothing blocks it and you accept its conclusion. To return it, add at least one comment."
                    </div>
                    {move || error_for(FormField::Verdict)().map(|e| error_message(None, e))}
                    <div class="lia-radios">
                        {Verdict::ALL.into_iter().filter(move |v| !own || *v == Verdict::Approved).map(|v| {
                            let id = format!("lia-verdict-{}", v.key());
                            view! {
                                <div class="lia-radio">
                                    <input class="lia-radio__input" type="radio" name="lia-verdict" id=id.clone() value=v.key()
                                        prop:checked=move || verdict.get() == Some(v)
                                        on:change=move |_| verdict.set(Some(v)) />
                                    <label class="lia-radio__label" for=id>{v.label()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            </div>
            <div class=move || if error_for(FormField::Comments)().is_some() { "lia-field lia-field--error" } else { "lia-field" }>
                <label class="lia-label" for="lia-decision-note">"Comments on the whole assessment (optional)"</label>
                {move || error_for(FormField::Comments)().map(|e| error_message(Some("lia-decision-note-error".to_string()), e))}
                {bound_textarea("lia-decision-note".to_string(), "4", Some(Box::new(move || error_for(FormField::Comments)().map(|_| "lia-decision-note-error".to_string()))), note)}
            </div>
            <p>{move || match state.approver.get() {
                KeyState::Ready(card) => format!("You decide as {}, and your decision is dated today, {}.", card.signer().who(), state.today.long()),
                _ => format!("Your decision is dated today, {}.", state.today.long()),
            }}</p>
            <div class="lia-button-group">
                <button type="button" class="lia-button" on:click=record prop:disabled=move || signing.get()>"Sign and record your decision"</button>
                {(!own).then(|| view! {
                    {button("lia-link-button", "Open it as an assessment in this browser instead", move || { state.import_instead(); })}
                })}
            </div>
            {move || signing.get().then(|| view! { <p role="status">"Signing your decision…"</p> })}
        })}
    }
}

/// What changed since the approved version this file reviews, when this browser has
/// that version saved (the core compares them when the file is opened).
#[component]
fn ChangesSinceApproved(approving: Signal<Option<Approving>>) -> impl IntoView {
    move || {
        approving.with(|a| {
            let a = a.as_ref()?;
            let earlier: &Assessment = a.earlier.as_ref()?;
            let (changes, chain) = a.changes.clone()?;
            let when = match handover::stage(earlier) {
                Stage::Approved { decision, .. } => format!(" on {} by {}", decision.date_long(), decision.who()),
                _ => String::new(),
            };
            Some(view! {
                <section class="lia-inset" id="lia-changes-since-approved" aria-labelledby="lia-changes-since-approved-title">
                    <h2 class="lia-heading-m" id="lia-changes-since-approved-title">{format!("What changed since version {} was approved", earlier.version)}</h2>
                    <p>{format!("This is version {}, a review of version {}, which was approved{when}. This browser has that version saved.", a.assessment.version, earlier.version)}</p>
                    <ChangesBody changes chain />
                </section>
            })
        })
    }
}

/// The file's findings, read-only.
#[component]
fn Findings(approving: Signal<Option<Approving>>) -> impl IntoView {
    move || {
        approving.with(|a| {
            let a = a.as_ref()?;
            let findings = a.evaluation.outcome.findings.clone();
            let reading = a.evaluation.outcome.reading.label();
            Some(view! {
                <h2 class="lia-heading-l">"Findings"</h2>
                <p>{format!("Overall reading: {reading}. DPIA: {}", a.evaluation.outcome.dpia.describe())}</p>
                <p>{crate::ui::components::findings::counts_text(&findings)}"."</p>
                <ul class="lia-findings__list">
                    {findings.into_iter().map(|f| view! {
                        <li class=format!("lia-finding lia-finding--{}", f.severity.label().to_ascii_lowercase()) data-finding=f.id.to_string()>
                            <p class="lia-finding__message"><SeverityTag severity=f.severity />" "{f.message.to_string()}</p>
                            {f.detail.map(|d| view! { <p class="lia-finding__detail">{d}</p> })}
                            <p class="lia-finding__source">{format!("Source: {}", f.source.citation())}</p>
                        </li>
                    }).collect_view()}
                </ul>
            })
        })
    }
}

/// One section, read-only, with the approver's comment box.
#[component]
fn SectionReview(
    approving: Approving,
    section: Section,
    comment: RwSignal<String>,
) -> impl IntoView {
    let e = &approving.evaluation;
    let body = match e.not_applicable(section) {
        Some(reason) => view! { <p class="lia-hint">{reason}</p> }.into_any(),
        None => {
            let rows = e.rows(section).to_vec();
            view! {
                <dl class="lia-summary-list">
                    {rows.into_iter().map(|(q, shown)| summary_row(q.question().short.into(), VALUE, match shown {
                                Shown::Empty => view! { <span class="lia-missing">"Not answered"</span> }.into_any(),
                                Shown::Text(t) => view! { <span class="lia-prewrap">{t}</span> }.into_any(),
                                Shown::Suggested(answer) => view! { <span class="lia-missing">{format!("Suggested: {answer} (not confirmed)")}</span> }.into_any(),
                                Shown::List(items) => view! { <ul class="lia-list">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }.into_any(),
                            })).collect_view()}
                </dl>
            }
            .into_any()
        }
    };
    let impacts = (section == Section::Impact && e.applies(section)).then(|| {
        let list = approving.assessment.impacts.clone();
        let rated = |r: Option<crate::assessment::Risk>| r.map_or("Not rated", |r| r.label());
        view! {
            <h3 class="lia-heading-s">"Impacts"</h3>
            <table class="lia-table">
                <caption class="lia-visually-hidden">"Impacts, before and after safeguards"</caption>
                <thead><tr>
                    <th scope="col">"Impact"</th>
                    <th scope="col">"Before safeguards"</th>
                    <th scope="col">"Safeguards"</th>
                    <th scope="col">"After safeguards"</th>
                </tr></thead>
                <tbody>
                    {list.iter().enumerate().map(|(i, impact)| view! {
                        <tr>
                            <td><span class="lia-prewrap">{format!("{}. {}", i + 1, impact.description)}</span></td>
                            <td>{rated(impact.risk())}</td>
                            <td><span class="lia-prewrap">{impact.safeguards.clone()}</span></td>
                            <td>{rated(impact.residual_risk())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <RiskMatrix impacts=Signal::derive(move || list.clone()) id="lia-approve-matrix" />
        }
    });
    let id = comment_id(section);
    view! {
        <h2 class="lia-heading-m">{format!("{}. {}", section.number(), section.title())}</h2>
        {body}
        {impacts}
        <div class="lia-field lia-comment-field">
            <label class="lia-label" for=id.clone()>{format!("Comment on “{}” (optional)", section.title())}</label>
            {bound_textarea(id, "3", None, comment)}
        </div>
    }
}

/// Who signs: the key in this browser, or how to make one.
#[component]
fn SignerPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        match state.approver.get() {
        KeyState::Ready(card) => view! {
            <div class="lia-inset" id="lia-signer">
                <p>{format!("You sign as {}.", card.signer().who())}</p>
                <p>"Your key's fingerprint: "<span class="lia-fingerprint">{card.fingerprint.clone()}</span></p>
            </div>
        }
        .into_any(),
        KeyState::Unusable(_, why) | KeyState::Unavailable(why) => view! {
            <div class="lia-warning-banner" id="lia-signer" role="region" aria-label="Your approver key">
                <p><strong>{format!("Your approver key cannot be used: {why}")}</strong></p>
                {button_with("lia-button lia-button--secondary", Some("lia-make-key".to_string()), None, "Go to your approver key".into_any(), move || state.navigate(Route::Keys))}
            </div>
        }
        .into_any(),
        // Not "you need a key" before the store has said whether there is one.
        KeyState::Loading => view! { <p class="lia-inset" id="lia-signer" role="status">"Reading your approver key…"</p> }.into_any(),
        KeyState::None => view! {
            <div class="lia-warning-banner" id="lia-signer" role="region" aria-label="Your approver key">
                <p><strong>"You need an approver key to sign your decision."</strong></p>
                <p>
                    "It is made once, in this browser, and never leaves it. You then send its key card "
                    "to the authors whose assessments you approve, so they can check your signature. "
                    "This file stays open while you make it."
                </p>
                {button_with("lia-button lia-button--secondary", Some("lia-make-key".to_string()), None, "Create your approver key".into_any(), move || state.navigate(Route::Keys))}
            </div>
        }
        .into_any(),
    }
    }
}

/// From the second round: the approver's earlier decisions, each comment with the
/// author's reply, and whether each was signed by a trusted approver.
#[component]
fn EarlierRounds(approving: Signal<Option<Approving>>) -> impl IntoView {
    move || {
        approving.with(|a| {
            let a = a.as_ref()?;
            (!a.rounds.is_empty()).then(|| {
                let rounds = a.rounds.clone();
                view! {
                    <section id="lia-earlier-rounds" aria-labelledby="lia-earlier-rounds-title">
                        <h2 class="lia-heading-l" id="lia-earlier-rounds-title">"Earlier rounds"</h2>
                        {rounds.into_iter().map(|r| {
                            let heading = format!(
                                "Round {}: {} by {} on {}",
                                r.number,
                                if r.decision.verdict == Verdict::Returned { "returned" } else { "approved" },
                                r.decision.who(),
                                r.decision.date_long()
                            );
                            view! {
                                <h3 class="lia-heading-m">{heading}</h3>
                                <p><strong class="lia-tag lia-tag--wide lia-tag--grey">{r.verification.label()}</strong></p>
                                <ul class="lia-list">
                                    {r.comments.into_iter().map(|(section, comment, reply)| {
                                        let on = section.map_or_else(|| "The whole assessment".to_string(), |s| s.title().to_string());
                                        let reply = reply.unwrap_or_else(|| "no reply".into());
                                        view! { <li class="lia-prewrap">{format!("{on}: your comment: “{comment}”. The author's reply: {reply}")}</li> }
                                    }).collect_view()}
                                </ul>
                            }
                        }).collect_view()}
                    </section>
                }
            })
        })
    }
}

/// What changed since the approver returned it (compared with the copy of the version
/// returned, checked against the digest of what was returned).
#[component]
fn SinceReturnedPanel(approving: Signal<Option<Approving>>) -> impl IntoView {
    move || {
        approving.with(|a| {
            let a = a.as_ref()?;
            let since = a.since_returned.clone()?;
            Some(view! {
                <section class="lia-inset" id="lia-since-returned" aria-labelledby="lia-since-returned-title">
                    <h2 class="lia-heading-m" id="lia-since-returned-title">"What changed since you returned it"</h2>
                    {match since {
                        SinceReturned::Changes(changes) => {
                            let count = changes.len();
                            let groups = listing(&changes);
                            view! {
                                <p id="lia-since-returned-summary">{match count {
                                    0 => "Nothing in the assessment has changed since you returned it.".to_string(),
                                    1 => "1 change since you returned it.".to_string(),
                                    n => format!("{n} changes since you returned it."),
                                }}</p>
                                <ChangesList groups />
                            }
                            .into_any()
                        }
                        SinceReturned::NoCopy => view! {
                            <p>"The file does not carry the version you returned, so what changed cannot be shown. Compare it with the returned file you kept, or ask the author."</p>
                        }
                        .into_any(),
                        SinceReturned::CopyChanged => view! {
                            <p><strong>"Warning: the file's copy of the version you returned is not what you returned (its digest differs), so it is not compared. Ask the author to send it again."</strong></p>
                        }
                        .into_any(),
                    }}
                </section>
            })
        })
    }
}

/// The warnings the author accepted, each with its reason: the decision covers them.
#[component]
fn AcceptedWarnings(approving: Signal<Option<Approving>>) -> impl IntoView {
    move || {
        approving.with(|a| {
            let a = a.as_ref()?;
            (!a.accepted.is_empty()).then(|| {
                let list = a.accepted.clone();
                view! {
                    <section id="lia-accepted-warnings" aria-labelledby="lia-accepted-warnings-title">
                        <h2 class="lia-heading-l" id="lia-accepted-warnings-title">"Warnings the author accepted"</h2>
                        <p>"Your decision covers these, with the author's reasons."</p>
                        <ul class="lia-list">
                            {list.into_iter().map(|w| view! {
                                <li class="lia-prewrap"><strong>{w.message.to_string()}</strong>" "{w.describe()}</li>
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })
        })
    }
}
