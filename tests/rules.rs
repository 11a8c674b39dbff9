//! Every rule has a test that triggers it and a near miss where it stays silent.
//! Cases start from examples the engine finds nothing wrong with, and change as
//! little as possible, so each test shows the one answer that makes the difference.

use lia::assessment::choices::*;
use lia::assessment::examples::example;
use lia::assessment::model::{HarmSeverity, Impact, Likelihood, YesNo::*};
use lia::assessment::rules::catalogue;
use lia::assessment::{check, Assessment, Ctx, Date, QuestionId as Q};

const TODAY: Option<Date> = Date::new(2026, 11, 22);

/// Employees' emergency contacts: complete, and nothing is found.
fn base() -> Assessment {
    (example("emergency-contacts").unwrap().build)("test")
}

/// Postal offers to customers: complete direct marketing, and nothing is found.
fn marketing() -> Assessment {
    (example("postal-offers").unwrap().build)("test")
}

/// Marketing e-mails to individuals relying on the given PECR basis.
fn email(basis: &str) -> Assessment {
    let mut a = marketing();
    a.set_choices(Q::TriageChannels, &[channels::EMAIL])
        .set_choice(Q::TriageSubscribers, subscribers::INDIVIDUALS)
        .set_choice(Q::PecrEmailBasis, basis);
    a
}

/// The ordinary soft opt-in with every condition met and evidenced.
fn soft_opt_in() -> Assessment {
    let mut a = email(pecr_basis::SOFT_OPT_IN);
    for q in [
        Q::PecrSoftSale,
        Q::PecrSoftSimilar,
        Q::PecrRefusalAtCollection,
        Q::PecrRefusalEveryMessage,
    ] {
        a.set_yes_no(q, Yes);
    }
    a.set_text(
        Q::PecrEvidence,
        "Checkout wording, dated; sample e-mail footer.",
    );
    a
}

/// The charity soft opt-in with every condition met and evidenced.
fn charity_opt_in() -> Assessment {
    let mut a = email(pecr_basis::CHARITY);
    for q in [
        Q::PecrCharityIsCharity,
        Q::PecrCharityPurpose,
        Q::PecrCharitySupport,
        Q::PecrRefusalAtCollection,
        Q::PecrRefusalEveryMessage,
    ] {
        a.set_yes_no(q, Yes);
    }
    a.set_text(Q::PecrEvidence, "Donation form wording; sample message.");
    a
}

fn with(mut a: Assessment, change: impl FnOnce(&mut Assessment)) -> Assessment {
    change(&mut a);
    a
}

fn impact(before: (Likelihood, HarmSeverity), after: (Likelihood, HarmSeverity)) -> Impact {
    Impact {
        id: 0,
        description: "Something happens".into(),
        likelihood: Some(before.0),
        severity: Some(before.1),
        safeguards: "Some".into(),
        residual_likelihood: Some(after.0),
        residual_severity: Some(after.1),
    }
}

fn ids(a: &Assessment) -> Vec<&'static str> {
    check(a, TODAY).iter().map(|f| f.id).collect()
}

/// The rule fires, pointing only at questions the user can see.
fn assert_fires(a: &Assessment, id: &str) {
    let findings = check(a, TODAY);
    let finding = findings
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("{id} should fire; found {:?}", ids(a)));
    assert!(!finding.questions.is_empty(), "{id} points at no question");
    let ctx = Ctx::new(a, TODAY);
    for q in &finding.questions {
        assert!(ctx.is_visible(*q), "{id} points at hidden question {q:?}");
    }
}

fn assert_silent(a: &Assessment, id: &str) {
    assert!(!ids(a).contains(&id), "{id} should stay silent");
}

macro_rules! case {
    ($name:ident, $id:literal, trigger: $trigger:expr, silent: $silent:expr $(,)?) => {
        mod $name {
            use super::*;

            #[test]
            fn triggers() {
                assert_fires(&$trigger, $id);
            }

            #[test]
            fn stays_silent() {
                assert_silent(&$silent, $id);
            }
        }
    };
}

#[test]
fn the_starting_points_are_clean() {
    assert_eq!(ids(&base()), Vec::<&str>::new());
    assert_eq!(ids(&marketing()), Vec::<&str>::new());
    assert_eq!(ids(&soft_opt_in()), vec!["pecr.sender-identity"]);
    assert_eq!(ids(&charity_opt_in()), vec!["pecr.sender-identity"]);
}

