//! DPIA screening: which answers show processing likely to result in high risk
//! (UK GDPR Art. 35(3) and the ICO's list under Art. 35(4)). Only the user's own answers
//! count: a yes suggested from earlier answers and left unconfirmed leaves the result
//! unknown, and a finding points at it, but it does not by itself make a DPIA required.

use super::context::Ctx;
use super::model::{Risk, YesNo};
use super::questions::QuestionId as Q;

/// The screening questions, in the order they are asked.
pub const CRITERIA: [Q; 13] = [
    Q::DpiaAutomatedDecisions,
    Q::DpiaLargeScaleSpecial,
    Q::DpiaPublicMonitoring,
    Q::DpiaInnovative,
    Q::DpiaDenial,
    Q::DpiaProfiling,
    Q::DpiaBiometric,
    Q::DpiaGenetic,
    Q::DpiaMatching,
    Q::DpiaInvisible,
    Q::DpiaTracking,
    Q::DpiaTargetingVulnerable,
    Q::DpiaPhysicalHarm,
];

/// On the ICO's list, these count only when combined with another criterion.
const NEED_ANOTHER: [Q; 2] = [Q::DpiaInnovative, Q::DpiaBiometric];

/// The result of screening.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Screening {
    /// Criteria the user answered yes that make a DPIA necessary.
    pub triggers: Vec<Q>,
    /// Criteria answered "not sure".
    pub unsure: Vec<Q>,
    /// Criteria where only a suggestion says yes: unconfirmed, so they make no DPIA
    /// necessary until the user confirms them, and leave the result unknown.
    pub suggested_yes: Vec<Q>,
    /// Criteria answered only by a suggestion (yes or no), not by the user.
    pub unconfirmed: Vec<Q>,
    /// Every criterion has an answer, given or suggested.
    pub complete: bool,
    /// Impacts that stay high risk after safeguards (these trigger a DPIA too).
    pub high_risk_impacts: usize,
}

impl Screening {
    pub fn of(c: &Ctx) -> Screening {
        let yes: Vec<Q> = CRITERIA
            .into_iter()
            .filter(|q| c.given_yes_no(*q) == Some(YesNo::Yes))
            .collect();
        let triggers = yes
            .iter()
            .copied()
            .filter(|q| !NEED_ANOTHER.contains(q) || yes.len() > 1)
            .collect();
        let unsure = CRITERIA
            .into_iter()
            .filter(|q| c.given_yes_no(*q) == Some(YesNo::NotSure))
            .collect();
        let suggested_yes = CRITERIA
            .into_iter()
            .filter(|q| c.unconfirmed(*q).is_some_and(|s| s.answer == YesNo::Yes))
            .collect();
        let unconfirmed = CRITERIA
            .into_iter()
            .filter(|q| c.unconfirmed(*q).is_some())
            .collect();
        let complete = CRITERIA.iter().all(|q| c.yes_no(*q).is_some());
        let high_risk_impacts = if c.applies(super::questions::Section::Impact) {
            c.assessment
                .impacts
                .iter()
                .filter(|i| i.residual_risk() == Some(Risk::High))
                .count()
        } else {
            0
        };
        Screening {
            triggers,
            unsure,
            suggested_yes,
            unconfirmed,
            complete,
            high_risk_impacts,
        }
    }

    /// A DPIA is needed: a screening criterion the user answered yes, or a high residual
    /// risk.
    pub fn dpia_required(&self) -> bool {
        !self.triggers.is_empty() || self.high_risk_impacts > 0
    }
}
