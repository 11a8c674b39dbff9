//! Whether legitimate interests is available at all, and which route applies.

use super::sources::*;
use super::Severity::*;
use super::Weight::*;
use super::{when, Rule};
use crate::assessment::choices::{purpose, recognised};
use crate::assessment::model::YesNo;
use crate::assessment::questions::{QuestionId as Q, Section};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "scope.public-authority",
        severity: Blocker,
        weight: Against,
        section: Section::Triage,
        message: "Legitimate interests (and recognised legitimate interests) cannot be used by a public authority for processing it carries out in the performance of its tasks. Use another lawful basis, usually public task (Article 6(1)(e)).",
        source: &PUBLIC_AUTHORITIES,
        check: |c| when(c.is_yes(Q::TriagePublicTask), Q::TriagePublicTask),
    },
    Rule {
        id: "scope.public-authority.unsure",
        severity: Warning,
        weight: Borderline,
        section: Section::Triage,
        message: "Find out whether this processing is part of your tasks as a public authority. If it is, you cannot use legitimate interests for it.",
        source: &PUBLIC_AUTHORITIES,
        check: |c| {
            when(
                c.yes_no(Q::TriagePublicTask) == Some(YesNo::NotSure),
                Q::TriagePublicTask,
            )
        },
    },
    Rule {
        id: "scope.recognised.not-in-annex-1",
        severity: Blocker,
        weight: Record,
        section: Section::Triage,
        message: "A recognised legitimate interest must meet one of the conditions in Annex 1 to UK GDPR, and none applies. Answer no to the recognised legitimate interest question and complete the full three-part test.",
        source: &RECOGNISED,
        check: |c| {
            when(
                c.is_yes(Q::TriageRecognised)
                    && c.choice(Q::TriageRecognisedCondition) == Some(recognised::NONE),
                Q::TriageRecognisedCondition,
            )
        },
    },
    Rule {
        id: "scope.recognised.example-not-recognised",
        severity: Blocker,
        weight: Record,
        section: Section::Triage,
        message: "Direct marketing, sharing within a group for administration and network security are examples of legitimate interests in UK GDPR, not recognised legitimate interests. They still need the full three-part test, including the balancing test.",
        source: &DUAA_EXAMPLES,
        check: |c| {
            when(
                c.is_yes(Q::TriageRecognised) && c.purpose_is(purpose::DUAA_EXAMPLES),
                Q::TriageRecognised,
            )
            .map(|mut hit| {
                hit.questions.push(Q::TriagePurposeCategory);
                hit
            })
        },
    },
    Rule {
        id: "scope.recognised.unsure",
        severity: Warning,
        weight: Record,
        section: Section::Triage,
        message: "Decide whether a recognised legitimate interest applies. If you are not sure, answer no and complete the full three-part test: it is never wrong to do the balancing test.",
        source: &RECOGNISED,
        check: |c| {
            when(
                c.yes_no(Q::TriageRecognised) == Some(YesNo::NotSure),
                Q::TriageRecognised,
            )
        },
    },
    Rule {
        id: "scope.recognised.necessity-only",
        severity: Advice,
        weight: Record,
        section: Section::Triage,
        message: "With a recognised legitimate interest you must still show that the processing is necessary for the condition, but you do not need the balancing test, so those sections are marked as not needed. Keep a record of how the condition is met.",
        source: &RECOGNISED,
        check: |c| when(c.recognised_route(), Q::TriageRecognisedCondition),
    },
    Rule {
        id: "scope.recognised.detail-missing",
        severity: Warning,
        weight: Record,
        section: Section::Triage,
        message: "Record how the processing meets the recognised legitimate interest condition. For a disclosure on request, note who asked and the task in law they said they need the data for.",
        source: &RECOGNISED,
        check: |c| {
            when(
                c.recognised_route() && !c.has_text(Q::TriageRecognisedDetail),
                Q::TriageRecognisedDetail,
            )
        },
    },
];
