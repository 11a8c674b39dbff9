//! The digests an assessment is known by, all SHA-256 of its canonical JSON
//! (`canonical.rs`):
//!
//! - `assessment_digest`: the whole record, as written in every export;
//! - `reviewed_digest`: the record without its review log, which a review records of
//!   the version it reviews;
//! - `content_digest`: what an approval approves (`content`), to which each round of
//!   the hand-over is bound.
//!
//! They live with the model because the model records them (`Reviewed`, `Round`).

use super::canonical::digest_hex;
use super::model::{Assessment, Status};
use super::questions::QuestionId;

/// The digest written in an export of `a`: SHA-256 of the canonical JSON of `a` as
/// `write::assessment` writes it (the same JSON as serde's), in lower-case hex.
pub fn assessment_digest(a: &Assessment) -> String {
    let value = super::write::assessment(a);
    digest_hex(&value)
}

/// The digest a review records of the version it reviews (`Assessment::reviewed`): the
/// SHA-256 of the canonical JSON of that version without its review log. The log says
/// what happened to one copy (an import, for instance), not what was approved, so every
/// copy of one approved version gives the same digest; anything else in it changes it.
pub fn reviewed_digest(a: &Assessment) -> String {
    let mut value = super::write::assessment(a);
    if let crate::json::Value::Object(fields) = &mut value {
        fields.remove("review_log");
    }
    digest_hex(&value)
}

/// The sign-off answers an approval fills in: not part of the content it approves.
pub const APPROVAL_ANSWERS: [QuestionId; 3] = [
    QuestionId::SignOffApprovedName,
    QuestionId::SignOffApprovedRole,
    QuestionId::SignOffApprovedDate,
];

/// What an approval approves: the assessment without what the hand-over itself changes
/// or adds on the way (its status, the approver's name, role and date in the sign-off,
/// the hand-over record, the review log, which records imports, and the rule catalogue
/// that checked it at approval) and without the id
/// it is stored under (a copy kept beside another under a new id is the same content).
pub fn content(a: &Assessment) -> Assessment {
    let mut c = a.clone();
    c.id = String::new();
    c.status = Status::Draft;
    c.review_log.clear();
    c.handover.clear();
    // Recorded when approved, after the content was sent (`lifecycle::approve`).
    c.rules_version = None;
    for q in APPROVAL_ANSWERS {
        c.answers.clear(q);
    }
    c
}

/// The SHA-256 of the canonical JSON of `content(a)`, as lower-case hex: what a
/// decision is bound to.
pub fn content_digest(a: &Assessment) -> String {
    assessment_digest(&content(a))
}
