//! The organisation's findings in the one-pass evaluation (issue 29): its checks, its
//! screening questions and its review policy raise findings beside the rules', counted,
//! blocking sign-off and marking sections as the rules' do, each with its `org.` id,
//! the question it points at and the settings as its source; near misses raise none,
//! and an assessment made under other settings gets none.

use lia::assessment::model::YesNo;
use lia::assessment::questions::{QuestionId, Section};
use lia::assessment::rules::{Cited, Severity};
use lia::assessment::{Assessment, Date, Evaluation, SectionStatus};
use lia::organisation::answering::{answer, start_under};
use lia::organisation::evaluate::{evaluation, outcome};
use lia::organisation::{read, Answer, Settings};

const EXAMPLE: &str = include_str!("../docs/settings.example.json");
const TODAY: Option<Date> = Date::new(2026, 12, 6);

fn settings() -> Settings {
    read(EXAMPLE).unwrap()
}

/// An example assessment made under the settings, the system named (a required question),
/// and its review within the settings' 12 months.
fn made_under(s: &Settings) -> Assessment {
    let mut a = example("a1");
    start_under(&mut a, s);
    assert!(answer(
        &mut a,
        s,
        "system",
        Some(Answer::Text("HR system".into()))
    ));
    a
}

fn example(id: &str) -> Assessment {
    let mut a = (lia::assessment::examples::example("emergency-contacts")
        .unwrap()
        .build)(id);
    a.set_text(QuestionId::SignOffCompletedDate, "2026-05-01");
    a.set_text(QuestionId::SignOffReviewDate, "2027-05-01");
    a
}

fn org_ids(e: &Evaluation) -> Vec<String> {
    e.outcome
        .findings
        .iter()
        .filter(|f| f.rule().is_none())
        .map(|f| f.id.to_string())
        .collect()
}

#[test]
fn a_check_raises_its_finding_beside_the_rules_and_its_near_miss_does_not() {
    let s = settings();
    let mut a = made_under(&s);
    let before = evaluation(&a, Some(&s), TODAY);
    assert_eq!(org_ids(&before), Vec::<String>::new());
    answer(&mut a, &s, "cctv", Some(Answer::YesNo(YesNo::No)));
    assert_eq!(
        org_ids(&evaluation(&a, Some(&s), TODAY)),
        Vec::<String>::new()
    );

    answer(&mut a, &s, "cctv", Some(Answer::YesNo(YesNo::Yes)));
    let after = evaluation(&a, Some(&s), TODAY);
    assert_eq!(org_ids(&after), ["org.cctv-needs-dpia"]);
    let f = after
        .outcome
        .findings
        .iter()
        .find(|f| f.id == "org.cctv-needs-dpia")
        .unwrap();
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.section, Section::Nature);
    assert_eq!(f.organisation_question.as_deref(), Some("cctv"));
    assert!(f.questions.is_empty());
    assert_eq!(
        f.message,
        "Our policy is a DPIA for every use of CCTV: record its reference in the DPIA section."
    );
    assert_eq!(
        f.source,
        Cited::Settings {
            name: s.name.clone(),
            revision: "2026.1".into()
        }
    );
    // Counted with the rules' warnings, and the rules' own findings unchanged.
    assert_eq!(
        after.outcome.counts.warnings,
        before.outcome.counts.warnings + 1
    );
    let rules = |e: &Evaluation| -> Vec<&'static str> {
        e.outcome.findings.iter().filter_map(|f| f.rule()).collect()
    };
    assert_eq!(rules(&after), rules(&Evaluation::of(&a, TODAY)));
}

#[test]
fn an_organisation_blocker_stops_sign_off_and_marks_its_section() {
    let s = settings();
    let mut a = made_under(&s);
    let ready = outcome(&a, Some(&s), TODAY).sign_off_refusals;
    answer(&mut a, &s, "igb", Some(Answer::Choice("not-yet".into())));
    let o = outcome(&a, Some(&s), TODAY);
    let message =
        "The Information Governance Board must see an assessment before it is signed off.";
    assert!(!o.ready_for_sign_off);
    assert!(
        o.sign_off_refusals.iter().any(|r| r == message),
        "{:?}",
        o.sign_off_refusals
    );
    assert_eq!(o.sign_off_refusals.len(), ready.len() + 1);
    assert_eq!(o.status(Section::Decision), SectionStatus::HasProblems);
    // Its near miss: the board has seen it.
    answer(&mut a, &s, "igb", Some(Answer::Choice("noted".into())));
    assert_eq!(outcome(&a, Some(&s), TODAY).sign_off_refusals, ready);
}

