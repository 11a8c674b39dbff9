//! The settings page's core (issue 29): settings written back as their file read back
//! exactly, digest and all, and the page's edits, each refusing in words what it cannot
//! do, with `validate` holding edited settings to a file's own checks.

#[path = "fixtures/approver/mod.rs"]
mod approver;

use approver::TestApprover;
use lia::assessment::model::Risk;
use lia::assessment::questions::Section;
use lia::assessment::rules::Severity;
use lia::organisation::edit::{id_from, Move, Refused};
use lia::organisation::write::write;
use lia::organisation::{read, Check, Consult, Defaults, Kind, Settings, When};
use proptest::prelude::*;

const EXAMPLE: &str = include_str!("../docs/settings.example.json");

/// `s` written and read back: it must be `s`, digest included.
fn round_trip(s: &Settings) {
    let text = write(s);
    match read(&text) {
        Ok(back) => assert_eq!(&back, s, "written as:\n{text}"),
        Err(p) => panic!("{text}\nwas refused: {p:?}"),
    }
}

/// `s` as a file would give it (with the digest of its file).
fn valid(s: &Settings) -> Settings {
    s.validate()
        .unwrap_or_else(|p| panic!("{s:?} is refused: {p:?}"))
}

fn refusal<T: std::fmt::Debug>(r: Result<T, Refused>) -> String {
    r.expect_err("refused").0
}

fn option(label: &str) -> (String, String) {
    (String::new(), label.into())
}

fn ids(s: &Settings) -> Vec<&str> {
    s.questions.iter().map(|q| q.id.as_str()).collect()
}

/// Settings with every kind of question, check, screening question and approver card,
/// every default set, and the policy whole.
fn everything() -> Settings {
    let mut s = Settings::blank("Acme Housing assessments", "2026.2");
    s.add_question(
        Section::About,
        Kind::Text,
        "Which system holds the data?",
        "The CRM, say.",
        true,
    )
    .unwrap();
    s.add_question(Section::Nature, Kind::YesNo, "Is CCTV used?", "", false)
        .unwrap();
    s.add_question(
        Section::Decision,
        Kind::Choice(vec![
            option("Yes, agreed"),
            ("later".into(), "Not yet".into()),
        ]),
        "Has the board seen it?",
        "Line one.\nLine two.",
        true,
    )
    .unwrap();
    s.add_check(
        "which-system-holds-the-data",
        When::Unanswered,
        Severity::Blocker,
        "Name it.",
    )
    .unwrap();
    s.add_check("is-cctv-used", When::Answered, Severity::Advice, "Noted.")
        .unwrap();
    s.add_check(
        "is-cctv-used",
        When::Is("not-sure".into()),
        Severity::Warning,
        "Find out.",
    )
    .unwrap();
    s.add_check(
        "has-the-board-seen-it",
        When::Is("later".into()),
        Severity::Warning,
        "Ask it.",
    )
    .unwrap();
    s.add_screening("Could it affect a tenancy?", "Arrears, say.")
        .unwrap();
    s.add_screening("Is it new technology?", "").unwrap();
    s.add_card(TestApprover::sam().card()).unwrap();
    s.add_card(TestApprover::mallory().card()).unwrap();
    s.approvers.self_approval = true;
    s.set_defaults(Defaults {
        organisation: Some("Acme Housing".into()),
        dpo_contact: Some("dpo@acme.example".into()),
        privacy_notice_title: Some("Tenant privacy notice".into()),
        privacy_notice_url: Some("https://acme.example/privacy".into()),
    });
    s.set_review_months(Some(24)).unwrap();
    s.set_consult(Some(Consult {
        at_least: Risk::Medium,
        who: "the board".into(),
    }))
    .unwrap();
    valid(&s)
}

// Writing.

#[test]
fn the_example_written_reads_back_as_it_was_with_its_digest() {
    let s = read(EXAMPLE).unwrap();
    let text = write(&s);
    // Laid out differently (each option on lines of its own), the same content.
    assert_ne!(text, EXAMPLE);
    round_trip(&s);
    assert_eq!(read(&text).unwrap().digest, read(EXAMPLE).unwrap().digest);
}