/// Every rule in the catalogue has a case in this file, and every case names a real rule.
#[test]
fn every_rule_has_a_case() {
    let source = include_str!("rules.rs");
    let cased: Vec<&str> = source
        .lines()
        .map(str::trim)
        .filter_map(|line| line.strip_prefix('"')?.strip_suffix("\","))
        .filter(|id| {
            id.contains('.')
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-".contains(c))
        })
        .collect();
    let rules: Vec<&str> = catalogue().map(|r| r.id).collect();
    let missing: Vec<&&str> = rules.iter().filter(|id| !cased.contains(id)).collect();
    assert!(missing.is_empty(), "rules without a test case: {missing:?}");
    let unknown: Vec<&&str> = cased.iter().filter(|id| !rules.contains(id)).collect();
    assert!(unknown.is_empty(), "cases for unknown rules: {unknown:?}");
    assert!(rules.len() >= 30, "{} rules", rules.len());
}

#[test]
fn rule_ids_are_unique_and_well_formed() {
    let mut seen = std::collections::HashSet::new();
    for rule in catalogue() {
        assert!(seen.insert(rule.id), "duplicate id {}", rule.id);
        assert!(
            rule.id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '.' || c == '-' || c.is_ascii_digit()),
            "{}",
            rule.id
        );
        assert!(rule.id.contains('.'), "{}", rule.id);
        assert!(
            !rule.message.is_empty() && rule.message.ends_with('.'),
            "{}",
            rule.id
        );
        assert!(!rule.source.citation.is_empty(), "{}", rule.id);
        assert!(
            rule.source
                .url
                .starts_with("https://www.legislation.gov.uk/")
                || rule.source.url.starts_with("https://ico.org.uk/"),
            "{}: {}",
            rule.id,
            rule.source.url
        );
    }
}

// ---- scope ------------------------------------------------------------------------

case!(
    public_authority,
    "scope.public-authority",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::TriagePublicAuthority, Yes).set_yes_no(Q::TriagePublicTask, Yes);
    }),
    silent: with(base(), |a| {
        a.set_yes_no(Q::TriagePublicAuthority, Yes).set_yes_no(Q::TriagePublicTask, No);
    }),
);

case!(
    public_authority_unsure,
    "scope.public-authority.unsure",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::TriagePublicAuthority, Yes).set_yes_no(Q::TriagePublicTask, NotSure);
    }),
    // Not a public authority: the stale "not sure" on the hidden question is ignored.
    silent: with(base(), |a| {
        a.set_yes_no(Q::TriagePublicAuthority, No).set_yes_no(Q::TriagePublicTask, NotSure);
    }),
);

case!(
    recognised_not_in_annex_1,
    "scope.recognised.not-in-annex-1",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::TriageRecognised, Yes)
            .set_choice(Q::TriageRecognisedCondition, recognised::NONE);
    }),
    silent: with(base(), |a| {
        a.set_yes_no(Q::TriageRecognised, Yes)
            .set_choice(Q::TriageRecognisedCondition, recognised::CRIME)
            .set_text(Q::TriageRecognisedDetail, "Reporting thefts to the police.");
    }),
);

case!(
    recognised_example_not_recognised,
    "scope.recognised.example-not-recognised",
    trigger: with(marketing(), |a| {
        a.set_yes_no(Q::TriageRecognised, Yes)
            .set_choice(Q::TriageRecognisedCondition, recognised::CRIME)
            .set_text(Q::TriageRecognisedDetail, "None really.");
    }),
    silent: with(base(), |a| {
        a.set_yes_no(Q::TriageRecognised, Yes)
            .set_choice(Q::TriageRecognisedCondition, recognised::CRIME)
            .set_text(Q::TriageRecognisedDetail, "Reporting thefts to the police.");
    }),
);

case!(
    recognised_unsure,
    "scope.recognised.unsure",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::TriageRecognised, NotSure);
    }),
    silent: base(),
);

case!(
    recognised_necessity_only,
    "scope.recognised.necessity-only",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::TriageRecognised, Yes)
            .set_choice(Q::TriageRecognisedCondition, recognised::SAFEGUARDING)
            .set_text(Q::TriageRecognisedDetail, "Contacting family when an employee is at risk.");
    }),
    silent: with(base(), |a| {
        a.set_yes_no(Q::TriageRecognised, Yes)
            .set_choice(Q::TriageRecognisedCondition, recognised::NONE);
    }),
);

