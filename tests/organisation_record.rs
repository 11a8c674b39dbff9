//! A record made under an organisation's settings (issue 29): it carries their name,
//! revision and digest and its answers to their questions, each with the question as
//! asked, through the stored record, the JSON export and the HTML report, where no
//! settings are loaded; a damaged block is refused with its path; a version 1 file still
//! reads; an approval covers the block, and a record without one has the digests it had
//! before the block existed; "what changed" lists the block's changes.

use lia::assessment::examples::EXAMPLES;
use lia::assessment::organisation_answers::{Chosen, OrgAnswer, OrgValue, OrganisationRecord};
use lia::assessment::schema::{read_assessment, SchemaError, SCHEMA_VERSION};
use lia::assessment::shape::Kind;
use lia::assessment::{
    assessment_digest, content_digest, reviewed_digest, Assessment, Section, YesNo,
};
use lia::compare::{compare, listing, Kind as Change};
use lia::export::{import, to_html, to_json, DigestCheck, ImportError};
use lia::organisation::{self, answers_of, record_of, Answer, Facts, Settings};
use lia::vec_map::VecMap;
use serde_json::{json, Value};

const AT: &str = "2026-11-22T10:15:00Z";

fn settings() -> Settings {
    let text = include_str!("../docs/settings.example.json");
    organisation::read(text).expect("the example settings read")
}

/// An answer to each of the example settings' questions and its screening question.
fn answers() -> VecMap<String, Answer> {
    VecMap::from([
        ("system".to_string(), Answer::Text("Housing CRM".into())),
        ("cctv".to_string(), Answer::YesNo(YesNo::Yes)),
        ("igb".to_string(), Answer::Choice("not-yet".into())),
        ("tenancy-decisions".to_string(), Answer::YesNo(YesNo::No)),
    ])
}

/// The first example, made under the example settings.
fn made_under_settings() -> Assessment {
    let mut a = (EXAMPLES[0].build)("org-1");
    a.organisation = Some(Box::new(record_of(&settings(), &answers())));
    a
}

#[test]
fn the_block_names_the_settings_and_each_question_as_asked() {
    let settings = settings();
    let record = record_of(&settings, &answers());
    assert_eq!(
        (
            record.name.as_str(),
            record.revision.as_str(),
            &record.digest
        ),
        (
            settings.name.as_str(),
            settings.revision.as_str(),
            &settings.digest
        )
    );
    let ids: Vec<&str> = record.answers.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["system", "cctv", "igb", "tenancy-decisions"]);
    let igb = record.answer("igb").unwrap();
    assert_eq!(igb.section, Section::Decision);
    assert_eq!(igb.label, settings.questions[2].label);
    assert_eq!(
        igb.value,
        OrgValue::Choice(Chosen {
            id: "not-yet".into(),
            label: "Not yet".into()
        })
    );
    assert_eq!(
        record.answer("tenancy-decisions").unwrap().section,
        Section::Dpia
    );

    // What has no wording to record is left out: an empty text, another kind, an option
    // the question does not have, an id the settings do not have.
    let odd = VecMap::from([
        ("system".to_string(), Answer::Text("  ".into())),
        ("cctv".to_string(), Answer::Text("yes".into())),
        ("igb".to_string(), Answer::Choice("maybe".into())),
        ("nobody".to_string(), Answer::YesNo(YesNo::Yes)),
    ]);
    assert!(record_of(&settings, &odd).answers.is_empty());
}

#[test]
fn the_findings_run_on_the_record_alone() {
    let settings = settings();
    let a = made_under_settings();
    let from_record = Facts {
        answers: answers_of(a.organisation.as_ref().unwrap()),
        ..Facts::default()
    };
    let given = Facts {
        answers: answers(),
        ..Facts::default()
    };
    let found = organisation::findings(&settings, &from_record);
    assert_eq!(found, organisation::findings(&settings, &given));
    let ids: Vec<&str> = found.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["org.cctv-needs-dpia", "org.igb-not-yet"]);
    assert!(organisation::made_under(
        a.organisation.as_ref().unwrap(),
        &settings
    ));
}

