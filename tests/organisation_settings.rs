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
fn a_word_missing_or_not_among_its_choices_is_named() {
    let mut f = example();
    f["questions"][0].as_object_mut().unwrap().remove("section");
    f["checks"][0].as_object_mut().unwrap().remove("severity");
    f["policy"]["consult"]
        .as_object_mut()
        .unwrap()
        .remove("at_least");
    assert_eq!(
        problems(&f),
        [
            "questions[0].section: is missing",
            "policy.consult.at_least: is missing",
            "checks[0].severity: is missing",
        ]
    );
    f["questions"][0]["section"] = json!(3);
    f["checks"][0]["severity"] = json!("Warning");
    f["policy"]["consult"]["at_least"] = json!("low");
    assert_eq!(
        problems(&f),
        [
            "questions[0].section: must be one of: about, triage, purpose, necessity, nature, expectations, impact, dpia, decision, sign-off",
            "policy.consult.at_least: must be one of: medium, high",
            "checks[0].severity: must be one of: blocker, warning, advice",
        ]
    );
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

mod findings {
    use lia::assessment::date::Date;
    use lia::assessment::model::{Risk, YesNo};
    use lia::assessment::questions::{QuestionId, Section};
    use lia::assessment::rules::Severity;
    use lia::organisation::{findings, read, Answer, Facts, Target};

    use super::EXAMPLE;

    fn ids(facts: &Facts) -> Vec<String> {
        findings(&read(EXAMPLE).unwrap(), facts)
            .into_iter()
            .map(|f| f.id)
            .collect()
    }

    fn answered(pairs: &[(&str, Answer)]) -> Facts {
        Facts {
            answers: pairs
                .iter()
                .map(|(k, a)| (k.to_string(), a.clone()))
                .collect(),
            ..Facts::default()
        }
    }

    fn date(text: &str) -> Option<Date> {
        Date::parse(text)
    }

    /// A yes to "Does this involve CCTV?" gives the organisation's finding, in its
    /// question's section and pointing at it, with the settings as its source; a no, or
    /// no answer, gives nothing.
    #[test]
    fn a_check_fires_on_its_answer_and_not_on_its_near_miss() {
        let facts = answered(&[("cctv", Answer::YesNo(YesNo::Yes))]);
        let found = findings(&read(EXAMPLE).unwrap(), &facts);
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(f.id, "org.cctv-needs-dpia");
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(f.section, Section::Nature);
        assert_eq!(f.target, Some(Target::Organisation("cctv".into())));
        assert_eq!(
            f.message,
            "Our policy is a DPIA for every use of CCTV: record its reference in the DPIA section."
        );
        assert_eq!(
            f.source,
            "Riverside Housing Association: legitimate interests assessments (2026.1)"
        );
        assert!(ids(&answered(&[("cctv", Answer::YesNo(YesNo::No))])).is_empty());
        assert!(ids(&answered(&[("cctv", Answer::YesNo(YesNo::NotSure))])).is_empty());
        assert!(ids(&Facts::default()).is_empty());
        // A choice: "Not yet" blocks; "Yes, for information" does not.
        let not_yet = answered(&[("igb", Answer::Choice("not-yet".into()))]);
        assert_eq!(ids(&not_yet), ["org.igb-not-yet"]);
        assert_eq!(
            findings(&read(EXAMPLE).unwrap(), &not_yet)[0].severity,
            Severity::Blocker
        );
        assert!(ids(&answered(&[("igb", Answer::Choice("noted".into()))])).is_empty());
    }

    /// `unanswered` and `answered`: an empty text counts as no answer.
    #[test]
    fn unanswered_and_answered() {
        let mut file: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
        file["checks"] = serde_json::json!([
            {"id": "name-the-system", "question": "system", "when": "unanswered", "severity": "warning", "message": "Name the system."},
            {"id": "system-named", "question": "system", "when": "answered", "severity": "advice", "message": "Check the system's own retention."}
        ]);
        let settings = read(&file.to_string()).unwrap();
        let ids = |facts: &Facts| -> Vec<String> {
            findings(&settings, facts)
                .into_iter()
                .map(|f| f.id)
                .collect()
        };
        assert_eq!(ids(&Facts::default()), ["org.name-the-system"]);
        assert_eq!(
            ids(&answered(&[("system", Answer::Text("  ".into()))])),
            ["org.name-the-system"]
        );
        assert_eq!(
            ids(&answered(&[("system", Answer::Text("Orchard".into()))])),
            ["org.system-named"]
        );
    }

    /// The added screening question answered yes asks for a DPIA; no does not.
    #[test]
    fn an_added_screening_question_answered_yes_asks_for_a_dpia() {
        let yes = answered(&[("tenancy-decisions", Answer::YesNo(YesNo::Yes))]);
        let found = findings(&read(EXAMPLE).unwrap(), &yes);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, "org.screening.tenancy-decisions");
        assert_eq!(found[0].section, Section::Dpia);
        assert!(found[0].message.starts_with("Riverside Housing Association's DPIA screening asks for a DPIA when the answer to “Could the processing affect someone's tenancy"));
        assert!(ids(&answered(&[(
            "tenancy-decisions",
            Answer::YesNo(YesNo::No)
        )]))
        .is_empty());
    }

    /// A review date beyond the policy's 12 months is a finding; on the day itself, none.
    #[test]
    fn a_review_beyond_the_policy_interval_is_a_finding() {
        let on_time = Facts {
            from: date("2026-01-31"),
            review: date("2027-01-31"),
            ..Facts::default()
        };
        assert!(ids(&on_time).is_empty());
        let late = Facts {
            review: date("2027-02-01"),
            ..on_time
        };
        let found = findings(&read(EXAMPLE).unwrap(), &late);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, "org.policy.review-interval");
        assert_eq!(
            found[0].target,
            Some(Target::Tool(QuestionId::SignOffReviewDate))
        );
        assert_eq!(
            found[0].message,
            "Riverside Housing Association's policy is a review at least every 12 months: the review date is 1 February 2027, later than 31 January 2027. Choose an earlier review date."
        );
        // Without the policy, no finding.
        let mut file: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
        file["policy"]
            .as_object_mut()
            .unwrap()
            .remove("max_review_months");
        assert!(findings(&read(&file.to_string()).unwrap(), &late).is_empty());
    }

    /// From the risk the policy names up, consult whom it says.
    #[test]
    fn a_high_risk_names_who_to_consult() {
        let high = Facts {
            risk: Some(Risk::High),
            ..Facts::default()
        };
        assert_eq!(ids(&high), ["org.policy.consult"]);
        assert_eq!(
            findings(&read(EXAMPLE).unwrap(), &high)[0].message,
            "The risk to people is high: Riverside Housing Association's policy is to consult the Information Governance Board before deciding."
        );
        let medium = Facts {
            risk: Some(Risk::Medium),
            ..Facts::default()
        };
        assert!(ids(&medium).is_empty());
    }
}

