//! The organisation's findings go wherever the rules' go, where its settings are loaded:
//! the JSON export's outcome, the HTML report (and the JSON inside it), the Word and
//! OpenDocument files, the register's counts, the approval's own check (the author's and
//! the approver's), and a warning accepted with a reason, which opens again when the
//! organisation's answer it is about changes. Without the settings, none of them has an
//! organisation's finding.

use std::sync::Arc;

use lia::assessment::accepted::{accept, standing, Standing};
use lia::assessment::examples::example;
use lia::assessment::questions::{AnswerKind, Section};
use lia::assessment::{Assessment, Date, YesNo};
use lia::export::{to_docx_with_previous, to_html_with_previous, to_json, to_json_under, to_odt};
use lia::handover::Trust;
use lia::organisation::answering::{answer, start_under};
use lia::organisation::evaluate::{evaluation, findings_under};
use lia::organisation::{read, Answer, Settings};
use serde_json::Value;

// Reading the files' text is the reports' tests' own (the same test binary).
use super::organisation_reports::{entry, xml_text};

const AT: &str = "2026-12-06T10:00:00Z";
const TODAY: Date = Date {
    year: 2026,
    month: 12,
    day: 6,
};
const IGB: &str =
    "The Information Governance Board must see an assessment before it is signed off.";
const CCTV: &str =
    "Our policy is a DPIA for every use of CCTV: record its reference in the DPIA section.";

fn settings() -> Settings {
    read(include_str!("../docs/settings.example.json")).unwrap()
}

/// The emergency-contacts example made under the example settings, their CCTV question
/// answered yes (a warning) and the board's "not yet" (a blocker).
fn made_under(s: &Settings) -> Assessment {
    let mut a = (example("emergency-contacts").unwrap().build)("org-exports");
    // Due for review within the settings' 12 months of its completion (2026-04-14).
    a.set_text(lia::assessment::QuestionId::SignOffReviewDate, "2027-04-01");
    start_under(&mut a, s);
    for (id, given) in [
        ("system", Answer::Text("Orchard HMS".into())),
        ("cctv", Answer::YesNo(YesNo::Yes)),
        ("igb", Answer::Choice("not-yet".into())),
        ("tenancy-decisions", Answer::YesNo(YesNo::No)),
    ] {
        assert!(answer(&mut a, s, id, Some(given)), "{id} answered");
    }
    a
}

fn trust() -> Trust {
    Trust::default()
}

/// The JSON export's findings with an `org.` id: (id, organisation_question, citation,
/// url, version).
fn org_findings(json: &str) -> Vec<[String; 5]> {
    let value = serde_json::from_str::<serde_json::Value>(json).unwrap();
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("-").to_string();
    value["outcome"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["id"].as_str().is_some_and(|id| id.starts_with("org.")))
        .map(|f| {
            [
                text(f.get("id")),
                text(f.get("organisation_question")),
                text(f["source"].get("citation")),
                text(f["source"].get("url")),
                text(f["source"].get("version")),
            ]
        })
        .collect()
}

#[test]
fn the_json_export_s_outcome_has_them_with_the_settings_as_their_source() {
    let s = settings();
    let a = made_under(&s);
    let name = s.name.clone();
    let expected = |id: &str, question: &str| {
        [
            id.to_string(),
            question.to_string(),
            name.clone(),
            String::new(),
            "2026.1".to_string(),
        ]
    };
    let mut found = org_findings(&to_json_under(&a, AT, Some(TODAY), Some(&s)));
    found.sort();
    assert_eq!(
        found,
        [
            expected("org.cctv-needs-dpia", "cctv"),
            expected("org.igb-not-yet", "igb")
        ]
    );
    // Its outcome is the app's: the blocker stops sign-off there too.
    let value =
        serde_json::from_str::<serde_json::Value>(&to_json_under(&a, AT, Some(TODAY), Some(&s)))
            .unwrap();
    assert_eq!(
        value["outcome"]["ready_for_sign_off"].as_bool(),
        Some(false)
    );
    assert!(value["outcome"]["sign_off_refusals"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r.as_str() == Some(IGB)));
    // Without the settings (or through `to_json`), none.
    assert!(org_findings(&to_json_under(&a, AT, Some(TODAY), None)).is_empty());
    assert!(org_findings(&to_json(&a, AT, Some(TODAY))).is_empty());
}

