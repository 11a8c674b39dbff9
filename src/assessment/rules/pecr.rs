//! PECR: electronic direct marketing to individuals (e-mail, text messages, calls).

use super::sources::*;
use super::Severity::*;
use super::Weight::*;
use super::{answer_state, when, Hit, Rule};
use crate::assessment::choices::{channels, charity_about, charity_sender, pecr_basis};
use crate::assessment::context::Ctx;
use crate::assessment::model::YesNo;
use crate::assessment::questions::{QuestionId as Q, Section};
use crate::assessment::text::{
    describes_service_delivery, promotes_the_organisation, soft_opt_in_evidence,
};

/// The PECR basis questions and the channel each covers.
const BASES: [(Q, &str); 2] = [
    (Q::PecrEmailBasis, "e-mail"),
    (Q::PecrSmsBasis, "text messages"),
];

/// The channels relying on a given PECR basis, e.g. ["e-mail"].
fn relying_on(c: &Ctx, basis: &str) -> Vec<&'static str> {
    BASES
        .iter()
        .filter(|(q, _)| c.choice(*q) == Some(basis))
        .map(|(_, channel)| *channel)
        .collect()
}

/// The conditions of each soft opt-in, with what each one requires.
const SOFT_CONDITIONS: [(Q, &str); 4] = [
    (
        Q::PecrSoftSale,
        "22(3)(a) details obtained in the course of a sale or negotiations for a sale",
    ),
    (
        Q::PecrSoftSimilar,
        "22(3)(b) only your own similar products and services",
    ),
    (
        Q::PecrRefusalAtCollection,
        "22(3)(c) a simple, free way to refuse when the details were collected",
    ),
    (
        Q::PecrRefusalEveryMessage,
        "22(3)(c) a simple, free way to opt out in every message",
    ),
];
const CHARITY_CONDITIONS: [(Q, &str); 7] = [
    (Q::PecrCharityIsCharity, "the sender is a charity"),
    (
        Q::PecrCharitySender,
        "the charity itself sends the messages",
    ),
    (
        Q::PecrCharityAbout,
        "the messages promote the charity's own purposes",
    ),
    (
        Q::PecrCharityPurpose,
        "the sole purpose is furthering the charitable purposes",
    ),
    (
        Q::PecrCharitySupport,
        "details obtained when the person expressed an interest or gave support",
    ),
    (
        Q::PecrRefusalAtCollection,
        "a simple, free way to refuse when the details were collected",
    ),
    (
        Q::PecrRefusalEveryMessage,
        "a simple, free way to opt out in every message",
    ),
];

/// A condition answered "no" while its soft opt-in is relied on.
fn refused(c: &Ctx, basis: &str, q: Q) -> Option<Hit> {
    let channels = relying_on(c, basis);
    if channels.is_empty() || !c.is_no(q) {
        return None;
    }
    Hit::detail(q, format!("Relied on for {}.", channels.join(" and ")))
}

/// The first of `qs` whose text says what `found` looks for, with what it found.
fn said_in(
    c: &Ctx,
    qs: &[Q],
    found: fn(&str) -> Option<&'static str>,
) -> Option<(Q, &'static str)> {
    qs.iter().find_map(|q| found(c.text(*q)).map(|f| (*q, f)))
}

/// A single choice of the charity soft opt-in, relied on and answered `key`.
fn charity_choice(c: &Ctx, q: Q, key: &str) -> Option<Hit> {
    let channels = relying_on(c, pecr_basis::CHARITY);
    (!channels.is_empty() && c.choice(q) == Some(key))
        .then(|| Hit::detail(q, format!("Relied on for {}.", channels.join(" and "))))
        .flatten()
}

