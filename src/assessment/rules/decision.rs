//! The decision and the record: sign-off, timing, review and transparency.

use super::sources::*;
use super::Severity::*;
use super::Weight::*;
use super::{catalogue, when, Hit, Rule};
use crate::assessment::choices::{checklist, decision};
use crate::assessment::context::Ctx;
use crate::assessment::date::Date;
use crate::assessment::model::YesNo;
use crate::assessment::questions::{AnswerKind, QuestionId as Q, Section, QUESTIONS};
use crate::assessment::text::{names_an_organisation, same_person, weighs_concerns};

pub(super) const YES_WITH_BLOCKERS: &str = "decision.yes-with-blockers";
const YES_AGAINST_READING: &str = "decision.yes-against-reading";

/// Blockers the decision should have waited for: those of every other rule, except the
/// sign-off's (done after the decision: issue 26, a review just started said "you
/// decided yes while blockers remain" when only the sign-off was blank) and the answers
/// to check again (the decision's own answers are among them, and say so).
fn other_blockers(c: &Ctx) -> usize {
    catalogue()
        .filter(|r| r.severity == Blocker && r.id != YES_WITH_BLOCKERS)
        .filter(|r| r.section != Section::SignOff)
        .filter(|r| (r.check)(c).is_some())
        .count()
}

/// Whether another rule makes the reading borderline or worse (these two excepted: they
/// look at the other rules themselves).
fn reading_against(c: &Ctx) -> bool {
    catalogue()
        .filter(|r| r.weight != Record && r.id != YES_AGAINST_READING)
        .any(|r| (r.check)(c).is_some())
}