#[test]
fn the_answers_survive_storage_export_and_report_where_no_settings_are_loaded() {
    let a = made_under_settings();

    let raw = lia::storage::record::encode(&a, 4, 1_764_000_000_000.0);
    let stored = lia::storage::record::decode("org-1", &raw).unwrap();
    assert_eq!(stored.assessment, a);

    // Nothing of the settings is at hand on import: the record carries what it shows.
    let json = to_json(&a, AT, None);
    let imported = import(json.as_bytes()).unwrap();
    assert_eq!(imported.assessment, a);
    assert_eq!(imported.digest, DigestCheck::Matches);
    assert_eq!(imported.migrated_from, None);
    assert_eq!(to_json(&imported.assessment, AT, None), json);
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["schema_version"], json!(SCHEMA_VERSION));
    assert_eq!(
        value["assessment"]["organisation"]["answers"][2],
        json!({
            "id": "igb",
            "section": "decision",
            "kind": "choice",
            "label": settings().questions[2].label,
            "choice": {"id": "not-yet", "label": "Not yet"}
        })
    );

    let html = to_html(&a, AT, None);
    let from_report = import(html.as_bytes()).unwrap();
    assert_eq!(from_report.assessment, a);
    assert_eq!(from_report.digest, DigestCheck::Matches);

    let shown: Vec<(&str, &str)> = from_report
        .assessment
        .organisation
        .as_ref()
        .unwrap()
        .answers
        .iter()
        .map(|x| (x.label.as_str(), x.value.shown()))
        .collect();
    assert_eq!(shown[1].1, "Yes");
    assert_eq!(shown[2].1, "Not yet");
}

/// The export of `made_under_settings` with `edit` made to its organisation block.
fn damaged(edit: impl Fn(&mut Value)) -> Value {
    let mut value: Value =
        serde_json::from_str(&to_json(&made_under_settings(), AT, None)).unwrap();
    edit(&mut value["assessment"]["organisation"]);
    value
}