#[test]
fn the_reports_list_them_with_their_question_and_source() {
    let s = settings();
    let a = made_under(&s);
    let html = to_html_with_previous(&a, None, AT, Some(TODAY), &trust(), Some(&s));
    assert!(html.contains(IGB));
    assert!(html.contains(CCTV));
    assert!(html.contains(
        "About: Has the Information Governance Board seen this?. Source: Riverside Housing \
         Association: legitimate interests assessments, revision 2026.1. Rule org.igb-not-yet."
    ));
    // The JSON inside the report, which an import reads, has the same outcome.
    let inside = html
        .split("<script type=\"application/json\"")
        .nth(1)
        .unwrap();
    assert!(inside.contains("\"id\": \"org.igb-not-yet\""));
    let without = to_html_with_previous(&a, None, AT, Some(TODAY), &trust(), None);
    assert!(!without.contains(IGB) && !without.contains("org.igb-not-yet"));

    for text in [
        xml_text(&entry(
            &to_docx_with_previous(&a, None, AT, Some(TODAY), &trust(), Some(&s)),
            "word/document.xml",
        )),
        xml_text(&entry(
            &to_odt(&a, None, AT, Some(TODAY), &trust(), Some(&s)),
            "content.xml",
        )),
    ] {
        assert!(text.contains(IGB), "the blocker's message");
        assert!(text.contains(CCTV), "the warning's message");
        assert!(text.contains("Rule org.cctv-needs-dpia."));
        assert!(text.contains("About: Does this involve CCTV?."));
    }
    let word = xml_text(&entry(
        &to_docx_with_previous(&a, None, AT, Some(TODAY), &trust(), None),
        "word/document.xml",
    ));
    assert!(!word.contains(IGB));
}

#[test]
fn the_register_counts_them_where_the_settings_are_loaded() {
    use lia::register::{Register, Row};
    let s = settings();
    let a = made_under(&s);
    let without = Row::of(&a, TODAY, &trust());
    let under = Row::under(&a, TODAY, &trust(), Some(&s));
    assert_eq!(under.blockers, without.blockers + 1);
    assert_eq!(under.warnings, without.warnings + 1);

    // A register read from files counts them again when the settings are loaded.
    let mut register = Register::new(TODAY);
    register.read("a.json", to_json(&a, AT, Some(TODAY)).as_bytes());
    let counts = |r: &Register| {
        let row = &r.entries()[0].row;
        (row.blockers, row.warnings)
    };
    assert_eq!(counts(&register), (without.blockers, without.warnings));
    register.set_settings(Some(Arc::new(s.clone())));
    assert_eq!(counts(&register), (under.blockers, under.warnings));
    register.set_settings(None);
    assert_eq!(counts(&register), (without.blockers, without.warnings));
}

#[test]
fn an_organisation_s_blocker_refuses_the_approval_by_the_author_and_the_approver() {
    use lia::assessment::lifecycle::{approve, approve_with};
    let s = settings();
    let mut a = made_under(&s);
    let blocking = findings_under(&a, Some(&s), Some(TODAY));
    let reasons = approve_with(&mut a.clone(), TODAY, blocking.clone()).unwrap_err();
    assert_eq!(reasons, [IGB]);
    assert_eq!(
        approve(&mut a.clone(), TODAY),
        Ok(()),
        "without the settings"
    );

    // Whoever approves it fills these in when it is sent.
    for q in lia::assessment::digest::APPROVAL_ANSWERS {
        a.answers.clear(q);
    }
    // The approver's decision, in a browser where the settings are loaded.
    #[path = "fixtures/approver/mod.rs"]
    mod approver;
    let sam = approver::TestApprover::sam();
    lia::handover::send(&mut a, TODAY).unwrap();
    let decide = |findings: &[lia::assessment::rules::Finding]| {
        lia::handover::decide(
            &a,
            &approver::approve_form(),
            &lia::handover::Approver {
                signer: Some(&sam.signer),
                author_here: false,
                self_approval: false,
                findings,
            },
            TODAY,
        )
    };
    assert_eq!(
        decide(&blocking).err(),
        Some(vec![lia::handover::DecisionProblem::NotReady(vec![
            IGB.to_string()
        ])])
    );
    assert!(decide(&[]).is_ok());
}