/// Conditions not yet confirmed (not answered, or "not sure") while relied on.
fn unconfirmed(c: &Ctx, basis: &str, conditions: &[(Q, &str)]) -> Option<Hit> {
    let channels = relying_on(c, basis);
    let open: Vec<&(Q, &str)> = conditions
        .iter()
        .filter(|(q, _)| c.answer(*q).is_none() || c.yes_no(*q) == Some(YesNo::NotSure))
        .collect();
    if channels.is_empty() || open.is_empty() {
        return None;
    }
    Some(Hit {
        questions: open.iter().map(|(q, _)| *q).collect(),
        detail: Some(format!(
            "Relied on for {}. Not confirmed: {}.",
            channels.join(" and "),
            open.iter()
                .map(|(q, what)| format!("{what} ({})", answer_state(c, *q)))
                .collect::<Vec<_>>()
                .join("; ")
        )),
    })
}

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "pecr.no-basis",
        severity: Blocker,
        weight: Against,
        section: Section::Triage,
        message: "Marketing e-mails and text messages to individuals need their consent, unless a soft opt-in applies. Without either you cannot send them, whatever your legitimate interest.",
        source: &PECR_CONSENT,
        check: |c| {
            let missing: Vec<(Q, &str)> = BASES
                .into_iter()
                .filter(|(q, _)| c.is_visible(*q) && c.choice(*q).is_none_or(|k| k == pecr_basis::NONE))
                .collect();
            (!missing.is_empty()).then(|| Hit {
                questions: missing.iter().map(|(q, _)| *q).collect(),
                detail: Some(format!(
                    "No consent or soft opt-in for {}.",
                    missing.iter().map(|(_, ch)| *ch).collect::<Vec<_>>().join(" or ")
                )),
            })
        },
    },
    Rule {
        id: "pecr.soft-opt-in.sale",
        severity: Blocker,
        weight: Against,
        section: Section::Triage,
        message: "The soft opt-in needs the contact details to have been obtained in the course of a sale, or negotiations for a sale, of a product or service to the person, and you said they were not. You cannot use the soft opt-in for these people: you need their consent.",
        source: &PECR_SOFT_A,
        check: |c| refused(c, pecr_basis::SOFT_OPT_IN, Q::PecrSoftSale),
    },
    Rule {
        id: "pecr.soft-opt-in.similar-products",
        severity: Blocker,
        weight: Against,
        section: Section::Triage,
        message: "The soft opt-in only covers marketing of your own similar products and services, and you said the messages go beyond them. Limit the messages, or get consent.",
        source: &PECR_SOFT_B,
        check: |c| refused(c, pecr_basis::SOFT_OPT_IN, Q::PecrSoftSimilar),
    },
    Rule {
        id: "pecr.soft-opt-in.not-products",
        severity: Blocker,
        weight: Against,
        section: Section::Triage,
        message: "The soft opt-in covers marketing of your own similar products and services only. Brand awareness, or news about your organisation and what it does, is not a product or service: send it only with consent.",
        source: &PECR_SOFT_B,
        check: |c| {
            let channels = relying_on(c, pecr_basis::SOFT_OPT_IN);
            if channels.is_empty() {
                return None;
            }
            let (q, phrase) = said_in(c, &[Q::PurposeWhy, Q::AboutDescription], promotes_the_organisation)?;
            Some(Hit {
                questions: vec![Q::PecrSoftSimilar, q],
                detail: Some(format!(
                    "“{}” says the messages include “{phrase}”. Relied on for {}.",
                    q.question().short,
                    channels.join(" and ")
                )),
            })
        },
    },
    Rule {
        id: "pecr.soft-opt-in.not-a-sale",
        severity: Warning,
        weight: Borderline,
        section: Section::Triage,
        message: "The soft opt-in needs the details to have been obtained in the course of a sale, or negotiations for a sale, to the person; delivering a service is not the test. Check that each person bought or negotiated to buy (a free service may not count).",
        source: &PECR_SOFT_A,
        check: |c| {
            if relying_on(c, pecr_basis::SOFT_OPT_IN).is_empty() {
                return None;
            }
            let (q, phrase) = said_in(
                c,
                &[Q::PurposeDataProtectionRules, Q::PecrEvidence, Q::AboutDescription, Q::ExpRelationshipNature],
                describes_service_delivery,
            )?;
            Some(Hit {
                questions: vec![Q::PecrSoftSale, q],
                detail: Some(format!("“{}” says “{phrase}”.", q.question().short)),
            })
        },
    },
    Rule {
        id: "pecr.soft-opt-in.refusal-at-collection",
        severity: Blocker,
        weight: Against,
        section: Section::Triage,
        message: "The soft opt-in needs people to have been given a simple, free way to refuse marketing when their details were collected, and you said they were not. You cannot use the soft opt-in for them: you need their consent.",
        source: &PECR_SOFT_C,
        check: |c| refused(c, pecr_basis::SOFT_OPT_IN, Q::PecrRefusalAtCollection),
    },
    Rule {
        id: "pecr.soft-opt-in.refusal-in-every-message",
        severity: Blocker,
        weight: Against,
        section: Section::Triage,
        message: "The soft opt-in needs every message to give a simple, free way to opt out, and you said they will not. Add one to every message.",
        source: &PECR_SOFT_C,
        check: |c| refused(c, pecr_basis::SOFT_OPT_IN, Q::PecrRefusalEveryMessage),
    },
    Rule {
        id: "pecr.soft-opt-in.unconfirmed",
        severity: Blocker,
        weight: Borderline,
        section: Section::Triage,
        message: "You rely on the soft opt-in, but not all of its conditions are confirmed. Every one must hold for every person you message: confirm each and keep the evidence, or get consent instead.",
        source: &PECR_SOFT,
        check: |c| unconfirmed(c, pecr_basis::SOFT_OPT_IN, &SOFT_CONDITIONS),
    },
    Rule {
        id: "pecr.soft-opt-in.evidence",
        severity: Warning,
        weight: Record,
        section: Section::Triage,
        message: "You rely on a soft opt-in but have not recorded evidence that its conditions are met. A promise that they \"will be met\" is not evidence: record where and when the details were collected, the wording people saw (with the way to refuse), and where the proof is kept.",
        source: &PECR_SOFT,
        check: |c| {
            let soft_channels = [pecr_basis::SOFT_OPT_IN, pecr_basis::CHARITY]
                .into_iter()
                .flat_map(|basis| relying_on(c, basis))
                .count();
            if soft_channels == 0 {
                return None;
            }
            let evidence = soft_opt_in_evidence(c.text(Q::PecrEvidence));
            let missing = evidence.missing();
            if missing.is_empty() {
                return None;
            }
            let mut detail = format!("Not found: {}.", missing.join("; "));
            if let Some(promise) = evidence.promise {
                detail.push_str(&format!(" \"{promise}\" is a promise, not evidence."));
            }
            Hit::detail(Q::PecrEvidence, detail)
        },
    },
    Rule {
        id: "pecr.charity.not-a-charity",
        severity: Blocker,
        weight: Against,
        section: Section::Triage,
        message: "Only a charity can use the charity soft opt-in. You need consent, or the ordinary soft opt-in if its conditions are met.",
        source: &PECR_CHARITY,
        check: |c| refused(c, pecr_basis::CHARITY, Q::PecrCharityIsCharity),
    },
    Rule {
        id: "pecr.charity.sole-purpose",
        severity: Blocker,
        weight: Against,
        section: Section::Triage,
        message: "The charity soft opt-in only covers messages whose sole purpose is furthering your charitable purposes, and you said these go further. Limit the messages, or get consent.",
        source: &PECR_CHARITY,
        check: |c| refused(c, pecr_basis::CHARITY, Q::PecrCharityPurpose),
    },
    Rule {
        id: "pecr.charity.interest-or-support",
        severity: Blocker,
        weight: Against,
        section: Section::Triage,
        message: "The charity soft opt-in needs the details to have been obtained when the person expressed an interest in, or offered or gave support to, your charitable purposes, and you said they were not. You need their consent.",
        source: &PECR_CHARITY,
        check: |c| refused(c, pecr_basis::CHARITY, Q::PecrCharitySupport),
    },
    Rule {
        id: "pecr.charity.refusal",
        severity: Blocker,
        weight: Against,
        section: Section::Triage,
        message: "The charity soft opt-in needs a simple, free way to refuse when the details were collected and in every message, and you said one of these is missing. Provide both, or get consent.",
        source: &PECR_CHARITY,
        check: |c| {
            refused(c, pecr_basis::CHARITY, Q::PecrRefusalAtCollection)
                .or_else(|| refused(c, pecr_basis::CHARITY, Q::PecrRefusalEveryMessage))
        },
    },
    Rule {
        id: "pecr.charity.sender",
        severity: Blocker,
        weight: Against,
        section: Section::Triage,
        message: "Only the charity itself may send, or have sent, messages under the charity soft opt-in. A trading subsidiary or a partner is another organisation: it needs the person's consent to send them marketing.",
        source: &PECR_CHARITY,
        check: |c| {
            charity_choice(c, Q::PecrCharitySender, charity_sender::SUBSIDIARY)
                .or_else(|| charity_choice(c, Q::PecrCharitySender, charity_sender::OTHER))
        },
    },
    Rule {
        id: "pecr.charity.not-own-purposes",
        severity: Blocker,
        weight: Against,
        section: Section::Triage,
        message: "The charity soft opt-in covers only messages whose sole purpose is furthering the charity's own charitable purposes. Another organisation's products, services or appeals, another charity's included, need the person's consent.",
        source: &PECR_CHARITY,
        check: |c| charity_choice(c, Q::PecrCharityAbout, charity_about::OTHER),
    },
    Rule {
        id: "pecr.charity.trading",
        severity: Warning,
        weight: Borderline,
        section: Section::Triage,
        message: "The messages promote a trading subsidiary's products. The charity soft opt-in needs each message's sole purpose to be furthering the charitable purposes; selling a company's goods is a purpose of its own, even if the profits go to the charity. Send these with consent, or record why they qualify.",
        source: &PECR_CHARITY,
        check: |c| charity_choice(c, Q::PecrCharityAbout, charity_about::SUBSIDIARY),
    },
    Rule {
        id: "pecr.charity.unconfirmed",
        severity: Blocker,
        weight: Borderline,
        section: Section::Triage,
        message: "You rely on the charity soft opt-in, but not all of its conditions are confirmed. Confirm each and keep the evidence, or get consent instead.",
        source: &PECR_CHARITY,
        check: |c| unconfirmed(c, pecr_basis::CHARITY, &CHARITY_CONDITIONS),
    },
    Rule {
        id: "pecr.live-calls.tps",
        severity: Blocker,
        weight: Against,
        section: Section::Triage,
        message: "You must not make live marketing calls to numbers registered with the TPS or Corporate TPS, unless that person has told you they do not object to your calls. Screen every list before every campaign.",
        source: &PECR_CALLS,
        check: |c| {
            (c.has_choice(Q::TriageChannels, channels::LIVE_CALLS) && !c.is_yes(Q::PecrTps))
                .then(|| Hit::at(Q::PecrTps))
                .flatten()
        },
    },
    Rule {
        id: "pecr.automated-calls.consent",
        severity: Blocker,
        weight: Against,
        section: Section::Triage,
        message: "Automated (recorded) marketing calls need each person's prior consent. Without it you cannot make them.",
        source: &PECR_AUTOMATED,
        check: |c| {
            (c.has_choice(Q::TriageChannels, channels::AUTOMATED_CALLS)
                && !c.is_yes(Q::PecrAutomatedConsent))
            .then(|| Hit::at(Q::PecrAutomatedConsent))
            .flatten()
        },
    },
    Rule {
        id: "pecr.consent-is-the-basis",
        severity: Warning,
        weight: Borderline,
        section: Section::Triage,
        message: "Where PECR requires consent for a channel, consent is in practice your lawful basis under UK GDPR for that marketing too, not legitimate interests. Cover those channels under consent and keep this assessment for the rest.",
        source: &PECR_LAWFUL_BASIS,
        check: |c| {
            let mut channels: Vec<&str> = relying_on(c, pecr_basis::CONSENT);
            if c.has_choice(Q::TriageChannels, channels::AUTOMATED_CALLS) {
                channels.push("automated calls");
            }
            (!channels.is_empty())
                .then(|| {
                    Hit::detail(
                        Q::TriageChannels,
                        format!("Consent applies to {}.", channels.join(" and ")),
                    )
                })
                .flatten()
        },
    },
    Rule {
        id: "pecr.sender-identity",
        severity: Advice,
        weight: Record,
        section: Section::Triage,
        message: "Every marketing e-mail or text message must say who it is from and give a valid address where people can ask you to stop. Confirm that yours will.",
        source: &PECR_SENDER,
        check: |c| {
            // Only where e-mail or texts are sent, and until it is confirmed (issue 26:
            // it was shown on every assessment).
            (c.is_visible(Q::PecrIdentity) && c.yes_no(Q::PecrIdentity).is_none())
                .then(|| Hit::at(Q::PecrIdentity))
                .flatten()
        },
    },
    Rule {
        id: "pecr.sender-identity.missing",
        severity: Blocker,
        weight: Record,
        section: Section::Triage,
        message: "You must not send marketing e-mails or text messages that hide who they are from, or that give no valid address where people can ask you to stop. Name the sender and give that address in every message.",
        source: &PECR_SENDER,
        check: |c| {
            when(
                c.yes_no(Q::PecrIdentity).is_some_and(|y| y != YesNo::Yes),
                Q::PecrIdentity,
            )
        },
    },
    Rule {
        id: "pecr.tracking-consent",
        severity: Warning,
        weight: Borderline,
        section: Section::Triage,
        message: "Tracking pixels and personalised links store or read information on people's devices, which PECR allows only with consent unless a narrow exception applies. Record the exception if one does; otherwise get consent for the tracking or switch it off.",
        source: &PECR_TRACKING,
        check: |c| {
            when(
                c.yes_no(Q::PecrTracking).is_some_and(|y| y != YesNo::No)
                    && !c.is_yes(Q::PecrTrackingConsent),
                Q::PecrTrackingConsent,
            )
        },
    },
];
