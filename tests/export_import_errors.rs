//! One test per kind of bad file: each gets its own error, and a message that says
//! what is wrong (and where) in plain words.

use lia::assessment::examples::example;
use lia::assessment::schema::SCHEMA_VERSION;
use lia::assessment::shape::{Expected, Found, Kind, Path, Segment, ShapeError};
use lia::assessment::{Assessment, QuestionId};
use lia::export::{
    import, json_schema, to_html, to_json, DigestCheck, Encoding, HiddenPlace, ImportError,
    Imported, UnclearMarkup, MAX_IMPORT_BYTES,
};
use serde_json::{json, Value};

const AT: &str = "2026-11-22T10:15:00Z";

fn sample() -> Assessment {
    (example("credit-reference").unwrap().build)("sample")
}

fn export_value() -> Value {
    serde_json::from_str(&to_json(&sample(), AT, None)).unwrap()
}

fn import_value(value: &Value) -> Result<Imported, ImportError> {
    import(serde_json::to_string_pretty(value).unwrap().as_bytes())
}

fn error_of(bytes: &[u8]) -> ImportError {
    match import(bytes) {
        Err(e) => e,
        Ok(imported) => panic!("imported {:?}", imported.assessment.id),
    }
}

fn assert_says(e: &ImportError, words: &[&str]) {
    let message = e.message();
    for w in words {
        assert!(message.contains(w), "{message:?} does not say {w:?}");
    }
    assert_eq!(e.to_string(), message);
}

#[test]
fn an_empty_file() {
    for bytes in [&b""[..], b"   \n\t ", b"\xef\xbb\xbf"] {
        let e = error_of(bytes);
        assert_eq!(e, ImportError::Empty, "{bytes:?}");
        assert_says(&e, &["The file is empty"]);
    }
}

#[test]
fn a_file_over_the_size_limit_says_its_size_and_the_limit() {
    let e = error_of(&vec![b' '; 7 * 1024 * 1024 + 300_000]);
    assert_eq!(
        e,
        ImportError::TooLarge {
            bytes: 7 * 1024 * 1024 + 300_000
        }
    );
    assert_says(
        &e,
        &[
            "too large",
            "7.3 MB",
            "7,640,032 bytes",
            "the limit is 5 MB",
            "5,242,880 bytes",
        ],
    );
    // One byte over is refused; a real export padded to exactly the limit is read.
    let e = error_of(&vec![b' '; MAX_IMPORT_BYTES + 1]);
    assert_says(&e, &["5,242,881 bytes"]);
    let mut padded = to_json(&sample(), AT, None).into_bytes();
    padded.resize(MAX_IMPORT_BYTES, b'\n');
    assert_eq!(import(&padded).unwrap().assessment, sample());
}

#[test]
fn a_file_that_is_not_utf8() {
    let mut bytes = b"{\"format\": \"lia-".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    let e = error_of(&bytes);
    assert_eq!(e, ImportError::NotUtf8 { offset: 16 });
    assert_says(&e, &["not UTF-8 text", "byte 17"]);
}

#[test]
fn a_file_that_is_not_json_gives_the_line_and_column() {
    let text = "{\n  \"format\": \"lia-assessment\",\n  oops\n}";
    let e = error_of(text.as_bytes());
    assert!(
        matches!(
            e,
            ImportError::NotJson {
                line: 3,
                column: 3,
                truncated: false,
                ..
            }
        ),
        "{e:?}"
    );
    assert_says(
        &e,
        &[
            "not valid JSON",
            "line 3, column 3 (\"o\" is not expected there)",
        ],
    );
    let e = error_of(b"Dear colleague, please find the LIA attached.");
    assert_says(&e, &["not valid JSON", "line 1, column 1"]);
}

#[test]
fn a_file_cut_short() {
    let json = to_json(&sample(), AT, None);
    let e = error_of(&json.as_bytes()[..json.len() / 2]);
    assert!(
        matches!(
            e,
            ImportError::NotJson {
                truncated: true,
                ..
            }
        ),
        "{e:?}"
    );
    assert_says(&e, &["not valid JSON", "cut short"]);
}

#[test]
fn json_that_is_not_an_export() {
    for (value, words) in [
        (
            json!([1, 2, 3]),
            &["not an assessment exported from this tool"][..],
        ),
        (
            json!({"name": "something"}),
            &["not an assessment exported", "\"format\""],
        ),
        (
            json!({"format": "ico-template"}),
            &["its format is \"ico-template\", not \"lia-assessment\""],
        ),
    ] {
        let e = import_value(&value).unwrap_err();
        assert!(matches!(e, ImportError::NotAnExport { .. }), "{e:?}");
        assert_says(&e, words);
    }
    let bare = serde_json::to_value(sample()).unwrap();
    let e = import_value(&bare).unwrap_err();
    assert_says(&e, &["holds an assessment but not the export details"]);
}

#[test]
fn an_export_without_its_assessment_or_version() {
    for field in ["assessment", "schema_version"] {
        let mut value = export_value();
        value.as_object_mut().unwrap().remove(field);
        let e = import_value(&value).unwrap_err();
        assert_eq!(e, ImportError::MissingField(field));
        assert_says(&e, &[&format!("it has no \"{field}\" field")]);
    }
}

#[test]
fn envelope_fields_of_the_wrong_type_are_named() {
    for (field, bad, words) in [
        ("schema_version", json!("1"), "should be a whole number"),
        ("schema_version", json!(-1), "should be a whole number"),
        ("schema_version", json!(1.5), "should be a whole number"),
        ("format", json!(7), "should be the text \"lia-assessment\""),
        (
            "exported_at",
            json!(20261122),
            "should be a date and time as exports write it (2026-11-26T10:00:00Z)",
        ),
        // Written into the assessment's log, so only in the schema's form.
        (
            "exported_at",
            json!("22/11/2026, approved by the DPO"),
            "should be a date and time as exports write it",
        ),
    ] {
        let mut value = export_value();
        value[field] = bad;
        let e = import_value(&value).unwrap_err();
        assert!(matches!(e, ImportError::WrongType { .. }), "{e:?}");
        assert_says(&e, &[&format!("\"{field}\" field is not right"), words]);
    }
}