case!(
    recognised_detail_missing,
    "scope.recognised.detail-missing",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::TriageRecognised, Yes)
            .set_choice(Q::TriageRecognisedCondition, recognised::DISCLOSURE);
    }),
    silent: with(base(), |a| {
        a.set_yes_no(Q::TriageRecognised, Yes)
            .set_choice(Q::TriageRecognisedCondition, recognised::DISCLOSURE)
            .set_text(Q::TriageRecognisedDetail, "A council asked for it under its housing duty.");
    }),
);

// ---- purpose ----------------------------------------------------------------------

case!(
    purpose_missing,
    "purpose.missing",
    trigger: with(base(), |a| {
        a.answers.clear(Q::PurposeWhy);
    }),
    // Nothing in the purpose section answered yet: too early to complain.
    silent: with(Assessment::new("new"), |a| {
        a.set_text(Q::AboutTitle, "New");
    }),
);

case!(
    purpose_vague,
    "purpose.vague",
    trigger: with(base(), |a| {
        a.set_text(Q::PurposeWhy, "Marketing.");
    }),
    silent: base(),
);

case!(
    purpose_benefit_missing,
    "purpose.benefit-missing",
    trigger: with(base(), |a| {
        a.answers.clear(Q::PurposeBenefit);
    }),
    silent: base(),
);

case!(
    purpose_fuller_lia,
    "purpose.fuller-lia-needed",
    trigger: with(marketing(), |a| {
        a.set_text(Q::PurposeImportance, "Very.");
    }),
    // The same thin answer is fine for a purpose that needs no fuller LIA.
    silent: with(base(), |a| {
        a.set_text(Q::PurposeImportance, "Very.");
    }),
);

case!(
    purpose_strictly_necessary,
    "purpose.strictly-necessary",
    trigger: with(base(), |a| {
        a.set_choice(Q::TriagePurposeCategory, purpose::FRAUD);
    }),
    silent: base(),
);

case!(
    purpose_unlawful,
    "purpose.unlawful",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::PurposeOtherLaws, No);
    }),
    silent: base(),
);

case!(
    purpose_laws_unsure,
    "purpose.laws-unsure",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::PurposeOtherLaws, NotSure);
    }),
    silent: base(),
);

case!(
    purpose_codes_not_followed,
    "purpose.codes-not-followed",
    trigger: with(base(), |a| {
        a.set_choice(Q::PurposeCodes, codes::NO);
    }),
    silent: with(base(), |a| {
        a.set_choice(Q::PurposeCodes, codes::NONE_APPLY);
    }),
);

case!(
    purpose_ethics_unresolved,
    "purpose.ethics-unresolved",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::PurposeEthics, Yes);
    }),
    silent: with(base(), |a| {
        a.set_yes_no(Q::PurposeEthics, Yes)
            .set_text(Q::PurposeEthicsDetail, "Contacts may be upset; we call with care.");
    }),
);

// ---- necessity --------------------------------------------------------------------

case!(
    necessity_does_not_help,
    "necessity.does-not-help",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::NecessityHelps, No);
    }),
    silent: base(),
);

case!(
    necessity_help_unsure,
    "necessity.help-unsure",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::NecessityHelps, NotSure);
    }),
    silent: base(),
);

case!(
    necessity_alternative_unexplained,
    "necessity.alternative-unexplained",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::NecessityLessData, Yes);
    }),
    silent: with(base(), |a| {
        a.set_yes_no(Q::NecessityLessData, Yes)
            .set_text(Q::NecessityAlternatives, "Asking at the time of an emergency is too late.");
    }),
);

case!(
    necessity_alternative_unsure,
    "necessity.alternative-unsure",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::NecessityLessIntrusive, NotSure);
    }),
    silent: with(base(), |a| {
        a.set_yes_no(Q::NecessityLessIntrusive, NotSure)
            .set_text(Q::NecessityAlternatives, "We looked at paper forms; they are less secure.");
    }),
);

case!(
    necessity_proportionality_missing,
    "necessity.proportionality-missing",
    trigger: with(base(), |a| {
        a.answers.clear(Q::NecessityProportionate);
    }),
    silent: base(),
);

// ---- nature of the data -----------------------------------------------------------

case!(
    special_category_no_condition,
    "nature.special-category.no-condition",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::NatureSpecial, Yes);
    }),
    silent: with(base(), |a| {
        a.set_yes_no(Q::NatureSpecial, Yes)
            .set_choice(Q::NatureArt9, art9::EXPLICIT_CONSENT);
    }),
);

