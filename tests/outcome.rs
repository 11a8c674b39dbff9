//! The outcome (section statuses, readiness, DPIA result, reading), validation of a
//! section, and the record's life: approval and review.

use lia::assessment::choices::{decision, recognised};
use lia::assessment::examples::example;
use lia::assessment::lifecycle::{approve, start_review};
use lia::assessment::model::{HarmSeverity, Impact, Likelihood, Status, YesNo::*};
use lia::assessment::outcome::{Counts, DpiaOutcome};
use lia::assessment::validation::validate;
use lia::assessment::{
    outcome, Assessment, Ctx, Date, QuestionId as Q, Reading, Section, SectionStatus,
};

const TODAY: Date = match Date::new(2026, 11, 22) {
    Some(d) => d,
    None => panic!("a real date"),
};

fn base() -> Assessment {
    (example("emergency-contacts").unwrap().build)("base")
}

#[test]
fn a_new_assessment_has_not_started_and_cannot_be_signed_off() {
    let a = Assessment::new("new");
    let o = outcome(&a, Some(TODAY));
    assert!(o
        .sections
        .iter()
        .all(|s| s.status == SectionStatus::NotStarted));
    assert_eq!(o.counts, Counts::default());
    assert_eq!(o.reading, Reading::TooEarly);
    assert_eq!(o.dpia, DpiaOutcome::NotYetKnown);
    assert!(!o.ready_for_sign_off);
    assert_eq!(o.sign_off_refusals.len(), Section::ALL.len());
    assert_eq!(o.completed_sections(), (0, 10));
}

#[test]
fn a_complete_clean_assessment_is_ready() {
    let o = outcome(&base(), Some(TODAY));
    assert!(
        o.sections
            .iter()
            .all(|s| s.status == SectionStatus::Completed),
        "{:?}",
        o.sections
    );
    assert_eq!(o.completed_sections(), (10, 10));
    assert!(o.ready_for_sign_off);
    assert!(o.sign_off_refusals.is_empty());
}

#[test]
fn statuses_show_progress_and_problems() {
    let mut a = base();
    a.answers.clear(Q::PurposeImportance);
    a.set_yes_no(Q::NecessityHelps, No);
    let o = outcome(&a, Some(TODAY));
    assert_eq!(o.status(Section::Purpose), SectionStatus::InProgress);
    assert_eq!(o.status(Section::Necessity), SectionStatus::HasProblems);
    assert_eq!(o.status(Section::About), SectionStatus::Completed);
    assert_eq!(o.counts.blockers, 2, "{:?}", o.findings); // does-not-help, and "yes" with it
    assert!(o
        .sign_off_refusals
        .iter()
        .any(|r| r.contains(Section::Purpose.title())));
    assert!(!o.ready_for_sign_off);
}

#[test]
fn a_recognised_legitimate_interest_needs_no_balancing_test() {
    let mut a = base();
    a.set_yes_no(Q::TriageRecognised, Yes)
        .set_choice(Q::TriageRecognisedCondition, recognised::SAFEGUARDING)
        .set_text(
            Q::TriageRecognisedDetail,
            "Telling family when an employee is at risk.",
        )
        .set_yes_no(Q::SignOffPrivacyRecognised, Yes);
    let o = outcome(&a, Some(TODAY));
    for section in [Section::Expectations, Section::Impact] {
        assert!(
            matches!(o.status(section), SectionStatus::NotApplicable(reason) if reason.contains("no balancing test"))
        );
    }
    // The nature of the data still applies: special category and criminal offence data
    // need their conditions whatever the route. Only its weighing questions go.
    assert_eq!(o.status(Section::Nature), SectionStatus::Completed);
    let ctx = Ctx::new(&a, Some(TODAY));
    for q in [Q::NatureSpecial, Q::NatureCriminal] {
        assert!(ctx.is_visible(q), "{q:?}");
    }
    for q in [
        Q::NaturePrivate,
        Q::NatureChildren,
        Q::NatureCapacity,
        Q::ImpactOptOut,
        Q::SignOffPrivacyInformation,
    ] {
        assert!(!ctx.is_visible(q), "{q:?}");
    }
    assert!(ctx.is_visible(Q::NecessityHelps) && ctx.is_visible(Q::DpiaProfiling));
    assert!(ctx.is_visible(Q::SignOffPrivacyRecognised));
    assert_eq!(o.completed_sections(), (8, 8));
    assert!(o.ready_for_sign_off, "{:?}", o.sign_off_refusals);
    // Balancing answers are kept, not deleted: turning the route off brings them back.
    a.set_yes_no(Q::TriageRecognised, No);
    assert_eq!(outcome(&a, Some(TODAY)).completed_sections(), (10, 10));
}

