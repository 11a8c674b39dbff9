//! Part 3, balancing: people's reasonable expectations.

use super::sources::*;
use super::Severity::*;
use super::Weight::*;
use super::{unconfirmed_suggestions, when, Hit, Rule};
use crate::assessment::choices::{collected, evidence, sources};
use crate::assessment::context::Ctx;
use crate::assessment::model::YesNo;
use crate::assessment::questions::{QuestionId as Q, Section};

/// No evidence of expectations: nothing selected, or "we have no evidence".
fn no_evidence(c: &Ctx) -> bool {
    let chosen = c.choices(Q::ExpEvidence);
    chosen.is_empty() || chosen.iter().all(|k| k == evidence::NONE)
}

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "expectations.invisible-processing",
        severity: Warning,
        weight: Borderline,
        section: Section::Expectations,
        message: "You have no relationship with these people, did not collect the data from them and have not recorded what they were told, so they are unlikely to expect this processing. You must give them privacy information (Article 14), and check whether this is invisible processing that needs a DPIA.",
        source: &ART14,
        check: |c| {
            when(
                c.is_no(Q::ExpRelationship)
                    && c.is_no(Q::ExpDirect)
                    && !c.has_text(Q::ExpThirdPartyTold),
                Q::ExpRelationship,
            )
        },
    },
    Rule {
        id: "expectations.old-data",
        severity: Warning,
        weight: Borderline,
        section: Section::Expectations,
        message: "The data was collected long ago or the context has changed since. People's expectations may have moved on: what they were told then may not cover this use now.",
        source: &ICO_EXPECTATIONS,
        check: |c| {
            let old = c.choice(Q::ExpWhen).is_some_and(|k| collected::LONG_AGO.contains(&k));
            let changed = c.is_yes(Q::ExpChanges);
            if old {
                Hit::at(Q::ExpWhen)
            } else {
                when(changed, Q::ExpChanges)
            }
        },
    },
    Rule {
        id: "expectations.innovative",
        severity: Warning,
        weight: Borderline,
        section: Section::Expectations,
        message: "People are less likely to expect something new or innovative. Consider asking them (market research, focus groups or consultation), and note that innovative technology is a DPIA screening criterion.",
        source: &ICO_EXPECTATIONS,
        check: |c| when(c.is_yes(Q::ExpInnovative), Q::ExpInnovative),
    },
    Rule {
        id: "expectations.privacy-notice-only",
        severity: Warning,
        weight: Borderline,
        section: Section::Expectations,
        message: "The only evidence of expectations you give is your privacy notice. A privacy notice on its own does not show that people expect the processing: mentioning something there does not make it expected. Add other evidence, such as research, consultation or what people were told at the time.",
        source: &ICO_EXPECTATIONS_EDPB,
        check: |c| {
            let chosen = c.choices(Q::ExpEvidence);
            let only_notice = !chosen.is_empty() && chosen.iter().all(|k| k == evidence::PRIVACY_NOTICE);
            when(only_notice, Q::ExpEvidence)
        },
    },
    Rule {
        id: "expectations.not-obvious-no-evidence",
        severity: Warning,
        weight: Borderline,
        section: Section::Expectations,
        message: "Your purpose and method are not obviously expected, and you have no evidence about what people expect. Where reasonable opinions could differ, the ICO suggests consultation, focus groups or market research.",
        source: &ICO_EXPECTATIONS,
        check: |c| {
            let unclear = c.yes_no(Q::ExpObvious).is_some_and(|y| y != YesNo::Yes);
            when(unclear && no_evidence(c), Q::ExpObvious)
        },
    },
    Rule {
        id: "expectations.obvious-unsupported",
        severity: Warning,
        weight: Borderline,
        section: Section::Expectations,
        message: "You say the purpose and method are obvious or widely understood, but give no evidence and nothing people were told. Common practice alone does not show that people expect it: add evidence, or what they were told.",
        source: &ICO_EXPECTATIONS_EDPB,
        check: |c| {
            let told = c.has_text(Q::ExpTold) || c.has_text(Q::ExpThirdPartyTold);
            when(c.is_yes(Q::ExpObvious) && no_evidence(c) && !told, Q::ExpObvious)
        },
    },
    Rule {
        id: "expectations.third-party-unclear",
        severity: Warning,
        weight: Borderline,
        section: Section::Expectations,
        message: "You get data from a third party. Record what that third party told people about their data being reused by others, and whether it covers your purpose.",
        source: &ICO_EXPECTATIONS,
        check: |c| {
            when(
                c.started(Section::Expectations)
                    && c.has_choice(Q::AboutSources, sources::THIRD_PARTY)
                    && !c.has_text(Q::ExpThirdPartyTold),
                Q::ExpThirdPartyTold,
            )
        },
    },
    Rule {
        id: "expectations.suggestion-unconfirmed",
        severity: Warning,
        weight: Record,
        section: Section::Expectations,
        message: "An answer about expectations is still only a suggestion from your earlier answers, not your own. Confirm or change it, so the record shows what you decided.",
        source: &SUGGESTIONS,
        check: |c| unconfirmed_suggestions(c, Section::Expectations, &[Q::ExpDirect]),
    },
];