#[test]
fn a_damaged_block_is_refused_with_its_path() {
    type Edit = fn(&mut Value);
    type Is = fn(&Kind) -> bool;
    let cases: Vec<(Edit, &str, Is)> = vec![
        (
            |o| o["digest"] = json!("ABC"),
            "organisation.digest",
            |k| matches!(k, Kind::WrongValue { .. }),
        ),
        (
            |o| o["digest"] = json!("A".repeat(64)),
            "organisation.digest",
            |k| matches!(k, Kind::WrongValue { .. }),
        ),
        (
            |o| {
                o.as_object_mut().unwrap().remove("revision");
            },
            "organisation.revision",
            |k| *k == Kind::Missing,
        ),
        (
            |o| o["name"] = json!("n".repeat(121)),
            "organisation.name",
            |k| matches!(k, Kind::WrongValue { .. }),
        ),
        (
            |o| o["answers"][0]["id"] = json!("System"),
            "organisation.answers[0].id",
            |k| matches!(k, Kind::WrongValue { .. }),
        ),
        (
            |o| o["answers"][0]["id"] = json!("a".repeat(41)),
            "organisation.answers[0].id",
            |k| matches!(k, Kind::WrongValue { .. }),
        ),
        (
            |o| o["answers"][1]["label"] = json!("<script>alert(1)</script>"),
            "organisation.answers[1].label",
            |k| matches!(k, Kind::WrongValue { .. }),
        ),
        (
            |o| o["answers"][1]["label"] = json!("l".repeat(201)),
            "organisation.answers[1].label",
            |k| matches!(k, Kind::WrongValue { .. }),
        ),
        (
            |o| {
                o["answers"][2]["choice"]
                    .as_object_mut()
                    .unwrap()
                    .remove("label");
            },
            "organisation.answers[2].choice.label",
            |k| *k == Kind::Missing,
        ),
        (
            |o| {
                o["answers"][2]["choice"]
                    .as_object_mut()
                    .unwrap()
                    .remove("id");
            },
            "organisation.answers[2].choice.id",
            |k| *k == Kind::Missing,
        ),
        (
            |o| {
                o["answers"][2].as_object_mut().unwrap().remove("choice");
            },
            "organisation.answers[2].choice",
            |k| *k == Kind::Missing,
        ),
        (
            |o| o["answers"][0]["yes_no"] = json!("yes"),
            "organisation.answers[0]",
            |k| matches!(k, Kind::Other(_)),
        ),
        (
            |o| o["answers"][1]["yes_no"] = json!("maybe"),
            "organisation.answers[1].yes_no",
            |k| matches!(k, Kind::UnknownOption { .. }),
        ),
        (
            |o| o["answers"][1]["kind"] = json!("scale"),
            "organisation.answers[1].kind",
            |k| matches!(k, Kind::UnknownOption { .. }),
        ),
        (
            |o| o["answers"][3]["hint"] = json!("h"),
            "organisation.answers[3].hint",
            |k| matches!(k, Kind::UnknownField { .. }),
        ),
        (
            |o| o["settings"] = json!("x"),
            "organisation.settings",
            |k| matches!(k, Kind::UnknownField { .. }),
        ),
        (
            |o| o["answers"][3]["id"] = json!("system"),
            "organisation.answers",
            |k| matches!(k, Kind::Other(why) if why.contains("“system”")),
        ),
        (
            |o| {
                let one = o["answers"][0].clone();
                o["answers"] = Value::Array(
                    (0..201)
                        .map(|i| {
                            let mut a = one.clone();
                            a["id"] = json!(format!("q{i}"));
                            a
                        })
                        .collect(),
                );
            },
            "organisation.answers",
            |k| matches!(k, Kind::WrongLength { found: 201, .. }),
        ),
    ];
    for (edit, path, kind) in cases {
        let value = damaged(edit);
        let bytes = serde_json::to_vec(&value).unwrap();
        match import(&bytes) {
            Err(ImportError::Shape(e)) => {
                assert_eq!(e.path.to_string(), path, "{e}");
                assert!(kind(&e.kind), "{path}: {:?}", e.kind);
                let message = ImportError::Shape(e).message();
                assert!(message.contains(path), "{message}");
            }
            other => panic!("{path}: {other:?}"),
        }
    }
    // 200 answers, each question once, are read.
    let many = damaged(|o| {
        let one = o["answers"][0].clone();
        o["answers"] = Value::Array(
            (0..200)
                .map(|i| {
                    let mut a = one.clone();
                    a["id"] = json!(format!("q{i}"));
                    a
                })
                .collect(),
        );
    });
    let a = read_assessment(many["assessment"].clone().into(), SCHEMA_VERSION).unwrap();
    assert_eq!(a.organisation.unwrap().answers.len(), 200);
}

#[test]
fn a_version_1_file_still_reads_and_a_newer_record_is_refused_by_version() {
    // Written by the release before the block (aa0486f): approved, with its hand-over.
    let v1 = include_str!("fixtures/export/v1-export.json");
    let imported = import(v1.as_bytes()).unwrap();
    assert_eq!(imported.migrated_from, Some(1));
    assert_eq!(imported.digest, DigestCheck::Matches);
    assert_eq!(imported.assessment.organisation, None);
    assert!(!lia::handover::stage(&imported.assessment).approval_broken());

    // A version 1 file cannot carry the block: a version 1 tool refuses the field.
    let mut forged: Value = serde_json::from_str(v1).unwrap();
    forged["assessment"]["organisation"] =
        serde_json::to_value(made_under_settings().organisation).unwrap();
    assert!(import(&serde_json::to_vec(&forged).unwrap()).is_err());

    // This release's record says its version, so a version 1 tool says "newer version".
    let value = serde_json::to_value(made_under_settings()).unwrap();
    assert_eq!(
        read_assessment(value.into(), SCHEMA_VERSION + 1),
        Err(SchemaError::Future(SCHEMA_VERSION + 1))
    );
}

