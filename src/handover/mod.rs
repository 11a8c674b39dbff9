//! The hand-over for approval: one person writes the assessment, another approves it,
//! and they exchange files only (nothing leaves either browser otherwise).
//!
//! - The author **sends** the assessment: a round is added to its hand-over record with
//!   the day and the digest of its content (`content_digest`), and the file is given to
//!   the approver.
//! - The approver opens the file, reads it (read-only, with its findings) and **decides**:
//!   approve, or return with comments attached to sections, with their name, role and
//!   the date. The decision goes into the round; an approval also approves the record
//!   (status, and the sign-off's approver, role and date). They give the file back.
//! - The author opens the returned file: the comments show beside the questions, or the
//!   record is the approved one (`merge_rounds`, and `session::handover` for how the
//!   file is adopted).
//!
//! An approval is **bound** to the digest of the content approved. Whatever the file
//! says, `stage` works the digest out again from the content as it is now: content
//! changed after approval (or after sending) is reported wherever the record is shown.
//! The digest shows that something changed, not who changed it: anyone can compute a
//! SHA-256, so it is a check against mistakes and naive edits, not a signature.
//!
//! Plain Rust; no browser types. Tested natively (tests/handover.rs).

use crate::assessment::digest::content_digest;
use crate::assessment::lifecycle;
use crate::assessment::{
    Answer, Assessment, Comment, Date, Decision, QuestionId, Round, Section, Verdict,
};

/// Where the hand-over stands, worked out from the record as it is now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Never sent for approval.
    NotSent,
    /// Sent on `sent`, waiting for the decision. `changed`: the content is no longer
    /// what was sent.
    Waiting { sent: String, changed: bool },
    /// Returned with comments. `changed`: edited since it was sent (as it should be).
    Returned {
        sent: String,
        decision: Decision,
        changed: bool,
    },
    /// Approved. `changed`: the content is no longer what was approved, so the
    /// approval does not cover it.
    Approved {
        sent: String,
        decision: Decision,
        digest: String,
        changed: bool,
    },
}

impl Stage {
    /// The content no longer matches an approval: say so wherever it is shown.
    pub fn approval_broken(&self) -> bool {
        matches!(self, Stage::Approved { changed: true, .. })
    }

    /// The comments to show beside the questions: those of a return not yet answered by
    /// sending again.
    pub fn comments(&self) -> Option<&Decision> {
        match self {
            Stage::Returned { decision, .. } => Some(decision),
            _ => None,
        }
    }
}

/// Where the hand-over of `a` stands: the last round, checked against the content now.
pub fn stage(a: &Assessment) -> Stage {
    let Some(round) = a.handover.last() else {
        return Stage::NotSent;
    };
    let changed = content_digest(a) != round.content;
    let sent = round.sent.clone();
    match &round.decision {
        None => Stage::Waiting { sent, changed },
        Some(d) if d.verdict == Verdict::Returned => Stage::Returned {
            sent,
            decision: d.clone(),
            changed,
        },
        Some(d) => Stage::Approved {
            sent,
            decision: d.clone(),
            digest: round.content.clone(),
            changed,
        },
    }
}

/// The round waiting for a decision, if the last one is.
pub fn waiting(a: &Assessment) -> Option<&Round> {
    a.handover.last().filter(|r| r.decision.is_none())
}

/// Why an assessment cannot be sent for approval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendRefusal {
    /// It is approved already: start a review to change it.
    Approved,
    /// This many answers are to be checked again (`assessment::stale`).
    CheckAgain(usize),
}

impl std::fmt::Display for SendRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SendRefusal::Approved => f.write_str(
                "This assessment is approved already. To change it, start a review, then send the review for approval.",
            ),
            SendRefusal::CheckAgain(n) => write!(
                f,
                "{n} answer{} on an answer that changed after {} given. Check each one again (marked \"Check again\"), then send it.",
                if *n == 1 { " rests" } else { "s rest" },
                if *n == 1 { "it was" } else { "they were" }
            ),
        }
    }
}

