//! Reusing data for a new purpose: purpose limitation (UK GDPR Article 5(1)(b)) and
//! compatibility (Article 8A and Annex 2, inserted by the Data (Use and Access) Act 2025,
//! which replaced Article 6(4)).

use super::sources::*;
use super::Severity::*;
use super::Weight::*;
use super::{when, Hit, Rule};
use crate::assessment::choices::compatible;
use crate::assessment::context::Ctx;
use crate::assessment::model::YesNo;
use crate::assessment::questions::{QuestionId as Q, Section};
use crate::assessment::text::thin;

/// The factors of a compatibility assessment (Article 8A(2)(a) to (e)).
const FACTORS: [Q; 5] = [
    Q::TriageReuseLink,
    Q::TriageReuseContext,
    Q::TriageReuseNature,
    Q::TriageReuseConsequences,
    Q::TriageReuseSafeguards,
];

/// The data is (or may be) reused for a new purpose.
fn reused(c: &Ctx) -> bool {
    c.yes_no(Q::TriageReuse).is_some_and(|y| y != YesNo::No)
}

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "reuse.incompatible",
        severity: Blocker,
        weight: Against,
        section: Section::Triage,
        message: "You assessed the new purpose as not compatible with the purpose you collected the data for. You must not reuse the data for it: collect what you need afresh, with privacy information that names the new purpose, or ask people's consent to the new purpose.",
        source: &REUSE,
        check: |c| {
            when(
                reused(c) && c.choice(Q::TriageReuseCompatible) == Some(compatible::INCOMPATIBLE),
                Q::TriageReuseCompatible,
            )
        },
    },
    Rule {
        id: "reuse.compatibility-not-shown",
        severity: Blocker,
        weight: Borderline,
        section: Section::Triage,
        message: "You reuse data collected for another purpose, but have not shown that the new purpose is compatible with it. Name the route in Article 8A(3) that applies (such as consent or an Annex 2 condition), or assess compatibility and record the assessment: the link between the purposes, the context and your relationship with the people, the nature of the data, the possible consequences and the safeguards.",
        source: &REUSE,
        check: |c| {
            if !reused(c) {
                return None;
            }
            let route = c.choice(Q::TriageReuseCompatible);
            let unshown = match route {
                None | Some(compatible::NOT_ASSESSED) => Some(Q::TriageReuseCompatible),
                Some(compatible::ASSESSED) if !c.has_text(Q::TriageReuseAssessment) => {
                    Some(Q::TriageReuseAssessment)
                }
                Some(compatible::ANNEX_2) if c.choice(Q::TriageReuseAnnex2).is_none() => {
                    Some(Q::TriageReuseAnnex2)
                }
                _ => None,
            };
            unshown.and_then(Hit::at)
        },
    },
    Rule {
        id: "reuse.factors-missing",
        severity: Blocker,
        weight: Borderline,
        section: Section::Triage,
        message: "Record each factor Article 8A(2) says a compatibility assessment must take into account (the link between the purposes, the context and your relationship with the people, the nature of the data, the consequences and the safeguards), and weigh them against what people were told.",
        source: &REUSE,
        check: |c| {
            if !reused(c) || !c.choice(Q::TriageReuseCompatible).is_some_and(|k| compatible::ASSESSMENT.contains(&k)) {
                return None;
            }
            // Each factor answered with a reason, and the conclusion (when given: an empty
            // one is `reuse.compatibility-not-shown`) with one too.
            let open: Vec<Q> = FACTORS
                .into_iter()
                .chain([Q::TriageReuseAssessment])
                .filter(|q| {
                    let text = c.text(*q);
                    (text.is_empty() && *q != Q::TriageReuseAssessment)
                        || thin(text, q.question().text).is_some()
                })
                .collect();
            (!open.is_empty()).then(|| Hit {
                detail: Some(format!(
                    "Not answered, or with no reason: {}.",
                    open.iter().map(|q| q.question().short).collect::<Vec<_>>().join("; ")
                )),
                questions: open,
            })
        },
    },
    Rule {
        id: "reuse.consent-collected",
        severity: Blocker,
        weight: Against,
        section: Section::Triage,
        message: "You collected the data on the basis of consent. A new purpose is then compatible only if people consent to it, or (where you cannot reasonably be expected to ask them) if it is to comply with the data protection principles, meets an Annex 2 condition or safeguards a public interest objective the law authorises. A compatibility assessment, or research, is not enough.",
        source: &REUSE_CONSENT,
        check: |c| {
            when(
                reused(c)
                    && c.is_yes(Q::TriageReuseConsent)
                    && c.choice(Q::TriageReuseCompatible)
                        .is_some_and(|k| compatible::NOT_FOR_CONSENT.contains(&k)),
                Q::TriageReuseCompatible,
            )
        },
    },
    Rule {
        id: "reuse.unsure",
        severity: Warning,
        weight: Borderline,
        section: Section::Triage,
        message: "Find out whether the data was first collected for a different purpose. If it was, the new purpose must be compatible with the old one, and you must say why.",
        source: &REUSE,
        check: |c| {
            when(
                c.yes_no(Q::TriageReuse) == Some(YesNo::NotSure),
                Q::TriageReuse,
            )
        },
    },
];