case!(
    special_category_condition_from_kinds_of_data,
    "nature.special-category.no-condition",
    // "Health" among the kinds of data suggests yes, even before the question is answered.
    trigger: with(base(), |a| {
        a.set_choices(Q::AboutData, &[data::CONTACT, data::HEALTH]);
        a.answers.clear(Q::NatureSpecial);
    }),
    silent: with(base(), |a| {
        a.set_choices(Q::AboutData, &[data::CONTACT]);
        a.answers.clear(Q::NatureSpecial);
    }),
);

case!(
    special_category_schedule_1,
    "nature.special-category.schedule-1",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::NatureSpecial, Yes)
            .set_choice(Q::NatureArt9, art9::HEALTH_CARE);
    }),
    silent: with(base(), |a| {
        a.set_yes_no(Q::NatureSpecial, Yes)
            .set_choice(Q::NatureArt9, art9::HEALTH_CARE)
            .set_text(Q::NatureSchedule1, "Schedule 1, Part 1, paragraph 2 (health or social care purposes).");
    }),
);

case!(
    special_category_unsure,
    "nature.special-category.unsure",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::NatureSpecial, NotSure);
    }),
    silent: base(),
);

case!(
    contradicts_kinds_of_data,
    "nature.contradicts-kinds-of-data",
    trigger: with(base(), |a| {
        a.set_choices(Q::AboutData, &[data::CONTACT, data::CRIMINAL]);
    }),
    silent: with(base(), |a| {
        a.set_choices(Q::AboutData, &[data::CONTACT, data::CRIMINAL])
            .set_yes_no(Q::NatureCriminal, Yes)
            .set_choice(Q::NatureArt10, art10::OFFICIAL_AUTHORITY);
    }),
);

case!(
    criminal_no_condition,
    "nature.criminal.no-condition",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::NatureCriminal, Yes)
            .set_choice(Q::NatureArt10, art10::NONE);
    }),
    silent: with(base(), |a| {
        a.set_yes_no(Q::NatureCriminal, Yes)
            .set_choice(Q::NatureArt10, art10::OFFICIAL_AUTHORITY);
    }),
);

case!(
    criminal_schedule_1,
    "nature.criminal.schedule-1",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::NatureCriminal, Yes)
            .set_choice(Q::NatureArt10, art10::SCHEDULE_1);
    }),
    silent: with(base(), |a| {
        a.set_yes_no(Q::NatureCriminal, Yes)
            .set_choice(Q::NatureArt10, art10::SCHEDULE_1)
            .set_text(Q::NatureArt10Detail, "Schedule 1, paragraph 10 (preventing or detecting unlawful acts).");
    }),
);

case!(
    children_protection_missing,
    "nature.children.protection-missing",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::NatureChildren, Yes);
    }),
    silent: with(base(), |a| {
        a.set_yes_no(Q::NatureChildren, Yes)
            .set_text(Q::NatureChildrenProtection, "Only a parent can be nominated for a young apprentice.");
    }),
);

case!(
    children_extra_weight,
    "nature.children.extra-weight",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::NatureChildren, Yes)
            .set_text(Q::NatureChildrenProtection, "Only a parent can be nominated for a young apprentice.");
    }),
    silent: base(),
);

case!(
    private_data,
    "nature.private",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::NaturePrivate, Yes);
    }),
    silent: base(),
);

// ---- reasonable expectations ------------------------------------------------------

case!(
    invisible_processing,
    "expectations.invisible-processing",
    trigger: with(base(), |a| {
        a.answers.clear(Q::ExpThirdPartyTold);
    }),
    silent: base(),
);

case!(
    old_data,
    "expectations.old-data",
    trigger: with(base(), |a| {
        a.set_choice(Q::ExpWhen, collected::OVER_5).set_yes_no(Q::ExpChanges, No);
    }),
    silent: with(base(), |a| {
        a.set_choice(Q::ExpWhen, collected::UNDER_1).set_yes_no(Q::ExpChanges, No);
    }),
);

case!(
    changed_context,
    "expectations.old-data",
    trigger: with(base(), |a| {
        a.set_choice(Q::ExpWhen, collected::UNDER_1)
            .set_yes_no(Q::ExpChanges, Yes)
            .set_text(Q::ExpChangesDetail, "We moved to a new HR system.");
    }),
    // "Changed" on a question that is hidden (the data is not collected yet) is ignored.
    silent: with(base(), |a| {
        a.set_choice(Q::ExpWhen, collected::NOT_YET).set_yes_no(Q::ExpChanges, Yes);
    }),
);

