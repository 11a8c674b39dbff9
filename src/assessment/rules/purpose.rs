//! Part 1, the purpose test: is there a specific, lawful legitimate interest?

use super::sources::*;
use super::Severity::*;
use super::Weight::*;
use super::{when, Hit, Rule};
use crate::assessment::choices::{codes, data, purpose};
use crate::assessment::context::Ctx;
use crate::assessment::model::{Risk, YesNo};
use crate::assessment::questions::{QuestionId as Q, Section};
use crate::assessment::screening::Screening;
use crate::assessment::text::{fewer_words_than, is_vague_purpose, word_count, MIN_PURPOSE_WORDS};

/// A purpose the ICO says may need only a brief LIA, limited (the user says) to what is
/// strictly necessary for it.
fn strictly_necessary(c: &Ctx) -> bool {
    // The question is not asked on the recognised route, which has no balancing test.
    c.purpose_is(purpose::STRICTLY_NECESSARY) && c.is_yes(Q::TriageStrictlyNecessary)
}

/// Why the assessment must not be brief even so: special category or criminal offence
/// data, a DPIA required or done, or an impact rated high risk.
fn why_not_brief(c: &Ctx) -> Vec<&'static str> {
    let mut reasons = Vec::new();
    if c.is_yes(Q::NatureSpecial) || c.has_any_choice(Q::AboutData, data::SPECIAL) {
        reasons.push("the data includes special category data");
    }
    if c.is_yes(Q::NatureCriminal) || c.has_choice(Q::AboutData, data::CRIMINAL) {
        reasons.push("the data includes criminal offence data");
    }
    if Screening::of(c).dpia_required() || c.is_yes(Q::DpiaDone) {
        reasons.push("a DPIA is required");
    }
    let high = c.applies(Section::Impact)
        && c.assessment
            .impacts
            .iter()
            .any(|i| i.risk() == Some(Risk::High) || i.residual_risk() == Some(Risk::High));
    if high {
        reasons.push("an impact is rated high risk");
    }
    reasons
}

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "purpose.missing",
        severity: Blocker,
        weight: Record,
        section: Section::Purpose,
        message: "Say why you want to process the data. Without a purpose there is nothing to test necessity or balance against.",
        source: &ICO_PURPOSE,
        check: |c| when(c.started(Section::Purpose) && !c.has_text(Q::PurposeWhy), Q::PurposeWhy),
    },
    Rule {
        id: "purpose.vague",
        severity: Warning,
        weight: Borderline,
        section: Section::Purpose,
        message: "The purpose is too short to be specific enough to test. Be as specific as possible: what you will do with the data, for whom, and what it achieves.",
        source: &ICO_PURPOSE,
        check: |c| {
            let why = c.text(Q::PurposeWhy);
            if why.is_empty() || !is_vague_purpose(why) {
                return None;
            }
            Hit::detail(
                Q::PurposeWhy,
                format!(
                    "It has {} word(s); a purpose that can be tested usually needs at least {MIN_PURPOSE_WORDS}.",
                    word_count(why)
                ),
            )
        },
    },
    Rule {
        id: "purpose.benefit-missing",
        severity: Warning,
        weight: Record,
        section: Section::Purpose,
        message: "Say what benefit you expect from the processing. The benefits are what the balancing test weighs against the impact on people.",
        source: &ICO_PURPOSE,
        check: |c| {
            when(
                c.started(Section::Purpose) && !c.has_text(Q::PurposeBenefit),
                Q::PurposeBenefit,
            )
        },
    },
    Rule {
        id: "purpose.fuller-lia-needed",
        severity: Warning,
        weight: Borderline,
        section: Section::Purpose,
        message: "Marketing and sharing within a group for administration are mentioned in UK GDPR as possible legitimate interests, but you cannot assume the purpose is enough on its own to justify the processing. Explain the specific benefits, how important they are, and what would happen if you could not go ahead.",
        source: &ICO_PURPOSE,
        check: |c| {
            if !c.purpose_is(purpose::NEED_FULLER_LIA) || !c.started(Section::Purpose) {
                return None;
            }
            let thin: Vec<Q> = [Q::PurposeBenefit, Q::PurposeImportance, Q::PurposeImpactIfNot]
                .into_iter()
                .filter(|q| fewer_words_than(c.text(*q), MIN_PURPOSE_WORDS))
                .collect();
            (!thin.is_empty()).then(|| Hit {
                detail: Some(format!(
                    "Not yet explained in enough detail: {}.",
                    thin.iter().map(|q| q.question().short.to_ascii_lowercase()).collect::<Vec<_>>().join("; ")
                )),
                questions: thin,
            })
        },
    },
    Rule {
        id: "purpose.strictly-necessary",
        severity: Advice,
        weight: Record,
        section: Section::Purpose,
        message: "UK GDPR names preventing fraud and network and information security, each to the extent strictly necessary, and telling a competent authority about possible crimes or threats to public security, as legitimate interests. Depending on the circumstances, your assessment could be quite brief; the processing is legitimate only as far as it is strictly necessary for that purpose.",
        source: &STRICTLY_NECESSARY,
        check: |c| {
            when(
                strictly_necessary(c) && why_not_brief(c).is_empty(),
                Q::TriageStrictlyNecessary,
            )
        },
    },
    Rule {
        id: "purpose.strictly-necessary.full-assessment",
        severity: Advice,
        weight: Record,
        section: Section::Purpose,
        message: "UK GDPR names this purpose as a legitimate interest, but this assessment cannot be a brief one: the processing involves sensitive data, needs a DPIA or carries a high risk. Complete every part of the three tests in full.",
        source: &STRICTLY_NECESSARY,
        check: |c| {
            let reasons = why_not_brief(c);
            if !strictly_necessary(c) || reasons.is_empty() {
                return None;
            }
            Hit::detail(
                Q::TriageStrictlyNecessary,
                format!("Not brief because {}.", reasons.join("; ")),
            )
        },
    },
    Rule {
        id: "purpose.unlawful",
        severity: Blocker,
        weight: Against,
        section: Section::Purpose,
        message: "You said you are not complying with other relevant laws. An interest cannot be legitimate if pursuing it breaks the law: fix the breach before relying on legitimate interests.",
        source: &LAWFUL_INTEREST,
        check: |c| when(c.is_no(Q::PurposeOtherLaws), Q::PurposeOtherLaws),
    },
    Rule {
        id: "purpose.laws-unsure",
        severity: Warning,
        weight: Borderline,
        section: Section::Purpose,
        message: "Check which other laws apply (for example consumer, employment or equality law) and that you comply with them. An interest is only legitimate if it is lawful.",
        source: &LAWFUL_INTEREST,
        check: |c| {
            when(
                c.yes_no(Q::PurposeOtherLaws) == Some(YesNo::NotSure),
                Q::PurposeOtherLaws,
            )
        },
    },
    Rule {
        id: "purpose.codes-not-followed",
        severity: Warning,
        weight: Borderline,
        section: Section::Purpose,
        message: "You said you are not complying with industry guidelines or codes of practice that apply. Explain why, or bring the processing in line with them: a reviewer will ask.",
        source: &ICO_PURPOSE,
        check: |c| when(c.choice(Q::PurposeCodes) == Some(codes::NO), Q::PurposeCodes),
    },
    Rule {
        id: "purpose.ethics-unresolved",
        severity: Warning,
        weight: Borderline,
        section: Section::Purpose,
        message: "You said there may be ethical issues. Describe them and how you will deal with them, so the balancing test can take them into account.",
        source: &ICO_PURPOSE,
        check: |c| {
            when(
                c.yes_no(Q::PurposeEthics).is_some_and(|y| y != YesNo::No)
                    && !c.has_text(Q::PurposeEthicsDetail),
                Q::PurposeEthicsDetail,
            )
        },
    },
];
