//! The organisation's settings file (issue 29, first part): the documented example reads,
//! its digest follows its content and not its layout, and a file with problems is
//! refused with every problem and where it is.

use lia::assessment::model::Risk;
use lia::assessment::questions::Section;
use lia::assessment::rules::Severity;
use lia::organisation::{read, Kind, When};
use serde_json::{json, Value};

const EXAMPLE: &str = include_str!("../docs/settings.example.json");

fn example() -> Value {
    serde_json::from_str(EXAMPLE).unwrap()
}

/// Each problem as "path: message", in the order found.
fn problems(file: &Value) -> Vec<String> {
    match read(&file.to_string()) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn the_documented_example_reads() {
    let s = read(EXAMPLE).unwrap();
    assert_eq!(
        s.name,
        "Riverside Housing Association: legitimate interests assessments"
    );
    assert_eq!(s.revision, "2026.1");
    assert_eq!(
        s.defaults.organisation.as_deref(),
        Some("Riverside Housing Association")
    );
    assert_eq!(
        s.defaults.privacy_notice_url.as_deref(),
        Some("https://www.riverside-ha.example/privacy")
    );
    let ids: Vec<&str> = s.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["system", "cctv", "igb"]);
    assert_eq!(s.questions[0].section, Section::About);
    assert_eq!(s.questions[0].kind, Kind::Text);
    assert!(s.questions[0].required && !s.questions[2].required);
    assert_eq!(s.questions[1].kind, Kind::YesNo);
    let Kind::Choice(options) = &s.questions[2].kind else {
        panic!("igb is a choice");
    };
    assert_eq!(options.len(), 3);
    assert_eq!(s.checks[0].when, When::Is("yes".into()));
    assert_eq!(s.checks[1].severity, Severity::Blocker);
    assert_eq!(s.approvers.cards.len(), 1);
    assert_eq!(s.approvers.cards[0].name, "Priya Shah");
    assert!(!s.approvers.self_approval);
    assert_eq!(s.policy.max_review_months, Some(12));
    assert_eq!(s.policy.consult.as_ref().unwrap().at_least, Risk::High);
    assert_eq!(s.policy.screening[0].id, "tenancy-decisions");
    assert_eq!(s.digest.len(), 64);
}

#[test]
fn the_digest_follows_the_content_not_the_layout() {
    let digest = read(EXAMPLE).unwrap().digest;
    // The same settings written compactly, fields in another order.
    let compact = example().to_string();
    assert_ne!(compact, EXAMPLE);
    assert_eq!(read(&compact).unwrap().digest, digest);
    let mut changed = example();
    changed["questions"][1]["label"] = json!("Does this involve CCTV or body-worn cameras?");
    assert_ne!(read(&changed.to_string()).unwrap().digest, digest);
}

#[test]
fn the_least_a_settings_file_needs() {
    let least = json!({"format": "lia-settings", "version": 1, "name": "N", "revision": "1"});
    let s = read(&least.to_string()).unwrap();
    assert!(s.questions.is_empty() && s.checks.is_empty() && s.approvers.cards.is_empty());
    assert_eq!(s.policy.max_review_months, None);
    let mut without = least.clone();
    without.as_object_mut().unwrap().remove("revision");
    assert_eq!(problems(&without), ["revision: is missing"]);
}