#[test]
fn an_assessment_of_the_wrong_shape_names_the_field() {
    type Edit = fn(&mut Value);
    let cases: Vec<(Edit, &str, &str)> = vec![
        (|v| v["assessment"]["impacts"][0]["likelihood"] = json!("sometimes"), "impacts[0].likelihood", "\"sometimes\" is not one of \"remote\", \"possible\" or \"probable\""),
        (|v| v["assessment"]["impacts"][1]["id"] = json!("two"), "impacts[1].id", "it is the text \"two\", but should be a whole number"),
        (|v| v["assessment"]["impacts"][0]["colour"] = json!("red"), "impacts[0].colour", "there is no such field (the fields here are \"id\", \"description\", \"likelihood\", \"severity\", \"safeguards\", \"residual_likelihood\" and \"residual_severity\")"),
        (|v| v["assessment"]["answers"]["purpose.why"] = json!(42), "answers.purpose.why", "it is the number 42, but should be text"),
        (|v| v["assessment"]["answers"]["nature.special"] = json!("maybe"), "answers.nature.special", "\"maybe\" is not one of \"yes\", \"no\" or \"not-sure\""),
        (|v| v["assessment"]["answers"]["about.people"] = json!(["aliens"]), "answers.about.people", "\"aliens\" is not one of the options"),
        (|v| v["assessment"]["answers"]["no.such"] = json!("x"), "answers.no.such", "there is no question with this key"),
        (|v| v["assessment"]["id"] = json!(7), "id", "it is the number 7, but should be text"),
        (|v| v["assessment"]["status"] = json!("signed"), "status", "\"signed\" is not one of \"draft\" or \"approved\""),
        (|v| v["assessment"]["version"] = json!(-3), "version", "it is the number -3, but should be a whole number"),
        (|v| v["assessment"]["answers"]["about.people"] = json!("tenants"), "answers.about.people", "it is the text \"tenants\", but should be a list of option keys"),
    ];
    for (edit, path, reason) in cases {
        let mut value = export_value();
        edit(&mut value);
        let e = import_value(&value).unwrap_err();
        match &e {
            ImportError::Shape(shape) => assert_eq!(shape.path.to_string(), path, "{e:?}"),
            other => panic!("{path}: {other:?}"),
        }
        assert_says(
            &e,
            &[&format!("the field \"{path}\" is not right: {reason}.")],
        );
    }
    let mut value = export_value();
    value["assessment"]["review_log"] = json!([{"date": "2026-01-01"}]);
    let e = import_value(&value).unwrap_err();
    assert_says(&e, &["the field \"review_log[0].note\" is missing."]);
}

#[test]
fn an_assessment_that_is_not_an_object_or_has_unknown_fields() {
    let mut value = export_value();
    value["assessment"] = json!("see attached");
    let e = import_value(&value).unwrap_err();
    assert_says(
        &e,
        &["cannot be read: it is the text \"see attached\", but should be an object"],
    );

    let mut value = export_value();
    value["assessment"]["signature"] = json!("x");
    let e = import_value(&value).unwrap_err();
    assert_says(
        &e,
        &["the field \"signature\" is not right: there is no such field"],
    );

    let mut value = export_value();
    value["assessment"].as_object_mut().unwrap().remove("id");
    let e = import_value(&value).unwrap_err();
    assert_says(&e, &["the field \"id\" is missing"]);
}

#[test]
fn a_file_from_a_newer_version_of_the_tool() {
    let mut value = export_value();
    value["schema_version"] = json!(SCHEMA_VERSION + 1);
    // Even with a shape this version cannot read.
    value["assessment"]["new_field"] = json!(true);
    let e = import_value(&value).unwrap_err();
    assert_eq!(
        e,
        ImportError::Future {
            version: SCHEMA_VERSION + 1
        }
    );
    assert_says(
        &e,
        &[
            "saved by a newer version of this tool",
            &format!("format version {}", SCHEMA_VERSION + 1),
        ],
    );
}

#[test]
fn a_format_version_no_release_has_written() {
    let mut value = export_value();
    value["schema_version"] = json!(0);
    let e = import_value(&value).unwrap_err();
    assert_eq!(e, ImportError::UnknownVersion { version: 0 });
    assert_says(
        &e,
        &["format version 0", "no version of this tool has written"],
    );
}

#[test]
fn an_html_file_without_an_assessment() {
    for html in [
        "<!DOCTYPE html><html><body><p>Minutes of the meeting</p></body></html>",
        "<html><script type=\"application/json\" id=\"other\">{}</script></html>",
        "<p>",
    ] {
        let e = error_of(html.as_bytes());
        assert_eq!(e, ImportError::NoEmbeddedAssessment, "{html}");
        assert_says(&e, &["This HTML file has no assessment in it"]);
    }
}

#[test]
fn an_html_report_whose_copy_is_damaged_says_so_and_why() {
    let html = to_html(&sample(), AT, None);
    let damaged = html.replacen("\"format\": \"lia-assessment\"", "\"format\": lia", 1);
    let e = error_of(damaged.as_bytes());
    assert!(
        matches!(&e, ImportError::InReport(inner) if matches!(**inner, ImportError::NotJson { .. })),
        "{e:?}"
    );
    assert_says(
        &e,
        &[
            "This HTML report carries a copy of an assessment, but it cannot be read",
            "not valid JSON",
        ],
    );

    let damaged = html.replacen(
        "\"likelihood\": \"possible\"",
        "\"likelihood\": \"often\"",
        1,
    );
    let e = error_of(damaged.as_bytes());
    assert_says(&e, &["HTML report", "impacts[0].likelihood"]);
}