case!(
    innovative,
    "expectations.innovative",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::ExpInnovative, Yes);
    }),
    silent: base(),
);

case!(
    privacy_notice_only,
    "expectations.privacy-notice-only",
    trigger: with(base(), |a| {
        a.set_choices(Q::ExpEvidence, &[evidence::PRIVACY_NOTICE]);
    }),
    silent: with(base(), |a| {
        a.set_choices(Q::ExpEvidence, &[evidence::PRIVACY_NOTICE, evidence::RESEARCH]);
    }),
);

case!(
    not_obvious_no_evidence,
    "expectations.not-obvious-no-evidence",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::ExpObvious, No);
    }),
    silent: with(base(), |a| {
        a.set_yes_no(Q::ExpObvious, No)
            .set_choices(Q::ExpEvidence, &[evidence::CONSULTATION]);
    }),
);

case!(
    third_party_unclear,
    "expectations.third-party-unclear",
    trigger: with(base(), |a| {
        a.answers.clear(Q::ExpThirdPartyTold);
    }),
    silent: base(),
);

// ---- impact and safeguards --------------------------------------------------------

case!(
    impact_none_recorded,
    "impact.none-recorded",
    trigger: with(base(), |a| {
        a.impacts.clear();
    }),
    silent: base(),
);

case!(
    impact_unrated,
    "impact.unrated",
    trigger: with(base(), |a| {
        let id = a.add_impact();
        a.impact_mut(id).unwrap().description = "Unrated".into();
    }),
    silent: base(),
);

case!(
    high_risk_dpia_required,
    "impact.high-risk.dpia-required",
    trigger: with(base(), |a| {
        use HarmSeverity::*;
        use Likelihood::*;
        a.push_impact(impact((Probable, Severe), (Possible, Severe)));
    }),
    silent: with(base(), |a| {
        use HarmSeverity::*;
        use Likelihood::*;
        a.push_impact(impact((Probable, Severe), (Possible, Severe)));
        a.set_yes_no(Q::DpiaDone, Yes)
            .set_text(Q::DpiaDate, "2026-04-01")
            .set_text(Q::DpiaReference, "DPIA-7");
    }),
);

case!(
    high_risk_compelling_interest,
    "impact.high-risk.compelling-interest",
    trigger: with(base(), |a| {
        use HarmSeverity::*;
        use Likelihood::*;
        a.push_impact(impact((Probable, Severe), (Probable, Significant)));
    }),
    // High before safeguards, low after: the safeguards did their job.
    silent: with(base(), |a| {
        use HarmSeverity::*;
        use Likelihood::*;
        a.push_impact(impact((Probable, Severe), (Remote, Significant)));
    }),
);

case!(
    no_safeguards_with_risk,
    "impact.no-safeguards-with-risk",
    trigger: with(base(), |a| {
        use HarmSeverity::*;
        use Likelihood::*;
        a.set_choice(Q::ImpactSafeguards, safeguards::NONE_NEEDED);
        a.push_impact(impact((Possible, Significant), (Possible, Significant)));
    }),
    silent: with(base(), |a| {
        a.set_choice(Q::ImpactSafeguards, safeguards::NONE_NEEDED);
    }),
);

case!(
    no_safeguards_unassessed,
    "impact.no-safeguards-unassessed",
    trigger: with(base(), |a| {
        a.set_choice(Q::ImpactSafeguards, safeguards::NONE_NEEDED);
        a.impacts.clear();
    }),
    silent: with(base(), |a| {
        a.set_choice(Q::ImpactSafeguards, safeguards::NONE_NEEDED);
    }),
);

case!(
    opt_out_undecided,
    "impact.opt-out-undecided",
    trigger: with(base(), |a| {
        a.answers.clear(Q::ImpactOptOut);
    }),
    silent: base(),
);

case!(
    opt_out_not_sure,
    "impact.opt-out-undecided",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::ImpactOptOut, NotSure);
    }),
    silent: with(base(), |a| {
        a.set_yes_no(Q::ImpactOptOut, No);
    }),
);

case!(
    marketing_no_opt_out,
    "impact.marketing-no-opt-out",
    trigger: with(marketing(), |a| {
        a.set_yes_no(Q::ImpactOptOut, No);
    }),
    // No opt-out is a choice the ICO allows outside direct marketing.
    silent: with(base(), |a| {
        a.set_yes_no(Q::ImpactOptOut, No);
    }),
);