#[test]
fn the_review_interval_policy_and_an_added_screening_question_raise_their_findings() {
    let s = settings();
    let mut a = made_under(&s);
    a.set_text(QuestionId::SignOffCompletedDate, "2026-01-31");
    a.set_text(QuestionId::SignOffReviewDate, "2027-01-31");
    assert_eq!(
        org_ids(&evaluation(&a, Some(&s), TODAY)),
        Vec::<String>::new()
    );
    a.set_text(QuestionId::SignOffReviewDate, "2027-02-01");
    let e = evaluation(&a, Some(&s), TODAY);
    assert_eq!(org_ids(&e), ["org.policy.review-interval"]);
    let f = &e
        .outcome
        .findings
        .iter()
        .find(|f| f.rule().is_none())
        .unwrap();
    assert_eq!(f.questions, [QuestionId::SignOffReviewDate]);
    assert_eq!(f.organisation_question, None);

    a.set_text(QuestionId::SignOffReviewDate, "2027-01-31");
    answer(
        &mut a,
        &s,
        "tenancy-decisions",
        Some(Answer::YesNo(YesNo::Yes)),
    );
    let e = evaluation(&a, Some(&s), TODAY);
    assert_eq!(org_ids(&e), ["org.screening.tenancy-decisions"]);
    answer(
        &mut a,
        &s,
        "tenancy-decisions",
        Some(Answer::YesNo(YesNo::No)),
    );
    assert_eq!(
        org_ids(&evaluation(&a, Some(&s), TODAY)),
        Vec::<String>::new()
    );
}

#[test]
fn without_the_settings_or_under_others_there_are_no_organisation_findings() {
    let s = settings();
    let mut a = made_under(&s);
    answer(&mut a, &s, "cctv", Some(Answer::YesNo(YesNo::Yes)));
    assert_eq!(evaluation(&a, None, TODAY), Evaluation::of(&a, TODAY));
    let other = read(&EXAMPLE.replace("2026.1", "2026.2")).unwrap();
    assert_eq!(
        org_ids(&evaluation(&a, Some(&other), TODAY)),
        Vec::<String>::new()
    );
    // A draft made under none yet is asked the questions, so its checks run.
    let mut fresh = example("a2");
    assert!(fresh.organisation.is_none());
    answer(&mut fresh, &s, "cctv", Some(Answer::YesNo(YesNo::Yes)));
    assert_eq!(
        org_ids(&evaluation(&fresh, Some(&s), TODAY)),
        ["org.cctv-needs-dpia"]
    );
}

/// "Check your answers" lists the organisation's questions of each section with their
/// answers: under the settings loaded here, every one of them, answered or not, with a
/// "Change" link; under other settings, the answers given, none changeable.
#[test]
fn check_your_answers_lists_each_organisation_question_of_a_section() {
    use lia::organisation::answering::{summary, Summary};
    let s = settings();
    let mut a = made_under(&s);
    let row = |id: &str, label: &str, shown: Option<&str>, changeable| Summary {
        id: id.into(),
        label: label.into(),
        shown: shown.map(String::from),
        changeable,
    };
    assert_eq!(
        summary(&a, Some(&s), Section::Nature),
        [row("cctv", "Does this involve CCTV?", None, true)]
    );
    answer(&mut a, &s, "cctv", Some(Answer::YesNo(YesNo::Yes)));
    answer(&mut a, &s, "igb", Some(Answer::Choice("noted".into())));
    assert_eq!(
        summary(&a, Some(&s), Section::Nature),
        [row("cctv", "Does this involve CCTV?", Some("Yes"), true)]
    );
    assert_eq!(
        summary(&a, Some(&s), Section::Decision),
        [row(
            "igb",
            "Has the Information Governance Board seen this?",
            Some("Yes, for information"),
            true
        )]
    );
    // The added screening question, in the DPIA section.
    let dpia = summary(&a, Some(&s), Section::Dpia);
    assert_eq!(
        dpia.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["tenancy-decisions"]
    );
    assert_eq!(dpia[0].shown, None);
    // Where the settings are not loaded: the answers given, as given, read-only.
    assert_eq!(
        summary(&a, None, Section::Decision),
        [row(
            "igb",
            "Has the Information Governance Board seen this?",
            Some("Yes, for information"),
            false
        )]
    );
    assert_eq!(summary(&a, None, Section::Dpia), []);
    assert_eq!(summary(&example("plain"), None, Section::Nature), []);
}
