//! The assessment read and written by hand (`assessment::read`, `assessment::write`)
//! against serde's derived deserialisers (through `shape::from_value`) and serialisers,
//! which they replaced in the app and which are kept natively as their reference: for
//! generated assessments with every kind of field filled, both write the same JSON; for
//! those and thousands of damaged copies of them, both read the same assessment or give
//! the same error (path and kind).

#[path = "fixtures/export/generate.rs"]
#[allow(dead_code)] // `today` is for the export tests
mod generate;

use lia::assessment::accepted::Accepted;
use lia::assessment::organisation_answers::{Chosen, OrgAnswer, OrgValue, OrganisationRecord};
use lia::assessment::shape::{from_value, ShapeError};
use lia::assessment::{read, write};
use lia::assessment::{
    Assessment, Comment, Decision, PrivacyEdit, QuestionId, Reply, Reviewed, Round, Section,
    Signature, Verdict, YesNo,
};
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{json, Value};

const DIGEST: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

/// `a` with every optional part of the record filled, nested assessment included.
fn filled(mut a: Assessment, inner: Assessment) -> Assessment {
    a.reviewed = Some(Reviewed {
        version: 2,
        approved_on: Some("2026-01-02".into()),
        digest: DIGEST.into(),
        lineage: Some("first".into()),
    });
    a.accepted = vec![Accepted {
        rule: "R1".into(),
        detail: "impact 2".into(),
        reason: "because".into(),
        answers: DIGEST.into(),
        date: "2026-02-03".into(),
    }];
    let decision = Decision {
        verdict: Verdict::Returned,
        name: "Sam".into(),
        role: "DPO".into(),
        organisation: "Acme".into(),
        by_author: true,
        date: "2026-03-04".into(),
        note: "see below".into(),
        comments: vec![Comment {
            section: Section::SignOff,
            text: "date?".into(),
        }],
        signature: Some(Signature {
            algorithm: "Ed25519".into(),
            key: "a2V5".into(),
            value: "c2ln".into(),
        }),
    };
    let mut round = Round::sent("2026-03-01".into(), DIGEST.into());
    round.decision = Some(decision);
    round.replies = vec![
        Reply {
            section: Some(Section::Dpia),
            text: "done".into(),
        },
        Reply {
            section: None,
            text: "all".into(),
        },
    ];
    round.as_returned = Some(Box::new(inner));
    a.handover = vec![round, Round::sent("2026-04-01".into(), DIGEST.into())];
    a.privacy_wording = Some(Box::new(PrivacyEdit {
        text: "We use".into(),
        suggested: "We may use".into(),
    }));
    *a.check_again = vec![(
        QuestionId::SignOffApprovedName,
        QuestionId::SignOffApprovedRole,
    )];
    a.rules_version = Some(3);
    a.organisation = Some(Box::new(organisation()));
    a
}

/// Settings a record was made under, with an answer of each kind.
fn organisation() -> OrganisationRecord {
    let answer = |id: &str, section, value| OrgAnswer {
        id: id.into(),
        section,
        label: "Asked?".into(),
        value,
    };
    OrganisationRecord {
        name: "Riverside HA".into(),
        revision: "2026.1".into(),
        digest: DIGEST.into(),
        dpo_contact: Some("dpo@riverside.example".into()),
        privacy_notice_title: Some("Tenants' privacy notice".into()),
        privacy_notice_url: Some("https://riverside.example/privacy".into()),
        answers: vec![
            answer("funding", Section::About, OrgValue::Text("Grant".into())),
            answer(
                "board-seen",
                Section::Decision,
                OrgValue::YesNo(YesNo::NotSure),
            ),
            answer(
                "team",
                Section::Purpose,
                OrgValue::Choice(Chosen {
                    id: "housing-2".into(),
                    label: "Housing".into(),
                }),
            ),
        ],
    }
}