case!(
    would_not_explain,
    "impact.would-not-explain",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::ImpactExplain, No);
    }),
    silent: base(),
);

case!(
    likely_objection,
    "impact.likely-objection",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::ImpactObject, Yes);
    }),
    silent: base(),
);

case!(
    loss_of_control,
    "impact.loss-of-control",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::ImpactControl, Yes)
            .set_choice(Q::ImpactSafeguards, safeguards::NOT_SURE);
    }),
    silent: with(base(), |a| {
        a.set_yes_no(Q::ImpactControl, Yes);
    }),
);

// ---- PECR -------------------------------------------------------------------------

case!(
    pecr_no_basis,
    "pecr.no-basis",
    trigger: email(pecr_basis::NONE),
    // Companies only: PECR's e-mail rule does not apply, so no basis is asked for.
    silent: with(marketing(), |a| {
        a.set_choices(Q::TriageChannels, &[channels::EMAIL])
            .set_choice(Q::TriageSubscribers, subscribers::CORPORATE);
    }),
);

case!(
    pecr_no_basis_unanswered,
    "pecr.no-basis",
    trigger: with(marketing(), |a| {
        a.set_choices(Q::TriageChannels, &[channels::SMS])
            .set_choice(Q::TriageSubscribers, subscribers::BOTH);
    }),
    silent: soft_opt_in(),
);

case!(
    soft_opt_in_sale,
    "pecr.soft-opt-in.sale",
    trigger: with(soft_opt_in(), |a| {
        a.set_yes_no(Q::PecrSoftSale, No);
    }),
    silent: soft_opt_in(),
);

case!(
    soft_opt_in_similar_products,
    "pecr.soft-opt-in.similar-products",
    trigger: with(soft_opt_in(), |a| {
        a.set_yes_no(Q::PecrSoftSimilar, No);
    }),
    silent: soft_opt_in(),
);

case!(
    soft_opt_in_refusal_at_collection,
    "pecr.soft-opt-in.refusal-at-collection",
    trigger: with(soft_opt_in(), |a| {
        a.set_yes_no(Q::PecrRefusalAtCollection, No);
    }),
    silent: soft_opt_in(),
);

case!(
    soft_opt_in_refusal_in_every_message,
    "pecr.soft-opt-in.refusal-in-every-message",
    trigger: with(soft_opt_in(), |a| {
        a.set_yes_no(Q::PecrRefusalEveryMessage, No);
    }),
    silent: soft_opt_in(),
);

case!(
    soft_opt_in_unconfirmed,
    "pecr.soft-opt-in.unconfirmed",
    trigger: with(soft_opt_in(), |a| {
        a.set_yes_no(Q::PecrSoftSimilar, NotSure);
    }),
    // A condition answered "no" is a different finding: not met, rather than unconfirmed.
    silent: with(soft_opt_in(), |a| {
        a.set_yes_no(Q::PecrSoftSimilar, No);
    }),
);

case!(
    soft_opt_in_evidence,
    "pecr.soft-opt-in.evidence",
    trigger: with(soft_opt_in(), |a| {
        a.answers.clear(Q::PecrEvidence);
    }),
    silent: soft_opt_in(),
);

case!(
    charity_not_a_charity,
    "pecr.charity.not-a-charity",
    trigger: with(charity_opt_in(), |a| {
        a.set_yes_no(Q::PecrCharityIsCharity, No);
    }),
    silent: charity_opt_in(),
);

case!(
    charity_sole_purpose,
    "pecr.charity.sole-purpose",
    trigger: with(charity_opt_in(), |a| {
        a.set_yes_no(Q::PecrCharityPurpose, No);
    }),
    silent: charity_opt_in(),
);

case!(
    charity_interest_or_support,
    "pecr.charity.interest-or-support",
    trigger: with(charity_opt_in(), |a| {
        a.set_yes_no(Q::PecrCharitySupport, No);
    }),
    silent: charity_opt_in(),
);

case!(
    charity_refusal,
    "pecr.charity.refusal",
    trigger: with(charity_opt_in(), |a| {
        a.set_yes_no(Q::PecrRefusalEveryMessage, No);
    }),
    silent: charity_opt_in(),
);

case!(
    charity_unconfirmed,
    "pecr.charity.unconfirmed",
    trigger: with(charity_opt_in(), |a| {
        a.answers.clear(Q::PecrCharitySupport);
    }),
    // The same unanswered question does not matter under the ordinary soft opt-in.
    silent: with(soft_opt_in(), |a| {
        a.answers.clear(Q::PecrCharitySupport);
    }),
);

