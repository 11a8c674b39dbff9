//! The author's side of the hand-over for approval: "Send for approval" (a file for the
//! approver), where the hand-over stands, and the approver's comments beside the
//! questions they are about. What each state means is `crate::handover`'s.

use leptos::prelude::*;

use super::button::button;
use crate::assessment::Section;
use crate::handover::{self, Stage};
use crate::route::Route;
use crate::ui::components::nav_link::NavLink;
use crate::ui::downloads::download_handover;
use crate::ui::state::AppState;

/// Where the open assessment's hand-over stands (recomputed only when it changes).
fn stage(state: AppState) -> Memo<Stage> {
    Memo::new(move |_| {
        state
            .open
            .with(|a| a.as_ref().map_or(Stage::NotSent, handover::stage))
    })
}

/// "Send for approval", on "Check your answers".
#[component]
pub fn SendForApproval() -> impl IntoView {
    let state = expect_context::<AppState>();
    let stage = stage(state);
    let result: RwSignal<Option<Result<String, String>>> = RwSignal::new(None);
    let send = move || {
        let outcome = match state.send_for_approval() {
            Some(Ok(sent)) => state
                .trust
                .with_untracked(|trust| download_handover(&sent, trust))
                .map(|name| {
                    format!(
                    "The file to send is downloaded: “{name}”. Give it to the person who approves \
                     assessments, for example by e-mail or a shared drive. They open it in this \
                     tool in their own browser, record their decision and send you a file back: \
                     open that here with “Choose a file” on the start page."
                )
                }),
            Some(Err(refusal)) => Err(refusal.to_string()),
            None => Err("There is no assessment open.".into()),
        };
        result.set(Some(outcome));
    };
    view! {
        {move || (!state.read_only()).then(|| view! {
            <h2 class="lia-heading-l">"Send for approval"</h2>
            <p>
                "If someone else approves your assessments, send it to them as a file. They can read "
                "it in any browser, and open it in this tool to approve it or return it to you with "
                "comments. Nothing is sent anywhere by the tool: you pass the file on yourself."
            </p>
            <p class="lia-inset" id="lia-handover-stage">{move || handover::describe(&stage.get())}</p>
            {button("lia-button lia-button--secondary", "Send for approval", send)}
        })}
        <div role="status" class="lia-status">
            {move || result.get().map(|r| match r {
                Ok(message) => view! { <p class="lia-notice-text">{message}</p> }.into_any(),
                Err(why) => view! { <p class="lia-error-message">{format!("It could not be sent: {why}")}</p> }.into_any(),
            })}
        </div>
    }
}

/// On the task list and "Check your answers": the comments of a return (whose signature
/// is checked), with a reply to the comment on the whole assessment, or that a decision
/// is awaited. An approval is shown by `approval::ReadOnlyBanner`.
#[component]
pub fn HandoverBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let stage = stage(state);
    let verification = Memo::new(move |_| {
        let trust = state.trust.get();
        state.open.with(|a| {
            a.as_ref().and_then(|a| {
                let last = a.handover.len().checked_sub(1)?;
                a.handover[last].decision.as_ref()?;
                Some(handover::verify_decision(a, last, &trust, state.today))
            })
        })
    });
    move || match stage.get() {
        Stage::Returned {
            decision, changed, ..
        } => {
            let sections: Vec<Section> = decision.comments.iter().map(|c| c.section).collect();
            let summary = handover::describe(&stage.get());
            let signed = verification.get().map(|v| v.label()).unwrap_or_default();
            Some(
                view! {
                    <div class="lia-notice" role="region" aria-label="Returned with comments" id="lia-returned">
                        <h2 class="lia-heading-m">"Returned with comments"</h2>
                        <p>{summary}" "<strong class="lia-tag lia-tag--wide lia-tag--grey">{signed}</strong></p>
                        {(!decision.note.is_empty()).then(|| view! {
                            <p><strong>"Comment: "</strong><span class="lia-prewrap">{decision.note.clone()}</span></p>
                            <Reply section=None />
                        })}
                        {(!sections.is_empty()).then(|| view! {
                            <p>"There are comments on:"</p>
                            <ul class="lia-list">
                                {sections.into_iter().map(|section| view! {
                                    <li><NavLink route=Route::Section { section, from_check: false }>{section.title()}</NavLink></li>
                                }).collect_view()}
                            </ul>
                        })}
                        <p>
                            {if changed { "You have changed it since you sent it. " } else { "" }}
                            "Reply to each comment if you wish: your replies go with the assessment when "
                            "you send it for approval again from “Check your answers”."
                        </p>
                    </div>
                }
                .into_any(),
            )
        }
        waiting @ Stage::Waiting { .. } => Some(
            view! { <p class="lia-inset" id="lia-awaiting">{handover::describe(&waiting)}</p> }
                .into_any(),
        ),
        _ => None,
    }
}

/// The author's reply to a comment of the return (`section` `None`: the comment on the
/// whole assessment), kept with the record and sent with the next round.
#[component]
fn Reply(section: Option<Section>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = format!("lia-reply-{}", section.map_or("note", |s| s.key()));
    let initial = state.open.with_untracked(|a| {
        a.as_ref()
            .and_then(|a| a.handover.last())
            .and_then(|r| r.reply(section))
            .unwrap_or_default()
            .to_string()
    });
    let problem: RwSignal<Option<String>> = RwSignal::new(None);
    let label = match section {
        None => "Your reply to this comment (optional)".to_string(),
        Some(s) => format!("Your reply to the comment on “{}” (optional)", s.title()),
    };
    view! {
        <div class="lia-field lia-reply-field">
            <label class="lia-label" for=id.clone()>{label}</label>
            <div class="lia-hint" id=format!("{id}-hint")>"Sent with the assessment when you send it for approval again."</div>
            {move || problem.get().map(|p| view! { <p class="lia-error-message" role="alert">{p}</p> })}
            <textarea class="lia-textarea" id=id.clone() rows="2" aria-describedby=format!("{id}-hint")
                prop:value=initial
                on:input=move |ev| problem.set(state.reply(section, &event_target_value(&ev)).err().map(|e| e.to_string()))></textarea>
        </div>
    }
}

/// The approver's comment on this section, beside its questions, with the author's reply.
#[component]
pub fn SectionComment(section: Section) -> impl IntoView {
    let state = expect_context::<AppState>();
    // The return's decision only (not the whole stage, whose digest of the content would
    // be taken on every key typed on this page).
    let returned = Memo::new(move |_| {
        state
            .open
            .with(|a| a.as_ref().and_then(handover::returned).cloned())
    });
    move || {
        returned.with(|decision| {
            let decision = decision.as_ref()?;
            let text = decision.comment(section)?.to_string();
            let from = format!("Comment from {}, {}", decision.who(), decision.date_long());
            Some(view! {
                <div class="lia-comment" role="note" aria-label="Comment from the approver">
                    <p class="lia-comment__from"><strong>{from}</strong></p>
                    <p class="lia-prewrap">{text}</p>
                    {(!state.read_only()).then(|| view! { <Reply section=Some(section) /> })}
                </div>
            })
        })
    }
}