#[test]
fn an_accepted_organisation_warning_opens_again_when_its_answer_changes_not_others() {
    let s = settings();
    let mut a = made_under(&s);
    let warning = || {
        evaluation(&a, Some(&s), Some(TODAY))
            .outcome
            .findings
            .into_iter()
            .find(|f| f.id == "org.cctv-needs-dpia")
            .unwrap()
    };
    let f = warning();
    let open = |a: &Assessment| evaluation(a, Some(&s), Some(TODAY)).outcome.counts.warnings;
    let before = open(&a);
    accept(
        &mut a,
        &f,
        "The cameras are covered by DPIA-2024-07.",
        TODAY,
    )
    .unwrap();
    assert!(matches!(standing(&a, &f), Standing::Accepted(_)));
    assert_eq!(open(&a), before - 1, "no longer counted as open");

    // Another answer in the finding's section leaves it accepted.
    let other = Section::Nature
        .questions()
        .find(|q| matches!(q.kind, AnswerKind::LongText))
        .unwrap()
        .id;
    let mut edited = a.clone();
    edited.set_text(other, "Changed since the warning was accepted.");
    assert!(matches!(standing(&edited, &f), Standing::Accepted(_)));

    // Its own answer changed opens it again.
    let mut changed = a.clone();
    answer(
        &mut changed,
        &s,
        "cctv",
        Some(Answer::YesNo(YesNo::NotSure)),
    );
    assert!(matches!(standing(&changed, &f), Standing::Reopened(_)));
}

/// The settings' defaults reach the privacy information wording through the record, so
/// it reads the same with or without the settings loaded: the DPO's contact and where
/// the privacy notice is, in a paragraph of their own after the right to object.
#[test]
fn the_privacy_wording_names_the_dpo_and_the_notice_the_record_carries() {
    use lia::assessment::privacy_notice::privacy_wording;
    let s = settings();
    let a = made_under(&s);
    let wording = privacy_wording(&a);
    let last = wording.text().rsplit("\n\n").next().unwrap().to_string();
    assert_eq!(
        last,
        "You can contact our Data Protection Officer at Priya Shah, Data Protection Officer, \
         dpo@riverside-ha.example. You can read more about how we use your information, and \
         about your rights, in our Riverside HA tenant privacy notice \
         (https://www.riverside-ha.example/privacy)."
    );
    // Through a file and back, with no settings anywhere: the same wording.
    let back = lia::export::import(to_json(&a, AT, Some(TODAY)).as_bytes())
        .unwrap()
        .assessment;
    assert_eq!(privacy_wording(&back), wording);
    // In the report as text (escaped, never a link).
    let html = to_html_with_previous(&a, None, AT, Some(TODAY), &trust(), None);
    assert!(html.contains(
        "in our Riverside HA tenant privacy notice (https://www.riverside-ha.example/privacy)."
    ));
    assert!(!html.contains("href=\"https://www.riverside-ha.example/privacy"));
    // Without the settings' defaults, no such paragraph.
    let mut plain = a.clone();
    plain.organisation = None;
    assert_eq!(
        privacy_wording(&plain).paragraphs.len(),
        wording.paragraphs.len() - 1
    );
}

/// A record's notice address comes from a file anyone can edit: only a web address is
/// read, and the problem is named with its place.
#[test]
fn a_record_whose_notice_address_is_not_a_web_address_is_refused_with_its_place() {
    let s = settings();
    let a = made_under(&s);
    let json = to_json(&a, AT, Some(TODAY)).replace(
        "\"https://www.riverside-ha.example/privacy\"",
        "\"javascript:alert(1)\"",
    );
    let error = lia::export::import(json.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("organisation.privacy_notice_url") && error.contains("web address"),
        "{error}"
    );
}