#[test]
fn a_file_without_a_digest_is_read_and_flagged() {
    let mut value = export_value();
    value.as_object_mut().unwrap().remove("digest");
    let imported = import_value(&value).unwrap();
    assert_eq!(imported.digest, DigestCheck::Missing);
    assert_eq!(imported.assessment, sample());
}

#[test]
fn messages_stay_short_when_a_file_holds_huge_values() {
    let mut value = export_value();
    value["format"] = json!("x".repeat(100_000));
    let e = import_value(&value).unwrap_err();
    assert!(e.message().len() < 600, "{}", e.message().len());
}

// ---- Typed errors: the path and the kind come from the deserialiser itself ----------

fn field(name: &str) -> Segment {
    Segment::Field(name.into())
}

/// The shape error of an export whose assessment was changed by `edit`.
fn shape_error(edit: impl FnOnce(&mut Value)) -> ShapeError {
    let mut value = export_value();
    edit(&mut value);
    match import_value(&value).unwrap_err() {
        ImportError::Shape(e) => e,
        other => panic!("not a shape error: {other:?}"),
    }
}

fn third_impact(v: &mut Value) {
    let first = v["assessment"]["impacts"][0].clone();
    let impacts = v["assessment"]["impacts"].as_array_mut().unwrap();
    impacts.push(first);
    impacts[2]["id"] = json!(3);
}

#[test]
fn nested_paths_are_lists_of_fields_and_indexes() {
    let e = shape_error(|v| {
        third_impact(v);
        v["assessment"]["impacts"][2]["residual_severity"] = json!("grave");
    });
    assert_eq!(
        e.path,
        Path(vec![
            field("impacts"),
            Segment::Index(2),
            field("residual_severity")
        ])
    );
    assert_eq!(
        e.kind,
        Kind::UnknownOption {
            found: "grave".into(),
            options: &["minimal", "significant", "severe"]
        }
    );
    assert_eq!(
        e.to_string(),
        "the field \"impacts[2].residual_severity\" is not right: \"grave\" is not one of \"minimal\", \"significant\" or \"severe\""
    );

    let e =
        shape_error(|v| v["assessment"]["answers"]["about.people"] = json!(["tenants", "pets"]));
    assert_eq!(e.path, Path(vec![field("answers"), field("about.people")]));
    assert_eq!(e.path.to_string(), "answers.about.people");
    assert_eq!(
        e.kind,
        Kind::UnknownOption {
            found: "pets".into(),
            options: &[]
        }
    );

    let e = shape_error(|v| {
        v["assessment"]["review_log"] = json!([{"date": "2026-01-01", "note": ["a", "list"]}])
    });
    assert_eq!(
        e.path,
        Path(vec![field("review_log"), Segment::Index(0), field("note")])
    );
    assert_eq!(
        e.kind,
        Kind::WrongType {
            found: Found::List,
            expected: Expected::Text
        }
    );
    assert_eq!(
        e.to_string(),
        "the field \"review_log[0].note\" is not right: it is a list, but should be text"
    );
}

#[test]
fn a_missing_field_is_named_at_any_depth() {
    let e = shape_error(|v| {
        v["assessment"].as_object_mut().unwrap().remove("id");
    });
    assert_eq!((e.path, e.kind), (Path(vec![field("id")]), Kind::Missing));

    let e = shape_error(|v| {
        v["assessment"]["impacts"][1]
            .as_object_mut()
            .unwrap()
            .remove("description");
    });
    assert_eq!(
        (e.path.to_string(), e.kind),
        ("impacts[1].description".to_string(), Kind::Missing)
    );

    let e = shape_error(|v| v["assessment"]["review_log"] = json!([{"note": "checked"}]));
    assert_eq!(
        (e.path.to_string(), &e.kind),
        ("review_log[0].date".to_string(), &Kind::Missing)
    );
    assert_eq!(e.to_string(), "the field \"review_log[0].date\" is missing");
}

#[test]
fn unknown_fields_of_the_assessment_and_of_an_impact_are_named_with_the_fields_there() {
    let e = shape_error(|v| v["assessment"]["signature"] = json!("J. Smith"));
    assert_eq!(e.path, Path(vec![field("signature")]));
    assert_eq!(
        e.kind,
        Kind::UnknownField {
            fields: &[
                "id",
                "version",
                "status",
                "review_of",
                "reviewed",
                "answers",
                "impacts",
                "accepted",
                "review_log",
                "handover",
                "privacy_wording",
                "check_again",
                "rules_version",
                "organisation"
            ]
        }
    );

    let e = shape_error(|v| v["assessment"]["impacts"][1]["owner"] = json!("DPO"));
    assert_eq!(
        e.path,
        Path(vec![field("impacts"), Segment::Index(1), field("owner")])
    );
    assert!(
        matches!(e.kind, Kind::UnknownField { fields } if fields.contains(&"residual_severity")),
        "{e:?}"
    );

    let e = shape_error(|v| {
        v["assessment"]["review_log"] = json!([{"date": "x", "note": "y", "by": "z"}])
    });
    assert_eq!(e.path.to_string(), "review_log[0].by");
    assert_eq!(
        e.to_string(),
        "the field \"review_log[0].by\" is not right: there is no such field (the fields here are \"date\" and \"note\")"
    );
}

#[test]
fn an_unknown_question_key_and_an_option_listed_twice_are_their_own_kinds() {
    let e = shape_error(|v| v["assessment"]["answers"]["purpose.colour"] = json!("blue"));
    assert_eq!(
        e.path,
        Path(vec![field("answers"), field("purpose.colour")])
    );
    assert_eq!(e.kind, Kind::UnknownQuestion);
    assert_eq!(
        e.to_string(),
        "the field \"answers.purpose.colour\" is not right: there is no question with this key"
    );

    let e = shape_error(|v| {
        v["assessment"]["answers"]["about.people"] = json!(["tenants", "children", "tenants"])
    });
    assert_eq!(e.path, Path(vec![field("answers"), field("about.people")]));
    assert_eq!(e.kind, Kind::ListedTwice("tenants"));
    assert_eq!(
        e.to_string(),
        "the field \"answers.about.people\" is not right: \"tenants\" is listed twice"
    );
}

