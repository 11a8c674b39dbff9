//! The hand-over for approval: one person writes the assessment, another approves it,
//! and they exchange files only (nothing leaves either browser otherwise).
//!
//! - The author **sends** the assessment: a round is added to its hand-over record with
//!   the day and the digest of its content (`content_digest`), and the file is given to
//!   the approver.
//! - The approver opens the file, reads it (read-only, with its findings, the warnings
//!   the author accepted and, from the second round, their earlier comments with the
//!   author's replies and what changed since they returned it) and **decides**: approve,
//!   or return with comments attached to sections. Their name, role and organisation are
//!   those of their key card, the date is today's, and the decision is **signed** with
//!   their key (`signing.rs` says exactly what is signed). The decision goes into the
//!   round; an approval also approves the record (status, and the sign-off's approver,
//!   role and date). They give the file back.
//! - The author opens the returned file: it joins their record only if its round is one
//!   they sent (`join`): the comments show beside the questions, and they can reply to
//!   each; or the record is the approved one. Anything else opens as a separate copy.
//!
//! An approval is **bound** to the digest of the content approved, and **signed**.
//! Whatever the file says, `stage` works the digest out again from the content as it is
//! now, and `verify::approval` checks the signature and whether its key is trusted
//! (`keycard.rs`): only an approval signed by a trusted approver is shown as approved
//! without a qualifier.
//!
//! Plain Rust; no browser types. Tested natively (tests/handover.rs).

pub mod cover;
pub mod keycard;
pub mod signing;
pub mod verify;

pub use keycard::{read_card, CardProblem, Fingerprint, KeyCard, Signer, ALGORITHM};
pub use verify::{
    approval, verify_decision, Approval, Mismatch, Trust, TrustSource, Trusted, Verification,
};

use crate::assessment::digest::{content, content_digest};
use crate::assessment::lifecycle;
use crate::assessment::text::same_person;
use crate::assessment::{
    Answer, Assessment, Comment, Date, Decision, QuestionId, Reply, Round, Section, Signature,
    Verdict,
};
use crate::base64;

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

/// The decision of the last round if it returned the assessment: the comments shown
/// beside the questions. The same as `stage(a).comments()` without taking the content's
/// digest, which the section pages would otherwise do on every key typed.
pub fn returned(a: &Assessment) -> Option<&Decision> {
    a.handover
        .last()?
        .decision
        .as_ref()
        .filter(|d| d.verdict == Verdict::Returned)
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
    a.handover.push(Round::sent(today.to_string(), digest));
    Ok(())
}

/// What the approver filled in. Who they are comes from their key card, the date from
/// the tool: neither is typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DecisionForm {
    pub verdict: Option<Verdict>,
    pub note: String,
    /// Comments on sections; empty ones are ignored.
    pub comments: Vec<(Section, String)>,
}

/// Who is deciding, as the session knows them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Approver<'a> {
    /// Their identity, from the key in this browser; `None` if they have no key yet.
    pub signer: Option<&'a Signer>,
    /// The record is the author's own, saved in this browser (the author deciding on
    /// what they sent).
    pub author_here: bool,
    /// The organisation allows an author to approve their own assessment.
    pub self_approval: bool,
    /// The organisation's findings on the record, from the settings loaded where it is
    /// decided on (`organisation::evaluate::findings_under`): a blocker among them
    /// refuses an approval as the rules' do.
    pub findings: &'a [crate::assessment::rules::Finding],
}

/// Which part of the approver's form a problem is about (for the error summary's links).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormField {
    Verdict,
    /// The comments (the general one first).
    Comments,
    /// The approver's key (create one first).
    Key,
    /// The assessment itself, not the form.
    Record,
}

/// Why a decision cannot be recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecisionProblem {
    /// The file was not sent for approval, or it was decided already.
    NotWaiting,
    NoVerdict,
    /// There is no approver key in this browser to sign with.
    NoKey,
    /// Returning it needs at least one comment, so the author knows what to change.
    NoComments,
    /// The content is not what was sent, so it cannot be approved.
    ChangedSinceSent,
    /// It cannot be approved as it stands: the reasons, as approving refuses them.
    NotReady(Vec<String>),
    /// The approver wrote it, and the organisation does not allow self-approval.
    OwnAssessment,
}

impl DecisionProblem {
    pub fn field(&self) -> FormField {
        match self {
            DecisionProblem::NoVerdict => FormField::Verdict,
            DecisionProblem::NoComments => FormField::Comments,
            DecisionProblem::NoKey => FormField::Key,
            DecisionProblem::NotWaiting
            | DecisionProblem::ChangedSinceSent
            | DecisionProblem::NotReady(_)
            | DecisionProblem::OwnAssessment => FormField::Record,
        }
    }