case!(
    live_calls_tps,
    "pecr.live-calls.tps",
    trigger: with(marketing(), |a| {
        a.set_choices(Q::TriageChannels, &[channels::LIVE_CALLS])
            .set_choice(Q::TriageSubscribers, subscribers::INDIVIDUALS);
    }),
    silent: with(marketing(), |a| {
        a.set_choices(Q::TriageChannels, &[channels::LIVE_CALLS])
            .set_choice(Q::TriageSubscribers, subscribers::INDIVIDUALS)
            .set_yes_no(Q::PecrTps, Yes);
    }),
);

case!(
    automated_calls_consent,
    "pecr.automated-calls.consent",
    trigger: with(marketing(), |a| {
        a.set_choices(Q::TriageChannels, &[channels::AUTOMATED_CALLS])
            .set_choice(Q::TriageSubscribers, subscribers::INDIVIDUALS)
            .set_yes_no(Q::PecrAutomatedConsent, No);
    }),
    silent: with(marketing(), |a| {
        a.set_choices(Q::TriageChannels, &[channels::AUTOMATED_CALLS])
            .set_choice(Q::TriageSubscribers, subscribers::INDIVIDUALS)
            .set_yes_no(Q::PecrAutomatedConsent, Yes);
    }),
);

case!(
    consent_is_the_basis,
    "pecr.consent-is-the-basis",
    trigger: email(pecr_basis::CONSENT),
    silent: soft_opt_in(),
);

case!(
    sender_identity,
    "pecr.sender-identity",
    trigger: soft_opt_in(),
    silent: marketing(),
);

// ---- DPIA -------------------------------------------------------------------------

case!(
    dpia_required,
    "dpia.required-not-done",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::DpiaProfiling, Yes);
    }),
    silent: with(base(), |a| {
        a.set_yes_no(Q::DpiaProfiling, Yes)
            .set_yes_no(Q::DpiaDone, Yes)
            .set_text(Q::DpiaDate, "2026-04-01")
            .set_text(Q::DpiaReference, "DPIA-7");
    }),
);

case!(
    dpia_innovative_needs_another_criterion,
    "dpia.required-not-done",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::DpiaInnovative, Yes).set_yes_no(Q::DpiaBiometric, Yes);
    }),
    // On the ICO's list, innovative technology alone is not enough.
    silent: with(base(), |a| {
        a.set_yes_no(Q::DpiaInnovative, Yes);
    }),
);

case!(
    dpia_from_kinds_of_data,
    "dpia.required-not-done",
    // Genetic data among the kinds of data suggests yes on the screening question.
    trigger: with(base(), |a| {
        a.set_choices(Q::AboutData, &[data::CONTACT, data::GENETIC]);
        a.answers.clear(Q::DpiaGenetic);
    }),
    silent: with(base(), |a| {
        a.answers.clear(Q::DpiaGenetic);
    }),
);

case!(
    dpia_screening_unsure,
    "dpia.screening-unsure",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::DpiaTracking, NotSure);
    }),
    silent: base(),
);

case!(
    dpia_details_missing,
    "dpia.details-missing",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::DpiaDone, Yes).set_text(Q::DpiaDate, "2026-04-01");
    }),
    silent: with(base(), |a| {
        a.set_yes_no(Q::DpiaDone, Yes)
            .set_text(Q::DpiaDate, "2026-04-01")
            .set_text(Q::DpiaReference, "DPIA-7");
    }),
);

// ---- decision and record ----------------------------------------------------------

case!(
    decision_undecided,
    "decision.undecided",
    trigger: with(base(), |a| {
        a.set_choice(Q::DecisionRely, decision::UNDECIDED);
    }),
    silent: base(),
);

case!(
    decision_unanswered,
    "decision.undecided",
    trigger: with(base(), |a| {
        a.answers.clear(Q::DecisionRely);
    }),
    silent: with(base(), |a| {
        a.set_choice(Q::DecisionRely, decision::NO);
    }),
);

case!(
    yes_with_blockers,
    "decision.yes-with-blockers",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::PurposeOtherLaws, No);
    }),
    silent: with(base(), |a| {
        a.set_yes_no(Q::PurposeOtherLaws, No)
            .set_choice(Q::DecisionRely, decision::NO);
    }),
);