#[test]
fn an_id_of_the_wrong_type_says_what_it_is() {
    for (bad, found) in [
        (json!(7), "the number 7"),
        (json!(-2.5), "the number -2.5"),
        (json!(true), "true"),
        (json!(null), "null"),
        (json!(["a"]), "a list"),
        (json!({"a": 1}), "an object"),
    ] {
        let e = shape_error(|v| v["assessment"]["id"] = bad.clone());
        assert_eq!(e.path, Path(vec![field("id")]), "{bad}");
        assert!(
            matches!(
                &e.kind,
                Kind::WrongType {
                    expected: Expected::Text,
                    ..
                }
            ),
            "{e:?}"
        );
        assert_eq!(
            e.to_string(),
            format!("the field \"id\" is not right: it is {found}, but should be text")
        );
    }
    // An impact's id is a whole number.
    for (bad, kind) in [
        (
            json!("two"),
            Kind::WrongType {
                found: Found::Text("two".into()),
                expected: Expected::WholeNumber,
            },
        ),
        (
            json!(-1),
            Kind::WrongValue {
                found: Found::Number("-1".into()),
                expected: Expected::WholeNumber,
            },
        ),
        (
            json!(4_294_967_296u64),
            Kind::WrongValue {
                found: Found::Number("4294967296".into()),
                expected: Expected::WholeNumber,
            },
        ),
    ] {
        let e = shape_error(|v| v["assessment"]["impacts"][0]["id"] = bad.clone());
        assert_eq!(
            (e.path.to_string(), e.kind),
            ("impacts[0].id".to_string(), kind)
        );
    }
}

#[test]
fn deeply_nested_wrong_values_are_named_where_they_start() {
    let deep = |depth: usize| {
        let mut value = json!("bottom");
        for i in 0..depth {
            value = if i % 2 == 0 {
                json!([value])
            } else {
                json!({ "k": value })
            };
        }
        value
    };
    for (depth, found) in [(1, Found::List), (2, Found::Object), (100, Found::Object)] {
        let e = shape_error(|v| v["assessment"]["impacts"][1]["severity"] = deep(depth));
        assert_eq!(e.path.to_string(), "impacts[1].severity", "{depth}");
        assert_eq!(
            e.kind,
            Kind::WrongType {
                found: found.clone(),
                expected: Expected::OneOf(&["minimal", "significant", "severe"])
            }
        );
        let e = shape_error(|v| v["assessment"]["answers"]["purpose.why"] = deep(depth));
        assert_eq!(e.path.to_string(), "answers.purpose.why");
        assert!(matches!(e.kind, Kind::WrongType { .. }), "{e:?}");
        let e = shape_error(|v| v["assessment"]["unheard_of"] = deep(depth));
        assert_eq!(
            (
                e.path.to_string(),
                matches!(e.kind, Kind::UnknownField { .. })
            ),
            ("unheard_of".into(), true)
        );
    }
    // A wrong value inside a list inside a list inside the assessment.
    let e = shape_error(|v| {
        third_impact(v);
        v["assessment"]["impacts"][2]["likelihood"] = json!(false);
    });
    assert_eq!(e.path.to_string(), "impacts[2].likelihood");
    let e = shape_error(|v| {
        v["assessment"]["answers"]["about.people"] = json!(["tenants", ["children"]])
    });
    assert_eq!(
        e.path,
        Path(vec![
            field("answers"),
            field("about.people"),
            Segment::Index(1)
        ])
    );
}

/// The names of the fields serde knows for an object: an unknown field's error lists
/// them (straight from the derived `Deserialize`, not from any list of ours).
fn serde_fields(edit: impl FnOnce(&mut Value)) -> &'static [&'static str] {
    match shape_error(edit).kind {
        Kind::UnknownField { fields } => fields,
        other => panic!("{other:?}"),
    }
}