    /// What to tell the approver (GOV.UK error wording: what to do).
    pub fn message(&self) -> String {
        match self {
            DecisionProblem::NotWaiting => {
                "This file is not waiting for a decision: it was not sent for approval, or it has been decided already.".into()
            }
            DecisionProblem::NoVerdict => "Select whether you approve the assessment or return it with comments".into(),
            DecisionProblem::NoKey => {
                "Create your approver key first: your decision is signed with it, so the author and anyone else can check it is yours".into()
            }
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
            DecisionProblem::OwnAssessment => {
                "You cannot approve an assessment you wrote: your organisation's settings do not allow it. Send it to another approver.".into()
            }
        }
    }
}

/// A decision made and waiting for its signature: the file to give back once signed,
/// and the exact bytes to sign.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsigned {
    pub assessment: Assessment,
    pub message: Vec<u8>,
    pub signer: Signer,
}

/// Records the approver's decision on `a` (a file sent for approval): with the decision
/// in its last round and, when approved, the sign-off's approver, role and date filled
/// in and the record approved, and the bytes to sign. Approval is refused while the
/// content is not what was sent, while it could not be approved, and to its own author
/// unless the organisation allows it (then it is recorded as approved by its author).
pub fn decide(
    a: &Assessment,
    form: &DecisionForm,
    approver: &Approver,
    today: Date,
) -> Result<Unsigned, Vec<DecisionProblem>> {
    let Some(round) = waiting(a) else {
        return Err(vec![DecisionProblem::NotWaiting]);
    };
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
    if approver.signer.is_none() {
        problems.push(DecisionProblem::NoKey);
    }
    if form.verdict == Some(Verdict::Returned) && note.is_empty() && comments.is_empty() {
        problems.push(DecisionProblem::NoComments);
    }
    let author = match a.answers.get(QuestionId::SignOffCompletedName) {
        Some(Answer::Text(name)) => name.as_str(),
        _ => "",
    };
    let by_author = approver.author_here
        || approver
            .signer
            .is_some_and(|s| same_person(&s.name, author));
    let intact = content_digest(a) == round.content;
    let mut decided = a.clone();
    if form.verdict == Some(Verdict::Approved) {
        if by_author && !approver.self_approval {
            problems.push(DecisionProblem::OwnAssessment);
        }
        if !intact {
            problems.push(DecisionProblem::ChangedSinceSent);
        } else if let (true, Some(signer)) = (problems.is_empty(), approver.signer) {
            decided.answers.set(
                QuestionId::SignOffApprovedName,
                Answer::Text(signer.name.trim().into()),
            );
            decided.answers.set(
                QuestionId::SignOffApprovedRole,
                Answer::Text(signer.role.trim().into()),
            );
            decided.answers.set(
                QuestionId::SignOffApprovedDate,
                Answer::Text(today.to_string()),
            );
            if let Err(reasons) =
                lifecycle::approve_with(&mut decided, today, approver.findings.to_vec())
            {
                problems.push(DecisionProblem::NotReady(reasons));
            }
        }
    }
    let (Some(signer), Some(verdict), true) = (approver.signer, form.verdict, problems.is_empty())
    else {
        return Err(problems);
    };
    let decision = Decision {
        verdict,
        name: signer.name.clone(),
        role: signer.role.clone(),
        organisation: signer.organisation.clone(),
        by_author: by_author && verdict == Verdict::Approved,
        date: today.to_string(),
        note: note.into(),
        comments,
        signature: None,
    };
    let index = decided.handover.len() - 1;
    let message =
        signing::message(&decided.handover, index, &decision, signer).expect("the round is there");
    decided.handover[index].decision = Some(decision);
    Ok(Unsigned {
        assessment: decided,
        message,
        signer: signer.clone(),
    })
}

/// The decision with the signature the approver's browser made over `unsigned.message`:
/// the file to give back. Refused (with why) if the signature does not match, so a file
/// that would not verify is never given out.
pub fn attach(unsigned: Unsigned, signature: &[u8]) -> Result<Assessment, Mismatch> {
    let mut a = unsigned.assessment;
    let index = a.handover.len() - 1;
    if let Some(decision) = a.handover[index].decision.as_mut() {
        decision.signature = Some(Signature {
            algorithm: unsigned.signer.algorithm.clone(),
            key: unsigned.signer.key.clone(),
            value: base64::encode(signature),
        });
    }
    let today = a.handover[index]
        .decision
        .as_ref()
        .and_then(|d| Date::parse(&d.date))
        .expect("dated by decide");
    match verify_decision(&a, index, &Trust::default(), today) {
        v if v.matches() => Ok(a),
        Verification::DoesNotMatch(why) => Err(why),
        _ => Err(Mismatch::Altered),
    }
}