#[test]
fn every_problem_is_reported_with_where_it_is() {
    let mut f = example();
    f["colour"] = json!("red");
    f["organisation"]["privacy_notice"]["url"] = json!("javascript:alert(1)");
    f["questions"][0]["kind"] = json!("slider");
    f["questions"][1]["hint"] = json!("See <a href=x>the policy</a>");
    f["questions"][2]["id"] = json!("cctv");
    f["questions"][2]["label"] = json!("x".repeat(201));
    f["questions"][2]["section"] = json!("appendix");
    f["questions"][2]["options"][2]["id"] = json!("noted");
    f["questions"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "board", "section": "decision", "kind": "yes-no", "label": "Has the board seen it?"}));
    f["checks"][0]["question"] = json!("camera");
    f["checks"][1]["question"] = json!("board");
    f["checks"][1]["when"] = json!("maybe");
    f["checks"][1]["severity"] = json!("fatal");
    f["approvers"]["cards"][0]["fingerprint"] = json!("0000 0000 0000 0000 0000 0000 0000 0000");
    f["policy"]["max_review_months"] = json!(0);
    f["policy"]["screening"][0]["id"] = json!("board");
    assert_eq!(
        problems(&f),
        [
            "colour: is not a field of this part (it can have: format, version, name, revision, organisation, questions, checks, approvers, policy)",
            "organisation.privacy_notice.url: must be a web address (https:// or http://)",
            "questions[0].kind: is not a kind of question this tool asks (text, yes-no or choice)",
            "questions[1].hint: contains markup (a \"<\" before a letter, \"/\", \"!\" or \"?\"): write plain text",
            "questions[2].id: “cctv” is the id of an earlier question: ids must differ",
            "questions[2].section: must be one of: about, triage, purpose, necessity, nature, expectations, impact, dpia, decision, sign-off",
            "questions[2].options[2].id: “noted” is the id of an earlier option: ids must differ",
            "questions[2].label: is longer than 200 characters",
            "policy.max_review_months: must be a whole number of months from 1 to 60",
            "policy.screening[0].id: “board” is the id of an earlier question or screening question: ids must differ",
            "checks[0].question: names no question of these settings (“camera”)",
            "checks[1].when: must be one of: unanswered, answered, yes, no, not-sure",
            "checks[1].severity: must be one of: blocker, warning, advice",
            "approvers.cards[0]: is not a usable key card: The fingerprint written on the key card (0000 0000 0000 0000 0000 0000 0000 0000) is not the fingerprint of its key, name, role and organisation (30E2 982C 3C8C 8C24 585C 4E6C 62FC 95D7): the card was changed after it was made. Do not trust it; ask the approver for their card again.",
        ]
    );
    // Mended, the same file reads.
    f.as_object_mut().unwrap().remove("colour");
    f["organisation"]["privacy_notice"]["url"] =
        json!("https://intranet.riverside-ha.example/privacy");
    f["questions"][0]["kind"] = json!("text");
    f["questions"][1]["hint"] = json!("See the CCTV policy");
    f["questions"][2]["id"] = json!("igb");
    f["questions"][2]["label"] = json!("Has the Information Governance Board seen this?");
    f["questions"][2]["section"] = json!("decision");
    f["questions"][2]["options"][2]["id"] = json!("not-yet");
    f["checks"][0]["question"] = json!("cctv");
    f["checks"][1]["when"] = json!("no");
    f["checks"][1]["severity"] = json!("blocker");
    f["approvers"]["cards"][0] = example()["approvers"]["cards"][0].clone();
    f["policy"]["max_review_months"] = json!(60);
    f["policy"]["screening"][0]["id"] = json!("tenancy-decisions");
    assert_eq!(problems(&f), Vec::<String>::new());
}

#[test]
fn a_file_that_is_not_settings_is_refused_whole() {
    let whole = |text: &str| match read(text) {
        Err(p) => p.iter().map(ToString::to_string).collect::<Vec<_>>(),
        Ok(_) => panic!("{text} was read"),
    };
    assert_eq!(
        whole("{\"format\": "),
        ["The file: it is not JSON (a mistake at line 1, column 11)"]
    );
    assert_eq!(
        whole("[]"),
        ["The file: it is not a settings file (it is not a JSON object)"]
    );
    assert_eq!(
        whole(r#"{"format": "lia-export", "version": 1}"#),
        ["The file: it is not a settings file (it has no \"format\": \"lia-settings\")"]
    );
    assert_eq!(
        whole(r#"{"format": "lia-settings", "version": 2}"#),
        ["The file: it was made for a newer version of this tool (settings version 2; this version reads up to 1)"]
    );
    assert_eq!(
        whole(
            r#"{"format": "lia-settings", "version": 1, "policy": {"consult": {}, "consult": {}}}"#
        ),
        ["policy.consult: is given twice"]
    );
    let big = format!(
        "{{\"format\": \"lia-settings\", \"pad\": \"{}\"}}",
        " ".repeat(600 * 1024)
    );
    assert_eq!(
        whole(&big),
        ["The file: it is larger than a settings file can be (512 KB at most)"]
    );
}
