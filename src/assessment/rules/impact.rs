//! Part 3, balancing: likely impact, safeguards and the opt-out.

use super::sources::*;
use super::Severity::*;
use super::Weight::*;
use super::{when, Hit, Rule};
use crate::assessment::choices::safeguards;
use crate::assessment::context::Ctx;
use crate::assessment::model::{Impact, Risk, YesNo};
use crate::assessment::questions::{QuestionId as Q, Section};

fn described(impact: &Impact) -> String {
    match impact.description.trim() {
        "" => format!("Impact {}", impact.id),
        d => format!("\"{d}\""),
    }
}

fn impacts<'a>(c: &Ctx<'a>) -> &'a [Impact] {
    if c.applies(Section::Impact) {
        &c.assessment.impacts
    } else {
        &[]
    }
}

fn none_needed(c: &Ctx) -> bool {
    c.choice(Q::ImpactSafeguards) == Some(safeguards::NONE_NEEDED)
}

fn unrated<'a>(c: &Ctx<'a>) -> Vec<&'a Impact> {
    impacts(c)
        .iter()
        .filter(|i| i.risk().is_none() || i.description.trim().is_empty())
        .collect()
}

fn high_residual<'a>(c: &Ctx<'a>) -> Vec<&'a Impact> {
    impacts(c)
        .iter()
        .filter(|i| i.residual_risk() == Some(Risk::High))
        .collect()
}