/// Values that are wrong somewhere (or right somewhere else): of each JSON type, the
/// record's own words, numbers at the edges of a 32-bit count.
fn odd(k: usize) -> Value {
    let keys: Vec<&str> = generate::answerable().iter().map(|q| q.key()).collect();
    let pick = |i: usize| Value::String(keys[i % keys.len()].to_string());
    match k % 32 {
        0 => Value::Null,
        1 => json!(true),
        2 => json!(-3),
        3 => json!(4_294_967_296u64),
        4 => json!(1.5),
        5 => json!(7),
        6 => json!(""),
        7 => json!("yes"),
        8 => json!("approved"),
        9 => json!("possible"),
        10 => json!("sign-off"),
        11 => pick(k / 26),
        12 => json!([]),
        13 => json!(["tenants"]),
        14 => Value::Array(vec![pick(k / 26), pick(k / 26 + 1)]),
        15 => Value::Array(vec![pick(k / 26), pick(k / 26), pick(k / 26 + 2)]),
        16 => json!({}),
        17 => json!({"x": 1}),
        18 => json!(DIGEST),
        19 => json!(DIGEST.to_uppercase()),
        20 => json!(4_294_967_295u64),
        21 => json!(["a", 1]),
        22 => json!("not-sure"),
        23 => json!({"id": "x"}),
        24 => json!([{"id": 1, "description": "d"}]),
        25 => json!("choice"),
        26 => json!("team"),
        27 => json!("Not-An-Id"),
        28 => json!({"id": "a", "label": "A"}),
        29 => Value::String("x".repeat(201)),
        30 => json!("<b>"),
        _ => json!(-1.0e300),
    }
}

/// Every key of `v` (the field names of the record types in a filled record, and the
/// answers' question keys), and one no record type has: so a damage can add a field
/// where it does not belong, or put back one that must be there.
fn names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Array(items) => items.iter().for_each(|item| names(item, out)),
        Value::Object(map) => {
            for (k, item) in map {
                if !out.contains(k) {
                    out.push(k.clone());
                }
                names(item, out);
            }
        }
        _ => {}
    }
}

/// Every node of `v`, as the steps (key or index) that lead to it.
fn nodes(v: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(at.clone());
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                at.push(Step::Index(i));
                nodes(item, at, out);
                at.pop();
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                at.push(Step::Key(k.clone()));
                nodes(item, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn at<'a>(v: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(v, |v, step| match step {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

/// One damage to one node, chosen by `pick` and `how`.
fn damage(v: &mut Value, pick: usize, how: usize) {
    let mut keys = vec!["zzz".to_string()];
    names(v, &mut keys);
    let mut all = Vec::new();
    nodes(v, &mut Vec::new(), &mut all);
    let node = at(v, &all[pick % all.len()]);
    match (how % 4, node) {
        (0, Value::Object(map)) if !map.is_empty() => {
            let key = map.keys().nth(how / 4 % map.len()).unwrap().clone();
            map.remove(&key);
        }
        (1, Value::Object(map)) => {
            map.insert(keys[how / 4 % keys.len()].clone(), odd(how / 7));
        }
        (2, Value::Array(items)) if !items.is_empty() => {
            let i = how / 4 % items.len();
            match how / 16 % 3 {
                0 => {
                    items.remove(i);
                }
                1 => items.push(items[i].clone()),
                _ => items.push(odd(how / 8)),
            }
        }
        (_, node) => *node = odd(how / 4),
    }
}

fn both(
    v: Value,
) -> (
    Result<Assessment, ShapeError>,
    Result<Assessment, ShapeError>,
) {
    (
        read::assessment(v.clone().into()),
        from_value::<Assessment>(v.into()),
    )
}

fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config(3000))]

    #[test]
    fn the_reader_agrees_with_serde_on_damaged_records(
        a in generate::assessment(),
        inner in generate::assessment(),
        damages in prop::collection::vec((any::<usize>(), any::<usize>()), 1..4),
        org in prop::option::of(generate::organisation()),
    ) {
        let mut a = filled(a, inner);
        if let Some(org) = org {
            a.organisation = Some(Box::new(org));
        }
        let mut v = serde_json::to_value(a).unwrap();
        for (pick, how) in damages {
            damage(&mut v, pick, how);
        }
        let (ours, serdes) = both(v.clone());
        prop_assert_eq!(ours, serdes, "for {}", v);
    }
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn the_reader_reads_what_is_written(
        a in generate::assessment(),
        inner in generate::assessment(),
        org in generate::organisation(),
    ) {
        let mut a = filled(a, inner);
        a.organisation = Some(Box::new(org));
        let v = serde_json::to_value(&a).unwrap();
        prop_assert_eq!(read::assessment(v.into()), Ok(a));
    }
}