#[test]
fn every_part_reads_back_set_and_unset() {
    let full = everything();
    assert_eq!(full.questions.len(), 3);
    assert_eq!(full.checks.len(), 4);
    assert_eq!(full.approvers.cards.len(), 2);
    round_trip(&full);

    let blank = valid(&Settings::blank("N", "1"));
    round_trip(&blank);

    // Each default alone, and the approvers' and policy's parts alone.
    let mut variants = Vec::new();
    for i in 0..4 {
        let mut s = blank.clone();
        let mut d = Defaults::default();
        let field = [
            &mut d.organisation,
            &mut d.dpo_contact,
            &mut d.privacy_notice_title,
            &mut d.privacy_notice_url,
        ];
        *field.into_iter().nth(i).unwrap() = Some("https://x.example/".into());
        s.set_defaults(d);
        variants.push(s);
    }
    let mut s = blank.clone();
    s.approvers.self_approval = true;
    variants.push(s);
    let mut s = blank.clone();
    s.add_card(TestApprover::sam().card()).unwrap();
    variants.push(s);
    let mut s = blank.clone();
    s.set_review_months(Some(1)).unwrap();
    variants.push(s);
    let mut s = blank.clone();
    s.set_consult(Some(Consult {
        at_least: Risk::High,
        who: "the DPO".into(),
    }))
    .unwrap();
    variants.push(s);
    let mut s = blank.clone();
    s.add_screening("Is it new?", "").unwrap();
    variants.push(s);
    let mut digests = vec![blank.digest.clone(), full.digest.clone()];
    for s in &variants {
        let s = valid(s);
        round_trip(&s);
        digests.push(s.digest);
    }
    // Each is another content, so another digest: nothing set was left out.
    digests.sort();
    digests.dedup();
    assert_eq!(digests.len(), variants.len() + 2);
}

#[test]
fn the_file_is_pretty_in_a_fixed_order_without_empty_parts() {
    assert_eq!(
        write(&Settings::blank("N", "1")),
        "{\n  \"format\": \"lia-settings\",\n  \"version\": 1,\n  \"name\": \"N\",\n  \"revision\": \"1\"\n}\n"
    );
    let text = write(&everything());
    let order = [
        "\n  \"format\": ",
        "\n  \"version\": ",
        "\n  \"name\": ",
        "\n  \"revision\": ",
        "\n  \"organisation\": {\n    \"name\": ",
        "\n    \"dpo_contact\": ",
        "\n    \"privacy_notice\": {\n      \"title\": ",
        "\n      \"url\": ",
        "\n  \"questions\": [\n    {\n      \"id\": \"which-system-holds-the-data\",\n      \"section\": \"about\",\n      \"kind\": \"text\",\n      \"label\": ",
        "\n      \"hint\": ",
        "\n      \"required\": true\n    },",
        "\n      \"options\": [\n        {\n          \"id\": \"yes-agreed\",\n          \"label\": ",
        "\n  \"checks\": [\n    {\n      \"id\": ",
        "\n      \"question\": ",
        "\n      \"when\": ",
        "\n      \"severity\": ",
        "\n      \"message\": ",
        "\n  \"approvers\": {\n    \"cards\": [\n      {\n        \"format\": \"lia-approver-key\",\n        \"version\": 1,\n        \"name\": ",
        "\n    \"self_approval\": true\n  },",
        "\n  \"policy\": {\n    \"max_review_months\": 24,\n    \"consult\": {\n      \"at_least\": \"medium\",\n      \"who\": ",
        "\n    \"screening\": [\n      {\n        \"id\": ",
    ];
    let mut from = 0;
    for part in order {
        let at = text[from..]
            .find(part)
            .unwrap_or_else(|| panic!("{part:?} not after byte {from} of\n{text}"));
        from += at + part.len();
    }
    // The yes/no question is not required, has no hint, and no options.
    let cctv = text.find("\"is-cctv-used\",\n      \"section\"").unwrap();
    let cctv = &text[cctv..cctv + text[cctv..].find('}').unwrap()];
    assert!(!cctv.contains("required") && !cctv.contains("hint") && !cctv.contains("options"));
}