const CASES: &str = include_str!("fixtures/settings/cases.json");

/// The example with `patch` applied (JSON Pointer paths; `set` or `remove`).
fn patched(patch: &Value) -> Value {
    let mut file = example();
    for step in patch.as_array().unwrap() {
        let path = step["path"].as_str().unwrap();
        let (parent, last) = path.rsplit_once('/').unwrap();
        let parent = file
            .pointer_mut(parent)
            .unwrap_or_else(|| panic!("no {parent}"));
        match (step["op"].as_str().unwrap(), parent) {
            ("set", Value::Object(map)) => {
                map.insert(last.to_string(), step["value"].clone());
            }
            ("set", Value::Array(items)) => {
                items[last.parse::<usize>().unwrap()] = step["value"].clone()
            }
            ("remove", Value::Object(map)) => {
                assert!(map.remove(last).is_some(), "nothing at {path}");
            }
            (op, _) => panic!("{op} at {path}"),
        }
    }
    file
}

/// The tool refuses each damaged file of tests/fixtures/settings/cases.json (the same
/// files the JSON Schema is held to) and reads each of the others.
#[test]
fn the_cases_shared_with_the_schema_are_refused_and_read() {
    let cases: Value = serde_json::from_str(CASES).unwrap();
    let refused = cases["refused"].as_array().unwrap();
    assert!(refused.len() >= 40);
    for case in refused {
        let problems = problems(&patched(&case["patch"]));
        assert!(!problems.is_empty(), "read although {}", case["name"]);
    }
    for case in cases["accepted"].as_array().unwrap() {
        let problems = problems(&patched(&case["patch"]));
        assert!(problems.is_empty(), "{}: {problems:?}", case["name"]);
    }
}
