//! What the settings editor page (`#/settings/edit`) needs of the core besides the edits:
//! a choice's options from its text box, the file's name, the answers a check can be
//! for, where each problem of `validate` is, and the findings of a draft on the sample
//! assessment (issue 29).

use lia::assessment::model::YesNo;
use lia::assessment::questions::Section;
use lia::assessment::rules::Severity;
use lia::organisation::edit::{options_from_lines, part_of, whens, Part};
use lia::organisation::{read, Answer, Defaults, Kind, Settings, When};

const EXAMPLE: &str = include_str!("../docs/settings.example.json");

fn example() -> Settings {
    read(EXAMPLE).unwrap()
}

fn ids(findings: &[lia::organisation::Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.id.as_str()).collect()
}

#[test]
fn a_choices_options_are_its_text_boxs_lines_without_the_empty_ones() {
    assert_eq!(
        options_from_lines("  Yes, and it agreed \n\n\tNot yet\r\n   \n"),
        [
            (String::new(), "Yes, and it agreed".to_string()),
            (String::new(), "Not yet".to_string())
        ]
    );
    assert!(options_from_lines(" \n \n").is_empty());
    // Added, each is given an id made from its label.
    let mut s = Settings::blank("S", "1");
    s.add_question(
        Section::Decision,
        Kind::Choice(options_from_lines("Approved\nNot yet\nNot yet")),
        "Board?",
        "",
        false,
    )
    .unwrap();
    let Kind::Choice(options) = &s.questions[0].kind else {
        panic!("a choice")
    };
    let ids: Vec<&str> = options.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["approved", "not-yet", "not-yet-2"]);
}

#[test]
fn the_files_name_is_made_from_the_settings_name() {
    assert_eq!(
        example().file_name(),
        "lia-settings-riverside-housing-association-legitimate.json"
    );
    let mut s = Settings::blank("", "1");
    assert_eq!(s.file_name(), "lia-settings-settings.json");
    s.set_name("  Ça & Co. LIAs  ");
    assert_eq!(s.name, "Ça & Co. LIAs");
    assert_eq!(s.file_name(), "lia-settings-a-co-lias.json");
    s.set_name("../../etc/passwd");
    assert_eq!(s.file_name(), "lia-settings-etc-passwd.json");
    s.set_revision(" 2026.2 ");
    assert_eq!(s.revision, "2026.2");
}

#[test]
fn a_check_can_be_for_each_answer_its_question_can_have_and_no_other() {
    let s = example();
    let keys = |kind: &Kind| -> Vec<String> { whens(kind).into_iter().map(|(k, _)| k).collect() };
    assert_eq!(keys(&Kind::Text), ["answered", "unanswered"]);
    assert_eq!(
        keys(&Kind::YesNo),
        ["yes", "no", "not-sure", "answered", "unanswered"]
    );
    assert_eq!(
        whens(&Kind::YesNo)[0].1,
        "Answered “Yes”",
        "said in plain words"
    );
    assert_eq!(
        keys(&s.questions[2].kind),
        ["approved", "noted", "not-yet", "answered", "unanswered"]
    );
    // Every one offered is accepted by `add_check`, and read back as the file's word.
    for q in &s.questions {
        for (key, _) in whens(&q.kind) {
            let mut draft = s.clone();
            let when = When::from_key(&key);
            let id = draft
                .add_check(&q.id, when.clone(), Severity::Advice, "A message.")
                .unwrap_or_else(|r| panic!("{} {key}: {r}", q.id));
            assert_eq!(draft.checks.last().unwrap().when, when);
            // Made from the question and the answer (`-2` where the example has it already).
            assert!(id.starts_with(&format!("{}-{key}", q.id)), "{id}");
            assert!(draft.validate().is_ok(), "{} {key}", q.id);
        }
    }
    assert_eq!(When::from_key("answered"), When::Answered);
    assert_eq!(When::from_key("unanswered"), When::Unanswered);
    assert_eq!(When::from_key("not-yet"), When::Is("not-yet".into()));
}

#[test]
fn each_problem_is_placed_in_its_part_of_the_settings() {
    let mut s = example();
    s.set_name("");
    s.add_question(
        Section::About,
        Kind::Choice(options_from_lines("Only one")),
        "Which?",
        "",
        false,
    )
    .unwrap();
    s.add_check("cctv", When::Answered, Severity::Advice, "   ")
        .unwrap();
    s.add_screening("<b>Bold</b>", "").unwrap();
    s.set_defaults(Defaults {
        privacy_notice_url: Some("ftp://example.org".into()),
        dpo_contact: Some("<script>".into()),
        ..s.defaults.clone()
    });
    let problems = s.validate().unwrap_err();
    let parts: Vec<(String, Option<Part>)> = problems
        .iter()
        .map(|p| (p.path.to_string(), part_of(&p.path)))
        .collect();
    for expected in [
        ("name", Part::Name),
        ("questions[3].options", Part::Question(3)),
        ("checks[2].message", Part::Check(2)),
        ("policy.screening[1].label", Part::Screening(1)),
        ("organisation.privacy_notice.url", Part::NoticeUrl),
        ("organisation.dpo_contact", Part::DpoContact),
    ] {
        assert!(
            parts.contains(&(expected.0.to_string(), Some(expected.1))),
            "{expected:?} in {parts:?}"
        );
    }
    assert_eq!(parts.len(), 6, "{parts:?}");
    // The file as a whole is in no part.
    assert_eq!(part_of(&Default::default()), None);
}

#[test]
fn the_sample_gives_the_drafts_findings_as_it_is_answered() {
    let s = example();
    let cctv = |answer: YesNo| vec![("cctv".to_string(), Answer::YesNo(answer))];
    let yes = s.try_on(&cctv(YesNo::Yes), None);
    assert!(ids(&yes).contains(&"org.cctv-needs-dpia"), "{yes:?}");
    let finding = yes.iter().find(|f| f.id == "org.cctv-needs-dpia").unwrap();
    assert_eq!(finding.severity, Severity::Warning);
    assert_eq!(
        finding.target,
        Some(lia::organisation::Target::Organisation("cctv".into()))
    );
    // Its near miss: No finds nothing of it.
    assert!(!ids(&s.try_on(&cctv(YesNo::No), None)).contains(&"org.cctv-needs-dpia"));
    // The sample's review date (two years after completion) is later than the policy's
    // twelve months: the policy's finding, with no answer at all.
    assert!(ids(&s.try_on(&[], None)).contains(&"org.policy.review-interval"));

    // A draft's own edits count at once, before it is validated or downloaded, and an
    // answer to a question it no longer has is left out.
    let mut draft = s.clone();
    let id = draft
        .add_question(Section::Nature, Kind::YesNo, "Is it filmed?", "", false)
        .unwrap();
    draft
        .add_check(
            &id,
            When::Is("yes".into()),
            Severity::Blocker,
            "No filming.",
        )
        .unwrap();
    let answers = vec![
        (id.clone(), Answer::YesNo(YesNo::Yes)),
        ("gone".to_string(), Answer::Text("x".into())),
    ];
    let found = draft.try_on(&answers, None);
    assert!(ids(&found).contains(&"org.is-it-filmed-yes"), "{found:?}");
    draft.remove_question(&id).unwrap();
    assert!(!ids(&draft.try_on(&answers, None)).contains(&"org.is-it-filmed-yes"));
}
