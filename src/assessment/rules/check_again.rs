//! Answers a change has made stale (`assessment::stale`): a finding while any is marked.
//! A blocker, so a record with marks is not ready for sign-off and cannot be approved;
//! the hand-over refuses to send it too.

use super::sources::*;
use super::Severity::*;
use super::Weight::*;
use super::{Hit, Rule};
use crate::assessment::questions::{QuestionId as Q, Section};
use crate::assessment::stale::what_changed;

pub const CHECK_AGAIN: &str = "record.check-again";

pub(super) const RULES: &[Rule] = &[Rule {
    id: CHECK_AGAIN,
    severity: Blocker,
    weight: Record,
    section: Section::SignOff,
    message: "Some answers rest on an answer that changed after they were given. Check each one again: confirm it still holds, or change it. Revisit the assessment whenever the purpose, nature or context of the processing changes.",
    source: &ICO_NEXT,
    check: |c| {
        let mut changed: Vec<Q> = Vec::new();
        let marked: Vec<Q> = Q::ALL
            .iter()
            .copied()
            .filter(|q| {
                let on = c.marked(*q);
                for f in &on {
                    if !changed.contains(f) {
                        changed.push(*f);
                    }
                }
                !on.is_empty()
            })
            .collect();
        (!marked.is_empty()).then(|| Hit {
            detail: Some(format!(
                "Changed: {}. To check again ({}): {}.",
                what_changed(&changed),
                marked.len(),
                marked
                    .iter()
                    .map(|q| q.question().short)
                    .collect::<Vec<_>>()
                    .join("; ")
            )),
            questions: marked,
        })
    },
}];