/// Health data shared under a recognised legitimate interest still needs its Article 9
/// condition: the assessment is not ready until it has one (issue 15).
#[test]
fn special_category_data_needs_its_condition_on_the_recognised_route_too() {
    use lia::assessment::choices::{art9, data};
    let mut a = base();
    a.set_yes_no(Q::TriageRecognised, Yes)
        .set_choice(Q::TriageRecognisedCondition, recognised::SAFEGUARDING)
        .set_text(
            Q::TriageRecognisedDetail,
            "Telling a social worker about an employee at risk of harm.",
        )
        .set_yes_no(Q::SignOffPrivacyRecognised, Yes)
        .set_choices(Q::AboutData, &[data::CONTACT, data::HEALTH])
        .set_yes_no(Q::NatureSpecial, Yes);
    let o = outcome(&a, Some(TODAY));
    assert!(
        o.findings
            .iter()
            .any(|f| f.id == "nature.special-category.no-condition"),
        "{:?}",
        o.findings
    );
    assert_eq!(o.status(Section::Nature), SectionStatus::HasProblems);
    assert!(!o.ready_for_sign_off);
    a.set_choice(Q::NatureArt9, art9::PUBLIC_INTEREST).set_text(
        Q::NatureSchedule1,
        "Schedule 1, Part 2, paragraph 18 (safeguarding of children and individuals at risk).",
    );
    let o = outcome(&a, Some(TODAY));
    assert!(o.ready_for_sign_off, "{:?}", o.sign_off_refusals);
}

#[test]
fn the_reading_follows_what_weighs_against_the_processing() {
    let mut a = base();
    a.set_yes_no(Q::ImpactObject, Yes);
    assert_eq!(outcome(&a, Some(TODAY)).reading, Reading::Borderline);
    a.set_yes_no(Q::TriagePublicAuthority, Yes)
        .set_yes_no(Q::TriagePublicTask, Yes);
    // A public authority's tasks point to public task (Article 6(1)(e)), not consent.
    let reading = outcome(&a, Some(TODAY)).reading;
    assert_eq!(reading, Reading::PublicTask);
    assert!(reading.label().contains("public task (Article 6(1)(e))"));
    assert!(!reading.label().contains("consent"));
    a.set_yes_no(Q::TriagePublicTask, No)
        .set_yes_no(Q::PurposeOtherLaws, No);
    assert_eq!(outcome(&a, Some(TODAY)).reading, Reading::Unlikely);
    let mut b = base();
    b.set_choice(Q::DecisionRely, decision::NO);
    assert_eq!(outcome(&b, Some(TODAY)).reading, Reading::Unlikely);
    assert_eq!(outcome(&base(), Some(TODAY)).reading, Reading::Appropriate);
}