/// Why a returned or approved file does not join the author's record: it is then opened
/// as a separate copy, and the record is left as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotJoined {
    /// It carries no decision.
    NotDecided,
    /// Its decided round is not one the author sent (no round of theirs at that place
    /// with that day and content digest).
    NotSent { round: usize },
    /// Its content is not the content sent in that round.
    ContentNotSent,
    /// The rounds before it are not the author's.
    EarlierRoundsDiffer,
    /// The author's record has a decision on that round already.
    AlreadyDecided,
    /// An approval whose signature does not match, or that is not signed.
    Unverified(Box<Verification>),
}

impl NotJoined {
    /// Why, as the end of "It was not added to your record, because …".
    pub fn describe(&self) -> String {
        match self {
            NotJoined::NotDecided => "it has no decision in it".into(),
            NotJoined::NotSent { round } => format!(
                "its decision is on a round of the hand-over (round {round}) that you did not send from this browser"
            ),
            NotJoined::ContentNotSent => "its assessment is not what you sent for approval: its content was changed".into(),
            NotJoined::EarlierRoundsDiffer => "its earlier rounds of the hand-over are not those of your record".into(),
            NotJoined::AlreadyDecided => "your record already has a decision on that round".into(),
            NotJoined::Unverified(v) => match v.as_ref() {
                Verification::NotSigned => "its approval is not signed".into(),
                Verification::NotTrusted { fingerprint, .. } => format!(
                    "its approval is signed by a key not on your list of trusted approvers (fingerprint {fingerprint}): if you have checked that fingerprint with the approver, add their key card to the trusted approvers, then open this file again"
                ),
                Verification::DoesNotMatch(why) => format!(
                    "its approval's signature does not match: {}",
                    why.describe()
                ),
                Verification::Trusted { .. } => "its approval could not be verified".into(),
            },
        }
    }
}

/// A decision joined to the author's record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Joined {
    /// The record to keep: the author's, with the decision (a return: its comments,
    /// the content as returned; an approval: the approved content, which is exactly
    /// what was sent).
    pub record: Assessment,
    pub decision: Decision,
    /// The round decided (0-based).
    pub index: usize,
    /// The author's record was changed after that round was sent.
    pub changed_since: bool,
}

fn without_copies(rounds: &[Round]) -> Vec<Round> {
    rounds
        .iter()
        .map(|r| Round {
            as_returned: None,
            ..r.clone()
        })
        .collect()
}

/// Joins the decision `theirs` (a returned or approved file) brings to `mine` (the
/// author's record, a draft): only if it is on a round `mine` sent, at the same place,
/// with the same day and content digest, after the same earlier rounds, with the
/// content the author sent, and not decided yet. An approval must also be signed by an
/// approver `trust` holds (an approval anyone could have made never becomes the
/// record); a return must not carry a signature that does not match.
pub fn join(
    mine: &Assessment,
    theirs: &Assessment,
    trust: &Trust,
    today: Date,
) -> Result<Joined, NotJoined> {
    let index = theirs
        .handover
        .len()
        .checked_sub(1)
        .ok_or(NotJoined::NotDecided)?;
    let round = &theirs.handover[index];
    let decision = round.decision.clone().ok_or(NotJoined::NotDecided)?;
    let sent = mine
        .handover
        .get(index)
        .filter(|r| r.sent == round.sent && r.content == round.content)
        .ok_or(NotJoined::NotSent { round: index + 1 })?;
    if without_copies(&mine.handover[..index]) != without_copies(&theirs.handover[..index]) {
        return Err(NotJoined::EarlierRoundsDiffer);
    }
    if content_digest(theirs) != round.content {
        return Err(NotJoined::ContentNotSent);
    }
    if sent.decision.is_some() {
        return Err(NotJoined::AlreadyDecided);
    }
    let verification = verify_decision(theirs, index, trust, today);
    if decision.verdict == Verdict::Approved && !verification.is_trusted()
        || matches!(verification, Verification::DoesNotMatch(_))
    {
        return Err(NotJoined::Unverified(Box::new(verification)));
    }
    let changed_since = content_digest(mine) != round.content;
    let mut rounds = mine.handover.clone();
    rounds[index].decision = Some(decision.clone());
    let record = match decision.verdict {
        Verdict::Approved => {
            let mut approved = theirs.clone();
            approved.id = mine.id.clone();
            approved.review_log = mine.review_log.clone();
            approved.handover = rounds;
            approved
        }
        Verdict::Returned => {
            // Only the last return keeps its copy (what the next round compares with).
            for r in &mut rounds {
                r.as_returned = None;
            }
            rounds[index].as_returned = Some(Box::new(content(theirs)));
            let mut record = mine.clone();
            record.handover = rounds;
            record
        }
    };
    Ok(Joined {
        record,
        decision,
        index,
        changed_since,
    })
}

