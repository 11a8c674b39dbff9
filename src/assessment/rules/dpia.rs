//! Whether a DPIA is required and recorded.

use super::sources::*;
use super::Severity::*;
use super::Weight::*;
use super::{unconfirmed_suggestions, Hit, Rule};
use crate::assessment::questions::{QuestionId as Q, Section};
use crate::assessment::screening::{Screening, CRITERIA};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "dpia.required-not-done",
        severity: Blocker,
        weight: Borderline,
        section: Section::Dpia,
        message: "The screening shows processing likely to result in a high risk, so a DPIA is required before you start, whatever your lawful basis (a recognised legitimate interest too). Do it and record its date and reference; it can also serve as your LIA.",
        source: &ICO_DPIA_LIST,
        check: |c| {
            let screening = Screening::of(c);
            if screening.triggers.is_empty() || c.is_yes(Q::DpiaDone) {
                return None;
            }
            let names: Vec<&str> = screening.triggers.iter().map(|q| q.question().short).collect();
            let mut questions = screening.triggers.clone();
            questions.push(Q::DpiaDone);
            Some(Hit {
                questions,
                detail: Some(format!("Triggered by: {}.", names.join("; "))),
            })
        },
    },
    Rule {
        id: "dpia.screening-unsure",
        severity: Warning,
        weight: Record,
        section: Section::Dpia,
        message: "Some DPIA screening questions are answered \"not sure\". Find out: if any of them is a yes, a DPIA may be required.",
        source: &ICO_DPIA_LIST,
        check: |c| {
            let unsure = Screening::of(c).unsure;
            if unsure.is_empty() {
                None
            } else {
                Hit::at_all(&unsure)
            }
        },
    },
    Rule {
        id: "dpia.details-missing",
        severity: Warning,
        weight: Record,
        section: Section::Dpia,
        message: "You have done a DPIA, but its record here is incomplete. Record when it was completed and its reference, so a reviewer can find it.",
        source: &ICO_DPIA_LINK,
        check: |c| {
            if !c.is_yes(Q::DpiaDone) {
                return None;
            }
            // Name only what is missing (issue 26: it said the date was missing when it
            // was recorded).
            let missing: Vec<(Q, &str)> = [(Q::DpiaDate, "the date it was completed"), (Q::DpiaReference, "its reference")]
                .into_iter()
                .filter(|(q, _)| match q {
                    Q::DpiaDate => c.date(*q).is_none(),
                    _ => !c.has_text(*q),
                })
                .collect();
            (!missing.is_empty()).then(|| Hit {
                questions: missing.iter().map(|(q, _)| *q).collect(),
                detail: Some(format!(
                    "Missing: {}.",
                    missing.iter().map(|(_, w)| *w).collect::<Vec<_>>().join(" and ")
                )),
            })
        },
    },
    Rule {
        id: "dpia.suggestion-unconfirmed",
        severity: Warning,
        weight: Record,
        section: Section::Dpia,
        message: "Some screening answers are still only suggestions from your earlier answers, not your own, so the screening result is not known yet. Confirm or change each: a yes you confirm may mean a DPIA is required.",
        source: &SUGGESTIONS,
        check: |c| unconfirmed_suggestions(c, Section::Dpia, &CRITERIA),
    },
];
