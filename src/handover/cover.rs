//! What the file sent for approval says about itself at the top when it is opened on
//! its own (an e-mail attachment opened in a browser or a word processor): what it is,
//! who sent it for whose decision, exactly how to open it in the tool to decide, and the
//! one digest that matters, explained. Both reports and the Word document show it for a
//! record waiting for a decision.

use crate::assessment::{Answer, Assessment, Date, QuestionId};

use super::waiting;

/// The cover of a file sent for approval.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForApproval {
    pub heading: &'static str,
    /// What it is, and that reading it decides nothing.
    pub what: String,
    /// Who sent it, for whose decision.
    pub who: String,
    /// How to open it in the tool to decide, step by step.
    pub steps: Vec<String>,
    /// The content digest, in one sentence.
    pub digest: String,
}

fn text(a: &Assessment, q: QuestionId) -> &str {
    match a.answers.get(q) {
        Some(Answer::Text(t)) => t.trim(),
        _ => "",
    }
}

fn person(name: &str, role: &str) -> String {
    match (name, role) {
        ("", "") => String::new(),
        (name, "") => name.to_string(),
        ("", role) => format!("the {role}"),
        (name, role) => format!("{name} ({role})"),
    }
}

/// The cover of `a` if it is waiting for a decision; `None` otherwise.
pub fn for_approval(a: &Assessment) -> Option<ForApproval> {
    let round = waiting(a)?;
    let sent = Date::parse(&round.sent).map_or_else(|| round.sent.clone(), Date::long);
    let number = a.handover.len();
    let what = format!(
        "This is “{}”, a legitimate interests assessment sent for approval on {sent}{}. It is waiting for a decision: reading or printing this file does not approve it.",
        a.title(),
        if number > 1 {
            format!(" (round {number}: it was returned with comments before)")
        } else {
            String::new()
        }
    );
    let author = person(
        text(a, QuestionId::SignOffCompletedName),
        text(a, QuestionId::SignOffCompletedRole),
    );
    let approver = person(
        text(a, QuestionId::SignOffApprovedName),
        text(a, QuestionId::SignOffApprovedRole),
    );
    let organisation = text(a, QuestionId::AboutOrganisation);
    let who = format!(
        "It was sent by {} for the decision of {}.",
        if author.is_empty() {
            "its author".to_string()
        } else {
            author
        },
        if !approver.is_empty() {
            approver
        } else if !organisation.is_empty() {
            format!("the person who approves assessments at {organisation}")
        } else {
            "the person who approves these assessments".to_string()
        }
    );
    let steps = vec![
        "Open the legitimate interests assessment tool your organisation uses (the tool that made this file) in your own browser.".to_string(),
        "On its start page, under “Open a saved file”, use “Choose a file” and pick this file. The tool opens it for approval, read-only, with its findings and the warnings the author accepted; nothing of it is kept in your browser.".to_string(),
        "Approve it, or return it with comments on its sections. Your decision is signed with your approver key (the tool helps you make one the first time, and a key card to send to the author) and dated today by the tool.".to_string(),
        "Download the file the tool makes of your decision, and send it back to the author.".to_string(),
    ];
    let digest = format!(
        "Content digest: {}. The tool works this out again from the assessment when the file is opened: if anything in the assessment was changed after it was sent, the two differ and the tool will not approve it.",
        round.content
    );
    Some(ForApproval {
        heading: "This file was sent to you for approval",
        what,
        who,
        steps,
        digest,
    })
}
