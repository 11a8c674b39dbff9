//! Part 3, balancing: the nature of the data.

use super::sources::*;
use super::Severity::*;
use super::Weight::*;
use super::{unconfirmed_suggestions, when, Hit, Rule};
use crate::assessment::choices::{art10, art9};
use crate::assessment::context::Ctx;
use crate::assessment::model::YesNo;
use crate::assessment::questions::{QuestionId as Q, Section};

/// The data is special category (or criminal offence) data by the user's own answer, or by
/// the answer suggested from their "Kinds of data" once they have started this page and
/// seen it. Before then a suggestion alone never raises a blocker (issue 15).
fn said_or_seen_yes(c: &Ctx, q: Q) -> bool {
    match c.given_yes_no(q) {
        Some(y) => y == YesNo::Yes,
        None => c.started(Section::Nature) && c.yes_no_or_suggested(q) == Some(YesNo::Yes),
    }
}

/// `q` if it is shown; else `before`, the question to answer first (a condition is
/// asked for once the data is confirmed as special category or criminal offence data,
/// not while it is only suggested).
fn shown_or(c: &Ctx, q: Q, before: Q) -> Q {
    if c.is_visible(q) {
        q
    } else {
        before
    }
}

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "nature.special-category.no-condition",
        severity: Blocker,
        weight: Against,
        section: Section::Nature,
        message: "Special category data needs a condition in UK GDPR Article 9(2) as well as your lawful basis, whether that is legitimate interests or a recognised legitimate interest. Record the condition you rely on; without one you cannot process this data.",
        source: &ART9_ANY_ROUTE,
        check: |c| {
            let condition = c.choice(Q::NatureArt9);
            when(
                said_or_seen_yes(c, Q::NatureSpecial) && condition.is_none_or(|k| k == art9::NONE),
                shown_or(c, Q::NatureArt9, Q::NatureSpecial),
            )
        },
    },
    Rule {
        id: "nature.special-category.schedule-1",
        severity: Blocker,
        weight: Against,
        section: Section::Nature,
        message: "The Article 9(2) condition you chose also needs a condition in Schedule 1 to the Data Protection Act 2018. Record which one you meet.",
        source: &SCHEDULE1,
        check: |c| {
            when(
                c.choice(Q::NatureArt9)
                    .is_some_and(|k| art9::NEED_SCHEDULE_1.contains(&k))
                    && !c.has_text(Q::NatureSchedule1),
                Q::NatureSchedule1,
            )
        },
    },
    Rule {
        id: "nature.special-category.unsure",
        severity: Warning,
        weight: Borderline,
        section: Section::Nature,
        message: "Find out whether the data includes special category data (for example health, ethnicity or religion, including what can be inferred). If it does, you also need an Article 9 condition.",
        source: &ART9,
        check: |c| {
            when(
                c.yes_no(Q::NatureSpecial) == Some(YesNo::NotSure),
                Q::NatureSpecial,
            )
        },
    },
    Rule {
        id: "nature.contradicts-kinds-of-data",
        severity: Warning,
        weight: Record,
        section: Section::Nature,
        message: "Your answer here does not match the kinds of data you listed when describing the processing. Correct one or the other.",
        source: &ICO_NATURE,
        check: |c| {
            let mismatched: Vec<Q> = [Q::NatureSpecial, Q::NatureCriminal]
                .into_iter()
                .filter(|q| c.contradicts_suggestion(*q).is_some_and(|s| s.answer == YesNo::Yes))
                .collect();
            let reasons: Vec<&str> = mismatched
                .iter()
                .filter_map(|q| c.suggestion(*q).map(|s| s.reason))
                .collect();
            (!mismatched.is_empty()).then(|| Hit {
                questions: mismatched,
                detail: Some(reasons.join(" ")),
            })
        },
    },
    Rule {
        id: "nature.criminal.no-condition",
        severity: Blocker,
        weight: Against,
        section: Section::Nature,
        message: "Criminal offence data can only be processed under official authority or with a condition in Schedule 1 to the Data Protection Act 2018, whatever your lawful basis. Record which applies; without one you cannot process this data.",
        source: &ART10,
        check: |c| {
            let condition = c.choice(Q::NatureArt10);
            when(
                said_or_seen_yes(c, Q::NatureCriminal) && condition.is_none_or(|k| k == art10::NONE),
                shown_or(c, Q::NatureArt10, Q::NatureCriminal),
            )
        },
    },
    Rule {
        id: "nature.criminal.schedule-1",
        severity: Blocker,
        weight: Against,
        section: Section::Nature,
        message: "Say which Schedule 1 condition you meet for the criminal offence data.",
        source: &ART10,
        check: |c| {
            when(
                c.choice(Q::NatureArt10) == Some(art10::SCHEDULE_1)
                    && !c.has_text(Q::NatureArt10Detail),
                Q::NatureArt10Detail,
            )
        },
    },
    Rule {
        id: "nature.criminal.unsure",
        severity: Warning,
        weight: Borderline,
        section: Section::Nature,
        message: "Find out whether the data includes criminal offence data (allegations, proceedings, convictions or offences, or related security measures). If it does, you also need official authority or a condition in Schedule 1 to the Data Protection Act 2018.",
        source: &ART10,
        check: |c| {
            when(
                c.yes_no(Q::NatureCriminal) == Some(YesNo::NotSure),
                Q::NatureCriminal,
            )
        },
    },
    Rule {
        id: "nature.suggestion-unconfirmed",
        severity: Warning,
        weight: Record,
        section: Section::Nature,
        message: "Some answers about the nature of the data are still only suggestions from your earlier answers, not your own. Confirm or change each one, so the record shows what you decided.",
        source: &SUGGESTIONS,
        check: |c| {
            unconfirmed_suggestions(
                c,
                Section::Nature,
                &[Q::NatureSpecial, Q::NatureCriminal, Q::NaturePrivate, Q::NatureChildren],
            )
        },
    },
    Rule {
        id: "nature.children.protection-missing",
        severity: Warning,
        weight: Borderline,
        section: Section::Nature,
        message: "Children's interests, and those of other vulnerable people, weigh particularly heavily in the balance. Explain how the processing is in their best interests and what extra care you take.",
        source: &ICO_NATURE,
        check: |c| {
            when(
                c.yes_no(Q::NatureChildren).is_some_and(|y| y != YesNo::No)
                    && !c.has_text(Q::NatureChildrenProtection),
                Q::NatureChildrenProtection,
            )
        },
    },
    Rule {
        id: "nature.vulnerable-circumstances",
        severity: Warning,
        weight: Borderline,
        section: Section::Nature,
        message: "You said the data is not about vulnerable people, but what you describe suggests people whose circumstances can make them vulnerable (such as social housing tenants, benefit claimants, patients or people in debt). Reconsider: their interests weigh more heavily.",
        source: &ICO_NATURE,
        check: |c| {
            if !c.is_no(Q::NatureChildren) {
                return None;
            }
            let found = c.vulnerable_circumstances()?;
            Hit::detail(Q::NatureChildren, format!("Found: {found}."))
        },
    },
    Rule {
        id: "nature.children.extra-weight",
        severity: Advice,
        weight: Record,
        section: Section::Nature,
        message: "Because the data is about children or vulnerable people, you need a more compelling reason for the processing and stronger safeguards than you would otherwise.",
        source: &ICO_NATURE,
        check: |c| {
            when(
                c.is_yes(Q::NatureChildren) && c.has_text(Q::NatureChildrenProtection),
                Q::NatureChildren,
            )
        },
    },
    Rule {
        id: "nature.private",
        severity: Advice,
        weight: Record,
        section: Section::Nature,
        message: "People are likely to consider this data particularly private, so the processing is more likely to be intrusive. You need a more compelling reason and adequate safeguards.",
        source: &ICO_NATURE,
        check: |c| when(c.is_yes(Q::NaturePrivate), Q::NaturePrivate),
    },
];