case!(
    no_justification,
    "decision.no-justification",
    trigger: with(base(), |a| {
        a.answers.clear(Q::DecisionJustification);
    }),
    silent: base(),
);

case!(
    factors_against_missing,
    "decision.factors-against-missing",
    trigger: with(base(), |a| {
        a.answers.clear(Q::DecisionFactorsAgainst);
    }),
    silent: base(),
);

case!(
    consider_other_basis,
    "decision.consider-other-basis",
    trigger: with(base(), |a| {
        a.set_choice(Q::DecisionRely, decision::NO);
    }),
    silent: base(),
);

case!(
    retrospective,
    "record.retrospective",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::AboutStarted, Yes);
    }),
    // A review of processing an earlier assessment covered is not retrospective.
    silent: with(base(), |a| {
        a.set_yes_no(Q::AboutStarted, Yes);
        a.review_of = Some("earlier".into());
    }),
);

case!(
    retrospective_by_dates,
    "record.retrospective",
    trigger: with(base(), |a| {
        a.set_text(Q::AboutStartDate, "2026-01-05");
    }),
    silent: with(base(), |a| {
        a.set_text(Q::AboutStartDate, "2026-04-14");
    }),
);

case!(
    completed_by_missing,
    "record.completed-by-missing",
    trigger: with(base(), |a| {
        a.answers.clear(Q::SignOffCompletedName);
    }),
    silent: base(),
);

case!(
    approver_missing,
    "record.approver-missing",
    trigger: with(base(), |a| {
        a.answers.clear(Q::SignOffApprovedName);
    }),
    silent: base(),
);

case!(
    approver_is_author,
    "record.approver-is-author",
    trigger: with(base(), |a| {
        a.set_text(Q::SignOffApprovedName, "sam  green.");
    }),
    silent: base(),
);

// Accents and case do not hide that one person did both (Welsh names, for one).
case!(
    approver_is_author_whatever_the_accents,
    "record.approver-is-author",
    trigger: with(base(), |a| {
        a.set_text(Q::SignOffCompletedName, "Siân Jones");
        a.set_text(Q::SignOffApprovedName, "SIAN JONES");
    }),
    silent: with(base(), |a| {
        a.set_text(Q::SignOffCompletedName, "Siân Jones");
        a.set_text(Q::SignOffApprovedName, "Sioned Jones");
    }),
);

case!(
    approved_before_completed,
    "record.approved-before-completed",
    trigger: with(base(), |a| {
        a.set_text(Q::SignOffApprovedDate, "2026-04-13");
    }),
    silent: with(base(), |a| {
        a.set_text(Q::SignOffApprovedDate, "2026-04-14");
    }),
);

case!(
    review_date_missing,
    "record.review-date-missing",
    trigger: with(base(), |a| {
        a.answers.clear(Q::SignOffReviewDate);
    }),
    silent: base(),
);

case!(
    review_overdue,
    "record.review-overdue",
    trigger: with(base(), |a| {
        a.set_text(Q::SignOffReviewDate, "2026-11-21");
    }),
    silent: with(base(), |a| {
        a.set_text(Q::SignOffReviewDate, "2026-11-22");
    }),
);

case!(
    review_before_completion,
    "record.review-before-completion",
    trigger: with(base(), |a| {
        a.set_text(Q::SignOffReviewDate, "2026-04-14");
    }),
    silent: with(base(), |a| {
        a.set_text(Q::SignOffReviewDate, "2026-12-15");
    }),
);

case!(
    privacy_information,
    "record.privacy-information",
    trigger: with(base(), |a| {
        a.set_yes_no(Q::SignOffPrivacyInformation, NotSure);
    }),
    silent: base(),
);

case!(
    checklist_incomplete,
    "record.checklist-incomplete",
    trigger: with(base(), |a| {
        let some: Vec<&str> = checklist::OPTIONS.iter().skip(1).map(|c| c.key).collect();
        a.set_choices(Q::SignOffChecklist, &some);
    }),
    silent: base(),
);

case!(
    date_not_valid,
    "record.date-not-valid",
    trigger: with(base(), |a| {
        a.set_text(Q::SignOffCompletedDate, "10.12.24");
    }),
    silent: base(),
);

/// Without today's date the review-overdue rule has nothing to compare with.
#[test]
fn review_overdue_needs_today() {
    let a = with(base(), |a| {
        a.set_text(Q::SignOffReviewDate, "2026-05-01");
    });
    assert!(!check(&a, None)
        .iter()
        .any(|f| f.id == "record.review-overdue"));
}