/// A key no record type has, put in each object of a filled record in turn: serde's
/// error lists the fields of the type refusing it, so a field added to a record type
/// (and to serde's reader by its derive) but not to `read` fails here.
#[test]
fn every_record_type_has_the_fields_serde_has() {
    let base = serde_json::to_value(filled(generate_one(), generate_one())).unwrap();
    let mut all = Vec::new();
    nodes(&base, &mut Vec::new(), &mut all);
    let mut objects = 0;
    for path in all {
        let mut v = base.clone();
        if let Value::Object(map) = at(&mut v, &path) {
            map.insert("zzz".into(), json!(1));
            objects += 1;
            let (ours, serdes) = both(v.clone());
            assert!(ours.is_err(), "{path:?}");
            assert_eq!(ours, serdes, "{path:?}");
        }
    }
    // The assessment, its review, answers, an impact, an accepted warning, a review log
    // entry, two rounds, a decision, a comment, a signature, two replies, the wording,
    // the organisation's block, its three answers and the choice, and the nested
    // assessment's own.
    assert!(objects >= 20, "{objects}");
}

/// An assessment with an answer of each form and an impact, for the test above.
fn generate_one() -> Assessment {
    let mut v = serde_json::to_value(Assessment::new("one")).unwrap();
    v["impacts"] = json!([{"id": 1, "description": "d", "likelihood": "remote", "severity": null}]);
    v["review_log"] = json!([{"date": "2026-01-01", "note": "n"}]);
    v["answers"] = json!({"about.people": ["tenants"]});
    read::assessment(v.into()).unwrap()
}

proptest! {
    #![proptest_config(config(500))]

    /// With every part filled, and with each optional part left out in turn (serde
    /// leaves an empty part out of the JSON: so must the writer).
    #[test]
    fn the_writer_writes_what_serde_writes(
        a in generate::assessment(),
        inner in generate::assessment(),
        emptied in 0usize..14,
        org in generate::organisation(),
    ) {
        let mut a = filled(a, inner);
        match emptied {
            12 => a.organisation = None,
            13 => a.organisation = Some(Box::new(org)),
            0 => a.reviewed = None,
            1 => a.accepted[0].detail.clear(),
            2 => a.handover.clear(),
            3 => a.handover[0].decision = None,
            4 => a.handover[0].replies.clear(),
            5 => a.handover[0].as_returned = None,
            6 => {
                let d = a.handover[0].decision.as_mut().unwrap();
                d.organisation.clear();
                d.by_author = false;
                d.note.clear();
                d.comments.clear();
                d.signature = None;
            }
            7 => {
                let r = a.reviewed.as_mut().unwrap();
                r.approved_on = None;
                r.lineage = None;
            }
            8 => a.check_again.clear(),
            9 => a.privacy_wording = None,
            10 => a.rules_version = None,
            _ => {
                a.accepted.clear();
                a.review_log.clear();
            }
        }
        prop_assert_eq!(Value::from(write::assessment(&a)), serde_json::to_value(&a).unwrap());
        prop_assert_eq!(Value::from(write::round(&a.handover.first().cloned().unwrap_or_else(|| Round::sent("d".into(), DIGEST.into())))),
            serde_json::to_value(a.handover.first().cloned().unwrap_or_else(|| Round::sent("d".into(), DIGEST.into()))).unwrap());
        prop_assert_eq!(Value::from(write::impacts(&a.impacts)), serde_json::to_value(&a.impacts).unwrap());
        prop_assert_eq!(Value::from(write::answers(&a.answers)), serde_json::to_value(&a.answers).unwrap());
        prop_assert_eq!(read::assessment(write::assessment(&a)), Ok(a));
    }
}