fn completed(c: &Ctx) -> Option<Date> {
    c.date(Q::SignOffCompletedDate)
}

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "decision.undecided",
        severity: Blocker,
        weight: Record,
        section: Section::Decision,
        message: "Decide whether you can rely on legitimate interests. An assessment that does not reach a decision cannot be signed off.",
        source: &ICO_OUTCOME,
        check: |c| {
            when(
                c.started(Section::Decision)
                    && c.choice(Q::DecisionRely).is_none_or(|k| k == decision::UNDECIDED),
                Q::DecisionRely,
            )
        },
    },
    Rule {
        id: YES_WITH_BLOCKERS,
        severity: Blocker,
        weight: Record,
        section: Section::Decision,
        message: "You decided you can rely on legitimate interests while blockers remain. Resolve every blocker first, or change the decision.",
        source: &ICO_OUTCOME,
        check: |c| {
            if c.choice(Q::DecisionRely) != Some(decision::YES) {
                return None;
            }
            match other_blockers(c) {
                0 => None,
                n => Hit::detail(Q::DecisionRely, format!("{n} other blocker(s) remain.")),
            }
        },
    },
    Rule {
        id: YES_AGAINST_READING,
        severity: Warning,
        weight: Record,
        section: Section::Decision,
        message: "You decided yes although the reading is borderline or unlikely. Say in the justification why your interests still take priority over the concerns found: the more significant the risks, the more compelling it must be.",
        source: &ICO_OUTCOME,
        check: |c| {
            let decided_yes = c.choice(Q::DecisionRely) == Some(decision::YES);
            when(
                decided_yes
                    && !weighs_concerns(c.text(Q::DecisionJustification))
                    && reading_against(c),
                Q::DecisionJustification,
            )
        },
    },
    Rule {
        id: "decision.no-justification",
        severity: Blocker,
        weight: Record,
        section: Section::Decision,
        message: "Justify the decision: show why the benefits of the processing justify the risks you found. The more significant the risks, the more compelling the justification must be.",
        source: &ICO_OUTCOME,
        check: |c| {
            when(
                c.started(Section::Decision) && !c.has_text(Q::DecisionJustification),
                Q::DecisionJustification,
            )
        },
    },
    Rule {
        id: "decision.factors-against-missing",
        severity: Warning,
        weight: Record,
        section: Section::Decision,
        message: "Record what weighs against the processing too. Recording every relevant factor, whether or not it supports your conclusion, shows you took everything into account.",
        source: &ICO_PROCESS,
        check: |c| {
            when(
                c.started(Section::Decision) && !c.has_text(Q::DecisionFactorsAgainst),
                Q::DecisionFactorsAgainst,
            )
        },
    },
    Rule {
        id: "decision.consider-other-basis",
        severity: Advice,
        weight: Against,
        section: Section::Decision,
        message: "You decided you cannot rely on legitimate interests for this purpose. You may be able to use another lawful basis instead, such as consent, which gives people full control.",
        source: &ICO_NEXT,
        check: |c| when(c.choice(Q::DecisionRely) == Some(decision::NO), Q::DecisionRely),
    },
    Rule {
        id: "record.retrospective",
        severity: Blocker,
        weight: Against,
        section: Section::About,
        message: "The processing started before this assessment was completed. You must do the assessment before you start: you cannot start processing and then retrospectively apply legitimate interests. Stop or pause the processing until the assessment supports it.",
        source: &ICO_PROCESS,
        check: |c| {
            if c.assessment.review_of.is_some() {
                return None; // a review of processing that an earlier assessment covered
            }
            if c.is_yes(Q::AboutStarted) {
                return Hit::at(Q::AboutStarted);
            }
            let (start, done) = (c.date(Q::AboutStartDate)?, completed(c)?);
            (start < done)
                .then(|| {
                    Hit::detail(
                        Q::AboutStartDate,
                        format!("Started {}, assessment completed {}.", start.long(), done.long()),
                    )
                })
                .flatten()
        },
    },
    Rule {
        id: "record.completed-by-missing",
        severity: Blocker,
        weight: Record,
        section: Section::SignOff,
        message: "Record who completed the assessment and when. The record must show who made the assessment and that it came before the processing.",
        source: &ICO_PROCESS,
        check: |c| {
            let missing: Vec<Q> = [Q::SignOffCompletedName, Q::SignOffCompletedDate]
                .into_iter()
                .filter(|q| match q {
                    Q::SignOffCompletedDate => completed(c).is_none(),
                    _ => !c.has_text(*q),
                })
                .collect();
            (c.started(Section::SignOff) && !missing.is_empty())
                .then(|| Hit::at_all(&missing))
                .flatten()
        },
    },
    Rule {
        id: "record.approver-missing",
        severity: Blocker,
        weight: Record,
        section: Section::SignOff,
        message: "Name the person who approves the assessment. Someone with the authority to accept the conclusion should sign it off.",
        source: &ICO_PROCESS,
        check: |c| {
            when(
                c.started(Section::SignOff) && !c.has_text(Q::SignOffApprovedName),
                Q::SignOffApprovedName,
            )
        },
    },
    Rule {
        id: "record.approver-is-author",
        severity: Warning,
        weight: Record,
        section: Section::SignOff,
        message: "The same person completed and approved the assessment. Ask someone else to approve it, so the conclusion is checked independently.",
        source: &ICO_PROCESS,
        check: |c| {
            when(
                same_person(c.text(Q::SignOffCompletedName), c.text(Q::SignOffApprovedName)),
                Q::SignOffApprovedName,
            )
        },
    },
    Rule {
        id: "record.approver-role-not-a-role",
        severity: Warning,
        weight: Record,
        section: Section::SignOff,
        message: "The approver's role names an organisation, not a role. Record their job title or position (for example \"Director of Housing\"), so the record shows they had the authority to accept the conclusion.",
        source: &ACCOUNTABILITY,
        check: |c| {
            when(
                names_an_organisation(c.text(Q::SignOffApprovedRole), c.text(Q::AboutOrganisation)),
                Q::SignOffApprovedRole,
            )
        },
    },
    Rule {
        id: "record.approved-before-completed",
        severity: Warning,
        weight: Record,
        section: Section::SignOff,
        message: "The approval date is before the date the assessment was completed. Check both dates.",
        source: &ICO_PROCESS,
        check: |c| {
            let (approved, done) = (c.date(Q::SignOffApprovedDate)?, completed(c)?);
            when(approved < done, Q::SignOffApprovedDate)
        },
    },
    Rule {
        id: "record.review-date-missing",
        severity: Blocker,
        weight: Record,
        section: Section::SignOff,
        message: "Set a date for the next review. Keep the assessment under review, and revisit it if the purpose, nature or context of the processing changes.",
        source: &ICO_NEXT,
        check: |c| {
            when(
                c.started(Section::SignOff) && c.date(Q::SignOffReviewDate).is_none(),
                Q::SignOffReviewDate,
            )
        },
    },
    Rule {
        id: "record.review-overdue",
        severity: Warning,
        weight: Record,
        section: Section::SignOff,
        message: "The review date has passed. Review the assessment now: check that the purpose, nature and context are unchanged, and start a review to record it.",
        source: &ICO_NEXT,
        check: |c| {
            let (review, today) = (c.date(Q::SignOffReviewDate)?, c.today?);
            (review < today)
                .then(|| Hit::detail(Q::SignOffReviewDate, format!("It was due on {}.", review.long())))
                .flatten()
        },
    },
    Rule {
        id: "record.review-before-completion",
        severity: Warning,
        weight: Record,
        section: Section::SignOff,
        message: "The review date is not after the date the assessment was completed. Choose a later review date.",
        source: &ICO_NEXT,
        check: |c| {
            let (review, done) = (c.date(Q::SignOffReviewDate)?, completed(c)?);
            when(review <= done, Q::SignOffReviewDate)
        },
    },
    Rule {
        id: "record.privacy-information",
        severity: Warning,
        weight: Record,
        section: Section::SignOff,
        message: "Your privacy information must tell people your purpose, that you rely on legitimate interests, and what those interests are. Update it before you start.",
        source: &PRIVACY_INFORMATION,
        check: |c| {
            when(
                c.yes_no(Q::SignOffPrivacyInformation).is_some_and(|y| y != YesNo::Yes),
                Q::SignOffPrivacyInformation,
            )
        },
    },
    Rule {
        id: "record.privacy-information.recognised",
        severity: Warning,
        weight: Record,
        section: Section::SignOff,
        message: "Your privacy information must say that you rely on a recognised legitimate interest and which condition in Annex 1 you use: the conditions are purposes, and people have the right to be told your purpose. Update it before you start.",
        source: &RLI_PRIVACY_INFORMATION,
        check: |c| {
            when(
                c.yes_no(Q::SignOffPrivacyRecognised).is_some_and(|y| y != YesNo::Yes),
                Q::SignOffPrivacyRecognised,
            )
        },
    },
    Rule {
        id: "rights.objections-missing",
        severity: Warning,
        weight: Record,
        section: Section::SignOff,
        message: "Record how you will handle objections. People can object at any time: you must then stop, unless you can show compelling legitimate grounds that override their interests, rights and freedoms, or need the data for legal claims; an objection to direct marketing must always be followed. Tell people about the right clearly and separately, at the latest when you first contact them.",
        source: &ART21_OBJECT,
        check: |c| {
            when(
                c.started(Section::SignOff) && !c.has_text(Q::SignOffObjections),
                Q::SignOffObjections,
            )
        },
    },
    Rule {
        id: "record.checklist-incomplete",
        severity: Advice,
        weight: Record,
        section: Section::SignOff,
        message: "Not every statement of the ICO's legitimate interests checklist is confirmed. Check the ones left unticked before you rely on legitimate interests.",
        source: &ICO_CHECKLIST,
        check: |c| {
            let ticked = c.choices(Q::SignOffChecklist).len();
            let total = checklist::OPTIONS.len();
            (c.started(Section::SignOff) && ticked < total)
                .then(|| {
                    Hit::detail(
                        Q::SignOffChecklist,
                        format!("{ticked} of {total} statements confirmed."),
                    )
                })
                .flatten()
        },
    },
    Rule {
        id: "record.date-not-valid",
        severity: Warning,
        weight: Record,
        section: Section::SignOff,
        message: "Some dates are not real dates. Enter each as year, month and day, for example 2025-03-27, so the record is unambiguous.",
        source: &ICO_PROCESS,
        check: |c| {
            let bad: Vec<Q> = QUESTIONS
                .iter()
                .filter(|q| matches!(q.kind, AnswerKind::Date))
                .map(|q| q.id)
                .filter(|q| c.has_text(*q) && c.date(*q).is_none())
                .collect();
            if bad.is_empty() {
                None
            } else {
                Hit::at_all(&bad)
            }
        },
    },
];