#[test]
fn a_high_residual_risk_requires_a_dpia_even_without_a_screening_trigger() {
    let mut a = base();
    a.push_impact(Impact {
        id: 0,
        description: "Violence if an address leaks".into(),
        likelihood: Some(Likelihood::Possible),
        severity: Some(HarmSeverity::Severe),
        safeguards: String::new(),
        residual_likelihood: None,
        residual_severity: None,
    });
    let o = outcome(&a, Some(TODAY));
    assert_eq!(o.dpia, DpiaOutcome::Required { done: false });
    assert!(o
        .findings
        .iter()
        .any(|f| f.id == "impact.high-risk.dpia-required"));
}

#[test]
fn validation_names_each_problem_in_page_order() {
    let mut a = base();
    a.answers.clear(Q::SignOffCompletedName);
    a.set_text(Q::SignOffReviewDate, "2027-02-30");
    let ctx = Ctx::new(&a, Some(TODAY));
    let errors = validate(&ctx, Section::SignOff);
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "Enter the name of the person who completed the assessment",
            "Next review date must be a real date, written as year-month-day, for example 2025-03-27",
        ]
    );
    assert_eq!(errors[0].question, Q::SignOffCompletedName);
    // Optional and hidden questions are never errors.
    let mut b = base();
    b.answers.clear(Q::PurposeThirdParties);
    b.set_yes_no(Q::PurposeEthics, No);
    assert!(validate(&Ctx::new(&b, None), Section::Purpose).is_empty());
}

#[test]
fn validation_checks_impacts_and_exclusive_options() {
    let mut a = base();
    a.impacts.clear();
    a.set_choices(Q::ImpactHarms, &["none", "physical-harm"]);
    let messages: Vec<String> = validate(&Ctx::new(&a, None), Section::Impact)
        .into_iter()
        .map(|e| e.message)
        .collect();
    assert_eq!(
        messages,
        [
            "Select \"None of these\" on its own, or untick it",
            "Add at least one impact, even if it is minimal",
        ]
    );
    let id = a.add_impact();
    a.impact_mut(id).unwrap().description = "Something".into();
    a.set_choices(Q::ImpactHarms, &["none"]);
    let messages: Vec<String> = validate(&Ctx::new(&a, None), Section::Impact)
        .into_iter()
        .map(|e| e.message)
        .collect();
    assert_eq!(
        messages,
        ["Describe impact 1 and choose its likelihood and severity"]
    );
}