/// The property names the JSON Schema generator gives an object of `$defs`.
fn schema_fields(def: &str) -> Vec<String> {
    let mut names: Vec<String> = json_schema()["$defs"][def]["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    names.sort();
    names
}

/// Nothing in the import lists the model's fields: give every field serde knows a value
/// of the wrong type and each error still names that field. A field added to `Impact`,
/// `ReviewEntry` or `Assessment` is covered here with no change to the import.
#[test]
fn every_field_serde_knows_is_named_without_a_list_of_fields() {
    type Place = fn(&mut Value) -> &mut Value;
    let places: [(&str, &str, Place); 4] = [
        ("assessment", "", |v| &mut v["assessment"]),
        ("reviewed", "reviewed.", |v| {
            v["assessment"]["reviewed"] = json!({"version": 1, "digest": "0".repeat(64)});
            &mut v["assessment"]["reviewed"]
        }),
        ("impact", "impacts[1].", |v| {
            &mut v["assessment"]["impacts"][1]
        }),
        ("review_entry", "review_log[0].", |v| {
            v["assessment"]["review_log"] = json!([{"date": "2026-01-01", "note": "ok"}]);
            &mut v["assessment"]["review_log"][0]
        }),
    ];
    for (def, prefix, place) in places {
        let known = serde_fields(|v| place(v)["no_such_field"] = json!(1));
        let mut sorted: Vec<String> = known.iter().map(|f| f.to_string()).collect();
        sorted.sort();
        assert_eq!(
            sorted,
            schema_fields(def),
            "the schema of {def} and the model differ"
        );
        for name in known {
            // `true` is of the wrong type for every field of the model.
            let e = shape_error(|v| place(v)[*name] = json!(true));
            assert_eq!(e.path.to_string(), format!("{prefix}{name}"), "{e:?}");
            assert!(
                matches!(
                    &e.kind,
                    Kind::WrongType {
                        found: Found::Boolean(true),
                        ..
                    }
                ),
                "{name}: {e:?}"
            );
            let message = ImportError::Shape(e).message();
            assert!(
                message.contains(&format!(
                    "the field \"{prefix}{name}\" is not right: it is true, but should be"
                )),
                "{message}"
            );
        }
    }
}

#[test]
fn huge_names_and_values_keep_the_message_short() {
    let huge = "z".repeat(100_000);
    for e in [
        shape_error(|v| v["assessment"][huge.as_str()] = json!(1)),
        shape_error(|v| v["assessment"]["answers"][huge.as_str()] = json!(1)),
        shape_error(|v| v["assessment"]["status"] = json!(huge.clone())),
        shape_error(|v| v["assessment"]["impacts"][0]["id"] = json!(huge.clone())),
    ] {
        let message = ImportError::Shape(e).message();
        assert!(message.len() < 700, "{}", message.len());
    }
}

/// The messages tests/browser/bad-files.test.mjs matches, produced natively. The
/// interface shows them after "“name” could not be opened: ".
#[test]
fn the_messages_the_browser_tests_expect() {
    // The browser test's `goodExport()`.
    let good = || {
        json!({
            "format": "lia-assessment",
            "schema_version": SCHEMA_VERSION,
            "app_version": "0.1.0",
            "exported_at": "2026-11-22T10:15:00.000Z",
            "assessment": {
                "id": "imp-1",
                "version": 1,
                "status": "draft",
                "answers": { "about.title": "From a file" },
                "impacts": [{ "id": 1, "description": "Harm", "likelihood": "possible", "severity": "minimal", "safeguards": "" }]
            }
        })
    };
    let message = |bytes: &[u8]| error_of(bytes).message();
    assert!(import_value(&good()).is_ok());

    // /there is a mistake at line 2, column 3 \(/
    let m = message(b"{\"format\": \"lia-assessment\",\n  oops: 1}");
    assert!(
        m.starts_with("The file is not valid JSON: there is a mistake at line 2, column 3 ("),
        "{m}"
    );
    // /it stops at line \d+, column \d+, before the data is complete/
    let text = serde_json::to_string_pretty(&good()).unwrap();
    let e = error_of(&text.as_bytes()[..120]);
    let ImportError::NotJson {
        line,
        column,
        truncated: true,
        ..
    } = e
    else {
        panic!("{e:?}")
    };
    assert!(e.message().starts_with(&format!(
        "The file is not valid JSON: it stops at line {line}, column {column}, before the data is complete"
    )));
    // /the field "impacts\[0\]\.likelihood" is not right: /
    let mut shape = good();
    shape["assessment"]["impacts"][0]["likelihood"] = json!("sometimes");
    let m = import_value(&shape).unwrap_err().message();
    assert!(
        m.starts_with("The assessment in the file cannot be read: the field \"impacts[0].likelihood\" is not right: "),
        "{m}"
    );
    // /the field "answers\.about\.people" is not right: /
    let mut types = good();
    types["assessment"]["answers"] = json!({ "about.people": "tenants" });
    let m = import_value(&types).unwrap_err().message();
    assert!(
        m.starts_with("The assessment in the file cannot be read: the field \"answers.about.people\" is not right: "),
        "{m}"
    );
    let mut future = good();
    future["schema_version"] = json!(99);
    assert!(import_value(&future).unwrap_err().message().starts_with(
        "This file was saved by a newer version of this tool (format version 99; this version reads up to 2). Open it with the newer version, or update this one."
    ));
    let mut zero = good();
    zero["schema_version"] = json!(0);
    assert!(import_value(&zero).unwrap_err().message().starts_with(
        "The file says it is in format version 0, which no version of this tool has written, so it cannot be imported."
    ));
    let report = format!(
        "<!DOCTYPE html><html><body><h1>Report</h1><script type=\"application/json\" id=\"lia-assessment\">{}</script></body></html>",
        serde_json::to_string(&future).unwrap()
    );
    assert!(message(report.as_bytes()).starts_with(
        "This HTML report carries a copy of an assessment, but it cannot be read. This file was saved by a newer version of this tool"
    ));
}

// ---- HTML reports: only the copy a browser reads, and only when it is the only one ----

/// The start tag of the copy in every report.
const COPY: &str = "<script type=\"application/json\" id=\"lia-assessment\">";

/// What someone would plant in the sample's report: the whole copy (tag, JSON, end tag)
/// from the report of another assessment, with its own digest, which matches.
fn planted() -> String {
    let other = (example("postal-offers").unwrap().build)("planted");
    let report = to_html(&other, AT, None);
    let start = report.find(COPY).unwrap();
    let end = start + report[start..].find("</script>").unwrap() + "</script>".len();
    let copy = report[start..end].to_string();
    // It is a good copy in its own right.
    let alone = format!("<!DOCTYPE html><meta charset=\"utf-8\"><html><body>{copy}</body></html>");
    let imported = import(alone.as_bytes()).unwrap();
    assert_eq!(imported.assessment.id, "planted");
    assert_eq!(imported.digest, DigestCheck::Matches);
    copy
}

/// The sample's report with `fragment` (`{copy}` replaced by the planted copy) just
/// after `<body>`, before the report's own copy.
fn before_the_copy(fragment: &str) -> String {
    let fragment = fragment.replace("{copy}", &planted());
    to_html(&sample(), AT, None).replacen("<body>\n", &format!("<body>\n{fragment}\n"), 1)
}

/// The same, just before `</body>`, after the report's own copy.
fn after_the_copy(fragment: &str) -> String {
    let fragment = fragment.replace("{copy}", &planted());
    to_html(&sample(), AT, None).replacen("</body>", &format!("{fragment}\n</body>"), 1)
}

fn hidden(place: HiddenPlace) -> ImportError {
    ImportError::HiddenEmbedded {
        place,
        hidden: 1,
        copies: 2,
    }
}

#[test]
fn the_tools_own_report_imports_and_has_the_id_only_on_its_copy() {
    let report = to_html(&sample(), AT, None);
    assert_eq!(report.matches("id=\"lia-assessment\"").count(), 1);
    assert_eq!(report.matches(COPY).count(), 1);
    let imported = import(report.as_bytes()).unwrap();
    assert_eq!(imported.assessment, sample());
    assert_eq!(imported.digest, DigestCheck::Matches);
    // Text that spells the id, typed into every field, is escaped so that it never
    // reads as one: `=` is written `&#61;` in the page and `\u003d` in the copy.
    let mut a = sample();
    let spelled = "id=lia-assessment ID = 'lia-assessment' <script id=\"lia-assessment\">";
    a.set_text(QuestionId::PurposeWhy, spelled)
        .set_text(QuestionId::AboutTitle, spelled);
    let report = to_html(&a, AT, None);
    assert!(report.contains("id&#61;lia-assessment"));
    assert!(report.contains("id\\u003dlia-assessment"));
    assert_eq!(import(report.as_bytes()).unwrap().assessment, a);
}

#[test]
fn a_copy_a_browser_would_not_read_is_refused_and_named_wherever_it_is() {
    use HiddenPlace::*;
    for (fragment, place) in [
        ("<!-- {copy} -->", Comment),
        ("<!--> <!-- {copy} --!>", Comment),
        ("<!--->-- <!---- {copy} --->", Comment),
        ("<! id=\"lia-assessment\">", BogusComment),
        ("<?xml id='lia-assessment'?>", BogusComment),
        ("</ id=lia-assessment>", BogusComment),
        ("<template>{copy}</template>", Template),
        (
            "<template><template></template><p>{copy}</p></template>",
            Template,
        ),
        (
            "<TEMPLATE><textarea></template></textarea>{copy}</TEMPLATE>",
            Template,
        ),
        ("<textarea>{copy}</textarea>", TextOf("textarea")),
        ("<TextArea>{copy}</TEXTAREA >", TextOf("textarea")),
        ("<title>{copy}</title>", TextOf("title")),
        ("<style>{copy}</style>", TextOf("style")),
        ("<noscript>{copy}</noscript>", TextOf("noscript")),
        ("<xmp>{copy}</xmp>", TextOf("xmp")),
        ("<iframe>{copy}</iframe>", TextOf("iframe")),
        ("<noembed>{copy}</noembed>", TextOf("noembed")),
        ("<noframes>{copy}</noframes>", TextOf("noframes")),
        // `</textareax>` does not end a textarea; `</textarea/>` does.
        (
            "<textarea></textareax>{copy}</textarea/>",
            TextOf("textarea"),
        ),
        ("<p title='{copy}'>", AttributeValue),
        (
            "<p title=\"x\" data-x='<script id=\"lia-assessment\">'>",
            AttributeValue,
        ),
        (
            "<script>var s = \"<script id='lia-assessment'>\";</script>",
            ScriptText,
        ),
        // After `<!--<script>` inside a script, `</script>` does not end it: the planted
        // copy is text of the first script, which ends only at the last `</script>`.
        (
            "<script><!--<script></script>{copy}--></script>",
            ScriptText,
        ),
        (
            "<script>x = 1; // <!-- <script>\n</script>{copy}</script>",
            ScriptText,
        ),
        // A browser keeps the first of two ids.
        (
            "<script type=\"application/json\" id=\"other\" id=\"lia-assessment\">{}</script>",
            IgnoredAttribute,
        ),
        ("</p id=\"lia-assessment\">", IgnoredAttribute),
        (
            "<div id=\"lia-assessment\"></div>",
            OtherElement("div".into()),
        ),
        (
            "<svg><script id=\"lia-assessment\">{}</script></svg>",
            Drawing,
        ),
        ("<math><mi>x id=\"lia-assessment\"</mi></math>", Drawing),
        ("<p>Our id=\"lia-assessment\" is</p>", Text),
        ("<!DOCTYPE html id=\"lia-assessment\">", Doctype),
    ] {
        let report = before_the_copy(fragment);
        let e = import(report.as_bytes())
            .map(|i| i.assessment.id)
            .expect_err(fragment);
        assert_eq!(e, hidden(place.clone()), "{fragment}");
        assert_says(
            &e,
            &[
                "This HTML file has 2 copies of an assessment in it (or what look like them), \
                 and one of them is where a browser would not read it: it is ",
                &place.describe(),
                "The file may have been tampered with",
            ],
        );
    }
    // After the report's copy, `<plaintext>` makes the rest text; before it, the report's
    // own copy too.
    let e = error_of(after_the_copy("<plaintext>{copy}").as_bytes());
    assert_eq!(e, hidden(HiddenPlace::Plaintext));
    let e = error_of(before_the_copy("<plaintext>{copy}").as_bytes());
    assert_eq!(
        e,
        ImportError::HiddenEmbedded {
            place: HiddenPlace::Plaintext,
            hidden: 2,
            copies: 2
        }
    );
    assert_says(
        &e,
        &["2 of them are where a browser would not read them: the first is after a <plaintext> tag"],
    );
    // A file whose only copy is hidden.
    let e = error_of(b"<html><body><template><script id=\"lia-assessment\">{}</script></template>");
    assert_eq!(
        e,
        ImportError::HiddenEmbedded {
            place: HiddenPlace::Template,
            hidden: 1,
            copies: 1
        }
    );
    assert_eq!(
        e.message(),
        "This HTML file has a copy of an assessment in it, but not where a browser would read \
         it: it is inside a <template>, whose content is not part of the page. The file may \
         have been tampered with, so it has not been imported: export the report again from \
         the tool that made it, if you can."
    );
}

#[test]
fn two_copies_a_browser_reads_are_refused_however_they_are_written() {
    for fragment in [
        "{copy}",
        "<SCRIPT TYPE=\"application/json\" ID=\"lia-assessment\">{}</SCRIPT>",
        "<ScRiPt iD=lia-assessment>{}</sCrIpT>",
        "<script id='lia-assessment'>{}</script>",
        "<script\tid = lia-assessment\n>{}</script>",
        "<script id=\"&#108;ia-&#x61;ssessment\">{}</script>",
        // A browser keeps the first of two ids: this one is ours.
        "<script id=\"lia-assessment\" id=\"other\">{}</script>",
        // The `</script>` inside the string ends the first script, so the second is a
        // script of its own.
        "<script>var s = \"</script><script id='lia-assessment'>{}</script>\";",
        // Nested templates are counted: this one is outside them both.
        "<template><template></template></template><script id=lia-assessment>{}</script>",
        "<!-- a -- b --><script id=lia-assessment>{}</script>",
    ] {
        let e = error_of(before_the_copy(fragment).as_bytes());
        assert_eq!(e, ImportError::SeveralEmbedded { copies: 2 }, "{fragment}");
        assert_eq!(
            e.message(),
            "This HTML file has 2 copies of an assessment in it. A report saved from this tool \
             has exactly one, so it is not clear which is meant. The file may have been \
             tampered with, so it has not been imported: export the report again from the \
             tool that made it, if you can."
        );
    }
    let e = error_of(after_the_copy("{copy}{copy}").as_bytes());
    assert_eq!(e, ImportError::SeveralEmbedded { copies: 3 });
    assert_says(&e, &["has 3 copies"]);
}

#[test]
fn markup_the_import_cannot_follow_is_refused() {
    for (fragment, markup) in [
        ("<select><option>a</option></select>", UnclearMarkup::Select),
        ("<frameset></frameset>", UnclearMarkup::Frameset),
        (
            "<template><col></template>",
            UnclearMarkup::ColumnInTemplate,
        ),
        (
            "<noscript><p>Turn on JavaScript</p></noscript>",
            UnclearMarkup::Noscript,
        ),
        ("<svg><desc><p>x</p></desc></svg>", UnclearMarkup::Drawing),
        ("<svg><g></p></g></svg>", UnclearMarkup::Drawing),
        ("<svg></div></svg>", UnclearMarkup::Drawing),
        ("<meta charset=\"windows-1252\">", UnclearMarkup::Encoding),
        ("<svg><p>out</svg>", UnclearMarkup::Drawing),
    ] {
        let e = error_of(before_the_copy(fragment).as_bytes());
        assert_eq!(e, ImportError::UnclearReport(markup), "{fragment}");
        assert_says(
            &e,
            &[
                "This HTML file has markup that this tool cannot follow for certain (",
                markup.describe(),
                "The file may have been tampered with",
            ],
        );
        // After the copy, only a `<frameset>` (which can take the place of the body that
        // holds the copy) and an encoding (which changes how the whole file reads) matter.
        let after = import(after_the_copy(fragment).as_bytes());
        match markup {
            UnclearMarkup::Frameset | UnclearMarkup::Encoding => assert_eq!(after.unwrap_err(), e),
            _ => assert_eq!(after.unwrap().assessment, sample(), "{fragment}"),
        }
    }
    // Plain drawings, like the report's own risk matrix, are followed.
    for fragment in [
        "<svg><title>t</title><desc>d</desc><g><rect/></g><text>1</text></svg>",
        "<svg><g><a></svg>",
        "<math><mi>x</mi><![CDATA[ <script id=lia ]]></math>",
        "<noscript>Turn on JavaScript</noscript>",
    ] {
        assert_eq!(
            import(before_the_copy(fragment).as_bytes())
                .unwrap()
                .assessment,
            sample(),
            "{fragment}"
        );
    }
}

// ---- JSON: a key given twice --------------------------------------------------------

#[test]
fn a_key_given_twice_is_refused_wherever_it_is() {
    let json = to_json(&sample(), AT, None);
    for (from, to, path) in [
        (
            "{\n  \"format\"",
            "{\n  \"format\": \"lia-assessment\",\n  \"format\"",
            "format",
        ),
        (
            "\"exported_at\"",
            "\"exported_at\": \"2020-01-01T00:00:00Z\",\n  \"exported_at\"",
            "exported_at",
        ),
        (
            "\"assessment\": {",
            "\"assessment\": {\n    \"status\": \"approved\",",
            "assessment.status",
        ),
        (
            "\"purpose.why\"",
            "\"purpose.why\": \"Another reason\",\n      \"purpose.why\"",
            "assessment.answers.purpose.why",
        ),
        (
            "\"impacts\": [\n      {",
            "\"impacts\": [\n      {\n        \"severity\": \"minimal\",",
            "assessment.impacts[0].severity",
        ),
        (
            "\"digest\": {",
            "\"digest\": {\n    \"value\": \"00\",",
            "digest.value",
        ),
    ] {
        assert_eq!(json.matches(from).count(), 1, "{from}");
        let edited = json.replacen(from, to, 1);
        let e = error_of(edited.as_bytes());
        let ImportError::DuplicateKey { path: found } = &e else {
            panic!("{path}: {e:?}");
        };
        assert_eq!(found.to_string(), path);
        assert_eq!(
            e.message(),
            format!(
                "The file has the field \"{path}\" twice, so it is not clear which is meant. It \
                 may have been edited or tampered with, so it has not been imported: export it \
                 again if you can."
            )
        );
        // The copy in a report is read the same way.
        let report = to_html(&sample(), AT, None);
        let edited = report.replacen(from, to, 1);
        assert_ne!(edited, report);
        let e = error_of(edited.as_bytes());
        assert!(
            matches!(&e, ImportError::InReport(inner) if **inner == ImportError::DuplicateKey { path: found.clone() }),
            "{e:?}"
        );
        assert_says(
            &e,
            &[
                "This HTML report carries a copy",
                &format!("\"{path}\" twice"),
            ],
        );
    }
    // The path is a typed list of fields and indexes.
    let e = error_of(
        json.replacen(
            "\"impacts\": [\n      {",
            "\"impacts\": [\n      {\n        \"id\": 9,",
            1,
        )
        .as_bytes(),
    );
    assert_eq!(
        e,
        ImportError::DuplicateKey {
            path: Path(vec![
                field("assessment"),
                field("impacts"),
                Segment::Index(0),
                field("id")
            ])
        }
    );
}

// ---- as strict as the schema, and said in plain words ------------------------------------

#[test]
fn a_digest_in_the_record_that_is_not_one_is_refused_and_named() {
    let digest = "0123456789abcdef".repeat(4);
    for (edit, path) in [
        (
            json!([{"sent": "2026-11-01", "content": "not a digest"}]),
            "handover[0].content",
        ),
        (
            json!([{"sent": "2026-11-01", "content": digest.to_uppercase()}]),
            "handover[0].content",
        ),
        (
            json!([{"sent": "2026-11-01", "content": format!("{digest}0")}]),
            "handover[0].content",
        ),
    ] {
        let mut value = export_value();
        value["assessment"]["handover"] = edit;
        let e = import_value(&value).unwrap_err();
        assert!(matches!(e, ImportError::Shape(_)), "{e:?}");
        assert_says(
            &e,
            &[
                &format!("the field \"{path}\" is not right"),
                "should be a SHA-256 digest: 64 digits and letters from a to f, in lower case",
            ],
        );
    }
    let mut value = export_value();
    value["assessment"]["reviewed"] = json!({"version": 1, "digest": "abc"});
    assert_says(
        &import_value(&value).unwrap_err(),
        &["the field \"reviewed.digest\" is not right: it is the text \"abc\", but should be a SHA-256 digest"],
    );
    // In the form the schema gives, it reads.
    let mut value = export_value();
    value["assessment"]["handover"] = json!([{"sent": "2026-11-01", "content": digest}]);
    assert!(import_value(&value).is_ok());
}

#[test]
fn json_nested_too_deeply_says_so() {
    let deep = format!("{{\"format\":{}", "[".repeat(100_000));
    let e = error_of(deep.as_bytes());
    assert_eq!(
        e,
        ImportError::TooDeep {
            line: 1,
            column: 137
        }
    );
    assert_says(
        &e,
        &["nested too deeply, more than 127 inside one another (from line 1, column 137)"],
    );
    assert!(
        !e.message().contains("is not expected there"),
        "{}",
        e.message()
    );
}

#[test]
fn an_escape_for_half_a_character_says_so() {
    let text = "{\"format\": \"lia-assessment\",\n \"note\": \"caf\\u00e9 \\ud800 \"}";
    let e = error_of(text.as_bytes());
    assert_eq!(
        e,
        ImportError::HalfCharacter {
            line: 2,
            column: 21,
            escape: "\\ud800".into()
        }
    );
    assert_says(
        &e,
        &["at line 2, column 21 there is an escape for half a character (\\ud800)"],
    );
    // The same in a report's copy.
    let html = to_html(&sample(), "2026-11-26T10:00:00Z", None);
    let broken = html.replacen("\"about.title\": \"", "\"about.title\": \"\\udc01", 1);
    assert!(broken != html, "the title is where it was");
    assert_says(
        &error_of(broken.as_bytes()),
        &["an escape for half a character (\\udc01)"],
    );
}

#[test]
fn a_report_a_browser_would_show_in_another_encoding_is_refused() {
    let mut a = sample();
    a.set_text(
        lia::assessment::QuestionId::AboutTitle,
        "Café « spring » 2026",
    );
    let report = to_html(&a, AT, None);
    assert_eq!(
        import(report.as_bytes()).unwrap().digest,
        DigestCheck::Matches
    );
    let without_meta = report.replacen("<meta charset=\"utf-8\">", "", 1);
    assert!(!without_meta.contains("charset"));
    // Shown by Chromium as windows-1252 (garbled), though its digest matches as UTF-8.
    let xml = format!("<?xml version=\"1.0\" encoding=\"windows-1252\"?>{without_meta}");
    let e = error_of(xml.as_bytes());
    assert_eq!(
        e,
        ImportError::Encoding(Encoding::Xml("windows-1252".into()))
    );
    assert_says(
        &e,
        &[
            "starts by saying it is in the character encoding “windows-1252”, not UTF-8",
            "export the report again, or import the JSON export.",
        ],
    );
    // Whatever follows it: a declaration of another encoding is never the tool's.
    let xml_then_meta = format!("<?xml version=\"1.0\" encoding=\"windows-1252\"?>{report}");
    assert!(matches!(
        error_of(xml_then_meta.as_bytes()),
        ImportError::Encoding(Encoding::Xml(_))
    ));
    // No encoding said at all: opened as a file, or served without one, a browser guesses.
    let e = error_of(without_meta.as_bytes());
    assert_eq!(e, ImportError::Encoding(Encoding::Undeclared));
    assert_says(&e, &["does not say near its start that it is in UTF-8"]);
    // Said only where the prescan does not look: the same.
    let hidden = without_meta.replacen("<head>", "<head><!-- <meta charset=\"utf-8\"> -->", 1);
    assert_eq!(
        error_of(hidden.as_bytes()),
        ImportError::Encoding(Encoding::Undeclared)
    );
    // A meta of another encoding is refused as before; a byte order mark decides first.
    let latin = report.replacen("charset=\"utf-8\"", "charset=\"iso-8859-1\"", 1);
    assert_eq!(
        error_of(latin.as_bytes()),
        ImportError::UnclearReport(UnclearMarkup::Encoding)
    );
    let with_bom = format!("\u{feff}{without_meta}");
    assert!(import(with_bom.as_bytes()).is_ok());
    let xml_utf8 = format!("<?xml version='1.0' encoding='UTF-8'?>{report}");
    assert!(import(xml_utf8.as_bytes()).is_ok());
}
