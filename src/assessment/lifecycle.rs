//! The record's life: approval (refused while anything blocks it) and review, which
//! makes a new editable version linked to the approved one.

use super::date::Date;
use super::model::{Answer, Assessment, ReviewEntry, Reviewed, Status};
use super::outcome::outcome_with;
use super::questions::QuestionId as Q;
use super::rules::Finding;

/// Marks the assessment approved, dating the approval today if no date was given.
/// Refused, with the reasons, while it is not ready for sign-off.
pub fn approve(assessment: &mut Assessment, today: Date) -> Result<(), Vec<String>> {
    approve_with(assessment, today, Vec::new())
}

/// `approve`, refused too while `extra` (the organisation's findings, worked out where
/// its settings are loaded: `organisation::evaluate::findings_under`) blocks it.
pub fn approve_with(
    assessment: &mut Assessment,
    today: Date,
    extra: Vec<Finding>,
) -> Result<(), Vec<String>> {
    if assessment.is_read_only() {
        return Err(vec!["This assessment is already approved.".into()]);
    }
    let result = outcome_with(assessment, Some(today), extra);
    if !result.ready_for_sign_off {
        return Err(result.sign_off_refusals);
    }
    if assessment.answers.get(Q::SignOffApprovedDate).is_none() {
        assessment
            .answers
            .set(Q::SignOffApprovedDate, Answer::Text(today.to_string()));
    }
    // Which version of the rules checked it (outside the content an approval is bound
    // to, so recording it breaks no approval).
    assessment.rules_version = Some(super::catalogue::CATALOGUE_VERSION);
    assessment.status = Status::Approved;
    Ok(())
}

/// The sign-off answers a review clears: each version is signed off again.
pub const REDONE_AT_REVIEW: [Q; 6] = [
    Q::SignOffCompletedDate,
    Q::SignOffApprovedName,
    Q::SignOffApprovedRole,
    Q::SignOffApprovedDate,
    Q::SignOffReviewDate,
    Q::SignOffChecklist,
];

/// The approval date recorded in an assessment, as typed.
pub fn approved_on(a: &Assessment) -> Option<&str> {
    match a.answers.get(Q::SignOffApprovedDate) {
        Some(Answer::Text(t)) => Some(t.as_str()),
        _ => None,
    }
}

/// Starts a review of an approved assessment: a new draft with the same answers and
/// impacts, the next version number and a link back (its id, and its version, approval
/// date and digest in `reviewed`), with the sign-off to be done again. The approved
/// record itself is left untouched.
pub fn start_review(approved: &Assessment, new_id: impl Into<String>, today: Date) -> Assessment {
    let mut review = approved.clone();
    review.id = new_id.into();
    review.version = approved.version + 1;
    review.status = Status::Draft;
    review.review_of = Some(approved.id.clone());
    review.reviewed = Some(Reviewed {
        version: approved.version,
        approved_on: approved_on(approved).map(String::from),
        digest: super::digest::reviewed_digest(approved),
        lineage: Some(approved.lineage().to_string()),
    });
    // The review is sent for approval afresh; the approved version keeps its hand-over.
    review.handover.clear();
    // The review is checked by today's rules, and nothing in it is stale yet.
    review.rules_version = None;
    review.check_again.clear();
    for q in REDONE_AT_REVIEW {
        review.answers.clear(q);
    }
    review.review_log.push(ReviewEntry {
        date: today.to_string(),
        note: format!(
            "Review started from version {} (approved {}).",
            approved.version,
            approved_on(approved).unwrap_or("on an unrecorded date")
        ),
    });
    review
}