/// Records that `a` is sent for approval today: a new round with the digest of its
/// content, unless the last round is still waiting for exactly this content (sending
/// the same thing again makes the same file).
pub fn send(a: &mut Assessment, today: Date) -> Result<(), SendRefusal> {
    if a.is_read_only() {
        return Err(SendRefusal::Approved);
    }
    match crate::assessment::stale::marked(a).len() {
        0 => {}
        n => return Err(SendRefusal::CheckAgain(n)),
    }
    let digest = content_digest(a);
    if waiting(a).is_some_and(|r| r.content == digest) {
        return Ok(());
    }
    a.handover.push(Round {
        sent: today.to_string(),
        content: digest,
        decision: None,
    });
    Ok(())
}

/// What the approver filled in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DecisionForm {
    pub verdict: Option<Verdict>,
    pub name: String,
    pub role: String,
    pub note: String,
    /// Comments on sections; empty ones are ignored.
    pub comments: Vec<(Section, String)>,
}

/// Which part of the approver's form a problem is about (for the error summary's links).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormField {
    Verdict,
    Name,
    Role,
    /// The comments (the general one first).
    Comments,
    /// The assessment itself, not the form.
    Record,
}

/// Why a decision cannot be recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecisionProblem {
    /// The file was not sent for approval, or it was decided already.
    NotWaiting,
    NoVerdict,
    NoName,
    NoRole,
    /// Returning it needs at least one comment, so the author knows what to change.
    NoComments,
    /// The content is not what was sent, so it cannot be approved.
    ChangedSinceSent,
    /// It cannot be approved as it stands: the reasons, as approving refuses them.
    NotReady(Vec<String>),
}

impl DecisionProblem {
    pub fn field(&self) -> FormField {
        match self {
            DecisionProblem::NoVerdict => FormField::Verdict,
            DecisionProblem::NoName => FormField::Name,
            DecisionProblem::NoRole => FormField::Role,
            DecisionProblem::NoComments => FormField::Comments,
            DecisionProblem::NotWaiting
            | DecisionProblem::ChangedSinceSent
            | DecisionProblem::NotReady(_) => FormField::Record,
        }
    }

    /// What to tell the approver (GOV.UK error wording: what to do).
    pub fn message(&self) -> String {
        match self {
            DecisionProblem::NotWaiting => {
                "This file is not waiting for a decision: it was not sent for approval, or it has been decided already.".into()
            }
            DecisionProblem::NoVerdict => "Select whether you approve the assessment or return it with comments".into(),
            DecisionProblem::NoName => "Enter your name".into(),
            DecisionProblem::NoRole => "Enter your role".into(),
            DecisionProblem::NoComments => {
                "Enter at least one comment, so the author knows what to change".into()
            }
            DecisionProblem::ChangedSinceSent => {
                "It cannot be approved: the file was changed after it was sent for approval. Return it, or ask the author to send it again.".into()
            }
            DecisionProblem::NotReady(reasons) => format!(
                "It cannot be approved as it stands. Return it with comments instead. {}",
                reasons.join(" ")
            ),
        }
    }
}