/// Why a reply cannot be kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplyProblem {
    /// The last round is not a return (nothing to reply to, or sent again already).
    NotReturned,
    /// There is no comment on that section.
    NoComment,
    ReadOnly,
}

impl std::fmt::Display for ReplyProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ReplyProblem::NotReturned => {
                "There is no returned decision to reply to: replies go with the next sending."
            }
            ReplyProblem::NoComment => "The approver made no comment there to reply to.",
            ReplyProblem::ReadOnly => "This assessment is approved: it cannot be changed.",
        })
    }
}

/// The author's reply to a comment of the last return (`section` `None`: the comment on
/// the whole assessment); empty text takes the reply away. It is sent with the next
/// round.
pub fn set_reply(
    a: &mut Assessment,
    section: Option<Section>,
    text: &str,
) -> Result<(), ReplyProblem> {
    if a.is_read_only() {
        return Err(ReplyProblem::ReadOnly);
    }
    let round = a.handover.last_mut().ok_or(ReplyProblem::NotReturned)?;
    let decision = round
        .decision
        .as_ref()
        .filter(|d| d.verdict == Verdict::Returned)
        .ok_or(ReplyProblem::NotReturned)?;
    let commented = match section {
        None => !decision.note.is_empty(),
        Some(s) => decision.comment(s).is_some(),
    };
    if !commented {
        return Err(ReplyProblem::NoComment);
    }
    round.replies.retain(|r| r.section != section);
    let text = text.trim();
    if !text.is_empty() {
        round.replies.push(Reply {
            section,
            text: text.to_string(),
        });
        crate::sort::sort_by(&mut round.replies, |a, b| {
            a.section
                .map(|s| s.number())
                .cmp(&b.section.map(|s| s.number()))
        });
    }
    Ok(())
}

/// One earlier round, as the approver's later round shows it: their comments, the
/// author's reply to each, and whether the decision is signed by them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EarlierRound {
    /// 1-based.
    pub number: usize,
    pub sent: String,
    pub decision: Decision,
    /// Each comment (`None`: on the whole assessment) with the author's reply, if any.
    pub comments: Vec<(Option<Section>, String, Option<String>)>,
    pub verification: Verification,
}

/// The decided rounds before the one waiting, oldest first.
pub fn earlier_rounds(a: &Assessment, trust: &Trust, today: Date) -> Vec<EarlierRound> {
    let waiting_at = waiting(a).map_or(a.handover.len(), |_| a.handover.len() - 1);
    a.handover[..waiting_at]
        .iter()
        .enumerate()
        .filter_map(|(i, round)| {
            let decision = round.decision.clone()?;
            let mut comments = Vec::new();
            if !decision.note.is_empty() {
                comments.push((
                    None,
                    decision.note.clone(),
                    round.reply(None).map(String::from),
                ));
            }
            for c in &decision.comments {
                comments.push((
                    Some(c.section),
                    c.text.clone(),
                    round.reply(Some(c.section)).map(String::from),
                ));
            }
            Some(EarlierRound {
                number: i + 1,
                sent: round.sent.clone(),
                verification: verify_decision(a, i, trust, today),
                comments,
                decision,
            })
        })
        .collect()
}

/// The version the approver returned in the round before the one waiting, as the file
/// carries it: `Ok` only if it is exactly what was returned (its content digest is that
/// round's), `Err` if a copy is there but does not match, `None` if there is none.
pub fn as_returned(a: &Assessment) -> Option<Result<&Assessment, ()>> {
    let waiting_at = waiting(a).map(|_| a.handover.len() - 1)?;
    let round = a.handover[..waiting_at].last()?;
    round
        .decision
        .as_ref()
        .filter(|d| d.verdict == Verdict::Returned)?;
    let copy = round.as_returned.as_deref()?;
    Some(if content_digest(copy) == round.content {
        Ok(copy)
    } else {
        Err(())
    })
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
            "Marked approved by {} on {}, for the content with the digest {digest}, which the content matches. A digest shows a change, not who approved it: only a signature by a trusted approver shows that.",
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