/// Damages that the random ones may seldom reach, each named.
#[test]
fn the_reader_agrees_on_the_edges() {
    let base = serde_json::to_value(filled(Assessment::new("x"), Assessment::new("y"))).unwrap();
    let cases: Vec<(&str, Value)> = vec![
        ("not an object", json!([1])),
        ("the id missing", json!({"version": 1})),
        (
            "version too big",
            json!({"id": "x", "version": 4_294_967_296u64}),
        ),
        ("version negative", json!({"id": "x", "version": -1})),
        ("version a fraction", json!({"id": "x", "version": 1.0})),
        (
            "check_again of one",
            json!({"id": "x", "check_again": [["about.people"]]}),
        ),
        (
            "check_again of none",
            json!({"id": "x", "check_again": [[]]}),
        ),
        (
            "check_again of three, the third bad",
            json!({"id": "x", "check_again": [["about.people", "about.people", 5]]}),
        ),
        (
            "check_again's key unknown",
            json!({"id": "x", "check_again": [["nope", 1]]}),
        ),
        (
            "an unknown answer",
            json!({"id": "x", "answers": {"nope": "x"}}),
        ),
        (
            "an impact among the answers",
            json!({"id": "x", "answers": {"impact.list": "x"}}),
        ),
        (
            "a choice listed twice",
            json!({"id": "x", "answers": {"about.people": ["tenants", "tenants"]}}),
        ),
        (
            "a choice that is not one",
            json!({"id": "x", "answers": {"about.people": ["x"]}}),
        ),
        (
            "a choice's item a number",
            json!({"id": "x", "answers": {"about.people": [1]}}),
        ),
        ("a digest in capitals", {
            let mut v = base.clone();
            v["handover"][0]["content"] = json!(DIGEST.to_uppercase());
            v
        }),
        ("a decision without a date", {
            let mut v = base.clone();
            v["handover"][0]["decision"]
                .as_object_mut()
                .unwrap()
                .remove("date");
            v
        }),
        ("the organisation's digest in capitals", {
            let mut v = base.clone();
            v["organisation"]["digest"] = json!(DIGEST.to_uppercase());
            v
        }),
        ("the organisation without a digest", {
            let mut v = base.clone();
            v["organisation"].as_object_mut().unwrap().remove("digest");
            v
        }),
        ("the organisation's name too long", {
            let mut v = base.clone();
            v["organisation"]["name"] = json!("n".repeat(121));
            v
        }),
        ("the organisation's revision empty", {
            let mut v = base.clone();
            v["organisation"]["revision"] = json!(" ");
            v
        }),
        ("an id not in the pattern", {
            let mut v = base.clone();
            v["organisation"]["answers"][0]["id"] = json!("Funding");
            v
        }),
        ("an id of 41 characters", {
            let mut v = base.clone();
            v["organisation"]["answers"][0]["id"] = json!("a".repeat(41));
            v
        }),
        ("a label with markup", {
            let mut v = base.clone();
            v["organisation"]["answers"][1]["label"] = json!("Seen by the <b>board</b>?");
            v
        }),
        ("a label with a line break", {
            let mut v = base.clone();
            v["organisation"]["answers"][1]["label"] = json!("Seen\nby");
            v
        }),
        ("a choice without its label", {
            let mut v = base.clone();
            v["organisation"]["answers"][2]["choice"]
                .as_object_mut()
                .unwrap()
                .remove("label");
            v
        }),
        ("a choice without its id", {
            let mut v = base.clone();
            v["organisation"]["answers"][2]["choice"]
                .as_object_mut()
                .unwrap()
                .remove("id");
            v
        }),
        ("a choice's label too long", {
            let mut v = base.clone();
            v["organisation"]["answers"][2]["choice"]["label"] = json!("l".repeat(201));
            v
        }),
        ("a choice without its choice", {
            let mut v = base.clone();
            v["organisation"]["answers"][2]
                .as_object_mut()
                .unwrap()
                .remove("choice");
            v
        }),
        ("a text answer with a choice beside it", {
            let mut v = base.clone();
            v["organisation"]["answers"][0]["choice"] = json!({"id": "a", "label": "A"});
            v
        }),
        ("a yes/no answer that is not one", {
            let mut v = base.clone();
            v["organisation"]["answers"][1]["yes_no"] = json!("maybe");
            v
        }),
        ("a kind this tool does not ask", {
            let mut v = base.clone();
            v["organisation"]["answers"][1]["kind"] = json!("scale");
            v
        }),
        ("a question answered twice", {
            let mut v = base.clone();
            let first = v["organisation"]["answers"][0].clone();
            v["organisation"]["answers"]
                .as_array_mut()
                .unwrap()
                .push(first);
            v
        }),
        ("201 answers", {
            let mut v = base.clone();
            let one = v["organisation"]["answers"][0].clone();
            v["organisation"]["answers"] = Value::Array(
                (0..201)
                    .map(|i| {
                        let mut a = one.clone();
                        a["id"] = json!(format!("q{i}"));
                        a
                    })
                    .collect(),
            );
            v
        }),
        ("an unknown field in an answer", {
            let mut v = base.clone();
            v["organisation"]["answers"][0]["hint"] = json!("h");
            v
        }),
        ("a nested assessment's impact wrong", {
            let mut v = base.clone();
            v["handover"][0]["as_returned"]["impacts"] = json!([{"id": "one"}]);
            v
        }),
    ];
    for (what, v) in cases {
        let (ours, serdes) = both(v.clone());
        assert_eq!(ours, serdes, "{what}: {v}");
    }
}
