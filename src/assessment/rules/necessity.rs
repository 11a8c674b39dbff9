//! Part 2, the necessity test: does the processing help, and is there a less
//! intrusive way?

use super::sources::*;
use super::Severity::*;
use super::Weight::*;
use super::{when, Rule};
use crate::assessment::context::Ctx;
use crate::assessment::model::YesNo;
use crate::assessment::questions::{QuestionId as Q, Section};

/// An alternative the user accepted ("yes") or could not rule out ("not sure").
fn alternative(c: &Ctx, answer: YesNo) -> bool {
    [Q::NecessityLessData, Q::NecessityLessIntrusive]
        .into_iter()
        .any(|q| c.yes_no(q) == Some(answer))
}

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "necessity.does-not-help",
        severity: Blocker,
        weight: Against,
        section: Section::Necessity,
        message: "You said the processing will not help you achieve your purpose, so it is not necessary for it. Legitimate interests cannot apply; rethink the purpose or the processing.",
        source: &ICO_NECESSITY,
        check: |c| when(c.is_no(Q::NecessityHelps), Q::NecessityHelps),
    },
    Rule {
        id: "necessity.help-unsure",
        severity: Warning,
        weight: Borderline,
        section: Section::Necessity,
        message: "Be clear how the processing helps achieve the purpose. If it is hard to explain, go back to the purpose test and make the purpose more specific.",
        source: &ICO_NECESSITY,
        check: |c| {
            when(
                c.yes_no(Q::NecessityHelps) == Some(YesNo::NotSure),
                Q::NecessityHelps,
            )
        },
    },
    Rule {
        id: "necessity.alternative-unexplained",
        severity: Blocker,
        weight: Borderline,
        section: Section::Necessity,
        message: "You said the purpose could be achieved with less data or in a less intrusive way. Explain why that alternative is not reasonable; if it is reasonable, the processing is not necessary.",
        source: &ICO_NECESSITY,
        check: |c| {
            when(
                alternative(c, YesNo::Yes) && !c.has_text(Q::NecessityAlternatives),
                Q::NecessityAlternatives,
            )
        },
    },
    Rule {
        id: "necessity.alternative-unsure",
        severity: Warning,
        weight: Borderline,
        section: Section::Necessity,
        message: "You are not sure whether a less intrusive alternative exists. Look at the obvious alternatives and record why each is or is not reasonable.",
        source: &ICO_NECESSITY,
        check: |c| {
            when(
                alternative(c, YesNo::NotSure)
                    && !alternative(c, YesNo::Yes)
                    && !c.has_text(Q::NecessityAlternatives),
                Q::NecessityAlternatives,
            )
        },
    },
    Rule {
        id: "necessity.proportionality-missing",
        severity: Warning,
        weight: Record,
        section: Section::Necessity,
        message: "Say whether the processing is proportionate to the purpose, or could be seen as using a sledgehammer to crack a nut.",
        source: &ICO_NECESSITY,
        check: |c| {
            when(
                c.started(Section::Necessity) && !c.has_text(Q::NecessityProportionate),
                Q::NecessityProportionate,
            )
        },
    },
];