#[test]
fn a_suggestion_is_never_an_answer_until_it_is_chosen() {
    use lia::assessment::{Answer, Evaluation};
    let mut a = base();
    a.set_choices(Q::AboutData, &["contact", "genetic"]);
    a.answers.clear(Q::DpiaGenetic);
    a.answers.clear(Q::DpiaBiometric);
    a.set_yes_no(Q::DpiaTracking, NotSure);
    let before = a.clone();
    // Issue 26: a suggestion is not pre-selected and not an answer: the page is refused
    // for exactly the questions that show only a suggestion, and the section is not
    // complete.
    let evaluation = Evaluation::of(&a, Some(TODAY));
    let refused: Vec<Q> = match evaluation.save_and_continue(Section::Dpia) {
        Err(errors) => errors.iter().map(|e| e.question).collect(),
        Ok(next) => panic!("saved with suggestions unanswered, going to {next:?}"),
    };
    assert_eq!(refused, [Q::DpiaBiometric, Q::DpiaGenetic]);
    assert_eq!(
        evaluation.outcome.status(Section::Dpia),
        lia::assessment::SectionStatus::InProgress
    );
    // Nothing is written.
    assert_eq!(a, before);
    assert_eq!(a.answers.get(Q::DpiaGenetic), None);
    // Shown as a suggestion with its reason, never as the answer.
    let suggestion = evaluation.visibility.suggestion(Q::DpiaGenetic).unwrap();
    assert_eq!(
        suggestion.sentence(),
        "Suggested: Yes, because you selected genetic data under \"Kinds of data\"."
    );
    let row = |q: Q| {
        evaluation
            .rows(Section::Dpia)
            .iter()
            .find(|(r, _)| *r == q)
            .map(|(_, shown)| shown.clone())
    };
    use lia::assessment::display::Shown;
    assert_eq!(row(Q::DpiaGenetic), Some(Shown::Suggested("Yes")));
    assert_eq!(row(Q::DpiaBiometric), Some(Shown::Suggested("No")));
    assert_eq!(row(Q::DpiaTracking), Some(Shown::Text("Not sure".into())));
    // The rules treat them as unconfirmed: a finding points at each, none is a blocker,
    // and the suggested yes makes no DPIA required until it is chosen.
    let o = outcome(&a, Some(TODAY));
    let unconfirmed = o
        .findings
        .iter()
        .find(|f| f.id == "dpia.suggestion-unconfirmed")
        .expect("a finding points at the suggestions");
    assert_eq!(unconfirmed.questions, [Q::DpiaBiometric, Q::DpiaGenetic]);
    assert_eq!(o.counts.blockers, 0, "{:?}", o.findings);
    assert_eq!(o.dpia, DpiaOutcome::NotYetKnown);
    // Using the suggestions (the page's control sets them as the answers): now the page
    // saves, and the confirmed yes makes a DPIA required.
    a.set_yes_no(Q::DpiaGenetic, Yes)
        .set_yes_no(Q::DpiaBiometric, No);
    assert_eq!(a.answers.get(Q::DpiaGenetic), Some(&Answer::YesNo(Yes)));
    let evaluation = Evaluation::of(&a, Some(TODAY));
    assert_eq!(
        evaluation.save_and_continue(Section::Dpia),
        Ok(Some(Section::Decision))
    );
    assert_eq!(
        evaluation.outcome.dpia,
        DpiaOutcome::Required { done: false }
    );
}

#[test]
fn approval_is_refused_while_a_blocker_remains_and_allowed_once_resolved() {
    let mut a = base();
    a.answers.clear(Q::SignOffApprovedDate);
    a.set_yes_no(Q::PurposeOtherLaws, No);
    let reasons = approve(&mut a, TODAY).unwrap_err();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("not complying with other relevant laws")),
        "{reasons:?}"
    );
    assert_eq!(a.status, Status::Draft);
    assert!(!a.is_read_only());

    a.set_yes_no(Q::PurposeOtherLaws, Yes);
    approve(&mut a, TODAY).unwrap();
    assert_eq!(a.status, Status::Approved);
    assert!(a.is_read_only());
    assert_eq!(
        a.answers.get(Q::SignOffApprovedDate),
        Some(&lia::assessment::Answer::Text("2026-11-22".into()))
    );
    assert!(
        approve(&mut a, TODAY).is_err(),
        "an approved record cannot be approved again"
    );
}

#[test]
fn a_review_is_a_new_linked_draft_and_leaves_the_approved_record_alone() {
    let mut approved = base();
    approve(&mut approved, TODAY).unwrap();
    let before = approved.clone();
    let review = start_review(&approved, "review-1", Date::new(2027, 4, 1).unwrap());
    assert_eq!(approved, before);
    assert_eq!(review.id, "review-1");
    assert_eq!(review.version, 2);
    assert_eq!(review.status, Status::Draft);
    assert_eq!(review.review_of.as_deref(), Some("base"));
    assert_eq!(review.review_log.len(), 1);
    assert!(review.review_log[0].note.contains("version 1"));
    for q in [
        Q::SignOffApprovedName,
        Q::SignOffApprovedDate,
        Q::SignOffReviewDate,
        Q::SignOffCompletedDate,
    ] {
        assert!(
            review.answers.get(q).is_none(),
            "{q:?} must be signed off again"
        );
    }
    assert_eq!(
        review.answers.get(Q::PurposeWhy),
        approved.answers.get(Q::PurposeWhy)
    );
    // Processing has started since the first assessment: that is not retrospective.
    let mut started = review.clone();
    started.set_yes_no(Q::AboutStarted, Yes);
    assert!(!outcome(&started, Some(TODAY))
        .findings
        .iter()
        .any(|f| f.id == "record.retrospective"));
}

