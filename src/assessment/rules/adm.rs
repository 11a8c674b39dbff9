//! Significant decisions taken by automated means alone: UK GDPR Articles 22A to 22D,
//! inserted by the Data (Use and Access) Act 2025 s.80 (in force 5 February 2026).

use super::sources::*;
use super::Severity::*;
use super::Weight::*;
use super::{when, Hit, Rule};
use crate::assessment::choices::{adm_safeguards, art9};
use crate::assessment::context::Ctx;
use crate::assessment::model::YesNo;
use crate::assessment::questions::{QuestionId as Q, Section};

/// Significant decisions will be taken by automated means alone.
fn automated(c: &Ctx) -> bool {
    c.is_yes(Q::TriageAutomated)
}

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "adm.recognised-route",
        severity: Blocker,
        weight: Against,
        section: Section::Triage,
        message: "A significant decision may not be taken by automated means alone where the processing for it relies, even in part, on a recognised legitimate interest (UK GDPR Article 22B(4)). Put meaningful human involvement into the decision, or rely on another lawful basis.",
        source: &ADM_RECOGNISED,
        check: |c| when(automated(c) && c.recognised_route(), Q::TriageAutomated),
    },
    Rule {
        id: "adm.special-category",
        severity: Blocker,
        weight: Against,
        section: Section::Triage,
        message: "A significant decision based even partly on special category data may be taken by automated means alone only if it rests entirely on data the person explicitly consented to, or if it is necessary for a contract with them or required or authorised by law and Article 9(2)(g) (substantial public interest) applies (UK GDPR Article 22B). Otherwise a person must take the decision.",
        source: &ADM_SPECIAL,
        check: |c| {
            let condition = c.choice(Q::NatureArt9);
            let allowed = condition
                .is_some_and(|k| [art9::EXPLICIT_CONSENT, art9::PUBLIC_INTEREST].contains(&k));
            if !(automated(c) && c.is_yes(Q::NatureSpecial)) || allowed {
                return None;
            }
            Hit::at_all(&[Q::TriageAutomated, Q::NatureArt9])
        },
    },
    Rule {
        id: "adm.safeguards-missing",
        severity: Blocker,
        weight: Borderline,
        section: Section::Triage,
        message: "Significant decisions taken by automated means alone need all four safeguards in UK GDPR Article 22C: tell people about the decisions, let them make representations, let them obtain human intervention, and let them contest the decisions. Put the missing ones in place before you start.",
        source: &ADM_SAFEGUARDS,
        check: |c| {
            if !automated(c) {
                return None;
            }
            let missing: Vec<&str> = adm_safeguards::REQUIRED
                .iter()
                .filter(|(key, _)| !c.has_choice(Q::TriageAutomatedSafeguards, key))
                .map(|(_, what)| *what)
                .collect();
            (!missing.is_empty())
                .then(|| {
                    Hit::detail(
                        Q::TriageAutomatedSafeguards,
                        format!("Missing: {}.", missing.join("; ")),
                    )
                })
                .flatten()
        },
    },
    Rule {
        id: "adm.unsure",
        severity: Warning,
        weight: Borderline,
        section: Section::Triage,
        message: "Find out whether any decision with a legal or similarly significant effect on people will be taken without meaningful human involvement. If so, UK GDPR Articles 22A to 22D apply, with safeguards you must put in place.",
        source: &ADM_SAFEGUARDS,
        check: |c| {
            when(
                c.yes_no(Q::TriageAutomated) == Some(YesNo::NotSure),
                Q::TriageAutomated,
            )
        },
    },
];