#[test]
fn a_record_without_the_block_keeps_the_digests_it_had_before() {
    // Each example's canonical JSON, export digest, content digest and reviewed digest,
    // as the release before the block (aa0486f) worked them out: approvals and their
    // signatures bound to them must still verify.
    let before = [
        (
            "credit-reference",
            "4e3c670447a5cfb0f7f6cb3acf7951747e1a148989785d4c3f87746311b4eeb0",
            "428534443366ad438aa0bad3d418ecb4144c550737f024cf645f9a5a4086ba00",
        ),
        (
            "emergency-contacts",
            "b7d0e4d6d9d61fc756f3c7a4b3c70e6d05f4bd09ed4e2d9f8a5a9906e0366897",
            "6e9d211c34d76912c200c04e26b0f347da2769a2a35ccecb73fcb98f11cbadb4",
        ),
        (
            "legal-advice",
            "57334c846682a50f4e8812e5aef9f8a1911228e804b4948509498f8c6175554d",
            "a61b6076eb2998befcf89026625b9fd60fcc639dcf0959e56476b899e7c06b66",
        ),
        (
            "postal-offers",
            "01e102223a67df5b9e1101f6e89f191434baa5e36fda280b2fbc77582e62d004",
            "af18db1a2acca0d5dc2159b989c9cb18911e8084aca80ee1c715135a577597f2",
        ),
        (
            "housing-marketing",
            "a4110fb917694de20525ec01591cff807f7a7c4234b9842a29ef9a2990e16f11",
            "1fc24decfb4c161f246c951b6c12564e4dfa5254846664dbe16e8ddbcb8ea4cc",
        ),
    ];
    assert_eq!(EXAMPLES.len(), before.len());
    for (example, (key, whole, content)) in EXAMPLES.iter().zip(before) {
        let a = (example.build)(example.key);
        assert_eq!(example.key, key);
        let canonical =
            lia::assessment::canonical::canonical_json(&lia::assessment::write::assessment(&a));
        assert!(!canonical.contains("\"organisation\":"), "{key}");
        assert_eq!(
            lia::assessment::canonical::sha256_hex(canonical.as_bytes()),
            whole,
            "{key}"
        );
        assert_eq!(assessment_digest(&a), whole, "{key}");
        assert_eq!(reviewed_digest(&a), whole, "{key}");
        assert_eq!(content_digest(&a), content, "{key}");
    }
    // The approved fixture with a review log and a decision: all three digests.
    let v1 = import(include_bytes!("fixtures/export/v1-export.json")).unwrap();
    let a = v1.assessment;
    assert_eq!(
        assessment_digest(&a),
        "2bcb4dc2fef731ffe0f1e0087e468939ff1f8f9d22ee7ab40ee7cd5bf80b8038"
    );
    assert_eq!(
        reviewed_digest(&a),
        "bf21a37df572ebf15b53d85245450be853e15412c8d5c832b2d5dee007bb5686"
    );
    assert_eq!(content_digest(&a), a.handover[0].content);
}

#[test]
fn an_approval_covers_the_block() {
    let a = made_under_settings();
    let without = {
        let mut b = a.clone();
        b.organisation = None;
        b
    };
    assert_ne!(content_digest(&a), content_digest(&without));

    type Edit = fn(&mut OrganisationRecord);
    let edits: Vec<(&str, Edit)> = vec![
        ("a text", |o| {
            o.answers[0].value = OrgValue::Text("Other CRM".into())
        }),
        ("a yes/no", |o| {
            o.answers[1].value = OrgValue::YesNo(YesNo::No)
        }),
        ("a choice", |o| {
            o.answers[2].value = OrgValue::Choice(Chosen {
                id: "noted".into(),
                label: "Yes, for information".into(),
            })
        }),
        ("a choice's label", |o| {
            if let OrgValue::Choice(c) = &mut o.answers[2].value {
                c.label = "Not yet seen".into();
            }
        }),
        ("a label", |o| o.answers[0].label = "Which system?".into()),
        ("a section", |o| o.answers[0].section = Section::Purpose),
        ("an answer removed", |o| {
            o.answers.pop();
        }),
        ("an answer added", |o| {
            o.answers.push(OrgAnswer {
                id: "extra".into(),
                section: Section::About,
                label: "Extra?".into(),
                value: OrgValue::YesNo(YesNo::Yes),
            })
        }),
        ("the revision", |o| o.revision = "2026.2".into()),
        ("the name", |o| o.name = "Other".into()),
        ("the digest", |o| o.digest = "0".repeat(64)),
    ];
    let approved = content_digest(&a);
    for (what, edit) in edits {
        let mut b = a.clone();
        edit(b.organisation.as_mut().unwrap());
        assert_ne!(content_digest(&b), approved, "{what}");
    }
}

