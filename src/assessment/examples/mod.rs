//! Complete example assessments users can start from: the four worked examples in the
//! ICO's guidance, and a real housing association LIA exactly as it was filled in.

use super::choices::checklist;
use super::model::{Assessment, HarmSeverity, Impact, Likelihood, YesNo};
use super::questions::QuestionId;
use super::screening::CRITERIA;

mod credit_reference;
mod emergency_contacts;
mod housing_marketing;
mod legal_advice;
mod postal_offers;

/// One example: what it is, and how to build it under a given id.
pub struct Example {
    /// Stable key, e.g. for "Start from an example" links.
    pub key: &'static str,
    pub title: &'static str,
    /// One sentence saying where it comes from and what it shows.
    pub summary: &'static str,
    pub build: fn(id: &str) -> Assessment,
}

pub const EXAMPLES: &[Example] = &[
    Example {
        key: "credit-reference",
        title: "Lenders sharing payment data with credit reference agencies",
        summary: "The ICO's purpose-test example: a clear, specific legitimate interest, with a DPIA because credit decisions can deny people a service.",
        build: credit_reference::build,
    },
    Example {
        key: "emergency-contacts",
        title: "Employees' emergency contacts",
        summary: "The ICO's nature-of-the-data example: low-risk data about people who are not your employees, kept for emergencies only.",
        build: emergency_contacts::build,
    },
    Example {
        key: "legal-advice",
        title: "Legal advice on an employee's alleged misconduct",
        summary: "The ICO's decision example: a significant possible harm, outweighed by the need for lawful, fair decisions and protected by confidentiality.",
        build: legal_advice::build,
    },
    Example {
        key: "postal-offers",
        title: "A retailer's postal offers to customers, with an opt-out",
        summary: "The ICO's safeguards example: expected marketing by post, with a clear opt-out at every step.",
        build: postal_offers::build,
    },
    Example {
        key: "housing-marketing",
        title: "A housing association's e-mail marketing to tenants (as filled in)",
        summary: "A real LIA, kept exactly as it was completed, with its undecided answers and gaps, to show what the checks find.",
        build: housing_marketing::build,
    },
];

/// The example with this key.
pub fn example(key: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.key == key)
}

/// An impact with its rating before and after safeguards.
fn impact(
    description: &str,
    before: (Likelihood, HarmSeverity),
    safeguards: &str,
    after: (Likelihood, HarmSeverity),
) -> Impact {
    Impact {
        id: 0,
        description: description.into(),
        likelihood: Some(before.0),
        severity: Some(before.1),
        safeguards: safeguards.into(),
        residual_likelihood: Some(after.0),
        residual_severity: Some(after.1),
    }
}

/// Answers all thirteen DPIA screening questions: yes to those in `yes`, no to the rest.
fn screen_dpia(a: &mut Assessment, yes: &[QuestionId]) {
    for q in CRITERIA {
        a.set_yes_no(
            q,
            if yes.contains(&q) {
                YesNo::Yes
            } else {
                YesNo::No
            },
        );
    }
}

/// Every statement of the ICO checklist, for examples that confirm them all.
fn all_checklist() -> Vec<&'static str> {
    checklist::OPTIONS.iter().map(|c| c.key).collect()
}