/// Records the approver's decision on `a` (a file sent for approval) and returns the
/// assessment to give back: with the decision in its last round and, when approved, the
/// sign-off's approver, role and date filled in and the record approved. Approval is
/// refused while the content is not what was sent, or while it could not be approved.
pub fn decide(
    a: &Assessment,
    form: &DecisionForm,
    today: Date,
) -> Result<Assessment, Vec<DecisionProblem>> {
    let Some(round) = waiting(a) else {
        return Err(vec![DecisionProblem::NotWaiting]);
    };
    let name = form.name.trim();
    let role = form.role.trim();
    let note = form.note.trim();
    let comments: Vec<Comment> = Section::ALL
        .into_iter()
        .filter_map(|section| {
            let text = form
                .comments
                .iter()
                .filter(|(s, _)| *s == section)
                .map(|(_, t)| t.trim())
                .find(|t| !t.is_empty())?;
            Some(Comment {
                section,
                text: text.to_string(),
            })
        })
        .collect();
    let mut problems = Vec::new();
    if form.verdict.is_none() {
        problems.push(DecisionProblem::NoVerdict);
    }
    if name.is_empty() {
        problems.push(DecisionProblem::NoName);
    }
    if role.is_empty() {
        problems.push(DecisionProblem::NoRole);
    }
    if form.verdict == Some(Verdict::Returned) && note.is_empty() && comments.is_empty() {
        problems.push(DecisionProblem::NoComments);
    }
    let intact = content_digest(a) == round.content;
    let mut decided = a.clone();
    if form.verdict == Some(Verdict::Approved) {
        if !intact {
            problems.push(DecisionProblem::ChangedSinceSent);
        } else if problems.is_empty() {
            decided
                .answers
                .set(QuestionId::SignOffApprovedName, Answer::Text(name.into()));
            decided
                .answers
                .set(QuestionId::SignOffApprovedRole, Answer::Text(role.into()));
            decided.answers.set(
                QuestionId::SignOffApprovedDate,
                Answer::Text(today.to_string()),
            );
            if let Err(reasons) = lifecycle::approve(&mut decided, today) {
                problems.push(DecisionProblem::NotReady(reasons));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let decision = Decision {
        verdict: form.verdict.unwrap_or(Verdict::Returned),
        name: name.into(),
        role: role.into(),
        date: today.to_string(),
        note: note.into(),
        comments,
    };
    if let Some(last) = decided.handover.last_mut() {
        last.decision = Some(decision);
    }
    Ok(decided)
}

/// The rounds of `mine` (the author's record) with the decisions `theirs` (a returned
/// file) brings: a decision goes to the round sent on the same day with the same
/// content; a decided round `mine` does not have is added at the end.
pub fn merge_rounds(mine: &[Round], theirs: &[Round]) -> Vec<Round> {
    let mut rounds = mine.to_vec();
    for round in theirs {
        let Some(decision) = &round.decision else {
            continue;
        };
        let same = |r: &Round| r.sent == round.sent && r.content == round.content;
        match rounds.iter_mut().find(|r| same(r)) {
            Some(r) if r.decision.is_none() => r.decision = Some(decision.clone()),
            Some(_) => {}
            None => rounds.push(round.clone()),
        }
    }
    rounds
}

/// A sentence for the review log about a decision adopted from `file`.
pub fn log_note(decision: &Decision, file: &str) -> String {
    match decision.verdict {
        Verdict::Approved => format!(
            "Approved by {} on {}, from the file {file}.",
            decision.who(),
            decision.date_long()
        ),
        Verdict::Returned => format!(
            "Returned with comments by {} on {}, from the file {file}.",
            decision.who(),
            decision.date_long()
        ),
    }
}

/// Where the hand-over stands, in a sentence or two: shown in the interface and both
/// reports. An approval that no longer matches the content says so first and plainly.
pub fn describe(stage: &Stage) -> String {
    match stage {
        Stage::NotSent => "It has not been sent for approval with this tool.".into(),
        Stage::Waiting {
            sent,
            changed: false,
        } => format!(
            "Sent for approval on {}. Waiting for the decision.",
            long(sent)
        ),
        Stage::Waiting {
            sent,
            changed: true,
        } => format!(
            "Sent for approval on {}, and changed since: the approver will decide on the version that was sent, not on this one. Send it again so they see the changes.",
            long(sent)
        ),
        Stage::Returned { decision, .. } => format!(
            "Returned with comments by {} on {}.",
            decision.who(),
            decision.date_long()
        ),
        Stage::Approved {
            decision,
            digest,
            changed: false,
            ..
        } => format!(
            "Approved by {} on {}. The approval is bound to the content with the digest {digest}, and the content matches it.",
            decision.who(),
            decision.date_long()
        ),
        Stage::Approved {
            decision,
            digest,
            changed: true,
            ..
        } => format!(
            "Changed after approval: this is not what {} approved on {}. The approval was given to the content with the digest {digest}, and the content no longer matches it, so the approval does not cover this version.",
            decision.who(),
            decision.date_long()
        ),
    }
}

fn long(date: &str) -> String {
    Date::parse(date).map_or_else(|| date.to_string(), Date::long)
}