#[test]
fn what_changed_lists_the_organisation_answers_and_the_settings() {
    let before = made_under_settings();
    let mut after = before.clone();
    {
        let o = after.organisation.as_mut().unwrap();
        o.revision = "2026.2".into();
        o.digest = "0".repeat(64);
        o.answers[0].value = OrgValue::Text("Housing CRM and e-mail".into());
        o.answers[2].value = OrgValue::Choice(Chosen {
            id: "approved".into(),
            label: "Yes, and it agreed".into(),
        });
        o.answers.remove(1);
        o.answers.push(OrgAnswer {
            id: "funding".into(),
            section: Section::About,
            label: "How is it funded?".into(),
            value: OrgValue::Text("Grant".into()),
        });
    }
    let changes = compare(&before, &after, None);
    let about = changes
        .sections
        .iter()
        .find(|s| s.section == Section::About)
        .unwrap();
    let kinds: Vec<(&str, Change)> = about
        .organisation
        .iter()
        .map(|c| (c.label.as_str(), c.kind))
        .collect();
    let system = settings().questions[0].label.clone();
    assert_eq!(
        kinds,
        [
            (system.as_str(), Change::Changed),
            ("How is it funded?", Change::Added)
        ]
    );
    assert!(about.organisation[0].words.is_some());

    let groups = listing(&changes);
    let lines: Vec<(&str, &str, String, String)> = groups
        .iter()
        .flat_map(|g| g.lines.iter())
        .map(|l| {
            let text = |spans: &[lia::compare::Span]| {
                spans.iter().map(|s| s.text.as_str()).collect::<String>()
            };
            (l.what.as_str(), l.change, text(&l.before), text(&l.after))
        })
        .collect();
    let settings = settings();
    let cctv = &settings.questions[1].label;
    let igb = &settings.questions[2].label;
    assert!(
        lines.contains(&(cctv.as_str(), "Removed", "Yes".into(), String::new())),
        "{lines:#?}"
    );
    assert!(
        lines.contains(&(
            igb.as_str(),
            "Changed",
            "Not yet".into(),
            "Yes, and it agreed".into()
        )),
        "{lines:#?}"
    );
    assert!(
        lines.contains(&("How is it funded?", "Added", String::new(), "Grant".into())),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.2 == "Housing CRM" && l.3 == "Housing CRM and e-mail"),
        "{lines:#?}"
    );
    let heading = groups
        .iter()
        .find(|g| g.heading == "The organisation's settings")
        .expect("the settings' change is listed");
    assert_eq!(heading.lines[0].change, "Changed");
    assert!(heading.lines[0].before[0].text.contains("revision 2026.1"));
    assert!(heading.lines[0].after[0].text.contains("revision 2026.2"));

    // Made under settings, or no longer: the settings are added or removed.
    let mut without = before.clone();
    without.organisation = None;
    let changes = compare(&without, &before, None);
    assert_eq!(changes.settings.as_ref().unwrap().before, None);
    assert_eq!(
        changes
            .sections
            .iter()
            .map(|s| s.organisation.len())
            .sum::<usize>(),
        4
    );
    // Another edition under the same name and revision: told apart by its digest.
    let mut edited = before.clone();
    edited.organisation.as_mut().unwrap().digest = "0".repeat(64);
    let changes = compare(&before, &edited, None);
    assert_eq!(changes.len(), 1);
    let listed = listing(&changes);
    assert!(listed[0].lines[0].after[0].text.ends_with(&"0".repeat(64)));

    // No change at all: nothing listed.
    assert!(compare(&before, &before.clone(), None).is_empty());
}