#[test]
fn awkward_text_is_written_as_json_and_read_back() {
    let mut s = Settings::blank("Say \"hello\" \\ goodbye", "é—2026 😀");
    let label = "Does the “café” hold C:\\data\\tenants or \"quoted\" files?";
    let hint = "First line,\nsecond line: ü, ŵ, 漢字.\n\\n is not a break";
    let id = s
        .add_question(Section::Purpose, Kind::Text, label, hint, false)
        .unwrap();
    assert_eq!(id, "does-the-caf-hold-c-data-tenants-or");
    s.add_check(
        &id,
        When::Answered,
        Severity::Advice,
        "Say “why”:\n\"because\"\\",
    )
    .unwrap();
    let text = write(&s);
    assert!(text.contains(r#""Say \"hello\" \\ goodbye""#), "{text}");
    assert!(text.contains(r#""First line,\nsecond line: ü, ŵ, 漢字.\n\\n is not a break""#));
    assert!(text.contains("“café”") && text.contains("é—2026 😀"));
    // Another JSON reader sees the same texts.
    let other: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(other["name"], "Say \"hello\" \\ goodbye");
    assert_eq!(other["questions"][0]["label"], label);
    assert_eq!(other["questions"][0]["hint"], hint);
    assert_eq!(other["checks"][0]["message"], "Say “why”:\n\"because\"\\");
    let s = valid(&s);
    round_trip(&s);
}

// Editing.

#[test]
fn blank_settings_are_valid_settings_with_only_a_name_and_revision() {
    let s = Settings::blank("  Acme assessments ", " 1 ");
    assert_eq!(
        (s.name.as_str(), s.revision.as_str()),
        ("Acme assessments", "1")
    );
    let v = valid(&s);
    assert_eq!(
        v,
        Settings {
            digest: v.digest.clone(),
            ..s
        }
    );
    assert!(v.questions.is_empty() && v.checks.is_empty() && v.policy.screening.is_empty());
}

#[test]
fn ids_are_made_from_labels_unique_among_questions_and_screening_questions() {
    let mut s = Settings::blank("N", "1");
    let label = "Which system holds the data?";
    let mut made = Vec::new();
    for _ in 0..3 {
        made.push(
            s.add_question(Section::About, Kind::Text, label, "", false)
                .unwrap(),
        );
    }
    made.push(s.add_screening(label, "").unwrap());
    assert_eq!(
        made,
        [
            "which-system-holds-the-data",
            "which-system-holds-the-data-2",
            "which-system-holds-the-data-3",
            "which-system-holds-the-data-4",
        ]
    );
    assert_eq!(
        s.add_question(
            Section::About,
            Kind::YesNo,
            "  Ça va?  Ünïcode -- and 42!",
            "",
            false
        ),
        Ok("a-va-n-code-and-42".into())
    );
    assert_eq!(
        s.add_question(Section::About, Kind::YesNo, "Éé 漢字", "", false),
        Ok("question".into())
    );
    // At most 40 characters, cut at a hyphen, the suffix within them.
    let long = "Has the information governance board of the association agreed?";
    let first = s
        .add_question(Section::About, Kind::YesNo, long, "", false)
        .unwrap();
    let second = s
        .add_question(Section::About, Kind::YesNo, long, "", false)
        .unwrap();
    assert_eq!(first, "has-the-information-governance-board-of");
    assert_eq!(second, "has-the-information-governance-board-2");
    assert_eq!(id_from(&"x".repeat(50), "q", &[]), "x".repeat(40));
    assert_eq!(
        id_from(&"x".repeat(50), "q", &[&"x".repeat(40)]),
        "x".repeat(38) + "-2"
    );
    valid(&s);
    assert_eq!(
        refusal(s.add_question(Section::About, Kind::Text, "  ", "", false)),
        "Give the question a label: its id is made from it."
    );
}

#[test]
fn a_question_is_changed_in_place_and_keeps_its_id() {
    let mut s = read(EXAMPLE).unwrap();
    s.set_question_label("system", "  Which systems hold the data?  ")
        .unwrap();
    s.set_question_hint("system", "   ").unwrap();
    s.set_question_hint("cctv", "Body-worn cameras too.")
        .unwrap();
    s.set_question_required("cctv", false).unwrap();
    let q = &s.questions[0];
    assert_eq!(
        (q.id.as_str(), q.label.as_str(), q.hint.as_ref()),
        ("system", "Which systems hold the data?", None)
    );
    assert_eq!(
        s.questions[1].hint.as_deref(),
        Some("Body-worn cameras too.")
    );
    assert!(!s.questions[1].required);
    // Another section: asked last there.
    s.add_question(Section::About, Kind::YesNo, "Is it new?", "", false)
        .unwrap();
    s.set_question_section("system", Section::Nature).unwrap();
    let nature: Vec<&str> = s
        .questions
        .iter()
        .filter(|q| q.section == Section::Nature)
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(nature, ["cctv", "system"]);
    assert_eq!(
        refusal(s.set_question_label("camera", "x")),
        "These settings have no question “camera”."
    );
    assert_eq!(
        refusal(s.set_question_hint("tenancy-decisions", "x")),
        "“tenancy-decisions” is a DPIA screening question, not one of the organisation's own questions (a check can only be on one of those)."
    );
    valid(&s);
}

#[test]
fn a_choice_s_options_change_but_not_from_under_a_check() {
    let mut s = read(EXAMPLE).unwrap();
    // A new option gets an id from its label, unlike those given.
    s.set_question_options(
        "igb",
        vec![
            ("approved".into(), "Yes, and it agreed".into()),
            option("Noted"),
            ("noted".into(), "Yes, for information".into()),
            ("not-yet".into(), "Not yet".into()),
            option("Answered"),
        ],
    )
    .unwrap();
    let Kind::Choice(options) = &s.questions[2].kind else {
        panic!()
    };
    let option_ids: Vec<&str> = options.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        option_ids,
        ["approved", "noted-2", "noted", "not-yet", "answered-2"]
    );
    let before = s.clone();
    assert_eq!(
        refusal(s.set_question_options("igb", vec![option("Yes"), option("No")])),
        "The check “igb-not-yet” is about the answer “not-yet” to “Has the Information Governance Board seen this?”: change or remove that check before removing that option."
    );
    assert_eq!(
        refusal(s.set_question_options("igb", vec![("Bad Id".into(), "x".into())])),
        "“Bad Id” cannot be an option's id: use lower-case letters and digits, with single hyphens between them (at most 40), and not “answered” or “unanswered”."
    );
    assert_eq!(
        refusal(s.set_question_options(
            "igb",
            vec![("a".into(), "x".into()), ("a".into(), "y".into())]
        )),
        "Two options have the id “a”: each option's id must differ."
    );
    assert_eq!(
        refusal(s.set_question_options("cctv", vec![option("Yes")])),
        "“Does this involve CCTV?” is a yes-no question: only a choice question has options."
    );
    assert_eq!(s, before, "a refused edit changes nothing");
    // Half-written: one option is held, and validate says what is missing where.
    s.add_question(
        Section::Decision,
        Kind::Choice(vec![option("Only")]),
        "Which?",
        "",
        false,
    )
    .unwrap();
    let problems: Vec<String> = s
        .validate()
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        ["questions[3].options: a choice question needs at least two options"]
    );
}

#[test]
fn questions_move_within_their_section() {
    let mut s = Settings::blank("N", "1");
    for (section, label) in [
        (Section::About, "A one"),
        (Section::Nature, "N one"),
        (Section::About, "A two"),
        (Section::About, "A three"),
    ] {
        s.add_question(section, Kind::Text, label, "", false)
            .unwrap();
    }
    // Up past a question of another section, to before the one above it in its own.
    s.move_question("a-two", Move::Up).unwrap();
    assert_eq!(ids(&s), ["a-two", "n-one", "a-one", "a-three"]);
    s.move_question("a-one", Move::Down).unwrap();
    assert_eq!(ids(&s), ["a-two", "n-one", "a-three", "a-one"]);
    assert_eq!(
        refusal(s.move_question("a-two", Move::Up)),
        "“A two” is the first question of its section already."
    );
    assert_eq!(
        refusal(s.move_question("a-one", Move::Down)),
        "“A one” is the last question of its section already."
    );
    assert_eq!(
        refusal(s.move_question("n-one", Move::Up)),
        "“N one” is the first question of its section already."
    );
    assert_eq!(
        refusal(s.move_question("nobody", Move::Up)),
        "These settings have no question “nobody”."
    );
    let v = valid(&s);
    assert_eq!(
        ids(&v),
        ["a-two", "n-one", "a-three", "a-one"],
        "the file keeps the order"
    );
}

#[test]
fn removing_a_question_removes_the_checks_on_it_and_says_which() {
    let mut s = read(EXAMPLE).unwrap();
    s.add_check("igb", When::Unanswered, Severity::Advice, "Ask the board.")
        .unwrap();
    let removed = s.remove_question("igb").unwrap();
    let removed: Vec<&str> = removed.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(removed, ["igb-not-yet", "igb-unanswered"]);
    let left: Vec<&str> = s.checks.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(left, ["cctv-needs-dpia"]);
    assert_eq!(ids(&s), ["system", "cctv"]);
    assert_eq!(s.remove_question("system").unwrap(), Vec::<Check>::new());
    assert_eq!(
        refusal(s.remove_question("igb")),
        "These settings have no question “igb”."
    );
    valid(&s);
}

#[test]
fn a_check_s_when_must_fit_its_question() {
    let mut s = read(EXAMPLE).unwrap();
    let before = s.clone();
    let add = |s: &mut Settings, q: &str, when: &str| {
        s.add_check(q, When::Is(when.into()), Severity::Warning, "m")
    };
    assert_eq!(
        refusal(add(&mut s, "system", "yes")),
        "“Which system holds the data?” is a text question: a check on it can only be for “unanswered” or “answered”."
    );
    assert_eq!(
        refusal(add(&mut s, "cctv", "maybe")),
        "“maybe” is not an answer to “Does this involve CCTV?”: it can be unanswered, answered, or yes, no, not-sure."
    );
    assert_eq!(
        refusal(add(&mut s, "igb", "yes")),
        "“yes” is not an answer to “Has the Information Governance Board seen this?”: it can be unanswered, answered, or approved, noted, not-yet."
    );
    assert_eq!(
        refusal(add(&mut s, "cctv", "answered")),
        "“answered” is not an answer to “Does this involve CCTV?”: it can be unanswered, answered, or yes, no, not-sure."
    );
    assert_eq!(
        refusal(add(&mut s, "camera", "yes")),
        "These settings have no question “camera”."
    );
    assert_eq!(
        refusal(s.add_check("tenancy-decisions", When::Answered, Severity::Advice, "m")),
        "“tenancy-decisions” is a DPIA screening question, not one of the organisation's own questions (a check can only be on one of those)."
    );
    assert_eq!(s, before);
    // Ids from the question and the answer.
    assert_eq!(add(&mut s, "cctv", "not-sure"), Ok("cctv-not-sure".into()));
    assert_eq!(
        add(&mut s, "cctv", "not-sure"),
        Ok("cctv-not-sure-2".into())
    );
    assert_eq!(add(&mut s, "igb", "noted"), Ok("igb-noted".into()));
    assert_eq!(
        s.add_check("system", When::Unanswered, Severity::Blocker, " Name it. "),
        Ok("system-unanswered".into())
    );
    assert_eq!(s.checks.last().unwrap().message, "Name it.");
    valid(&s);
}

#[test]
fn checks_are_changed_moved_and_removed_by_id() {
    let mut s = read(EXAMPLE).unwrap();
    s.change_check(
        "cctv-needs-dpia",
        "igb",
        When::Is("noted".into()),
        Severity::Advice,
        "Tell the board.",
    )
    .unwrap();
    let c = &s.checks[0];
    assert_eq!(
        (
            c.id.as_str(),
            c.question.as_str(),
            &c.when,
            c.severity,
            c.message.as_str()
        ),
        (
            "cctv-needs-dpia",
            "igb",
            &When::Is("noted".into()),
            Severity::Advice,
            "Tell the board."
        )
    );
    let before = s.clone();
    assert_eq!(
        refusal(s.change_check("cctv-needs-dpia", "cctv", When::Is("noted".into()), Severity::Advice, "m")),
        "“noted” is not an answer to “Does this involve CCTV?”: it can be unanswered, answered, or yes, no, not-sure."
    );
    assert_eq!(
        refusal(s.change_check("nope", "cctv", When::Answered, Severity::Advice, "m")),
        "These settings have no check “nope”."
    );
    assert_eq!(
        refusal(s.move_check("cctv-needs-dpia", Move::Up)),
        "The check “cctv-needs-dpia” is the first check already."
    );
    assert_eq!(
        refusal(s.move_check("igb-not-yet", Move::Down)),
        "The check “igb-not-yet” is the last check already."
    );
    assert_eq!(s, before);
    s.move_check("cctv-needs-dpia", Move::Down).unwrap();
    assert_eq!(s.checks[1].id, "cctv-needs-dpia");
    s.move_check("cctv-needs-dpia", Move::Up).unwrap();
    assert_eq!(s.checks[0].id, "cctv-needs-dpia");
    assert_eq!(s.remove_check("igb-not-yet").unwrap().id, "igb-not-yet");
    assert_eq!(
        refusal(s.remove_check("igb-not-yet")),
        "These settings have no check “igb-not-yet”."
    );
    assert_eq!(s.checks.len(), 1);
    valid(&s);
}

#[test]
fn screening_questions_are_added_changed_moved_and_removed() {
    let mut s = read(EXAMPLE).unwrap();
    let id = s.add_screening(" Is CCTV used? ", " Any camera. ").unwrap();
    assert_eq!(id, "is-cctv-used");
    assert_eq!(s.policy.screening[1].hint.as_deref(), Some("Any camera."));
    s.change_screening(&id, "Is CCTV or ANPR used?", "")
        .unwrap();
    assert_eq!(s.policy.screening[1].label, "Is CCTV or ANPR used?");
    assert_eq!(s.policy.screening[1].hint, None);
    assert_eq!(s.policy.screening[1].id, "is-cctv-used");
    assert_eq!(
        refusal(s.move_screening(&id, Move::Down)),
        "“Is CCTV or ANPR used?” is the last screening question already."
    );
    s.move_screening(&id, Move::Up).unwrap();
    assert_eq!(s.policy.screening[0].id, "is-cctv-used");
    assert_eq!(
        refusal(s.move_screening(&id, Move::Up)),
        "“Is CCTV or ANPR used?” is the first screening question already."
    );
    valid(&s);
    assert_eq!(s.remove_screening("tenancy-decisions"), Ok(Vec::new()));
    assert_eq!(
        refusal(s.remove_screening("cctv")),
        "These settings have no DPIA screening question “cctv”."
    );
    assert_eq!(
        refusal(s.add_screening("  ", "")),
        "Give the screening question a label: its id is made from it."
    );
    assert_eq!(s.policy.screening.len(), 1);
    valid(&s);
}

#[test]
fn defaults_review_interval_consult_and_cards_are_set() {
    let mut s = Settings::blank("N", "1");
    s.set_defaults(Defaults {
        organisation: Some(" Acme ".into()),
        dpo_contact: Some("   ".into()),
        privacy_notice_title: None,
        privacy_notice_url: Some(" https://acme.example/p ".into()),
    });
    assert_eq!(
        s.defaults,
        Defaults {
            organisation: Some("Acme".into()),
            dpo_contact: None,
            privacy_notice_title: None,
            privacy_notice_url: Some("https://acme.example/p".into()),
        }
    );
    for bad in [0, 61] {
        assert_eq!(
            refusal(s.set_review_months(Some(bad))),
            "The longest time to the next review must be from 1 to 60 months."
        );
    }
    s.set_review_months(Some(60)).unwrap();
    assert_eq!(s.policy.max_review_months, Some(60));
    s.set_review_months(None).unwrap();
    assert_eq!(s.policy.max_review_months, None);
    assert_eq!(
        refusal(s.set_consult(Some(Consult {
            at_least: Risk::Low,
            who: "x".into()
        }))),
        "Consulting can be asked for from a medium or a high risk, not a low one."
    );
    s.set_consult(Some(Consult {
        at_least: Risk::High,
        who: " the board ".into(),
    }))
    .unwrap();
    assert_eq!(s.policy.consult.as_ref().unwrap().who, "the board");

    let sam = TestApprover::sam().card();
    s.add_card(sam.clone()).unwrap();
    assert_eq!(
        refusal(s.add_card(sam.clone())),
        "A key card with that key is one of the approvers' already (Sam Patel)."
    );
    let mut forged = TestApprover::mallory().card();
    forged.name = "Sam Patel".into();
    assert!(refusal(s.add_card(forged))
        .starts_with("That key card cannot be added. The fingerprint written on the key card"));
    assert_eq!(
        refusal(s.remove_card(1)),
        "These settings have no such approver's key card."
    );
    valid(&s);
    assert_eq!(s.remove_card(0), Ok(sam));
    s.set_consult(None).unwrap();
    assert_eq!(valid(&s).policy, Default::default());
}

#[test]
fn validate_holds_edits_to_the_checks_of_a_file_from_outside() {
    let mut s = read(EXAMPLE).unwrap();
    s.set_question_label("system", "See <b>this</b>").unwrap();
    s.set_question_label("cctv", " ").unwrap();
    s.set_question_hint("igb", &"x".repeat(601)).unwrap();
    s.set_defaults(Defaults {
        privacy_notice_url: Some("ftp://riverside.example/privacy".into()),
        ..s.defaults.clone()
    });
    s.name = "Two\nlines".into();
    let problems: Vec<String> = s
        .validate()
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        [
            "name: contains a control character (such as a tab or line break)",
            "organisation.privacy_notice.url: must be a web address (https:// or http://)",
            "questions[0].label: contains markup (a \"<\" before a letter, \"/\", \"!\" or \"?\"): write plain text",
            "questions[1].label: is empty",
            "questions[2].hint: is longer than 600 characters",
        ]
    );
    // Exactly what reading the written file gives.
    assert_eq!(s.validate().unwrap_err(), read(&write(&s)).unwrap_err());
}

#[test]
fn validated_settings_are_the_held_ones_with_the_digest_of_their_file() {
    let mut s = read(EXAMPLE).unwrap();
    s.add_question(
        Section::Impact,
        Kind::YesNo,
        "  Children?  ",
        " Under 18. ",
        true,
    )
    .unwrap();
    s.set_question_label("system", "  Which systems?  ")
        .unwrap();
    let v = valid(&s);
    assert_ne!(
        v.digest, s.digest,
        "edits leave the digest of the file last read"
    );
    assert_eq!(
        v,
        Settings {
            digest: v.digest.clone(),
            ..s.clone()
        }
    );
    assert_eq!(read(&write(&s)).unwrap().digest, v.digest);
    round_trip(&v);
}

/// One edit, its ids picked from the settings' own or made up.
#[derive(Clone, Debug)]
enum Op {
    AddQuestion(usize, u8, String, bool),
    Label(usize, String),
    Section(usize, usize),
    Options(usize, Vec<String>),
    MoveQuestion(usize, bool),
    RemoveQuestion(usize),
    AddCheck(usize, usize, usize),
    ChangeCheck(usize, usize, usize),
    MoveCheck(usize, bool),
    RemoveCheck(usize),
    AddScreening(String),
    MoveScreening(usize, bool),
    RemoveScreening(usize),
}

fn op() -> impl Strategy<Value = Op> {
    let label = "[A-Za-zé?! -]{0,12}";
    prop_oneof![
        (0..10usize, 0..3u8, label, any::<bool>())
            .prop_map(|(s, k, l, r)| Op::AddQuestion(s, k, l, r)),
        (0..8usize, label).prop_map(|(i, l)| Op::Label(i, l)),
        (0..8usize, 0..10usize).prop_map(|(i, s)| Op::Section(i, s)),
        (0..8usize, prop::collection::vec("[a-z ]{0,6}", 0..4))
            .prop_map(|(i, o)| Op::Options(i, o)),
        (0..8usize, any::<bool>()).prop_map(|(i, up)| Op::MoveQuestion(i, up)),
        (0..8usize).prop_map(Op::RemoveQuestion),
        (0..8usize, 0..8usize, 0..3usize).prop_map(|(q, w, v)| Op::AddCheck(q, w, v)),
        (0..8usize, 0..8usize, 0..8usize).prop_map(|(c, q, w)| Op::ChangeCheck(c, q, w)),
        (0..8usize, any::<bool>()).prop_map(|(i, up)| Op::MoveCheck(i, up)),
        (0..8usize).prop_map(Op::RemoveCheck),
        label.prop_map(Op::AddScreening),
        (0..4usize, any::<bool>()).prop_map(|(i, up)| Op::MoveScreening(i, up)),
        (0..4usize).prop_map(Op::RemoveScreening),
    ]
}

/// The id of the `i`th of `ids`, or one none has.
fn pick(ids: Vec<String>, i: usize) -> String {
    ids.get(i).cloned().unwrap_or_else(|| "none-such".into())
}

fn when(i: usize) -> When {
    match i % 8 {
        0 => When::Unanswered,
        1 => When::Answered,
        2 => When::Is("yes".into()),
        3 => When::Is("not-sure".into()),
        4 => When::Is("maybe".into()),
        n => When::Is(["a", "b", "answered"][n - 5].into()),
    }
}

fn apply(s: &mut Settings, op: Op) {
    let q_ids = s.questions.iter().map(|q| q.id.clone()).collect::<Vec<_>>();
    let c_ids = s.checks.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
    let sq_ids = s
        .policy
        .screening
        .iter()
        .map(|q| q.id.clone())
        .collect::<Vec<_>>();
    let dir = |up| if up { Move::Up } else { Move::Down };
    // Whether each succeeds depends on the case; none may panic.
    let _ = match op {
        Op::AddQuestion(section, kind, label, required) => {
            let kind = match kind {
                0 => Kind::Text,
                1 => Kind::YesNo,
                _ => Kind::Choice(vec![option("A"), option("B")]),
            };
            s.add_question(Section::ALL[section], kind, &label, "", required)
                .map(drop)
        }
        Op::Label(i, label) => s.set_question_label(&pick(q_ids, i), &label),
        Op::Section(i, section) => s.set_question_section(&pick(q_ids, i), Section::ALL[section]),
        Op::Options(i, labels) => {
            s.set_question_options(&pick(q_ids, i), labels.iter().map(|l| option(l)).collect())
        }
        Op::MoveQuestion(i, up) => s.move_question(&pick(q_ids, i), dir(up)),
        Op::RemoveQuestion(i) => s.remove_question(&pick(q_ids, i)).map(drop),
        Op::AddCheck(q, w, severity) => s
            .add_check(
                &pick(q_ids, q),
                when(w),
                Severity::ALL[severity],
                "A message.",
            )
            .map(drop),
        Op::ChangeCheck(c, q, w) => s.change_check(
            &pick(c_ids, c),
            &pick(q_ids, q),
            when(w),
            Severity::Advice,
            "Changed.",
        ),
        Op::MoveCheck(i, up) => s.move_check(&pick(c_ids, i), dir(up)),
        Op::RemoveCheck(i) => s.remove_check(&pick(c_ids, i)).map(drop),
        Op::AddScreening(label) => s.add_screening(&label, "").map(drop),
        Op::MoveScreening(i, up) => s.move_screening(&pick(sq_ids, i), dir(up)),
        Op::RemoveScreening(i) => s.remove_screening(&pick(sq_ids, i)).map(drop),
    };
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..Default::default() })]

    /// Any run of edits, refused or not, leaves settings whose ids, references and
    /// `when`s a file's checks accept: only what was typed can be wrong. And whenever
    /// they validate, their file reads back as them.
    #[test]
    fn edits_never_break_the_settings_structure(ops in prop::collection::vec(op(), 0..30)) {
        let mut s = read(EXAMPLE).unwrap();
        for op in ops {
            apply(&mut s, op);
        }
        match s.validate() {
            Ok(v) => round_trip(&v),
            Err(problems) => {
                for p in problems {
                    let path = p.path.to_string();
                    prop_assert!(
                        path.ends_with("label") || path.ends_with("options"),
                        "{}", p
                    );
                }
            }
        }
    }
}