#[test]
fn a_whole_assessment_round_trips_through_json() {
    let mut a = (example("credit-reference").unwrap().build)("x");
    a.review_of = Some("older".into());
    a.version = 3;
    let json = serde_json::to_string_pretty(&a).unwrap();
    let back: Assessment = serde_json::from_str(&json).unwrap();
    assert_eq!(back, a);
    // Unknown top-level fields are refused rather than silently dropped.
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value["surprise"] = serde_json::json!(1);
    assert!(serde_json::from_value::<Assessment>(value).is_err());
}

// ---- which rules checked it (issue 26) ------------------------------------------------

#[test]
fn approval_records_the_catalogue_that_checked_it_outside_the_approved_content() {
    use lia::assessment::catalogue::CATALOGUE_VERSION;
    use lia::assessment::content_digest;
    let mut a = base();
    a.answers.clear(Q::SignOffApprovedDate);
    let before = content_digest(&a);
    approve(&mut a, TODAY).unwrap();
    assert_eq!(a.rules_version, Some(CATALOGUE_VERSION));
    assert_eq!(
        content_digest(&a),
        before,
        "the version is not approved content"
    );
    // A review is checked afresh.
    assert_eq!(start_review(&a, "r", TODAY).rules_version, None);
}

#[test]
fn a_record_approved_under_an_earlier_catalogue_says_what_is_new() {
    use lia::assessment::catalogue::{since_checked, CATALOGUE_VERSION};
    use lia::assessment::Evaluation;
    let mut a = base();
    a.status = Status::Approved;
    // Today's rules find three things in it from rules new in version 2, and one older.
    a.set_text(Q::DecisionFactorsAgainst, "Nothing.")
        .set_yes_no(Q::ImpactObject, Yes)
        .answers
        .clear(Q::AboutRetention);
    let findings = outcome(&a, Some(TODAY)).findings;
    assert!(findings.iter().any(|f| f.id == "impact.likely-objection"));
    // Approved under version 1: the three are new, the older rule's finding is not.
    a.rules_version = Some(1);
    let note = since_checked(&a, &findings).expect("new findings");
    let mut new = note.new.clone();
    new.sort();
    assert_eq!(
        new,
        [
            "decision.factors-thin",
            "decision.yes-against-reading",
            "record.retention-missing"
        ]
    );
    assert_eq!(
        note.sentence(),
        "Checked with an earlier version of the rules (version 1, this is version 2): 3 new findings."
    );
    assert_eq!(Evaluation::of(&a, Some(TODAY)).since_checked, Some(note));
    // Approved before records kept the version: version 1.
    a.rules_version = None;
    assert_eq!(since_checked(&a, &findings).map(|n| n.version), Some(1));
    // Checked by today's catalogue: nothing to say.
    a.rules_version = Some(CATALOGUE_VERSION);
    assert_eq!(since_checked(&a, &findings), None);
    // A draft is checked by today's rules as it is written.
    a.rules_version = Some(1);
    a.status = Status::Draft;
    assert_eq!(since_checked(&a, &findings), None);
}

#[test]
fn every_rule_new_in_a_version_exists() {
    use lia::assessment::catalogue::{follows, CATALOGUE_VERSION, NEW_IN, VERSIONS};
    use lia::assessment::rules::catalogue;
    for (version, ids) in NEW_IN {
        assert!(*version <= CATALOGUE_VERSION);
        for id in *ids {
            assert!(catalogue().any(|r| r.id == *id), "{id} is not a rule");
        }
    }
    assert!(VERSIONS.iter().any(|(v, _)| *v == CATALOGUE_VERSION));
    assert!(follows(CATALOGUE_VERSION).contains("2026"));
}
