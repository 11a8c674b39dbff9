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
        );
    let o = outcome(&a, Some(TODAY));
    for section in [Section::Nature, Section::Expectations, Section::Impact] {
        assert!(
            matches!(o.status(section), SectionStatus::NotApplicable(reason) if reason.contains("no balancing test"))
        );
    }
    let ctx = Ctx::new(&a, Some(TODAY));
    assert!(!ctx.is_visible(Q::NatureSpecial) && !ctx.is_visible(Q::ImpactOptOut));
    assert!(ctx.is_visible(Q::NecessityHelps));
    assert_eq!(o.completed_sections(), (7, 7));
    assert!(o.ready_for_sign_off, "{:?}", o.sign_off_refusals);
    // Balancing answers are kept, not deleted: turning the route off brings them back.
    a.set_yes_no(Q::TriageRecognised, No);
    assert_eq!(outcome(&a, Some(TODAY)).completed_sections(), (10, 10));
}

#[test]
fn the_reading_follows_what_weighs_against_the_processing() {
    let mut a = base();
    a.set_yes_no(Q::ImpactObject, Yes);
    assert_eq!(outcome(&a, Some(TODAY)).reading, Reading::Borderline);
    a.set_yes_no(Q::TriagePublicAuthority, Yes)
        .set_yes_no(Q::TriagePublicTask, Yes);
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
fn saving_a_section_confirms_the_suggestions_left_in_place() {
    use lia::assessment::validation::confirm_suggestions;
    let mut a = base();
    a.set_choices(Q::AboutData, &["contact", "genetic"]);
    a.answers.clear(Q::DpiaGenetic);
    a.answers.clear(Q::DpiaBiometric);
    a.set_yes_no(Q::DpiaTracking, NotSure);
    assert_eq!(validate(&Ctx::new(&a, None), Section::Dpia).len(), 2);
    assert_eq!(confirm_suggestions(&mut a, Section::Dpia), 2);
    assert_eq!(
        a.answers.get(Q::DpiaGenetic),
        Some(&lia::assessment::Answer::YesNo(Yes))
    );
    assert_eq!(
        a.answers.get(Q::DpiaBiometric),
        Some(&lia::assessment::Answer::YesNo(No))
    );
    // The user's own answer is never replaced by a suggestion.
    assert_eq!(
        a.answers.get(Q::DpiaTracking),
        Some(&lia::assessment::Answer::YesNo(NotSure))
    );
    assert!(validate(&Ctx::new(&a, None), Section::Dpia).is_empty());
    assert_eq!(confirm_suggestions(&mut a, Section::Dpia), 0);
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