fn list(impacts: &[&Impact]) -> String {
    impacts
        .iter()
        .map(|i| described(i))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "impact.none-recorded",
        severity: Warning,
        weight: Record,
        section: Section::Impact,
        message: "No impact on people is recorded. Record every relevant impact, with its likelihood and severity, whether or not it supports your conclusion: even a minimal impact should be written down.",
        source: &ICO_PROCESS,
        check: |c| when(c.started(Section::Impact) && impacts(c).is_empty(), Q::ImpactList),
    },
    Rule {
        id: "impact.unrated",
        severity: Warning,
        weight: Record,
        section: Section::Impact,
        message: "Some impacts have no description, likelihood or severity. Look at both the likelihood and the severity of each potential harm.",
        source: &ICO_IMPACT,
        check: |c| {
            let unrated = unrated(c);
            (!unrated.is_empty())
                .then(|| Hit::detail(Q::ImpactList, format!("Incomplete: {}.", list(&unrated))))
                .flatten()
        },
    },
    Rule {
        id: "impact.high-risk.dpia-required",
        severity: Blocker,
        weight: Borderline,
        section: Section::Impact,
        message: "At least one impact remains a high risk after safeguards. That triggers a DPIA, even if nothing on the screening checklist did. Do the DPIA before you start; if you cannot reduce the risk, you must consult the ICO.",
        source: &ICO_DPIA_LINK,
        check: |c| {
            let high = high_residual(c);
            (!high.is_empty() && !c.is_yes(Q::DpiaDone))
                .then(|| Hit::detail(Q::ImpactList, format!("High risk: {}.", list(&high))))
                .flatten()
        },
    },
    Rule {
        id: "impact.high-risk.compelling-interest",
        severity: Warning,
        weight: Borderline,
        section: Section::Impact,
        message: "With a high risk to people you need a much more compelling legitimate interest, and must show that it can override a serious impact. Legitimate interests is not often the right basis for high-risk processing.",
        source: &ICO_IMPACT,
        check: |c| {
            let high = high_residual(c);
            (!high.is_empty())
                .then(|| Hit::detail(Q::ImpactList, format!("High risk: {}.", list(&high))))
                .flatten()
        },
    },
    Rule {
        id: "impact.no-safeguards-with-risk",
        severity: Warning,
        weight: Borderline,
        section: Section::Impact,
        message: "You say no safeguards are needed, but at least one impact is a medium or high risk. Consider safeguards that reduce it, such as collecting less data, limiting access, shorter retention or an opt-out.",
        source: &ICO_IMPACT,
        check: |c| {
            let risky: Vec<&Impact> = impacts(c)
                .iter()
                .filter(|i| i.risk().is_some_and(|r| r >= Risk::Medium))
                .collect();
            (none_needed(c) && !risky.is_empty())
                .then(|| Hit::detail(Q::ImpactSafeguards, format!("Medium or high risk: {}.", list(&risky))))
                .flatten()
        },
    },
    Rule {
        id: "impact.no-safeguards-unassessed",
        severity: Warning,
        weight: Record,
        section: Section::Impact,
        message: "You say no safeguards are needed, but the impacts have not been assessed. Record each impact with its likelihood and severity first; only then can you say whether safeguards are needed.",
        source: &ICO_IMPACT,
        check: |c| {
            when(
                none_needed(c) && (impacts(c).is_empty() || !unrated(c).is_empty()),
                Q::ImpactSafeguards,
            )
        },
    },
    Rule {
        id: "impact.opt-out-undecided",
        severity: Warning,
        weight: Record,
        section: Section::Impact,
        message: "Decide whether you can offer people an opt-out. An opt-out is a safeguard that keeps people in control; if you cannot offer one, say why.",
        source: &ICO_IMPACT,
        check: |c| {
            when(
                c.started(Section::Impact)
                    && c.yes_no(Q::ImpactOptOut).is_none_or(|y| y == YesNo::NotSure),
                Q::ImpactOptOut,
            )
        },
    },
    Rule {
        id: "impact.opt-out-no-reason",
        severity: Warning,
        weight: Record,
        section: Section::Impact,
        message: "You cannot offer an opt-out, but have not said why. Record the reason: an opt-out is a safeguard the ICO expects you to consider, and a reviewer will ask why people cannot have one.",
        source: &ICO_IMPACT,
        check: |c| {
            when(
                c.given_yes_no(Q::ImpactOptOut) == Some(YesNo::No)
                    && !c.has_text(Q::ImpactOptOutWhyNot),
                Q::ImpactOptOutWhyNot,
            )
        },
    },
    Rule {
        id: "impact.marketing-no-opt-out",
        severity: Blocker,
        weight: Against,
        section: Section::Impact,
        message: "People have an absolute right to object to direct marketing, so you must let them opt out and stop when they do. Direct marketing without an opt-out cannot go ahead.",
        source: &ART21,
        check: |c| when(c.direct_marketing() && c.is_no(Q::ImpactOptOut), Q::ImpactOptOut),
    },
    Rule {
        id: "impact.would-not-explain",
        severity: Warning,
        weight: Against,
        section: Section::Impact,
        message: "You would not be happy to explain the processing to the people concerned. That is a strong sign they would not expect it or would object: legitimate interests is unlikely to apply.",
        source: &ICO_IMPACT,
        check: |c| when(c.is_no(Q::ImpactExplain), Q::ImpactExplain),
    },
    Rule {
        id: "impact.likely-objection",
        severity: Warning,
        weight: Borderline,
        section: Section::Impact,
        message: "Some people are likely to object or find the processing intrusive. Weigh this in the balance, and consider safeguards such as an opt-out or a less intrusive method.",
        source: &ICO_IMPACT,
        check: |c| {
            when(
                c.yes_no(Q::ImpactObject).is_some_and(|y| y != YesNo::No),
                Q::ImpactObject,
            )
        },
    },
    Rule {
        id: "impact.loss-of-control",
        severity: Warning,
        weight: Borderline,
        section: Section::Impact,
        message: "People will lose some control over how their data is used, and no safeguard is described. Describe safeguards that keep them in control, such as an opt-out or limits on further use.",
        source: &ICO_IMPACT,
        check: |c| {
            let safeguarded = c.choice(Q::ImpactSafeguards) == Some(safeguards::YES)
                && c.has_text(Q::ImpactSafeguardsDetail);
            when(c.is_yes(Q::ImpactControl) && !safeguarded, Q::ImpactControl)
        },
    },
];
